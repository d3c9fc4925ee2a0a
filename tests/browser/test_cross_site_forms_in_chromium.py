"""In real Chromium with JavaScript off: the public forms work from the site's own pages, whose
copies carry no per-visitor token, and the same forms posted from another site are refused
(practice/cross_site.py checks the Origin and Sec-Fetch-Site headers the browser sends)."""

from education.comments.models import Comment
from pages.consultation.models import ConsultationRequest

from .helpers import fill_in_the_consultation_form, new_page

ATTACKER = "http://attacker.test/"


def test_both_forms_work_with_javascript_off(live_server, article, consultation_page, chromium):
    page = new_page(chromium, java_script_enabled=False)
    page.goto(live_server.url + "/consultation/")
    assert page.locator("input[name=csrfmiddlewaretoken]").count() == 0
    fill_in_the_consultation_form(page, email="maria.quintero@example.org")
    page.get_by_role("button", name="Send my request").click()
    page.wait_for_url("**/consultation/thank-you/")
    assert ConsultationRequest.objects.count() == 1

    page.goto(live_server.url + article.url)
    assert page.locator("input[name=csrfmiddlewaretoken]").count() == 0
    page.get_by_label("Name").fill("Dana")
    page.get_by_label("Email address").fill("dana@example.com")
    page.get_by_role("textbox", name="Comment").fill("The stretches helped my mornings.")
    page.get_by_role("button", name="Post comment").click()
    page.wait_for_url(f"**{article.url}#comments")
    assert page.get_by_text("once a member of our team has reviewed it").is_visible()
    assert Comment.objects.filter(name="Dana").count() == 1
    page.context.close()


def test_a_form_on_another_site_is_refused(live_server, article, chromium):
    """A page on another origin that copies the comment form and posts it to us."""
    page = new_page(chromium, java_script_enabled=False)
    forged = (
        f'<!doctype html><title>Win a prize</title><form method="post" '
        f'action="{live_server.url}/comments/{article.pk}/">'
        '<input name="name" value="Spam"><input name="email" value="spam@example.com">'
        '<input name="body" value="Visit my shop"><button>Claim</button></form>'
    )
    page.route(ATTACKER, lambda route: route.fulfill(body=forged, content_type="text/html"))
    page.goto(ATTACKER)
    page.get_by_role("button", name="Claim").click()
    page.wait_for_url(f"{live_server.url}/comments/{article.pk}/")
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "This form must be sent from our website"
    assert not Comment.objects.exists()
    page.context.close()
