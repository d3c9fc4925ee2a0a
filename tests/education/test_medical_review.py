"""Medical review: editors submit articles, medical reviewers approve them, and approval
records who reviewed the article and when."""

import datetime
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, Workflow, WorkflowPage, WorkflowState

from education.models import ArticlePage
from education.review import EDITORS, MEDICAL_REVIEW_WORKFLOW, MEDICAL_REVIEWERS, today
from education.review_dates import add_months
from tests.education.helpers import article_edit_form, post_workflow_action, submit_for_review
from tests.factories import ArticlePageFactory, ClinicianPageFactory
from tests.helpers import mail_sent


@pytest.fixture
def reviewer_profile(clinician_index, reviewer):
    return ClinicianPageFactory(
        parent=clinician_index,
        given_name="Anita",
        family_name="Reyes",
        job_title="Rehabilitation physician",
        user=reviewer,
    )


@pytest.fixture
def reviewed_article(article_index, rubin):
    return ArticlePageFactory(
        parent=article_index,
        title="Pacing for everyday life",
        authors=[rubin],
        medical_reviewer=rubin,
        last_reviewed=datetime.date(2026, 2, 1),
    )


def act_on_review(client, user, article, action, comment=""):
    response = post_workflow_action(client, user, article, action, comment)
    assert response.status_code == 302
    return ArticlePage.objects.get(pk=article.pk)


# --- Roles and the workflow ---


def test_migrations_create_the_roles_and_the_medical_review_workflow(db):
    reviewers = Group.objects.get(name=MEDICAL_REVIEWERS)
    editors = Group.objects.get(name=EDITORS)
    for group in (editors, reviewers):
        assert group.permissions.filter(codename="access_admin").exists()
        assert group.permissions.filter(codename="change_topic").exists()
        assert group.permissions.filter(codename="add_searchpromotion").exists()
    workflow = Workflow.objects.get(name=MEDICAL_REVIEW_WORKFLOW)
    [task] = [task.specific for task in workflow.tasks.all()]
    assert list(task.groups.all()) == [reviewers]


def test_every_article_goes_through_medical_review(article_index, reviewed_article):
    assert WorkflowPage.objects.get(page=article_index).workflow.name == MEDICAL_REVIEW_WORKFLOW
    assert reviewed_article.get_workflow().name == MEDICAL_REVIEW_WORKFLOW


def test_an_editor_can_write_articles_but_not_publish_them(editor, article_index, rubin):
    article = ArticlePageFactory(parent=article_index, authors=[rubin])
    permissions = article.permissions_for_user(editor)
    assert article_index.permissions_for_user(editor).can_add_subpage()
    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert editor.has_perm("education.add_topic")
    assert editor.has_perm("education.change_topic")


def test_a_medical_reviewer_approves_articles_but_has_no_publish_button(
    client, reviewer, article_index, rubin
):
    article = ArticlePageFactory(parent=article_index, authors=[rubin])
    permissions = article.permissions_for_user(reviewer)
    assert not permissions.can_publish()
    assert permissions.can_unpublish()  # a page found wrong comes down at once
    client.force_login(reviewer)
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert 'name="action-publish"' not in edit_page.content.decode()
    assert "Submit to Medical review" in edit_page.content.decode()


def test_an_editor_who_posts_publish_does_not_publish(client, editor, reviewed_article):
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[reviewed_article.pk])
    page = client.get(edit_url).content.decode()
    assert 'name="action-publish"' not in page
    assert "Submit to Medical review" in page

    data = article_edit_form(reviewed_article, title="Pacing, rewritten by the editor")
    data["action-publish"] = "action-publish"
    client.post(edit_url, data)
    reviewed_article.refresh_from_db()
    assert reviewed_article.title == "Pacing for everyday life"


