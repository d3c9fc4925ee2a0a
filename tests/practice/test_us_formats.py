"""The admin and emails write dates and times the American way, not Django's AP style."""

import datetime

from django.template import Context, Template
from django.utils import formats, translation

MOMENT = datetime.datetime(2026, 11, 29, 8, 0)


def test_dates_read_nov_29_2026_without_the_ap_style_period():
    with translation.override("en-us"):
        assert formats.date_format(MOMENT) == "Nov 29, 2026"
        assert formats.date_format(MOMENT, "DATETIME_FORMAT") == "Nov 29, 2026, 8:00 a.m."
        assert formats.date_format(MOMENT, "SHORT_DATE_FORMAT") == "11/29/2026"


def test_the_date_filter_that_admin_templates_use_gets_the_us_format():
    rendered = Template("{{ moment|date }} {{ moment|time }}").render(Context({"moment": MOMENT}))
    assert rendered == "Nov 29, 2026 8:00 a.m."


def test_the_admin_offers_only_american_english(settings):
    assert settings.LANGUAGE_CODE == "en-us"
    assert [code for code, _ in settings.WAGTAILADMIN_PERMITTED_LANGUAGES] == ["en-us"]
