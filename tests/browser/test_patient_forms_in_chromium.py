"""Each patient form the new-patients page links to, in English and in Spanish, opens in
Chromium's own PDF viewer (issue 28): the site serves it inline as application/pdf, the viewer
loads it, names it by the form's title and counts its pages as pypdf does, draws its page, and
takes what a patient types into its first text field.

The viewer draws in a frame of its own (the built-in extension below), inside an <embed>: the
tab's own document is an empty dark body, so a test that reads it, or screenshots it before
the viewer has loaded, sees an empty viewer. What the viewer shows is read from its frame,
once it has named the document. Its state is read from the viewer's elements as Chromium 156
writes them (`formFieldFocus_`, `hasEdits`): a Chromium that renames them fails here loudly."""

import io
import time

import pytest
from PIL import Image
from pypdf import PdfReader

from home.demo.patient_forms import FORMS

from .helpers import save_screenshot

NEW_PATIENTS = {"en": "/new-patients/", "es": "/es/pacientes-nuevos/"}
PDF_VIEWER = "chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/"
FOCUSED_FIELD = "() => document.querySelector('pdf-viewer').formFieldFocus_"


def the_viewer_frame(page, timeout=30):
    """The PDF viewer's frame: it is attached a moment after the PDF's navigation ends."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for frame in page.frames:
            if frame.url.startswith(PDF_VIEWER):
                return frame
        page.wait_for_timeout(50)
    raise AssertionError(f"No PDF viewer opened for {page.url}: frames {page.frames}")


def paper_and_ink(png):
    """The share of near-white pixels (the page's paper) and of dark ones (its text and
    boxes) in a screenshot: a viewer with nothing drawn is all dark gray."""
    shades = Image.open(io.BytesIO(png)).convert("L").histogram()  # pixels per gray level
    return sum(shades[245:]) / sum(shades), sum(shades[:101]) / sum(shades)


def assert_the_page_is_drawn(page, viewer, title, timeout=15):
    """The viewer's area shows paper with ink on it (it may draw a moment after loading)."""
    area = viewer.locator("embed#plugin").bounding_box()
    deadline = time.monotonic() + timeout
    while True:
        paper, ink = paper_and_ink(page.screenshot(clip=area))
        if (paper > 0.3 and ink > 0.002) or time.monotonic() > deadline:
            break
        page.wait_for_timeout(250)
    assert paper > 0.3 and ink > 0.002, f"{title}: {paper:.0%} paper, {ink:.1%} ink"


def focus_the_first_text_field(page, viewer):
    """Click into the document and Tab, as a patient would, until a text field has focus."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    viewer.locator("embed#plugin").click(position={"x": 5, "y": 5})
    for _ in range(10):
        page.keyboard.press("Tab")
        try:
            viewer.wait_for_function(f"() => ({FOCUSED_FIELD})() === 'text'", timeout=1000)
            return
        except PlaywrightTimeoutError:  # not a text field yet: Tab again
            continue
    raise AssertionError(f"Tab never reached a text field in {page.url}")


@pytest.mark.parametrize("language", sorted(NEW_PATIENTS))
def test_each_patient_form_opens_in_chromiums_pdf_viewer(
    live_server, demo_site, browser_page, language
):
    from playwright.sync_api import expect

    page = browser_page
    page.goto(live_server.url + NEW_PATIENTS[language])
    links = page.locator(".patient-forms a")
    forms = [(link.inner_text(), link.get_attribute("href")) for link in links.all()]
    assert len(forms) == len(FORMS), forms

    for title, href in forms:
        # Served to be shown, not saved: inline, as a PDF, and a fillable one.
        served = page.request.get(live_server.url + href)
        assert served.status == 200, href
        assert served.headers["content-type"] == "application/pdf", href
        assert served.headers["content-disposition"].startswith("inline"), href
        pdf = PdfReader(io.BytesIO(served.body()))
        assert "/AcroForm" in pdf.trailer["/Root"] and pdf.get_fields(), href

        page.goto(live_server.url + href)
        viewer = the_viewer_frame(page)
        # The viewer names the file until it has read the PDF, then the PDF's own title.
        expect(viewer.locator("#title")).to_have_text(pdf.metadata.title)
        assert pdf.metadata.title == title  # the title the page's link gives
        expect(viewer.locator("#pagelength")).to_have_text(str(len(pdf.pages)))

        assert_the_page_is_drawn(page, viewer, title)

        downloads = viewer.locator("viewer-download-controls")
        assert downloads.evaluate("controls => controls.hasEdits") is False
        focus_the_first_text_field(page, viewer)
        page.keyboard.type("Ana Ruiz")
        page.keyboard.press("Tab")  # leaving the field enters what was typed
        # The form field took the words: the viewer now offers to save "with your changes".
        expect(downloads).to_have_js_property("hasEdits", True)
        save_screenshot(page, f"patient-form-{language}-{href.rsplit('/', 1)[-1][:-4]}")
