"""Every template in templates/components/ is rendered by the demo site as patients see it.

A component no page uses is dead code that nobody tests; one that silently stops being used
means a page lost a piece of its design. The test client records each template rendered
(Django's template_rendered signal) in `response.templates`.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.models import Page

from tests.pages.consultation.helpers import VALID_ANSWERS, answers

COMPONENTS = Path(settings.BASE_DIR) / "templates" / "components"
ARTICLE_PATH = "/education/exercise-for-low-back-pain/"
# Components the demo content does not use, each rendered by a focused test elsewhere
# (the image block: tests/pages/test_standard_page.py).
RENDERED_BY_FOCUSED_TESTS = {"components/blocks/image_block.html"}


def all_components():
    return {
        str(path.relative_to(COMPONENTS.parent)).replace("\\", "/")
        for path in COMPONENTS.rglob("*.html")
    }


def rendered_names(response):
    return {template.name for template in response.templates if template.name}


def visit_the_demo_site(client):
    """Every kind of page a patient can reach, including errors and the pages after a form."""
    responses = []

    def get(path, status=200, **kwargs):
        response = client.get(path, **kwargs)
        assert response.status_code == status, path
        responses.append(response)
        return response

    def post(path, data, status=200):
        response = client.post(path, data, follow=True)
        assert response.status_code == status, path
        responses.append(response)
        return response

    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        get(page.url)
    get("/education/?topic=back-pain")
    get("/no-such-page/", status=404)
    # The language switcher's landing from a page that has no Spanish version.
    get("/es/?untranslated=1")
    get(reverse("search") + "?q=exercise")

    article = get(ARTICLE_PATH)
    comment_url = article.context["comment_post_url"]
    post(comment_url, {"name": "", "email": "", "body": ""}, status=400)
    post(comment_url, {"name": "Hannah", "email": "hannah@example.org", "body": "Thank you."})

    post("/consultation/", answers(email="maria.quintero@"))
    thank_you = post("/consultation/", dict(VALID_ANSWERS))
    assert thank_you.redirect_chain, "A valid request ends on the thank-you page"
    return responses


@pytest.mark.django_db
def test_every_component_template_is_rendered_by_a_demo_page(client, demo_site):
    rendered = set()
    for response in visit_the_demo_site(client):
        rendered |= rendered_names(response)

    components = all_components()
    assert "components/site_header.html" in components
    unused = sorted(components - rendered - RENDERED_BY_FOCUSED_TESTS)
    assert not unused, f"Component templates no demo page renders: {unused}"
