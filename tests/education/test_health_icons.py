"""Conditions and treatments can show a Health Icons drawing beside their title and in lists:
inline SVG in the link color, hidden from screen readers (the title says it all)."""

import pytest
from django.template.loader import get_template

from education.health_icons import HEALTH_ICONS, icon_svg
from tests.factories import ConditionPageFactory, TreatmentPageFactory
from tests.helpers import soup_of

pytestmark = pytest.mark.django_db


def test_every_choice_has_its_drawing_in_the_text_color():
    for name, _label in HEALTH_ICONS:
        svg = get_template(f"icons/health/{name}.svg").render()
        assert svg.startswith('<svg class="health-icon"') and 'aria-hidden="true"' in svg
        assert "currentColor" in svg, name
        assert len(svg.encode()) < 4000, name  # small enough to inline


def test_an_unknown_icon_draws_nothing():
    assert icon_svg("") == "" and icon_svg("../../base.html") == ""


def test_a_condition_shows_its_icon_beside_its_title_and_its_treatments_theirs(client, home_page):
    injection = TreatmentPageFactory(title="Epidural steroid injection", icon="syringe")
    plain = TreatmentPageFactory(title="Pacing")
    condition = ConditionPageFactory(title="Sciatica", icon="nerve", treatments=[injection, plain])
    html = soup_of(client.get(condition.url))
    title = html.select_one("h1")
    assert title.select_one("svg.health-icon[aria-hidden=true]")
    assert title.get_text(strip=True) == "Sciatica"
    cards = html.select(".medical-page-card")
    assert [bool(card.select_one("svg.health-icon")) for card in cards] == [True, False]


def test_a_condition_without_an_icon_has_none(client, home_page):
    condition = ConditionPageFactory(title="Neck pain")
    assert not soup_of(client.get(condition.url)).select("h1 svg")
