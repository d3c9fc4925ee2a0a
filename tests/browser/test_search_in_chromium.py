from .helpers import assert_fits_and_is_accessible, assert_no_axe_violations, save_screenshot


def test_search_results_and_no_results_are_accessible(
    live_server, demo_site, page_at_width, axe, width
):
    page = page_at_width
    page.goto(live_server.url + "/search/?q=opioid")
    assert page.locator("h1").inner_text() == "Search results for “opioid”"
    assert page.locator(".search-result").count() >= 2
    assert page.locator(".search-result__summary mark").count() >= 1
    assert_fits_and_is_accessible(
        page, axe, width, "search results", screenshot=f"search-results-{width}"
    )

    page.goto(live_server.url + "/search/?q=xylophone")
    assert "We could not find a page about" in page.locator("main").inner_text()
    assert page.locator(".search-suggestions a", has_text="A–Z of conditions").count() == 1
    assert page.locator(".search-suggestions a.tag").count() >= 3
    assert_fits_and_is_accessible(
        page, axe, width, "the no-results page", screenshot=f"search-no-results-{width}"
    )

    page.goto(live_server.url + "/search/?q=")
    assert "Type a word or two" in page.locator("main").inner_text()
    assert_no_axe_violations(axe, page, f"the empty search page at {width}px")


def test_search_box_works_from_the_keyboard(live_server, demo_site, browser_page):
    page = browser_page
    page.goto(live_server.url + "/about/")
    search_box = page.get_by_role("combobox", name="Search this site")
    search_box.focus()
    page.keyboard.type("sleep")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Search"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".search-result__title a").first.inner_text().startswith("Sleep")
    # The query stays in the box on the results page, ready to refine.
    assert page.locator("#search-page-q").input_value() == "sleep"


def test_suggestions_as_you_type_from_the_keyboard(live_server, demo_site, browser_page, axe):
    page = browser_page
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(live_server.url + "/about/")
    box = page.get_by_role("combobox", name="Search this site")
    box.focus()
    page.keyboard.type("sciat")
    options = page.get_by_role("listbox", name="Suggested pages").get_by_role("option")
    options.first.wait_for()
    assert "Sciatica" in options.all_inner_texts()[0]
    assert options.count() <= 6
    assert box.get_attribute("aria-expanded") == "true"
    assert page.get_by_role("status").filter(has_text="suggestion").count() == 1
    page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == options.first.get_attribute("id")
    assert options.first.get_attribute("aria-selected") == "true"
    save_screenshot(page, "search-suggestions-open")
    assert_no_axe_violations(axe, page, "the header search with suggestions open")
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Sciatica"
    # Every keystroke stayed on this site.
    assert all(url.startswith(live_server.url) for url in asked)


def test_the_header_search_works_without_javascript(live_server, demo_site, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/about/")
    box = page.get_by_role("searchbox", name="Search this site")
    box.fill("siatica")
    with page.expect_navigation():
        box.press("Enter")
    assert "Showing results for sciatica." in page.locator("main").inner_text()
    assert page.locator(".search-result__title a").first.inner_text() == "Sciatica"
    context.close()
