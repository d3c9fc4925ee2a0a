"""The notices every US practice must show: linked from every page's footer, each with its
review dates, the nondiscrimination notice with taglines in their own languages."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from pages.models import LanguageHelp, NoticePage
from tests.factories import (
    ArticlePageFactory,
    ClinicianPageFactory,
    LocationPageFactory,
    NewPatientsPageFactory,
    NoticePageFactory,
    change_practice_settings,
    days_from_today,
)
from tests.helpers import soup_of, translate

pytestmark = pytest.mark.django_db

NOTICES = [
    "Nondiscrimination and language assistance",
    "Notice of privacy practices",
    "Accessibility statement",
]


def footer_links(response):
    return [a.get_text() for a in soup_of(response).find("footer").find_all("a")]


def test_every_page_type_links_every_live_notice_from_its_footer(client, home_page):
    for title in NOTICES:
        NoticePageFactory(parent=home_page, title=title)
    NoticePageFactory(parent=home_page, title="Draft notice", publish=False)
    pages = [
        home_page,
        LocationPageFactory(),
        NewPatientsPageFactory(parent=home_page),
        ClinicianPageFactory(),
        ArticlePageFactory(),
    ]
    for page in pages:
        links = footer_links(client.get(page.url))
        assert all(title in links for title in NOTICES), page.url
        assert "Draft notice" not in links
    assert all(title in footer_links(client.get("/no-such-page/")) for title in NOTICES)


def test_each_footer_links_each_notice_once_in_its_own_language(client, home_page):
    assistance = NoticePageFactory(parent=home_page, title="Language assistance")
    privacy = NoticePageFactory(parent=home_page, title="Notice of privacy practices")
    translate(home_page, title="Inicio")
    spanish = translate(assistance, title="Asistencia con idiomas", slug="asistencia")

    english_footer = soup_of(client.get("/")).find("footer")
    spanish_footer = soup_of(client.get("/es/")).find("footer")

    assert english_footer.find("a", string="Language assistance")["href"] == assistance.url
    assert not english_footer.find("a", string="Asistencia con idiomas")
    link = spanish_footer.find("a", string="Asistencia con idiomas")
    assert link["href"] == spanish.url == "/es/asistencia/" and not link.has_attr("lang")
    assert not spanish_footer.find("a", string="Language assistance")
    # Not translated yet: still linked from Spanish pages, marked as English.
    untranslated = spanish_footer.find("a", string=privacy.title)
    assert untranslated["href"] == privacy.url and untranslated["lang"].startswith("en")


def test_a_notice_shows_its_review_dates_in_us_format(client, home_page):
    notice = NoticePageFactory(
        parent=home_page, last_reviewed=days_from_today(-10), next_review_due=days_from_today(355)
    )
    text = soup_of(client.get(notice.url)).select_one(".review-dates").get_text()
    reviewed, due = days_from_today(-10), days_from_today(355)
    assert f"Page last reviewed: {reviewed:%B} {reviewed.day}, {reviewed.year}." in text
    assert f"Next review due: {due:%B} {due.day}, {due.year}." in text


def test_the_next_review_must_come_after_the_last(home_page):
    notice = NoticePageFactory(parent=home_page)
    notice.next_review_due = notice.last_reviewed
    with pytest.raises(ValidationError, match="after the last review"):
        notice.clean()


def test_taglines_are_marked_with_their_language_and_direction(client, home_page):
    notice = NoticePageFactory(
        parent=home_page,
        taglines=[
            ("Spanish", "es", "ATENCIÓN: si habla español, hay ayuda gratuita."),
            ("Arabic", "ar", "ملحوظة: خدمات المساعدة اللغوية مجانية."),
        ],
    )
    spans = soup_of(client.get(notice.url)).select(".language-taglines span[lang]")
    assert [(s["lang"], s["dir"]) for s in spans] == [("es", "ltr"), ("ar", "rtl")]


def test_a_tagline_needs_a_real_language_code():
    with pytest.raises(ValidationError, match="language code"):
        LanguageHelp(language="Spanish", language_code="Spanish!", tagline="Hola").clean()


def test_a_tagline_with_a_phone_number_gives_tty_711():
    row = LanguageHelp(language="Spanish", language_code="es", tagline="Llame al (555) 014-2290.")
    with pytest.raises(ValidationError, match="711"):
        row.clean()
    row.tagline = "Llame al (555) 014-2290 (TTY: 711)."
    row.clean()


def languages_on(client, url):
    page = soup_of(client.get(url))
    return [
        (item.select_one(".language-taglines__language").get_text(strip=True), span["lang"])
        for item in page.select(".language-taglines li")
        for span in item.select("span[lang]")
        if span.get("dir")
    ]


def test_both_notices_in_both_languages_read_the_one_list(client, home_page):
    translate(home_page, title="Inicio")
    assistance = NoticePageFactory(
        parent=home_page,
        title="Language assistance",
        taglines=[("Spanish", "es", "ATENCIÓN: ayuda gratuita. Llame al 711.")],
    )
    nondiscrimination = NoticePageFactory(
        parent=home_page, title="Nondiscrimination", shows_language_help=True
    )
    privacy = NoticePageFactory(parent=home_page, title="Notice of privacy practices")
    spanish = [
        translate(notice, title=f"Aviso {n}", slug=f"aviso-{n}")
        for n, notice in enumerate((assistance, nondiscrimination))
    ]
    LanguageHelp.objects.filter(language_code="es").update(language_es="español")
    # A language staff add once appears on every notice that shows the list.
    LanguageHelp.objects.create(
        language="Vietnamese", language_code="vi", tagline="CHÚ Ý: Gọi 711.", sort_order=1
    )

    english = [("Spanish:", "es"), ("Vietnamese:", "vi")]
    assert languages_on(client, assistance.url) == english
    assert languages_on(client, nondiscrimination.url) == english
    for page in spanish:
        assert languages_on(client, page.url) == [("español:", "es"), ("Vietnamese:", "vi")]
        # No Spanish name yet: the English one, marked as English.
        name = soup_of(client.get(page.url)).select(".language-taglines__language")[1]
        assert name["lang"] == "en"
    assert languages_on(client, privacy.url) == []


def test_every_phone_number_for_language_help_gives_tty_711(client, home_page):
    change_practice_settings(phone="(555) 014-2290")
    notice = NoticePageFactory(
        parent=home_page,
        contact_prompt="To ask for an interpreter, call us:",
        taglines=[("Spanish", "es", "ATENCIÓN: llame al (555) 014-2290 (TTY: 711).")],
    )
    callout = soup_of(client.get(notice.url)).select_one(".callout")
    assert "(555) 014-2290 (TTY: 711)" in " ".join(callout.get_text().split())
    assert callout.select_one('a[href="tel:711"]') is not None


def test_the_contact_prompt_gives_a_way_to_report_a_barrier(client, home_page):
    notice = NoticePageFactory(
        parent=home_page,
        title="Accessibility statement",
        contact_prompt="To report a barrier or ask for another format:",
    )
    aside = soup_of(client.get(notice.url)).find("aside")
    assert "To report a barrier or ask for another format:" in aside.get_text()
    assert aside.select_one('a[href^="tel:"]') is not None
    assert aside.select_one('a[href^="mailto:office@rubin-pain.example?subject="]') is not None


def test_the_dashboard_lists_notices_overdue_or_due_soon(client, home_page, superuser):
    NoticePageFactory(
        parent=home_page,
        title="Notice of privacy practices",
        last_reviewed=days_from_today(-400),
        next_review_due=days_from_today(-35),
    )
    NoticePageFactory(
        parent=home_page,
        title="Accessibility statement",
        last_reviewed=days_from_today(-340),
        next_review_due=days_from_today(20),
    )
    NoticePageFactory(parent=home_page, title="Nondiscrimination")  # due in 335 days
    for notice in NoticePage.objects.all():  # each reviewed and published by a person
        notice.save_revision(user=superuser).publish()
    client.force_login(superuser)
    panel = soup_of(client.get("/admin/")).select_one("#notices-due-section")
    text = panel.get_text(" ", strip=True)
    assert "Notice of privacy practices : review overdue since" in text
    assert "Accessibility statement : review due" in text
    assert "Nondiscrimination" not in text


def test_a_notice_only_loaded_with_the_site_is_listed_as_the_checklist_lists_it(
    client, home_page, superuser
):
    """One rule (pages/notice_reviews.py): a notice nobody here has published is to review,
    on the notices panel as on the setup checklist, whatever its review date."""
    NoticePageFactory(parent=home_page, title="Nondiscrimination")  # due in 335 days
    client.force_login(superuser)
    html = soup_of(client.get("/admin/"))
    text = html.select_one("#notices-due-section").get_text(" ", strip=True)
    assert "Nondiscrimination : not yet reviewed by anyone here" in text
    checklist_text = html.select_one("#setup-checklist-section").get_text(" ", strip=True)
    assert "To do: Review the legal notices" in checklist_text


def test_the_missing_spanish_report_lists_a_language_without_its_spanish_name(
    admin_client, home_page
):
    translate(home_page, title="Inicio")
    LanguageHelp.objects.create(language="Gujarati", language_code="gu", tagline="સૂચના: 711.")
    html = soup_of(admin_client.get(reverse("missing_translations")))
    rows = [
        " | ".join(td.get_text(strip=True) for td in tr("td")) for tr in html.select("tbody tr")
    ]
    assert any("Gujarati" in row and row.endswith("Language in Spanish") for row in rows), rows
