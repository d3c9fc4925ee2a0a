"""The notices every US practice shows: nondiscrimination with language taglines, the notice
of privacy practices and the accessibility statement. The words are in content/notices.yaml;
dates there count back and forward from the day the demo is loaded."""

import datetime

from django.utils import timezone

from pages.models import LanguageHelp, NoticePage

from .loader import load, stream
from .tree import add_published, english_home, existing_child

DATE_KEYS = ("effective_days_ago", "reviewed_days_ago", "next_review_in_days")


def build(log):
    home = english_home()
    if home is None:
        return
    _language_help(log)
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
    add_published(home, notice, log, "notice")


def _language_help(log):
    """The languages the practice offers help in, kept once for every notice (issue 27)."""
    if LanguageHelp.objects.exists():
        return
    for n, row in enumerate(load("language-taglines")):
        LanguageHelp.objects.create(
            language=row["en"],
            language_es=row["es"],
            language_code=row["code"],
            tagline=row["text"],
            sort_order=n,
        )
    log(f"Added the language help list: {n + 1} languages.")
