"""Opening hours and closures as patients read them ("Monday: 8:00 a.m. to 5:00 p.m.") and as
search engines read them (schema.org OpeningHoursSpecification).

The functions take the rows a location already fetched, so a template can ask for the week
and the closures without another query.
"""

import datetime

from django.utils import dateformat, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext_lazy

# Day names in the visitor's language, lower case where the language writes them so ("lunes"):
# a line of hours starts with a capital letter (capfirst), a range reads "lunes a jueves".
WEEKDAYS = [
    (0, pgettext_lazy("weekday", "Monday")),
    (1, pgettext_lazy("weekday", "Tuesday")),
    (2, pgettext_lazy("weekday", "Wednesday")),
    (3, pgettext_lazy("weekday", "Thursday")),
    (4, pgettext_lazy("weekday", "Friday")),
    (5, pgettext_lazy("weekday", "Saturday")),
    (6, pgettext_lazy("weekday", "Sunday")),
]
# schema.org's day names, in English whatever the page's language.
SCHEMA_DAY_NAMES = dict(
    enumerate(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
)
NBSP = "\u00a0"
# A closure is announced this many days before it starts, and gone the day after it ends.
CLOSURE_NOTICE_DAYS = 30


def time_label(value):
    """US style with periods, as AP and most US health sites write it: '8:00 a.m.' (in Spanish,
    '8:00 a. m.'), held together by non-breaking spaces so a phone never ends a line with
    '5:00 p.' and starts the next with 'm.'."""
    hour = value.hour % 12 or 12
    period = gettext("a.m.") if value.hour < 12 else gettext("p.m.")
    return f"{hour}:{value.minute:02d}{NBSP}{period.replace(' ', NBSP)}"


def date_label(value):
    """'March 3, 2026' ('3 de marzo de 2026' in Spanish)."""
    # Translators: a date written out, in Django's date format codes (templates use it too).
    return dateformat.format(value, gettext("F j, Y"))


def day_and_date_label(value):
    """'Thursday, November 26, 2026' ('jueves 26 de noviembre de 2026' in Spanish)."""
    # Translators: a weekday and date written out, in Django's date format codes.
    return dateformat.format(value, gettext("l, F j, Y"))


def time_range_label(opens, closes):
    """'8:00 a.m. to 5:00 p.m.'."""
    return gettext("{opens} to {closes}").format(opens=time_label(opens), closes=time_label(closes))


def weekly_schedule(rows):
    """Every day of the week in order, each with its opening times (an empty list: closed).
    An empty list when no hours are entered at all, so the page can say to call."""
    rows = list(rows)
    if not rows:
        return []
    by_day = {day: [] for day, _ in WEEKDAYS}
    for row in sorted(rows, key=lambda row: (row.weekday, row.opens)):
        by_day[row.weekday].append(row)
    return [
        {"day": capfirst(str(name)), "name": str(name), "times": by_day[day]}
        for day, name in WEEKDAYS
    ]


def summary_lines(week):
    """The week in as few lines as it reads clearly: consecutive days with the same times
    share a line ('Monday to Thursday: 8:00 a.m. to 5:00 p.m.'), and one last line says the
    office is closed on the days not listed."""
    lines, run = [], []
    for day in week + [None]:
        if run and (day is None or _times(day) != _times(run[0])):
            if _times(run[0]):
                days = run[0]["name"]
                if len(run) > 1:
                    days = gettext("{first} to {last}").format(
                        first=run[0]["name"], last=run[-1]["name"]
                    )
                lines.append(capfirst(f"{days}: {_times(run[0])}"))
            run = []
        if day is not None:
            run.append(day)
    if lines and any(not day["times"] for day in week):
        lines.append(gettext("Other days: closed"))
    return lines


def _times(day):
    return "; ".join(str(time.label) for time in day["times"])


def upcoming_closures(closures, today=None):
    """Closures that have not ended and start within the notice period, soonest first."""
    today = today or timezone.localdate()
    announce_until = today + datetime.timedelta(days=CLOSURE_NOTICE_DAYS)
    return sorted(
        (c for c in closures if c.last_day_or_first >= today and c.first_day <= announce_until),
        key=lambda closure: closure.first_day,
    )


def opening_hours_specification(rows):
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"https://schema.org/{SCHEMA_DAY_NAMES[row.weekday]}",
            "opens": row.opens.strftime("%H:%M"),
            "closes": row.closes.strftime("%H:%M"),
        }
        for row in sorted(rows, key=lambda row: (row.weekday, row.opens))
    ]


def closure_specification(closures):
    """Closed all day: schema.org's convention is opening and closing at midnight."""
    return [
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": closure.first_day.isoformat(),
            "validThrough": closure.last_day_or_first.isoformat(),
            "opens": "00:00",
            "closes": "00:00",
        }
        for closure in closures
    ]
