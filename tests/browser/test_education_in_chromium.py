from .helpers import assert_fits_and_is_accessible, assert_no_axe_violations


def test_patient_finds_an_article_by_topic_and_meets_its_author(
    live_server, demo_site, page_at_width, axe, width
):
    page = page_at_width
    page.goto(live_server.url + "/education/")
    assert page.locator("h1").inner_text() == "Patient education"
    assert_fits_and_is_accessible(page, axe, width, "the article index")

    page.get_by_role("link", name="Medicines and opioids").first.click()
    page.wait_for_url("**/education/?topic=medicines")
    assert (
        "Showing articles about Medicines and opioids"
        in page.locator(".active-filter").inner_text()
    )
    titles = page.locator(".card__title a").all_inner_texts()
    assert "Opioid-induced hyperalgesia: when pain medicine makes pain worse" in titles
    assert "Knee osteoarthritis: what actually helps" not in titles

    page.get_by_role(
        "link", name="Opioid-induced hyperalgesia: when pain medicine makes pain worse"
    ).click()
    page.wait_for_url("**/education/opioid-induced-hyperalgesia/")
    assert page.locator(".byline__names").inner_text() == "By Dr. Edward Rubin, MD"
    assert_fits_and_is_accessible(page, axe, width, "an article", screenshot=f"article-{width}")

    page.locator(".byline__names a").click()
    page.wait_for_url("**/clinicians/edward-rubin/")
    assert page.locator("h1").inner_text() == "Dr. Edward Rubin, MD"
    assert page.locator("#written-heading").is_visible()
    assert_no_axe_violations(axe, page, f"an author page at {width}px")

    page.goto(live_server.url + "/clinicians/")
    assert page.locator(".card__title a").count() >= 2
    assert_no_axe_violations(axe, page, f"the clinicians index at {width}px")


def test_printed_article_leaves_out_navigation(live_server, demo_site, browser_page):
    page = browser_page
    page.goto(live_server.url + "/education/opioid-induced-hyperalgesia/")
    page.emulate_media(media="print")
    for selector in (".site-header", ".site-footer", ".breadcrumbs", ".related-articles"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("h1").is_visible()
    assert page.locator(".references").is_visible()
