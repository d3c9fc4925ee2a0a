"""What the article editor in the Wagtail admin posts, how a reviewer acts on a page's medical
review from the dashboard, and how the tests read a page's JSON-LD."""

import json

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.helpers import soup_of

# Fields a test about the article itself leaves empty: the hero picture, the Promote tab and
# the scheduling dates.
LEFT_EMPTY = {
    "hero_image": "",
    "hero_image_alt": "",
    "next_review_due": "",
    "seo_title": "",
    "search_description": "",
    "go_live_at": "",
    "expire_at": "",
}


def article_editor_data(**fields):
    """The article editor's form data: `fields`, and everything else left empty. A value of
    None leaves the field out of the form altogether."""
    data = {**LEFT_EMPTY, **fields}
    return nested_form_data({key: value for key, value in data.items() if value is not None})


def iso_or_empty(date):
    return date.isoformat() if date else ""


def article_edit_form(article, **overrides):
    """The article's edit form as the editor would post it (its authors and review as saved,
    a one-paragraph body), with `overrides`."""
    links = list(article.article_authors.all())
    fields = {
        "title": article.title,
        "slug": article.slug,
        "summary": article.summary,
        "article_authors": inline_formset(
            [{"clinician": link.clinician_id, "id": link.pk} for link in links],
            initial=len(links),
        ),
        "display_date": article.display_date.isoformat(),
        "body": streamfield(
            [("paragraph", rich_text("<p>Walk a little further each day, and rest well.</p>"))]
        ),
        "topics": [],
        "minor_edit": "",
        "medical_reviewer": article.medical_reviewer_id or "",
        "last_reviewed": iso_or_empty(article.last_reviewed),
        "next_review_due": iso_or_empty(article.next_review_due),
    }
    return article_editor_data(**{**fields, **overrides})


def submit_for_review(client, user, article, **overrides):
    """`user` submits the article, with `overrides`, to medical review from its editor: the
    workflow it is now in."""
    client.force_login(user)
    data = article_edit_form(article, **overrides)
    data["action-submit"] = "Submit to Medical review"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return article.current_workflow_state


def json_ld_of(response):
    """The page's JSON-LD, parsed: there must be exactly one script of it."""
    scripts = soup_of(response).select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def post_workflow_action(client, user, page, action="approve", comment="", follow=False):
    """`user` takes `action` on the page's medical review task from the dashboard: the
    response."""
    client.force_login(user)
    state = type(page).objects.get(pk=page.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk])
    return client.post(url, {"comment": comment}, follow=follow)
