"""The demo site (`make run`, `load_demo_content`) is built once, the same however often it is
loaded, and shows what a real practice's site would: articles under medical review, comments,
featured articles and the consultation form linked from every page."""

import datetime
from collections import Counter
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from pypdf import PdfReader
from wagtail.models import Locale, Page, WorkflowPage

from education.comments.models import Comment
from education.models import ArticlePage, ClinicianPage, ConditionPage, TreatmentPage
from education.review import MEDICAL_REVIEW_WORKFLOW
from education.review_dates import next_review_after
from home import demo
from home.models import HomePage
from pages.consultation.models import ConsultationFormPage
from pages.consultation.work_queue import ConsultationRequest
from practice.models import PracticeSettings
from tests.demo_snapshot import build_demo
from tests.helpers import FROM_THIS_SITE, soup_of

pytestmark = pytest.mark.django_db


# --- Loading it ---


def test_load_demo_content_is_idempotent():
    # The first load is the run's demo build, copied (tests/demo_snapshot.py); the second is
    # the command itself, on a site that has it all already.
    build_demo()
    count = Page.objects.count()
    call_command("load_demo_content", stdout=StringIO())
    assert Page.objects.count() == count
    # One home page per language.
    assert sorted(HomePage.objects.values_list("locale__language_code", flat=True)) == [
        "en-us",
        "es",
    ]


def test_load_demo_content_if_empty_leaves_a_site_with_content_alone():
    build_demo()
    Page.objects.get(slug="about").delete()
    out = StringIO()
    call_command("load_demo_content", "--if-empty", stdout=out)
    assert "not loaded" in out.getvalue()
    assert not Page.objects.filter(slug="about").exists()


def test_building_the_demo_twice_adds_no_more_comments(demo_site):
    before = Comment.objects.count()

    demo.build(log=lambda message: None)

    assert Comment.objects.count() == before


# --- What it shows ---


def test_home_page_features_articles_as_article_cards(client, demo_site):
    html = soup_of(client.get("/"))
    cards = html.select(".article-card")
    assert len(cards) == 3
    assert (
        cards[0].select_one(".card__title a")["href"] == "/education/opioid-induced-hyperalgesia/"
    )
    assert "min read" in cards[0].get_text()


@pytest.mark.parametrize("home, language", [("/", "en-us"), ("/es/", "es")])
def test_what_we_treat_links_to_live_condition_pages_in_each_language(
    client, demo_site, home, language
):
    links = soup_of(client.get(home)).select(".hero__treats a")
    assert len(links) == 6
    conditions = {page.url: page for page in ConditionPage.objects.live().public().specific()}
    for link in links:
        condition = conditions[link["href"]]
        # A condition not yet translated is linked in English, and says so.
        if condition.locale.language_code != language:
            assert (condition.locale.language_code, link["lang"]) == ("en-us", "en")
        assert link.get_text(strip=True) == condition.title
        assert client.get(link["href"]).status_code == 200


def test_demo_articles_all_render(client, demo_site):
    articles = ArticlePage.objects.live()
    assert articles.count() >= 8
    for article in articles:
        response = client.get(article.url)
        assert response.status_code == 200, article.url
        html = soup_of(response)
        assert html.select_one("section.references li") is not None, article.url
        assert article.next_review_due and article.last_reviewed


def test_the_demo_puts_articles_under_review_and_promotes_a_search(demo_site):
    from wagtail.contrib.search_promotions.models import SearchPromotion

    from education.models import ArticleIndexPage
    from home.demo import review

    review.build(log=lambda message: None)  # a second run changes nothing
    for index in ArticleIndexPage.objects.all():  # in English and in Spanish
        assert WorkflowPage.objects.get(page=index).workflow.name == MEDICAL_REVIEW_WORKFLOW
    # English pages get a US grade level; Spanish ones a Fernández Huerta reading ease.
    english = ArticlePage.objects.filter(locale__language_code="en-us")
    spanish = ArticlePage.objects.filter(locale__language_code="es")
    assert not english.filter(reading_grade__isnull=True).exists()
    assert spanish.exists() and not spanish.filter(reading_ease__isnull=True).exists()
    assert ArticleIndexPage.objects.count() == 2
    [promotion] = SearchPromotion.objects.filter(query__query_string="opioids")
    assert promotion.page.slug == "opioid-induced-hyperalgesia"