def test_submitting_notifies_the_medical_reviewers(client, editor, reviewer, reviewed_article):
    with mail_sent():
        state = submit_for_review(client, editor, reviewed_article, title="Pacing, updated")
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == MEDICAL_REVIEW_WORKFLOW
    assert any(reviewer.email in message.to for message in mail.outbox)
    reviewed_article.refresh_from_db()
    assert reviewed_article.title == "Pacing for everyday life"  # not live until approved


# --- Approval ---


def test_approval_publishes_and_records_the_reviewer_and_dates(
    client, editor, reviewer, reviewer_profile, reviewed_article
):
    submit_for_review(client, editor, reviewed_article, title="Pacing, updated")
    article = act_on_review(client, reviewer, reviewed_article, "approve", "Accurate.")

    assert article.live and article.title == "Pacing, updated"
    assert article.medical_reviewer == reviewer_profile
    assert article.last_reviewed == today()
    assert article.next_review_due == add_months(today(), 12)
    # The published revision carries the review too, so the next edit starts from it.
    latest = article.get_latest_revision_as_object()
    assert (latest.medical_reviewer_id, latest.last_reviewed) == (reviewer_profile.pk, today())

    html = client.get(article.url).content.decode()
    assert "Medically reviewed by" in html and "Anita Reyes" in html
    assert today().isoformat() in html

    entry = PageLogEntry.objects.get(page=article, action="education.medical_review")
    assert entry.user == reviewer
    assert "Medical review by Dr. Anita Reyes, MD recorded" in entry.message


def test_the_review_interval_comes_from_settings(
    client, settings, editor, reviewer, reviewer_profile, reviewed_article
):
    settings.ARTICLE_REVIEW_INTERVAL_MONTHS = 6
    submit_for_review(client, editor, reviewed_article)
    article = act_on_review(client, reviewer, reviewed_article, "approve")
    assert article.next_review_due == add_months(today(), 6)


def test_a_reviewer_without_a_profile_keeps_the_named_reviewer(
    client, editor, reviewer, rubin, reviewed_article
):
    submit_for_review(client, editor, reviewed_article)
    article = act_on_review(client, reviewer, reviewed_article, "approve")
    assert article.medical_reviewer == rubin
    assert article.last_reviewed == today()


def test_requesting_changes_publishes_nothing_and_records_no_review(
    client, editor, reviewer, reviewer_profile, reviewed_article
):
    submit_for_review(client, editor, reviewed_article, title="Pacing, too hasty")
    article = act_on_review(client, reviewer, reviewed_article, "reject", "Check the dose.")
    assert article.title == "Pacing for everyday life"
    assert article.last_reviewed == datetime.date(2026, 2, 1)
    assert article.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


# --- Minor edits ---


def test_a_minor_edit_is_published_without_resetting_the_review(
    client, editor, reviewer, reviewer_profile, rubin, reviewed_article
):
    submit_for_review(
        client, editor, reviewed_article, title="Pacing for every day", minor_edit="on"
    )
    article = act_on_review(client, reviewer, reviewed_article, "approve")

    assert article.title == "Pacing for every day"
    assert article.medical_reviewer == rubin
    assert article.last_reviewed == datetime.date(2026, 2, 1)
    assert article.next_review_due == datetime.date(2027, 2, 1)
    # "Minor" described that one change: the next edit starts unticked.
    assert not article.minor_edit
    assert not article.get_latest_revision_as_object().minor_edit
    assert PageLogEntry.objects.filter(page=article, action="education.minor_edit").exists()


def test_an_editor_cannot_slip_new_review_dates_into_a_minor_edit(
    client, editor, reviewer, rubin, reviewed_article
):
    client.force_login(editor)
    form = client.get(reverse("wagtailadmin_pages:edit", args=[reviewed_article.pk]))
    assert 'name="last_reviewed"' not in form.content.decode()

    submit_for_review(
        client,
        editor,
        reviewed_article,
        minor_edit="on",
        last_reviewed=today().isoformat(),
        next_review_due=add_months(today(), 12).isoformat(),
    )
    article = act_on_review(client, reviewer, reviewed_article, "approve")
    assert article.last_reviewed == datetime.date(2026, 2, 1)
    assert article.next_review_due == datetime.date(2027, 2, 1)

    client.force_login(reviewer)
    form = client.get(reverse("wagtailadmin_pages:edit", args=[reviewed_article.pk]))
    assert 'name="last_reviewed"' in form.content.decode()


