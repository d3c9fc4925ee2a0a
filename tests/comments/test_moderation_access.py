"""Who moderates comments in the admin: superusers and the Comment moderators group, nobody
else (not editors, not Wagtail's own page moderators), with the number waiting in the menu."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from education.comments.models import Comment
from tests.comments.helpers import LIST_URL, bulk_url, inspect_url
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db


def test_the_migration_creates_the_moderators_group_with_comment_permissions():
    group = Group.objects.get(name="Comment moderators")

    assert sorted(group.permissions.values_list("codename", flat=True)) == [
        "access_admin",
        "change_comment",
        "delete_comment",
        "view_comment",
    ]


# --- Who sees what -----------------------------------------------------------------------------


def test_moderators_see_the_menu_with_the_number_waiting(client, article, moderator):
    CommentFactory(article=article, status=Comment.Status.PENDING)
    CommentFactory(article=article, status=Comment.Status.PENDING)
    CommentFactory(article=article, status=Comment.Status.APPROVED)
    client.force_login(moderator)

    dashboard = client.get("/admin/").content.decode()

    assert "Comments (2)" in dashboard
    assert "/admin/comments/?status=pending" in dashboard


def test_the_menu_says_just_comments_when_none_wait(client, article, moderator):
    CommentFactory(article=article, status=Comment.Status.APPROVED)
    client.force_login(moderator)

    dashboard = client.get("/admin/").content.decode()

    assert '"Comments"' in dashboard
    assert "Comments (" not in dashboard


def test_superusers_can_moderate(client, article, superuser):
    comment = CommentFactory(article=article, status=Comment.Status.PENDING)
    client.force_login(superuser)

    assert "Comments (1)" in client.get("/admin/").content.decode()
    assert client.get(LIST_URL).status_code == 200
    client.post(inspect_url(comment), {"status": Comment.Status.APPROVED})
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED


def test_editors_outside_the_group_see_no_comments(client, article, editor):
    comment = CommentFactory(article=article, status=Comment.Status.PENDING)
    client.force_login(editor)

    dashboard = client.get("/admin/").content.decode()
    assert "/admin/comments/" not in dashboard

    for url in (
        LIST_URL,
        LIST_URL + "results/",
        inspect_url(comment),
        reverse("comments:edit", args=[comment.pk]),
        reverse("comments:delete", args=[comment.pk]),
        reverse("comments:history", args=[comment.pk]),
        bulk_url("approve", [comment]),
        "/admin/snippets/choose/comments/comment/",
        "/admin/snippets/choose/comments/comment/results/",
        f"/admin/snippets/choose/comments/comment/chosen/{comment.pk}/",
    ):
        assert client.get(url).status_code in (302, 403), url

    response = client.post(inspect_url(comment), {"status": Comment.Status.APPROVED})
    assert response.status_code in (302, 403)
    client.post(bulk_url("approve", [comment]))
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


def test_wagtails_page_moderators_do_not_moderate_comments_by_default(client, article, editor):
    editor.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(editor)

    assert client.get(LIST_URL).status_code in (302, 403)
    assert (
        Group.objects.get(name="Moderators")
        .permissions.filter(content_type__model="comment")
        .count()
        == 0
    )


def test_editors_added_to_the_group_can_moderate(client, article, editor):
    editor.groups.add(Group.objects.get(name="Comment moderators"))
    CommentFactory(article=article, status=Comment.Status.PENDING)
    client.force_login(editor)

    assert client.get(LIST_URL).status_code == 200


def test_nobody_adds_comments_in_the_admin(client, superuser, moderator):
    for user in (superuser, moderator):
        client.force_login(user)
        assert client.get(reverse("comments:add")).status_code in (302, 403)
        assert "Add comment" not in client.get(LIST_URL).content.decode()
        assert Comment.objects.count() == 0


# --- The listing ---------------------------------------------------------------------------------
