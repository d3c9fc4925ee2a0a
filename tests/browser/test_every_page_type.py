"""One live page of every public page type, the 404 page and the consultation form with errors:
zero axe violations (WCAG 2.0, 2.1 and 2.2, A and AA) on a 360 px phone and a 1280 px screen, in
the light and the dark colour scheme. Screenshots of each go to test-artifacts/.
"""

from django.urls import reverse

from tests.helpers import one_live_page_per_type

from .helpers import assert_no_axe_violations, new_page, save_screenshot

WIDTHS = [360, 1280]
SCHEMES = ["light", "dark"]
CONSULTATION_ERRORS = "ConsultationErrors"


def pages_to_check(live_server):
    pages = [(page.specific_class.__name__, page.url) for page in one_live_page_per_type()]
    return (
        [(name, live_server.url + url) for name, url in pages]
        + [
            ("NotFound", live_server.url + "/no-such-page/"),
            (CONSULTATION_ERRORS, live_server.url + "/consultation/"),
        ]
        + [("SearchResults", live_server.url + reverse("search") + "?q=exercise")]
    )


def visit(page, name, url):
    page.goto(url)
    if name == CONSULTATION_ERRORS:
        page.get_by_role("button", name="Send my request").click()
        page.locator(".error-summary").wait_for()


def test_every_page_type_is_accessible_at_both_widths_in_both_schemes(
    live_server, demo_site, chromium, axe
):
    targets = pages_to_check(live_server)
    assert {"HomePage", "ArticlePage", "ConsultationFormPage"} <= {name for name, _ in targets}
    failures, checked = [], 0
    for width in WIDTHS:
        for scheme in SCHEMES:
            # One context per width and scheme, reused for every page.
            page = new_page(chromium, width=width, color_scheme=scheme)
            try:
                for name, url in targets:
                    visit(page, name, url)
                    dark = page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
                    assert dark == (scheme == "dark")
                    save_screenshot(page, f"page-type-{name}-{width}-{scheme}")
                    checked += 1
                    try:
                        label = f"{name} at {width} px, {scheme} scheme"
                        assert_no_axe_violations(axe, page, label)
                    except AssertionError as error:
                        failures.append(str(error).split("\nassert")[0])
            finally:
                page.context.close()
    assert checked == len(WIDTHS) * len(SCHEMES) * len(targets)
    assert not failures, "\n\n".join(failures)
