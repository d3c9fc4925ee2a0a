"""The dashboard's workflow panels ("Awaiting your review", "Your pages and snippets in a
workflow") give an article's title room (issue 26 saw the Title column squeezed to 44 px at
1280 px, breaking the word; admin.css gives it a 16rem minimum). The panels appear only with a
page in a workflow task, which the staff sweep's demo site has none of, so this test makes one,
submitted by someone with a long name, and measures the title cell at both staff widths."""

import pytest

from education.review import MEDICAL_REVIEWERS
from tests.education.helpers import submit_for_review
from tests.factories import ArticlePageFactory

from .helpers import new_page, sign_in, staff_member

TITLE = "Nerve blocks for lower back pain"


@pytest.mark.parametrize("width", [1280, 1024])
@pytest.mark.parametrize("panel", ["#awaiting-review-section", "#objects-in-workflow-section"])
def test_a_title_in_a_workflow_panel_has_room(
    live_server, chromium, client, article_index, rubin, panel, width
):
    writer = staff_member(
        "writer",
        ["Editors", MEDICAL_REVIEWERS],
        first_name="Maximiliana",
        last_name="Fitzgerald-Oyelaran",
    )
    article = ArticlePageFactory(parent=article_index, title=TITLE, authors=[rubin], publish=False)
    submit_for_review(client, writer, article)
    page = new_page(chromium, width=width)
    try:
        sign_in(page, live_server.url, "writer")
        cell = page.locator(f"{panel} td.title").first
        cell.wait_for()
        width = cell.evaluate("cell => cell.getBoundingClientRect().width")
        assert width >= 16 * 16, f"{panel} Title column is {width:.0f} px wide"
        # The title's words each stay on one line.
        lines = page.locator(f"{panel} td.title a").first.evaluate(
            """link => {
                const range = document.createRange();
                range.selectNodeContents(link);
                return new Set([...range.getClientRects()].map(rect => Math.round(rect.top))).size;
            }"""
        )
        assert lines == 1
    finally:
        page.context.close()
