"""What the comment moderation tests share: the admin's addresses for a comment, and the
comments a listing shows."""

from bs4 import BeautifulSoup
from django.urls import reverse

LIST_URL = "/admin/comments/"


def inspect_url(comment):
    return reverse("comments:inspect", args=[comment.pk])


def bulk_url(action, comments=(), **params):
    url = reverse("wagtail_bulk_action", args=["comments", "comment", action])
    query = "&".join([f"id={c.pk}" for c in comments] + [f"{k}={v}" for k, v in params.items()])
    return f"{url}?{query}"


def listed_comment_ids(response):
    page = BeautifulSoup(response.content, "html.parser")
    return sorted(
        int(box["data-object-id"]) for box in page.select("input[data-bulk-action-checkbox]")
    )
