"""What patients search for, counted per day for the editors' report, with nothing personal.

Only the query's words, the day and two counters are kept: no address, cookie, user or time.
A query that looks like it carries personal data (an email address, a phone or other long
number, a date such as a date of birth) is not stored at all. This is the one record of
searches: Wagtail's own per-query counts (`Query.add_hit`) are not kept, since they would store
every query as typed, for ever."""

import re

from django.db.models import F
from django.utils import timezone

from .models import SearchTermDay
from .words import ENGLISH

MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
PERSONAL = [
    re.compile(r"@|\bat\s+\w+\s+dot\s+(?:com|net|org)\b"),  # email, also spelled out
    re.compile(r"(?:\d\D{0,3}){7,}"),  # 7+ digits: a phone, ID or card number, however written
    re.compile(r"\b\d{1,4}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}\b"),  # 3/14/1962, 1962-03-14
    re.compile(rf"\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{2,4}}\b"),  # March 14, 1962
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+\d{{2,4}}\b"),  # 14 March 62
    re.compile(r"\b(?:dob|d\.o\.b|date of birth|birth ?date|born (?:on|in))\b"),
]


def looks_personal(query):
    text = query.lower()
    return any(pattern.search(text) for pattern in PERSONAL)


def normalized(query):
    return " ".join(query.lower().split())[: SearchTermDay._meta.get_field("query").max_length]


def record_search(query, found_anything, language=ENGLISH):
    """Count one search (a first page of results, not paging) for today, in `language`."""
    if looks_personal(query):
        return False
    text = normalized(query)
    if not text:
        return False
    increments = {"searches": F("searches") + 1}
    if not found_anything:
        increments["searches_without_results"] = F("searches_without_results") + 1
    day = timezone.localdate()
    # Two queries whoever came first: make the day's row if missing, then count on it.
    row = {"day": day, "language": language, "query": text}
    SearchTermDay.objects.bulk_create([SearchTermDay(**row)], ignore_conflicts=True)
    SearchTermDay.objects.filter(**row).update(**increments)
    return True