def test_no_group_of_the_demo_publishes_its_medical_pages_outside_review(demo_site):
    """Every group a fresh install has (Wagtail's Moderators and Editors, Medical reviewers,
    Front desk, Comment moderators): no article, condition or treatment, in either language,
    and no section of them, lets a member publish (tests/education/test_publishing_paths.py
    tries each way)."""
    from django.contrib.auth.models import Group

    from education.review import REVIEWED_SECTION_TYPES
    from tests.factories import UserFactory

    pages = [
        page
        for model in (ArticlePage, ConditionPage, TreatmentPage)
        for page in model.objects.all()
    ]
    sections = [section for model in REVIEWED_SECTION_TYPES for section in model.objects.all()]
    assert len(sections) == 6 and len(pages) > 20
    for group in Group.objects.all():
        member = UserFactory(groups=[group.name])
        assert not any(page.permissions_for_user(member).can_publish() for page in pages)
        assert not any(s.permissions_for_user(member).can_publish_subpage() for s in sections)


def test_every_request_a_consultation_button_leads_to_the_demo_form(demo_site):
    consultation_page = ConsultationFormPage.objects.get(slug="consultation")
    assert PracticeSettings.for_site(demo_site).consultation_page_id == consultation_page.pk


def test_demo_articles_have_approved_comments_a_reply_and_one_waiting(demo_site, client):
    approved = Comment.objects.filter(status=Comment.Status.APPROVED, is_practice_reply=False)
    assert approved.values("article").distinct().count() == 2
    assert Comment.objects.filter(is_practice_reply=True, parent__isnull=False).count() == 1
    assert Comment.objects.filter(status=Comment.Status.PENDING).count() == 1

    article = ArticlePage.objects.get(slug="exercise-for-low-back-pain")
    html = client.get(article.url).content.decode()
    assert "4 comments" in html
    assert "Reply from the practice" in html
    assert "demo@example.com" not in html


def test_the_waiting_comment_is_not_on_the_site(demo_site, client):
    waiting = Comment.objects.get(status=Comment.Status.PENDING)

    assert waiting.body not in client.get(waiting.article.url).content.decode()


# --- In Spanish ---

MEDICAL_TYPES = (ArticlePage, ConditionPage, TreatmentPage)
# Fields whose words a translation must replace: a copy left in English fails.
TRANSLATED_FIELDS = (
    "title",
    "intro",
    "summary",
    "hero_heading",
    "hero_intro",
    "short_bio",
    "job_title",
    "body",
    "overview",
    "what_it_is",
    "symptom_list",
    "what_to_bring",
    "thank_you_text",
)


def spanish_pages():
    return [page.specific for page in Page.objects.filter(locale__language_code="es")]


def english_source(page):
    return page.get_translation(Locale.get_default()).specific


@pytest.fixture(scope="module")
def spanish_responses(_module_demo, django_db_blocker):
    """Every Spanish page of the demo as a visitor gets it, by URL: fetched once for the
    module's checks (each walk took 8-13 s)."""
    from django.test import Client

    client = Client()
    with django_db_blocker.unblock():
        return {page.url: client.get(page.url) for page in spanish_pages()}


