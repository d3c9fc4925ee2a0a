"""Insurance plans and the footer's notices on Spanish pages: each in Spanish where staff
translated it, in English (marked lang="en") where not, in the English list's order, with a
fixed number of queries however many there are."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from pages.insurance import insurance_plan_choices
from pages.models import InsurancePlan
from practice.models import PracticeSettings
from practice.site_links import site_links
from practice.site_structure import site_structure
from tests.factories import (
    FooterLinkFactory,
    InsurancePlanFactory,
    NewPatientsPageFactory,
    NoticePageFactory,
    StandardPageFactory,
)
from tests.factories.pages import translate_plan
from tests.helpers import soup_of, translate

pytestmark = pytest.mark.django_db


def shown(plans):
    return [(plan.name, plan.plan_types, plan.fallback_language) for plan in plans]


def test_a_spanish_page_shows_each_plan_in_spanish_or_else_in_english(db):
    medicare = InsurancePlanFactory(name="Medicare Part B", plan_types="Original Medicare")
    InsurancePlanFactory(name="Lakeshore Mutual", plan_types="PPO plans")
    translate_plan(medicare, plan_types="Medicare Original")
    with translation.override("es"):
        assert shown(InsurancePlan.objects.for_patients()) == [
            ("Medicare Part B", "Medicare Original", ""),
            ("Lakeshore Mutual", "PPO plans", "en"),
        ]
    with translation.override("en-us"):
        assert shown(InsurancePlan.objects.for_patients()) == [
            ("Medicare Part B", "Original Medicare", ""),
            ("Lakeshore Mutual", "PPO plans", ""),
        ]


def test_the_english_plan_decides_which_plans_show_and_in_what_order(db):
    first = InsurancePlanFactory(name="First Plan", sort_order=0)
    second = InsurancePlanFactory(name="Second Plan", sort_order=1)
    dropped = InsurancePlanFactory(name="Dropped Plan", accepted=False, sort_order=2)
    translate_plan(first, name="Primer plan", sort_order=9, accepted=False)
    translate_plan(second, name="Segundo plan", sort_order=0)
    translate_plan(dropped, name="Plan retirado", accepted=True)
    with translation.override("es"):
        names = [plan.name for plan in InsurancePlan.objects.for_patients()]
    assert names == ["Primer plan", "Segundo plan"]


def test_the_consultation_form_labels_plans_in_spanish_and_stores_the_english_name(db):
    plan = InsurancePlanFactory(name="Heartland Health Alliance", sort_order=0)
    InsurancePlanFactory(name="Lakeshore Mutual", sort_order=1)
    translate_plan(plan, name="Alianza de Salud Heartland")
    with translation.override("es"):
        assert insurance_plan_choices() == [
            ("Heartland Health Alliance", "Alianza de Salud Heartland"),
            ("Lakeshore Mutual", "Lakeshore Mutual"),
        ]


def queries(function):
    with CaptureQueriesContext(connection) as context, translation.override("es"):
        list(function())
    return len(context.captured_queries)


def test_plans_in_spanish_cost_two_queries_however_many_there_are(db):
    def add(count):
        for _ in range(count):
            translate_plan(InsurancePlanFactory(), plan_types="Planes PPO")
            InsurancePlanFactory()

    add(2)
    assert queries(InsurancePlan.objects.for_patients) == 2
    assert queries(insurance_plan_choices) == 2
    add(20)
    assert queries(InsurancePlan.objects.for_patients) == 2
    assert queries(insurance_plan_choices) == 2


def test_english_plans_cost_one_query(db):
    InsurancePlanFactory()
    with CaptureQueriesContext(connection) as context:
        InsurancePlan.objects.for_patients()
    assert len(context.captured_queries) == 1


def footer_request():
    """A request whose site, sites and settings are already known (as a page's are by the time
    its footer renders), so what is counted is the footer's own lists."""
    cache.clear()
    request = RequestFactory().get("/")
    request._wagtail_site = site_structure().site_for_request(request)  # as routing does
    PracticeSettings.for_request(request)
    return request


def notice_pages():
    return site_links(footer_request())["notices"]


