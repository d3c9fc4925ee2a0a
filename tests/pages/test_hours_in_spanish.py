"""Opening hours, closures and review dates read naturally in each language: the same rows give
'Monday to Thursday: 8:00 a.m. to 5:00 p.m.' and 'Lunes a jueves: 8:00 a. m. a 5:00 p. m.'."""

import datetime

from django.utils import translation

from pages.hours import date_label, opening_hours_specification, summary_lines, weekly_schedule
from pages.models import Closure, OpeningHours

THANKSGIVING = datetime.date(2026, 11, 26)


def monday_to_thursday():
    return [
        OpeningHours(weekday=day, opens=datetime.time(8), closes=datetime.time(17))
        for day in range(4)
    ]


NBSP = "\u00a0"


def test_the_week_in_english_and_in_spanish():
    with translation.override("en-us"):
        english = summary_lines(weekly_schedule(monday_to_thursday()))
    with translation.override("es"):
        spanish = summary_lines(weekly_schedule(monday_to_thursday()))
    english = [line.replace(NBSP, " ") for line in english]
    spanish = [line.replace(NBSP, " ") for line in spanish]
    assert english == ["Monday to Thursday: 8:00 a.m. to 5:00 p.m.", "Other days: closed"]
    assert spanish == ["Lunes a jueves: 8:00 a. m. a 5:00 p. m.", "Los demás días: cerrado"]


def test_a_time_is_never_split_across_lines():
    """A phone must not end a line with '5:00 p.' and start the next with 'm.' (issue 27)."""
    with translation.override("es"):
        (line, _) = summary_lines(weekly_schedule(monday_to_thursday()))
    assert f"8:00{NBSP}a.{NBSP}m. a 5:00{NBSP}p.{NBSP}m." in line
    with translation.override("en-us"):
        (line, _) = summary_lines(weekly_schedule(monday_to_thursday()))
    assert f"8:00{NBSP}a.m. to 5:00{NBSP}p.m." in line


def test_each_day_heads_its_own_line_with_a_capital_in_both_languages():
    with translation.override("es"):
        days = [day["day"] for day in weekly_schedule(monday_to_thursday())]
    assert days[:3] == ["Lunes", "Martes", "Miércoles"]


def test_schema_org_days_stay_english_on_spanish_pages():
    with translation.override("es"):
        specification = opening_hours_specification(monday_to_thursday()[:1])
    assert specification[0]["dayOfWeek"] == "https://schema.org/Monday"


def test_a_closure_and_a_date_are_written_out_in_the_page_language():
    closure = Closure(first_day=THANKSGIVING, reason="Thanksgiving")
    with translation.override("en-us"):
        assert closure.label == "Closed Thursday, November 26, 2026 (Thanksgiving)"
        assert date_label(datetime.date(2026, 3, 3)) == "March 3, 2026"
    closure.reason = "Día de Acción de Gracias"
    closure.last_day = THANKSGIVING + datetime.timedelta(days=1)
    with translation.override("es"):
        assert closure.label == (
            "Cerrado del jueves 26 de noviembre de 2026 al viernes 27 de noviembre de 2026 "
            "(Día de Acción de Gracias)"
        )
        assert date_label(datetime.date(2026, 3, 3)) == "3 de marzo de 2026"
