"""A second run updates what the first imported, keyed on WordPress's IDs, logins and
email addresses: nothing is duplicated, and nothing edited here is overwritten."""

import pytest
from django.contrib.auth import get_user_model

from education.comments.models import Comment
from education.models import ArticlePage, ClinicianIndexPage, ClinicianPage, Topic

from . import wxr
from .helpers import run_import

BODY = "<!-- wp:paragraph --><p>Plain words about pain for patients.</p><!-- /wp:paragraph -->"


def author(login="erubin", email="erubin@rubinpain.example", name="Dr. Edward Rubin, MD"):
    return wxr.author(1, login, email, name, "Edward", "Rubin")


def post(title="Heat or ice?", body=BODY, creator="erubin", **kwargs):
    kwargs.setdefault("categories", [("back-pain", "Back Pain")])
    return wxr.item(50, title, "heat-or-ice", body, creator=creator, **kwargs)


def write(tmp_path, *parts, name="export.xml"):
    return wxr.write(tmp_path / name, *parts)


def test_an_author_is_found_again_by_login_or_by_email(home, tmp_path):
    run_import(write(tmp_path, author(), post()))
    run_import(write(tmp_path, author(email="edward@new.example"), post()))  # new email
    run_import(write(tmp_path, author(login="edward"), post(creator="edward")))  # new login
    assert ClinicianPage.objects.count() == 1
    article = ArticlePage.objects.get()
    assert [link.clinician_id for link in article.article_authors.all()] == [
        ClinicianPage.objects.get().pk
    ]


def test_the_profile_stays_as_the_practice_edited_it(home, tmp_path):
    path = write(tmp_path, author(), post())
    run_import(path)
    clinician = ClinicianPage.objects.get()
    clinician.post_nominals = "MD, FAAPMR"
    clinician.job_title = "Medical director"
    clinician.short_bio = "Dr. Rubin leads the practice."
    clinician.save_revision().publish()
    output = run_import(path)
    clinician.refresh_from_db()
    assert (clinician.post_nominals, clinician.job_title) == ("MD, FAAPMR", "Medical director")
    assert "Clinicians (authors)                  0          0          1" in output


def test_an_existing_profile_is_found_by_its_admin_account_email(home, tmp_path):
    index = ClinicianIndexPage(title="Our clinicians", slug="clinicians")
    home.add_child(instance=index)
    user = get_user_model().objects.create_user("rubin", "ERubin@RubinPain.example", "pw")
    existing = ClinicianPage(title="Dr. Ed Rubin", slug="ed-rubin", given_name="Ed",
                             family_name="Rubin", job_title="Physician", short_bio="Bio.",
                             user=user)  # fmt: skip
    index.add_child(instance=existing)
    output = run_import(write(tmp_path, author(), post()))
    assert ClinicianPage.objects.get() == existing
    assert "whose admin account has the same email address" in output


def test_categories_and_tags_join_existing_topics_by_name_or_slug(home, tmp_path):
    Topic.objects.create(name="Back pain", slug="back")
    run_import(write(
        tmp_path, author(), wxr.category(3, "back-pain", "Back Pain"), wxr.tag(4, "opioids",
        "Opioids"), wxr.category(5, "opioids", "Opioids"),
        post(categories=[("back-pain", "Back Pain"), ("opioids", "Opioids")],
             tags=[("opioids", "Opioids")]),
    ))  # fmt: skip
    assert sorted(Topic.objects.values_list("slug", flat=True)) == ["back", "opioids"]
    article = ArticlePage.objects.get()
    assert sorted(article.topics.values_list("slug", flat=True)) == ["back", "opioids"]


def test_a_post_changed_in_wordpress_is_updated_in_place(home, tmp_path):
    run_import(write(tmp_path, author(), post()))
    page = ArticlePage.objects.get()
    output = run_import(write(tmp_path, author(), post(title="Heat or ice: which helps?")))
    updated = ArticlePage.objects.get()
    assert updated.pk == page.pk and updated.title == "Heat or ice: which helps?"
    assert "Articles (posts)                      0          1          0          0" in output


def test_a_page_edited_in_wagtail_is_left_as_it_is(home, tmp_path):
    run_import(write(tmp_path, author(), post()))
    page = ArticlePage.objects.get()
    page.title = "Heat or ice: our advice"
    page.save_revision().publish()
    output = run_import(write(tmp_path, author(), post(title="Changed in WordPress")))
    assert ArticlePage.objects.get().title == "Heat or ice: our advice"
    assert "edited in Wagtail since the last import, so left as it is" in output


def test_a_page_deleted_in_wagtail_is_not_brought_back(home, tmp_path):
    path = write(tmp_path, author(), post())
    run_import(path)
    ArticlePage.objects.get().delete()
    output = run_import(path)
    assert not ArticlePage.objects.exists()
    assert "deleted in Wagtail after an earlier import, so not brought back" in output


@pytest.fixture
def with_comment(home, tmp_path):
    def export(state="0", text="Is heat safe on a new injury?"):
        comment = wxr.comment(7, "Ann", "ann@example.com", "2024-03-14 09:00:00", text, state)
        return write(tmp_path, author(), post(comments=[comment]))

    run_import(export())
    return export


def test_a_comment_approved_in_wordpress_later_is_approved_on_the_next_run(with_comment):
    run_import(with_comment(state="1"))
    assert Comment.objects.get().status == Comment.Status.APPROVED


def test_a_comment_moderated_here_keeps_its_decision(with_comment, superuser):
    from education.comments.moderation import decide

    decide([Comment.objects.get()], Comment.Status.REJECTED, superuser)
    output = run_import(with_comment(state="1", text="Edited in WordPress"))
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.REJECTED
    assert comment.body == "Is heat safe on a new injury?"
    assert "moderated in Wagtail since the last import" in output
