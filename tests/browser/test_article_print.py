"""Printing an article gives the article: no site header, navigation, footer, comments or
related links, dark text on white paper even for a visitor who prefers the dark scheme, and the
addresses of the references written out."""

import pytest
from playwright.sync_api import expect

from tests.factories import ArticlePageFactory, CommentFactory, citation, plain_body, references

CITATION = citation(
    authors="Hayden JA, Ellis J, Ogilvie R, et al.",
    title="Exercise therapy for chronic low back pain",
    source="Cochrane Database of Systematic Reviews",
    year=2021,
    url="https://doi.org/10.1002/14651858.CD009790.pub2",
)


@pytest.fixture
def commented_article(article, article_index, back_pain):
    """An article with references, a comment, and a related article."""
    article.body = [*plain_body(), references(CITATION)]
    article.save_revision().publish()
    CommentFactory(article=article)
    ArticlePageFactory(parent=article_index, title="Sitting well", topics=[back_pain])
    return article


def test_a_printed_article_leaves_out_the_site_around_it(
    live_server, commented_article, browser_page
):
    page = browser_page
    page.goto(live_server.url + commented_article.url)
    expect(page.locator("header.site-header")).to_be_visible()
    expect(page.locator("footer.site-footer")).to_be_visible()

    for scheme in ("light", "dark"):
        page.emulate_media(media="print", color_scheme=scheme)
        for selector in (
            "header.site-header",
            "nav.main-nav",
            "footer.site-footer",
            ".skip-link",
            "nav.breadcrumbs",
            "#comments",
            ".related-articles",
        ):
            expect(page.locator(selector).first).to_be_hidden()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        expect(page.locator(".article__body")).to_be_visible()
        expect(page.locator(".byline__names")).to_be_visible()

        colours = page.evaluate(
            """() => ({
              body: getComputedStyle(document.body).backgroundColor,
              page: getComputedStyle(document.documentElement).backgroundColor,
              text: getComputedStyle(document.querySelector('.article__body p')).color,
            })"""
        )
        assert colours["body"] in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), (scheme, colours)
        assert colours["page"] in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), (scheme, colours)
        assert colours["text"] == "rgb(0, 0, 0)", (scheme, colours)

        reference_link = page.locator(".references a").first
        after = reference_link.evaluate("a => getComputedStyle(a, '::after').content")
        assert reference_link.get_attribute("href") in after

    page.emulate_media(media="screen", color_scheme="light")
    expect(page.locator("header.site-header")).to_be_visible()