def test_a_reviewer_publishes_a_typo_fix_by_approving_it_without_a_new_review(
    client, reviewer, reviewed_article
):
    submit_for_review(
        client, reviewer, reviewed_article, title="Pacing for everyday living", minor_edit="on"
    )
    article = act_on_review(client, reviewer, reviewed_article, "approve")
    assert article.title == "Pacing for everyday living"
    assert article.last_reviewed == datetime.date(2026, 2, 1)
    assert not article.minor_edit
    assert not article.get_latest_revision_as_object().minor_edit


def test_an_article_never_reviewed_cannot_be_a_minor_edit(client, editor, article_index, rubin):
    article = ArticlePageFactory(parent=article_index, authors=[rubin], publish=False)
    client.force_login(editor)
    data = article_edit_form(article, minor_edit="on")
    data["action-submit"] = "Submit to Medical review"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    assert response.status_code == 200
    assert "has not had a medical review yet" in response.content.decode()
    assert article.current_workflow_state is None


# --- Scheduled publishing ---


def test_an_approved_article_with_a_go_live_date_waits_for_publish_scheduled(
    client, editor, reviewer, reviewer_profile, reviewed_article
):
    go_live = timezone.now() + datetime.timedelta(days=2)
    submit_for_review(
        client,
        editor,
        reviewed_article,
        title="Pacing, scheduled",
        go_live_at=timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M"),
    )
    article = act_on_review(client, reviewer, reviewed_article, "approve")
    assert article.title == "Pacing for everyday life"  # still the old version

    scheduled = article.scheduled_revision
    assert scheduled is not None and scheduled.approved_go_live_at is not None
    assert scheduled.as_object().last_reviewed == today()

    call_command("publish_scheduled")
    assert ArticlePage.objects.get(pk=article.pk).title == "Pacing for everyday life"

    # Three days later, the cron job runs again.
    later = timezone.now() + datetime.timedelta(days=3)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.title == "Pacing, scheduled"
    assert (article.medical_reviewer, article.last_reviewed) == (reviewer_profile, today())


# --- Linking clinicians to their logins ---


def test_only_people_who_manage_accounts_link_a_profile_to_a_login(
    client, editor, admin_user, rubin
):
    edit_url = reverse("wagtailadmin_pages:edit", args=[rubin.pk])
    client.force_login(editor)
    assert 'name="user"' not in client.get(edit_url).content.decode()
    client.force_login(admin_user)
    assert 'name="user"' in client.get(edit_url).content.decode()


# --- Installs that had an article index before medical review existed ---


def test_the_migration_sets_up_an_article_index_that_already_exists(article_index):
    from importlib import import_module

    from django.apps import apps

    WorkflowPage.objects.filter(page=article_index).delete()
    article_index.group_permissions.all().delete()
    migration = import_module("education.migrations.0002_staff_roles_and_medical_review_workflow")
    migration.create_roles_and_workflow(apps, schema_editor=None)

    assert WorkflowPage.objects.get(page=article_index).workflow.name == MEDICAL_REVIEW_WORKFLOW
    granted = set(
        article_index.group_permissions.values_list("group__name", "permission__codename")
    )
    assert (MEDICAL_REVIEWERS, "publish_page") in granted
    assert (EDITORS, "change_page") in granted
    assert (EDITORS, "publish_page") not in granted
    assert Workflow.objects.filter(name=MEDICAL_REVIEW_WORKFLOW).count() == 1  # not twice