def test_the_spanish_tree_holds_the_translations_and_nothing_else(demo_site):
    pages = spanish_pages()
    kinds = Counter(type(page).__name__ for page in pages)

    assert kinds["ArticlePage"] == 3 and kinds["ConditionPage"] == 3
    assert kinds["TreatmentPage"] == 2 and kinds["LocationPage"] == 2
    # Every clinician and every notice: the whole practice in Spanish (issue 27).
    assert (
        kinds["ClinicianPage"] == ClinicianPage.objects.filter(locale=Locale.get_default()).count()
    )
    assert kinds["NoticePage"] == 4
    for kind in ("HomePage", "NewPatientsPage", "ConsultationFormPage", "LocationIndexPage"):
        assert kinds[kind] == 1, kind
    slugs = {page.slug for page in pages}
    assert {"ciatica", "hiperalgesia-inducida-por-opioides", "sobre-nosotros"} <= slugs
    for page in pages:
        assert page.live and page.alias_of_id is None, page.url_path
        assert english_source(page).locale.language_code == "en-us", page.url_path


def test_every_spanish_page_answers_in_spanish_beside_its_english_version(
    demo_site, spanish_responses
):
    for page in spanish_pages():
        source = english_source(page)
        response = spanish_responses[page.url]
        assert response.status_code == 200, page.url
        html = soup_of(response)
        assert html.html["lang"] == "es", page.url
        alternates = {
            link["hreflang"]: link["href"]
            for link in html.select('link[rel="alternate"][hreflang]')
        }
        assert alternates["es"].endswith(page.url), page.url
        assert alternates["en-US"].endswith(source.url), page.url
        assert alternates["x-default"] == alternates["en-US"]
        assert page.url.startswith("/es/")


def test_no_spanish_page_keeps_the_english_words_of_its_copy(demo_site, spanish_responses):
    for page in spanish_pages():
        source = english_source(page)
        text = soup_of(spanish_responses[page.url]).select_one("main").get_text(" ")
        text = " ".join(text.split())
        for name in TRANSLATED_FIELDS:
            if name == "title" and isinstance(page, ClinicianPage):
                continue  # a person's name reads the same in both languages
            english = getattr(source, name, None)
            if not english:
                continue
            assert str(getattr(page, name)) != str(english), (page.url, name)
            if isinstance(english, str) and len(english) > 40:
                assert " ".join(english.split()) not in text, (page.url, name)


def test_each_spanish_medical_page_has_its_own_review(demo_site, spanish_responses):
    today = timezone.localdate()
    for page in spanish_pages():
        if not isinstance(page, MEDICAL_TYPES):
            continue
        source = english_source(page)
        reviewer = page.medical_reviewer
        assert reviewer.locale.language_code == "es", page.url
        assert reviewer.languages.filter(code="es").exists(), page.url
        assert page.last_reviewed != source.last_reviewed, page.url
        assert today - datetime.timedelta(days=60) < page.last_reviewed <= today, page.url
        assert page.next_review_due == next_review_after(page.last_reviewed), page.url
        assert page.next_review_due != source.next_review_due, page.url
        html = spanish_responses[page.url].content.decode()
        with translation.override("es"):
            assert reviewer.display_name in html, page.url
        assert page.last_reviewed.isoformat() in html, page.url


def test_the_spanish_home_page_leads_to_spanish_pages(client, demo_site):
    html = soup_of(client.get("/es/"))

    cards = [a["href"] for a in html.select(".article-card .card__title a")]
    assert len(cards) == 3 and all(href.startswith("/es/educacion/") for href in cards)
    assert "/es/educacion/hiperalgesia-inducida-por-opioides/" in cards
    menu = [a["href"] for a in html.select(".main-nav--wide a")]
    assert {"/es/educacion/", "/es/afecciones/", "/es/tratamientos/"} <= set(menu)
    assert all(href.startswith("/es/") for href in menu)
    buttons = {a["href"] for a in html.select("a.button")}
    assert "/es/solicitar-consulta/" in buttons and "/consultation/" not in buttons
    clinicians = [a["href"] for a in html.select("main a[href*='/equipo/']")]
    assert clinicians and not html.select("main a[href^='/clinicians/']")


