"""The notices every US practice shows: nondiscrimination with language taglines, the notice
of privacy practices and the accessibility statement. The words are in content/notices.yaml;
dates there count back and forward from the day the demo is loaded."""

import datetime

from django.utils import timezone

from pages.models import LanguageTagline, NoticePage

from .loader import load, stream
from .tree import add_published, english_home, existing_child

DATE_KEYS = ("effective_days_ago", "reviewed_days_ago", "next_review_in_days", "taglines")


def build(log):
    home = english_home()
    if home is None:
        return
    for spec in load("notices"):
        if not existing_child(home, NoticePage, spec["slug"]):
            _notice(home, spec, log)


def _notice(home, spec, log):
    today = timezone.localdate()
    fields = {key: value for key, value in spec.items() if key not in DATE_KEYS}
    effective = spec.get("effective_days_ago")
    notice = NoticePage(
        **{**fields, "body": stream(spec["body"])},
        effective_date=today - datetime.timedelta(days=effective) if effective else None,
        last_reviewed=today - datetime.timedelta(days=spec["reviewed_days_ago"]),
        next_review_due=today + datetime.timedelta(days=spec["next_review_in_days"]),
    )
    notice.taglines = [
        LanguageTagline(language=language, language_code=code, text=text, sort_order=n)
        for n, (language, code, text) in enumerate(_taglines(spec.get("taglines", [])))
    ]
    add_published(home, notice, log, "notice")


def _taglines(taglines):
    """[language, code, text] rows: given in the notice, or the name of a file of them shared
    with the notice's Spanish version (language-taglines.yaml names each language in both)."""
    if isinstance(taglines, str):
        return [(row["en"], row["code"], row["text"]) for row in load(taglines)]
    return taglines
