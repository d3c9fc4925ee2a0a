"""What the article, condition and treatment editors in the Wagtail admin post, how a reviewer
acts on a page's medical review from the dashboard, and how the tests read a page's JSON-LD."""

import json

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from education.models import ArticlePage, ConditionPage
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


def condition_form(**fields):
    """The condition editor's form data: sciatica, with `fields`."""
    empty = {"seo_title": "", "search_description": "", "go_live_at": "", "expire_at": ""}
    blank_sections = {
        name: rich_text("")
        for name in ("symptoms", "causes", "diagnosis", "treatment_intro", "urgent_help")
    }
    data = {
        **empty,
        **blank_sections,
        "title": "Sciatica",
        "slug": "sciatica",
        "summary": "Pain that runs down one leg.",
        "alternate_names": "",
        "symptom_list": "",
        "overview": rich_text("<p>An irritated nerve root in the lower back.</p>"),
        "treatment_links": inline_formset([]),
        "clinician_links": inline_formset([]),
        "article_links": inline_formset([]),
        "minor_edit": "",
        **fields,
    }
    return nested_form_data(data)


def treatment_form(**fields):
    """The treatment editor's form data: an epidural steroid injection, with `fields`."""
    sections = ("who_it_helps", "how_to_prepare", "on_the_day", "recovery", "risks")
    data = {
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        **{name: rich_text("") for name in (*sections, "when_to_call")},
        "title": "Epidural steroid injection",
        "slug": "epidural-steroid-injection",
        "summary": "An injection near an irritated nerve root.",
        "kind": "percutaneous",
        "what_it_is": rich_text("<p>Steroid medicine, injected with X-ray guidance.</p>"),
        "needs_driver": "on",
        "blood_thinner_advice": "",
        "fasting_advice": "",
        "clinician_links": inline_formset([]),
        "article_links": inline_formset([]),
        "minor_edit": "",
        **fields,
    }
    return nested_form_data(data)


def editor_form(page, **overrides):
    """The form data of `page`'s editor (an article, a condition or a treatment without links),
    with its title and slug, and `overrides`."""
    if isinstance(page, ArticlePage):
        return article_edit_form(page, **overrides)
    form = condition_form if isinstance(page, ConditionPage) else treatment_form
    return form(**{"title": page.title, "slug": page.slug, **overrides})


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
    """The page's own node of its JSON-LD graph (the first), with the graph's context: there
    must be exactly one script of it."""
    scripts = soup_of(response).select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    return {"@context": data["@context"], **data["@graph"][0]}


def post_workflow_action(client, user, page, action="approve", comment="", follow=False):
    """`user` takes `action` on the page's medical review task from the dashboard: the
    response."""
    client.force_login(user)
    state = type(page).objects.get(pk=page.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk])
    return client.post(url, {"comment": comment}, follow=follow)
