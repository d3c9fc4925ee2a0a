"""US date and time formats for everything Django and the Wagtail admin format by locale.

Django's own English formats follow the Associated Press ("Nov. 29, 2026", "4 p.m."), which
reads as a typo to most of our staff; these read the way American forms and calendars do.
"""

DATE_FORMAT = "M j, Y"  # Nov 29, 2026
DATETIME_FORMAT = "M j, Y, g:i a"  # Nov 29, 2026, 8:00 a.m.
TIME_FORMAT = "g:i a"  # 8:00 a.m.
YEAR_MONTH_FORMAT = "F Y"  # November 2026
MONTH_DAY_FORMAT = "F j"  # November 29
SHORT_DATE_FORMAT = "m/d/Y"  # 11/29/2026
SHORT_DATETIME_FORMAT = "m/d/Y g:i a"  # 11/29/2026 8:00 a.m.
FIRST_DAY_OF_WEEK = 0  # Sunday
