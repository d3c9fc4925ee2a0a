"""Journey 1, staff, in real Chromium: an editor logs in, uploads an image with alt text, writes
an article with a heading, a paragraph, a callout, the image and references, picks two authors
and a topic, previews it and submits it for medical review; a medical reviewer approves it; a
patient reads it live, with its byline and review dates, and finds it through site search.

Only the site, the clinicians and the staff accounts (and the reviewer's link to her clinician
profile) are set up with factories; everything the journey names is done in the browser.
Screenshots go to test-artifacts/.
"""

import re

import pytest
from django.utils.dateformat import format as date_format
from PIL import Image
from playwright.sync_api import expect
from wagtail.images import get_image_model

from education.review import EDITORS, MEDICAL_REVIEWERS, today
from education.review_dates import next_review_after
from tests.factories import ClinicianPageFactory

from .helpers import assert_no_axe_violations, new_page, save_screenshot, sign_in, staff_member

TITLE = "Warm baths for sore muscles"
SUMMARY = "How warm water eases stiff muscles, and when cold is better."
HEADING = "Why warmth helps"
PARAGRAPH = (
    "A warm bath relaxes tight muscles before gentle stretching. "
    "Some people call this balneotherapy."
)
CALLOUT_HEADING = "Before you get in"
CALLOUT_TEXT = "Keep the water warm, not hot, and get out after 20 minutes."
IMAGE_TITLE = "Bath with a folded towel"
ALT_TEXT = "A bathtub of steaming water with a folded towel on its edge"
CITATION = {
    "Authors": "Bender T, Karagülle Z, Bálint GP, et al.",
    "Title": "Hydrotherapy, balneotherapy, and spa treatment in pain management",
    "Source": "Rheumatology International",
}
CITATION_YEAR = "2005"
FIRST_AUTHOR = "Dr. Maya Okafor, DPT"
SECOND_AUTHOR = "Dr. Edward Rubin, MD"
REVIEWER = "Dr. Anita Reyes, MD"
TOPIC = "Back pain"


@pytest.fixture
def practice(article_index, clinician_index, back_pain):
    """The education section with no article yet, three clinicians (Dr. Reyes linked to the
    reviewer's login), an editor and a medical reviewer."""
    staff_member("eddie", [EDITORS])
    reviewer = staff_member("anita", [MEDICAL_REVIEWERS])
    for given_name, family_name, post_nominals, user in [
        ("Maya", "Okafor", "DPT", None),
        ("Edward", "Rubin", "MD", None),
        ("Anita", "Reyes", "MD", reviewer),
    ]:
        ClinicianPageFactory(
            parent=clinician_index,
            given_name=given_name,
            family_name=family_name,
            post_nominals=post_nominals,
            user=user,
        )
    return article_index


def upload_image(page, base_url, path, title, alt_text):
    """Images → Add an image: Wagtail uploads the file at once, then asks for its details."""
    page.goto(base_url + "/admin/images/")
    page.get_by_role("link", name="Add an image").click()
    page.locator("#fileupload").set_input_files(str(path))
    details = page.locator("#upload-list form")
    details.get_by_label("Title").fill(title)
    details.get_by_label("Description").fill(alt_text)
    save_screenshot(page, "journey-staff-1-image-uploaded")
    details.get_by_role("button", name="Update").click()
    expect(page.locator(".messages")).to_contain_text("Image updated.")


def add_block(page, block_name):
    """Append a block to the article body with the last "Insert a block" button, and return it
    (by position: a locator ending in .last would move on to the next block added)."""
    blocks = page.locator("[data-streamfield-stream-container] > [data-streamfield-child]")
    position = blocks.count()
    page.locator(".c-sf-add-button").last.click()
    page.get_by_role("option", name=block_name, exact=True).click()
    expect(blocks).to_have_count(position + 1)
    return blocks.nth(position)


def type_rich_text(page, block, text, hidden_input):
    """Type into a Draftail editor; it copies the text to its form field a moment later."""
    block.locator(".public-DraftEditor-content").click()
    page.keyboard.type(text)
    expect(block.locator(hidden_input)).to_have_value(re.compile(re.escape(text)))