def test_the_language_assistance_notice_is_in_every_footer_in_both_languages(client, demo_site):
    pages = {
        "/": "/language-assistance/",
        "/conditions/sciatica/": "/language-assistance/",
        "/es/": "/es/asistencia-con-idiomas/",
        "/es/afecciones/ciatica/": "/es/asistencia-con-idiomas/",
    }
    for url, notice_url in pages.items():
        footer = soup_of(client.get(url)).select_one("footer")
        links = {a["href"]: a for a in footer.select("a")}
        assert notice_url in links, url
        assert not links[notice_url].has_attr("lang"), url
        # Never both versions of one notice.
        other = ({"/language-assistance/", "/es/asistencia-con-idiomas/"} - {notice_url}).pop()
        assert other not in links, url
    # Every notice is translated: the Spanish footer links only Spanish pages.
    spanish_footer = soup_of(client.get("/es/")).select_one("footer")
    assert spanish_footer.select_one('a[href="/es/no-discriminacion/"]') is not None
    # Both notices, in both languages, read the one list: English and the 15 languages.
    notices = ("/language-assistance/", "/nondiscrimination/")
    notices += ("/es/asistencia-con-idiomas/", "/es/no-discriminacion/")
    lists = []
    for url in notices:
        page = soup_of(client.get(url))
        lists.append([tag["lang"] for tag in page.select(".language-taglines [dir]")])
        text = page.get_text(" ")
        assert "711" in text and "(555) 014-2290" in text, url
    assert len(lists[0]) == 16 and all(languages == lists[0] for languages in lists)
    assert {"en", "es", "zh-Hant", "vi", "ko", "ar", "pl"} <= set(lists[0])
    assert page.select_one('[lang="ar"]')["dir"] == "rtl"


def test_the_spanish_consultation_form_asks_and_answers_in_spanish(client, demo_site):
    url = "/es/solicitar-consulta/"
    html = soup_of(client.get(url))
    assert (
        html.select_one("label[for=id_full_name]")
        .get_text(strip=True)
        .startswith("Nombre completo")
    )
    form = html.select_one("main form").get_text(" ")
    assert "Por teléfono" in form and "Es mi primera vez en la clínica" in form
    assert html.select_one("main a[href='/es/privacidad/']")

    missing = client.post(url, {"email": "maria@example.org"}, **FROM_THIS_SITE)
    assert missing.status_code == 200
    assert "Escriba su nombre completo" in missing.content.decode()
    assert not ConsultationRequest.objects.exists()

    answers = {
        "full_name": "María Quintero",
        "email": "maria.quintero@example.org",
        "phone": "(555) 201-7788",
        # The radio buttons read "Por teléfono" and post the English form's value.
        "contact_preference": "Phone",
        "patient_status": "I am a new patient",
        "reason": "Dolor de ciática desde el verano",
        "consent": "on",
    }
    sent = client.post(url, answers, follow=True, **FROM_THIS_SITE)
    assert sent.status_code == 200
    assert "Gracias, recibimos su solicitud" in sent.content.decode()
    stored = ConsultationRequest.objects.get()
    assert stored.form_data["contact_preference"] == "Phone"
    assert stored.page.locale.language_code == "es"


def test_the_patient_forms_are_fillable_pdfs_with_the_same_fields_in_both_languages(
    client, demo_site
):
    def forms(url):
        links = soup_of(client.get(url)).select('main a[href$=".pdf"]')
        assert len(links) == 3, url
        for link in links:
            response = client.get(link["href"])
            pdf = PdfReader(BytesIO(b"".join(response.streaming_content)))
            assert "/AcroForm" in pdf.trailer["/Root"], link["href"]
            yield pdf.metadata.title, set(pdf.get_fields())

    english, spanish = list(forms("/new-patients/")), list(forms("/es/pacientes-nuevos/"))
    assert [fields for _title, fields in spanish] == [fields for _title, fields in english]
    assert [title for title, _fields in spanish] == [
        "Cuestionario para pacientes nuevos",
        "Autorización para entregar expedientes médicos",
        "Diario de dolor de dos semanas",
    ]
