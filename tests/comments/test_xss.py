"""Whatever a commenter types is shown as text: no payload survives as markup, whether it comes
through the form or straight from the database."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from education.comments.models import Comment
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert('xss')</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '"><script>alert(1)</script>',
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    '<body onload="alert(1)">',
    '<a href="javascript:alert(1)">click me</a>',
    "<a href=' javascript:alert(1)'>spaced</a>",
    '<a href="jav&#x09;ascript:alert(1)">encoded tab</a>',
    "javascript:alert(document.cookie)",
    '<iframe src="javascript:alert(1)"></iframe>',
    "<div style=\"background:url('javascript:alert(1)')\">styled</div>",
    '<img src="x" alt="" onerror="alert(1)"',  # never closed
    "<<script>alert(1)//<</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "</textarea><script>alert(1)</script>",
    "</p></div></article></section><script>alert(1)</script>",
    "<!--<img src=x onerror=alert(1)>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "\uff1cscript\uff1ealert(1)\uff1c/script\uff1e",  # fullwidth < and >
    "\u202e>tpircs/<)1(trela>tpircs<",  # right-to-left override
    "<scr\u200bipt>alert(1)</scr\u200bipt>",  # zero-width space
    "<img src=x \u200conerror=alert(1)>",  # zero-width non-joiner
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "{{ request.user }} {% csrf_token %} ${7*7}",
    "https://evil.example/<script>alert(1)</script>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<meta http-equiv=refresh content='0;url=javascript:alert(1)'>",
]


def assert_only_text(container):
    """No element inside the comment text except the paragraphs and line breaks we add."""
    for element in container.find_all(True):
        assert element.name in {"p", "br"}, f"<{element.name}> survived: {element}"
        assert not element.attrs, f"attributes survived on {element}"


def rendered_comments(client, article):
    html = client.get(article.url).content.decode()
    return BeautifulSoup(html, "html.parser").find(id="comments")


def test_payloads_posted_through_the_form_are_shown_as_text(client, article, settings):
    settings.COMMENTS_RATE_LIMIT = len(PAYLOADS) * 2
    for payload in PAYLOADS:
        response = client.post(
            reverse("article_comments:post", args=[article.pk]),
            {"name": payload[:80], "email": "x@example.com", "body": payload},
        )
        assert response.status_code == 303, payload
    Comment.objects.update(status=Comment.Status.APPROVED)

    section = rendered_comments(client, article)

    assert len(section.select(".comment")) == len(PAYLOADS)
    for comment in section.select(".comment"):
        assert_only_text(comment.select_one(".comment__text"))
        author = comment.select_one(".comment__author")
        assert author.find_all(True) == []
    assert section.find("script") is None
    assert section.find("img") is None
    assert section.find("iframe") is None
    assert section.select("[href^=javascript], [src^=javascript]") == []
    for element in section.find_all(True):
        assert not [name for name in element.attrs if name.lower().startswith("on")], element


@pytest.mark.parametrize("payload", PAYLOADS)
def test_each_stored_payload_reads_back_exactly_as_typed(client, article, payload):
    # Straight into the database: the template must escape even what the form never saw.
    CommentFactory(article=article, name=payload[:80], body=payload)

    section = rendered_comments(client, article)
    text = section.select_one(".comment__text")

    assert_only_text(text)
    assert text.get_text() == payload
    assert section.select_one(".comment__author").get_text() == payload[:80]


def test_the_error_page_shows_a_payload_as_text(client, article):
    payload = "<script>alert('xss')</script><img src=x onerror=alert(1)>"

    response = client.post(
        reverse("article_comments:post", args=[article.pk]),
        {"name": payload, "email": "not valid", "body": payload},
    )

    assert response.status_code == 400
    section = BeautifulSoup(response.content, "html.parser").find(id="comments")
    assert section.find("script") is None
    assert section.find("img") is None
    assert section.find("textarea").get_text() == "\n" + payload