def choose_author_in_first_slot(page, name):
    page.locator("#inline_child_article_authors-0 [data-chooser-action-choose]").first.click()
    page.get_by_role("dialog").get_by_role("link", name=name).click()
    expect(page.locator("#inline_child_article_authors-0 [data-chooser-title]")).to_have_text(name)


def add_author(page, name):
    """ "Add author" opens a chooser that takes several clinicians at once."""
    page.get_by_role("button", name="Add author").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("checkbox", name=name).check()
    dialog.get_by_role("button", name="Confirm selection").click()
    expect(page.locator("#id_article_authors-FORMS [data-chooser-title]").last).to_have_text(name)


def choose_image(page, block, title):
    block.get_by_role("button", name="Choose an image").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Search term").fill(title)
    dialog.get_by_role("link", name=title).click()
    expect(block.locator("[data-chooser-title]")).to_have_text(title)


def wait_until_autosaved(page):
    """Wagtail 8 saves the draft in the background as the editor types; its first save creates
    the page (the address becomes the page's edit view) and each save redraws parts of the
    footer. Submitting before that settles could create the page twice or click a menu that is
    being replaced."""
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(page.locator("#w-autosave-indicator")).to_have_attribute(
        "data-w-autosave-state-value", "saved"
    )
    expect(page.locator("form[data-controller~=w-autosave]")).to_have_attribute(
        "data-w-unsaved-has-edits-value", "false"
    )


def open_action_menu(page):
    page.locator("footer [data-w-dropdown-target=toggle]").last.click()


