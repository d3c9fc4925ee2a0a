"""The dashboard answers "what needs me today": each panel only for the people who can act on
it (front desk: new requests; moderators: comments waiting; reviewers: articles due for review;
everyone who edits: their own drafts), and the admin carries the practice's name."""

import pytest
from bs4 import BeautifulSoup

from education.comments.models import Comment
from education.review import MEDICAL_REVIEWERS
from practice.models import PracticeSettings, ThemeSettings
from tests.factories import (
    ArticlePageFactory,
    ConsultationRequestFactory,
    ImageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PANELS = {
    "requests": "new-consultation-requests-section",
    "comments": "comments-waiting-section",
    "review": "overdue-articles-section",
    "drafts": "my-drafts-section",
}


@pytest.fixture
def work_waiting(consultation_page, article):
    ConsultationRequestFactory(page=consultation_page, form_data={"full_name": "Ada Stone"})
    Comment.objects.create(article=article, name="Lee", email="lee@example.com", body="Thanks")


def panels_for(client, user):
    client.force_login(user)
    html = BeautifulSoup(client.get("/admin/").content, "html.parser")
    return {name for name, panel_id in PANELS.items() if html.find(id=panel_id)}


@pytest.mark.parametrize(
    "groups, expected",
    [
        (["Front desk"], {"requests"}),
        (["Comment moderators"], {"comments"}),
        ([MEDICAL_REVIEWERS], {"review"}),
        (["Editors"], set()),
    ],
)
def test_each_panel_shows_only_to_those_who_can_act(client, work_waiting, groups, expected):
    assert panels_for(client, UserFactory(groups=groups)) == expected


def test_the_front_desk_sees_requests_and_not_comments(client, work_waiting):
    client.force_login(UserFactory(groups=["Front desk"]))
    assert client.get("/admin/comments/").status_code in (302, 403)


def test_moderators_see_comments_and_not_requests(client, work_waiting, consultation_page):
    client.force_login(UserFactory(groups=["Comment moderators"]))
    assert client.get("/admin/comments/").status_code == 200
    assert client.get("/admin/consultation-requests/").status_code in (302, 403)
    html = client.get("/admin/").content.decode()
    assert "1 comment waiting for review" in html
    assert "/admin/consultation-requests/" not in html


def test_editors_see_neither(client, work_waiting, editor):
    client.force_login(editor)
    assert client.get("/admin/comments/").status_code in (302, 403)
    assert client.get("/admin/consultation-requests/").status_code in (302, 403)


def test_my_drafts_lists_my_unpublished_changes_only(client, editor, article_index, rubin):
    mine = ArticlePageFactory(parent=article_index, title="Heat or ice?", authors=[rubin])
    revision = mine.save_revision(user=editor)
    assert revision.user == editor
    ArticlePageFactory(parent=article_index, title="Someone else's", authors=[rubin])
    client.force_login(editor)
    html = BeautifulSoup(client.get("/admin/").content, "html.parser")
    panel = html.find(id=PANELS["drafts"])
    assert panel is not None
    assert "Heat or ice?" in panel.get_text()
    assert "Someone else" not in panel.get_text()


def test_the_admin_carries_the_practices_name(client, superuser, site):
    settings = PracticeSettings.for_site(site)
    settings.name = "Riverside Pain Care"
    settings.save()
    client.force_login(superuser)
    dashboard = client.get("/admin/").content.decode()
    assert "<title>Dashboard - Riverside Pain Care</title>" in dashboard
    heading = BeautifulSoup(dashboard, "html.parser").find("h1").get_text(strip=True)
    assert heading == "Riverside Pain Care"
    client.logout()
    login = client.get("/admin/login/").content.decode()
    assert "Sign in to Riverside Pain Care" in login
    assert 'class="practice-admin-logo"' in login


def test_the_admin_wears_the_practices_mark_and_then_its_logo(client, superuser, site):
    """The mark of the public site's header (practice/mark.svg) as the admin's logo, sign-in
    logo and favicon, until a logo is chosen under Settings > Theme; then that logo."""
    client.force_login(superuser)
    dashboard = BeautifulSoup(client.get("/admin/").content, "html.parser")
    assert dashboard.select_one('link[rel="icon"]')["href"].endswith("practice/mark.svg")
    logo_template = dashboard.select_one("template[data-wagtail-sidebar-branding-logo]")
    assert "practice/mark.svg" in str(logo_template)
    client.logout()
    login = BeautifulSoup(client.get("/admin/login/").content, "html.parser")
    assert login.select_one(".login-logo img")["src"].endswith("practice/mark.svg")

    theme = ThemeSettings.for_site(site)
    theme.logo = ImageFactory(title="Practice logo")
    theme.save()
    client.force_login(superuser)
    dashboard = BeautifulSoup(client.get("/admin/").content, "html.parser")
    icon = dashboard.select_one('link[rel="icon"]')["href"]
    assert "/images/" in icon and "fill-64x64" in icon
