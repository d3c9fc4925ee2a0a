"""The medical reviewer chooser, clicked in Chromium, opens at the clinicians index even with
clinicians in two languages (Wagtail alone opens it at the root of the tree)."""

from tests.factories import ArticlePageFactory
from tests.helpers import translate

from .helpers import new_page, sign_in, staff_member


def test_the_reviewer_chooser_opens_at_the_clinicians(
    live_server, chromium, article_index, clinician_index, rubin
):
    translate(rubin, title="Dra. Rubin")
    staff_member("boss", [], is_superuser=True, is_staff=True)
    article = ArticlePageFactory(parent=article_index, authors=[rubin], publish=False)
    page = new_page(chromium, width=1280)
    try:
        sign_in(page, live_server.url, "boss")
        page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
        page.get_by_role("tab", name="Medical review").click()
        page.get_by_role("button", name="Choose a page (Clinician)").click()
        modal = page.locator(".modal-content")
        modal.get_by_text(rubin.title, exact=True).first.wait_for()
        assert clinician_index.title in modal.inner_text()
        assert "Dra. Rubin" not in modal.inner_text()  # the other language's index is not open
        # Leave the editor before the test's flush: its autosave may still be talking to the
        # live server (CI saw this test's teardown fail, and the next module's first test).
        page.goto("about:blank")
    finally:
        page.context.close()