def test_staff_write_review_and_publish_an_article_with_images_and_references(
    live_server, practice, chromium, axe, tmp_path
):
    index = practice
    base = live_server.url
    image_file = tmp_path / "warm-bath.png"
    Image.new("RGB", (800, 500), (214, 140, 90)).save(image_file)

    # The editor logs in and uploads the picture, describing it for people who cannot see it.
    page = new_page(chromium)
    sign_in(page, base, "eddie")
    upload_image(page, base, image_file, IMAGE_TITLE, ALT_TEXT)
    assert get_image_model().objects.get(title=IMAGE_TITLE).description == ALT_TEXT

    # A new article: title, summary and two authors in byline order.
    page.goto(f"{base}/admin/pages/add/education/articlepage/{index.pk}/")
    page.get_by_role("textbox", name="Title").fill(TITLE)
    page.get_by_role("textbox", name="Summary").fill(SUMMARY)
    choose_author_in_first_slot(page, FIRST_AUTHOR)
    add_author(page, SECOND_AUTHOR)

    # The body: a heading, a paragraph, a callout, the uploaded image and the references.
    heading = add_block(page, "Heading")
    heading.get_by_role("textbox", name="Text").fill(HEADING)
    heading.get_by_role("combobox", name="Level").select_option(label="Section heading (h2)")

    paragraph = add_block(page, "Paragraph")
    type_rich_text(page, paragraph, PARAGRAPH, "input[name$='-value']")

    callout = add_block(page, "Callout")
    callout.get_by_role("combobox", name="Kind").select_option(label="Key points")
    callout.get_by_role("textbox", name="Heading").fill(CALLOUT_HEADING)
    type_rich_text(page, callout, CALLOUT_TEXT, "input[name$='-value-body']")

    # The block's own alt text stays empty: the description given at upload is used.
    image = add_block(page, "Image")
    choose_image(page, image, IMAGE_TITLE)

    references = add_block(page, "References")
    for label, value in CITATION.items():
        references.get_by_role("textbox", name=label).fill(value)
    references.get_by_role("spinbutton", name="Year").fill(CITATION_YEAR)

    page.get_by_role("checkbox", name=TOPIC).check()
    wait_until_autosaved(page)
    heading.evaluate("block => block.scrollIntoView({behavior: 'instant'})")
    save_screenshot(page, "journey-staff-2-editor-with-blocks")

    # The preview beside the form shows the article as patients will see it. It redraws whenever
    # the form changes (background saves included), so it is opened once those are done.
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(preview.get_by_role("heading", level=2, name=HEADING)).to_be_visible()
    expect(preview.get_by_role("complementary", name=CALLOUT_HEADING)).to_contain_text(CALLOUT_TEXT)
    expect(preview.locator(".article__body img")).to_have_attribute("alt", ALT_TEXT)
    expect(preview.get_by_role("region", name="References")).to_contain_text(CITATION["Title"])
    expect(preview.locator(".byline__names")).to_have_text(f"By {FIRST_AUTHOR} and {SECOND_AUTHOR}")
    preview.locator(".article__body img").scroll_into_view_if_needed()
    save_screenshot(page, "journey-staff-3-preview")

    # Editors submit articles for medical review; publishing is not theirs to do.
    open_action_menu(page)
    submit = page.get_by_role("button", name="Submit to Medical review")
    expect(submit).to_be_visible()
    expect(page.get_by_role("button", name="Publish", exact=True)).to_have_count(0)
    submit.click()
    page.wait_for_url(f"{base}/admin/pages/{index.pk}/")
    expect(page.locator(".messages")).to_contain_text("submitted for moderation")
    page.context.close()

    article_url = f"{base}/education/warm-baths-for-sore-muscles/"
    patient = new_page(chromium)
    assert patient.goto(article_url).status == 404  # not live before review

    # The reviewer finds it on the dashboard and approves it.
    page = new_page(chromium)
    sign_in(page, base, "anita")
    page.get_by_role("link", name=TITLE).first.click()
    page.wait_for_url("**/edit/")
    open_action_menu(page)
    page.get_by_role("button", name="Approve and Publish", exact=True).click()
    page.wait_for_url(f"{base}/admin/pages/{index.pk}/")
    save_screenshot(page, "journey-staff-4-approved")
    page.context.close()

    # It is live with everything the editor wrote, both authors and today's review.
    assert patient.goto(article_url).status == 200
    article = patient.get_by_role("article")
    expect(article.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(article.get_by_role("heading", level=2, name=HEADING)).to_be_visible()
    expect(article.locator(".article__body")).to_contain_text("balneotherapy")
    expect(article.get_by_role("complementary", name=CALLOUT_HEADING)).to_contain_text(CALLOUT_TEXT)
    figure_image = article.locator(".article__body figure img")
    expect(figure_image).to_have_attribute("alt", ALT_TEXT)
    figure_image.scroll_into_view_if_needed()  # it loads lazily
    # decode() waits for the file and fails if the browser cannot show it.
    assert figure_image.evaluate("img => img.decode().then(() => img.naturalWidth)") > 0
    citation = article.get_by_role("region", name="References").get_by_role("listitem")
    expect(citation).to_contain_text(f"{CITATION['Authors']} {CITATION['Title']}.")  # one stop
    expect(article.locator(".byline__names")).to_have_text(f"By {FIRST_AUTHOR} and {SECOND_AUTHOR}")
    on_today = date_format(today(), "F j, Y")
    next_review = date_format(next_review_after(today()), "F j, Y")
    dates = article.locator(".article__dates")
    expect(dates).to_contain_text(f"Published {on_today}")
    expect(dates).to_contain_text(f"Medically reviewed by {REVIEWER} on {on_today}")
    expect(dates).to_contain_text(f"Next review due {next_review}")
    save_screenshot(patient, "journey-staff-5-live-article")
    assert_no_axe_violations(axe, patient, "the newly published article")

    # A patient searches for a word from its body with the search box in the header.
    patient.goto(base + "/")
    patient.get_by_role("combobox", name="Search this site").fill("balneotherapy")
    with patient.expect_navigation():
        patient.keyboard.press("Enter")
    assert "/search/?q=balneotherapy" in patient.url
    titles = patient.locator(".search-result__title").all_inner_texts()
    assert titles == [TITLE]
    assert patient.locator(".search-result__summary mark").count() == 0  # not in the summary
    save_screenshot(patient, "journey-staff-6-search-finds-the-article")
    assert_no_axe_violations(axe, patient, "search results for a new article")
    patient.context.close()
