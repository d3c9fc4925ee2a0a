"""Formats for the Spanish pages, as Spanish speakers in the United States read them.

Dates in words follow Spanish ("3 de marzo de 2026"); the rest follows US habits that Mexican
and US Spanish share: a 12-hour clock ("8:00 a. m."), a point before decimals and commas between
thousands ("$1,200.50"), and weeks that start on Sunday, like the calendars patients use.
Templates that spell a date out translate its format ("F j, Y" becomes "j \\d\\e F \\d\\e Y" in
the catalog), so English pages keep "March 3, 2026".
"""

DATE_FORMAT = r"j \d\e F \d\e Y"  # 29 de noviembre de 2026
DATETIME_FORMAT = r"j \d\e F \d\e Y, g:i a"  # 29 de noviembre de 2026, 8:00 a. m.
TIME_FORMAT = "g:i a"  # 8:00 a. m.
YEAR_MONTH_FORMAT = r"F \d\e Y"  # noviembre de 2026
MONTH_DAY_FORMAT = r"j \d\e F"  # 29 de noviembre
SHORT_DATE_FORMAT = "m/d/Y"  # 11/29/2026, as on US forms
SHORT_DATETIME_FORMAT = "m/d/Y g:i a"  # 11/29/2026 8:00 a. m.
FIRST_DAY_OF_WEEK = 0  # Sunday
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