def test_the_footer_links_each_notice_in_spanish_or_else_in_english(home_page):
    privacy = NoticePageFactory(parent=home_page, title="Notice of privacy practices")
    access = NoticePageFactory(parent=home_page, title="Accessibility statement")
    rights = NoticePageFactory(parent=home_page, title="Nondiscrimination notice")
    translate(privacy, title="Aviso de prácticas de privacidad")
    translate(access, title="Declaración de accesibilidad", publish=False)
    with translation.override("es"):
        notices = [(notice.title, notice.fallback_language) for notice in notice_pages()]
    assert notices == [
        ("Aviso de prácticas de privacidad", ""),
        ("Accessibility statement", "en"),
        (rights.title, "en"),
    ]
    with translation.override("en-us"):
        titles = [notice.title for notice in notice_pages()]
    assert titles == [privacy.title, access.title, rights.title]


def footer_queries(language):
    with translation.override(language):
        request = footer_request()
        with CaptureQueriesContext(connection) as context:
            site_links(request)
    return len(context.captured_queries)


def test_the_menu_footer_pages_and_notices_cost_one_query_two_in_spanish(home_page):
    def add(count):
        for _ in range(count):
            translate(NoticePageFactory(parent=home_page))
            NoticePageFactory(parent=home_page)
            page = StandardPageFactory(parent=home_page, show_in_menus=True)
            translate(page)
            FooterLinkFactory(page=page)

    add(1)
    assert (footer_queries("en-us"), footer_queries("es")) == (1, 2)
    add(5)
    assert (footer_queries("en-us"), footer_queries("es")) == (1, 2)


def test_a_second_plan_with_the_same_name_is_refused_in_the_editor(admin_client, site):
    InsurancePlanFactory(name="Medicare Part B")
    response = admin_client.post(
        "/admin/snippets/pages/insuranceplan/add/",
        {"name": "Medicare Part B", "plan_types": "", "note": "", "accepted": "on"},
    )
    assert response.status_code == 200
    assert "There is already a plan with this name." in response.content.decode()
    assert InsurancePlan.objects.filter(name="Medicare Part B").count() == 1


def test_a_translation_may_keep_the_name_of_its_english_plan(db):
    plan = InsurancePlanFactory(name="Medicare Part B")
    translate_plan(plan).clean()
    with pytest.raises(ValidationError, match="already a plan with this name"):
        InsurancePlan(name="Medicare Part B").clean()


# --- On the Spanish pages themselves -------------------------------------------------------


@pytest.fixture
def spanish_home(home_page):
    return translate(home_page, title="Inicio")


def test_the_spanish_new_patients_page_lists_the_plans_in_spanish(client, spanish_home):
    medicare = InsurancePlanFactory(name="Medicare Part B", plan_types="Original Medicare")
    InsurancePlanFactory(name="Lakeshore Mutual", plan_types="PPO plans")
    translate_plan(medicare, plan_types="Medicare Original")
    page = translate(NewPatientsPageFactory(), title="Pacientes nuevos", slug="pacientes-nuevos")
    items = soup_of(client.get("/es/pacientes-nuevos/")).select(".insurance-plans li")
    assert [(li.get_text(), li.get("lang")) for li in items] == [
        ("Medicare Part B: Medicare Original", None),
        ("Lakeshore Mutual: PPO plans", "en"),
    ]
    english = soup_of(client.get("/new-patients/")).select(".insurance-plans li")
    assert english[0].get_text() == "Medicare Part B: Original Medicare"
    assert page.locale.language_code == "es"


def test_the_spanish_footer_links_spanish_notices_and_marks_english_ones(
    client, home_page, spanish_home
):
    privacy = NoticePageFactory(parent=home_page, title="Notice of privacy practices")
    NoticePageFactory(parent=home_page, title="Accessibility statement")
    translate(privacy, title="Aviso de prácticas de privacidad", slug="aviso-de-privacidad")
    section = soup_of(client.get("/es/")).select_one("[aria-labelledby=footer-notices]")
    links = [(a.get_text(), a["href"], a.get("lang")) for a in section.select("a")]
    assert links == [
        ("Aviso de prácticas de privacidad", "/es/aviso-de-privacidad/", None),
        ("Accessibility statement", "/accessibility-statement/", "en"),
    ]
    english = soup_of(client.get("/")).select_one("[aria-labelledby=footer-notices]")
    assert [a.get_text() for a in english.select("a")] == [
        "Notice of privacy practices",
        "Accessibility statement",
    ]
