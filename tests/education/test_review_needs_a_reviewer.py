"""Medical review cannot be skipped: an approval that would name no medical reviewer is
refused, from the editor and from the dashboard, with a message that says how to fix it."""

import pytest
from django.urls import reverse
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Workflow, WorkflowState

from education.approval import REVIEWER_MISSING
from education.editor_views import MedicallyReviewedEditView
from education.models import ArticlePage, ConditionPage, MedicalReviewTask, TreatmentPage
from education.review import MEDICAL_REVIEW_WORKFLOW, MEDICAL_REVIEWERS, today
from tests.education.helpers import article_edit_form, post_workflow_action, submit_for_review
from tests.factories import ArticlePageFactory, ClinicianPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def unreviewed_draft(article_index, rubin):
    return ArticlePageFactory(
        parent=article_index, title="Sleep and pain", authors=[rubin], publish=False
    )


def approve_in_editor(client, reviewer, article, **overrides):
    client.force_login(reviewer)
    data = article_edit_form(article, **overrides)
    data["action-workflow-action"] = "true"
    data["workflow-action-name"] = "approve"
    return client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)


def in_review(article):
    article = ArticlePage.objects.get(pk=article.pk)
    return article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_approving_in_the_editor_without_a_reviewer_is_refused_beside_the_field(
    client, writer, reviewer, unreviewed_draft
):
    submit_for_review(client, writer, unreviewed_draft)
    response = approve_in_editor(client, reviewer, unreviewed_draft, title="Sleep, revised")
    assert response.status_code == 200
    html = response.content.decode()
    assert "it names no medical reviewer" in html
    assert 'value="Sleep, revised"' in html  # what the reviewer typed is kept
    article = ArticlePage.objects.get(pk=unreviewed_draft.pk)
    assert not article.live
    assert in_review(article)


def test_naming_the_reviewer_in_the_editor_lets_the_approval_through(
    client, writer, reviewer, rubin, unreviewed_draft
):
    submit_for_review(client, writer, unreviewed_draft)
    response = approve_in_editor(
        client,
        reviewer,
        unreviewed_draft,
        medical_reviewer=rubin.pk,
        last_reviewed=today().isoformat(),
    )
    assert response.status_code == 302
    article = ArticlePage.objects.get(pk=unreviewed_draft.pk)
    assert article.live
    assert (article.medical_reviewer, article.last_reviewed) == (rubin, today())


def test_approving_from_the_dashboard_without_a_reviewer_is_refused(
    client, writer, reviewer, unreviewed_draft
):
    submit_for_review(client, writer, unreviewed_draft)
    response = post_workflow_action(client, reviewer, unreviewed_draft, follow=True)
    assert response.status_code == 200
    article = ArticlePage.objects.get(pk=unreviewed_draft.pk)
    assert not article.live
    assert in_review(article)  # nothing was approved, the review still waits
    assert article.medical_reviewer is None


def test_the_dashboard_refusal_says_why_and_opens_the_editor(
    client, writer, reviewer, unreviewed_draft
):
    submit_for_review(client, writer, unreviewed_draft)
    response = post_workflow_action(client, reviewer, unreviewed_draft, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse(
        "wagtailadmin_pages:edit", args=[unreviewed_draft.pk]
    )
    assert "it names no medical reviewer" in response.content.decode()
    assert "permission" not in " ".join(str(m) for m in response.context["messages"])


def test_the_medical_review_task_is_the_one_that_says_why(db):
    task = Workflow.objects.get(name=MEDICAL_REVIEW_WORKFLOW).tasks.get().specific
    assert isinstance(task, MedicalReviewTask)
    assert list(task.groups.values_list("name", flat=True)) == [MEDICAL_REVIEWERS]


def test_a_reviewer_linked_to_a_profile_is_named_for_them(
    client, writer, reviewer, clinician_index, unreviewed_draft
):
    profile = ClinicianPageFactory(
        parent=clinician_index, given_name="Anita", family_name="Reyes", user=reviewer
    )
    submit_for_review(client, writer, unreviewed_draft)
    response = approve_in_editor(client, reviewer, unreviewed_draft)
    assert response.status_code == 302
    article = ArticlePage.objects.get(pk=unreviewed_draft.pk)
    assert article.live and article.medical_reviewer == profile


def test_the_message_says_how_to_fix_it():
    assert "Choose the clinician who reviewed it" in REVIEWER_MISSING
    assert "link your login to your clinician profile" in REVIEWER_MISSING


def test_the_minor_edit_checkbox_has_no_ticked_box_icon_beside_it(client, reviewer, rubin):
    # Wagtail heads a BooleanField's panel with a ticked-box icon ("tick-inverse"), which
    # beside an empty checkbox reads as ticked; the other fields' icons are left as they are.
    article = ArticlePageFactory(title="Sleep and pain", authors=[rubin], publish=False)
    client.force_login(reviewer)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    panel_start = html.index('id="panel-child-medical_review-minor_edit-section"')
    panel = html[panel_start : html.index("</section>", panel_start)]
    assert 'name="minor_edit"' in panel
    assert "icon-tick-inverse" not in panel
    assert "#icon-date" in html  # the review dates keep theirs


def test_a_refused_approval_says_one_thing_and_autosaves_nothing(
    client, writer, reviewer, unreviewed_draft
):
    submit_for_review(client, writer, unreviewed_draft)
    revisions = unreviewed_draft.revisions.count()
    response = approve_in_editor(client, reviewer, unreviewed_draft, title="Sleep, revised")
    banners = [str(message).strip() for message in response.context["messages"]]
    # (The first is left from the writer's submission, in the same test client.)
    assert banners[1:] == [REVIEWER_MISSING]  # not "could not be saved due to validation errors"
    # Autosave would save the typed changes as a draft and show "Saved" in the header.
    assert response.context["autosave_enabled"] is False
    assert "w-unsaved w-autosave" not in response.content.decode()  # the form's controllers
    assert unreviewed_draft.revisions.count() == revisions


def test_other_errors_keep_wagtails_own_message(client, writer, reviewer, unreviewed_draft):
    submit_for_review(client, writer, unreviewed_draft)
    response = approve_in_editor(client, reviewer, unreviewed_draft, title="")
    banners = [str(message).strip() for message in response.context["messages"]]
    assert banners[1:] == ["The page could not be saved due to validation errors."]
    assert "w-unsaved w-autosave" in response.content.decode()


@pytest.mark.parametrize("model", [ArticlePage, ConditionPage, TreatmentPage])
def test_every_medically_reviewed_editor_refuses_the_same_way(model):
    assert page_viewset_registry.get_by_type(model).edit_view_class is MedicallyReviewedEditView
