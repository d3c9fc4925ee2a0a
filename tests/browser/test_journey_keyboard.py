"""The patient journey with the keyboard alone: Tab, Shift+Tab, Enter, Space, arrows and typing.

Every element that receives focus on the way must be on screen and show a focus indicator
(an outline or a box shadow), and focus must move in a sensible order.
"""

import re

from playwright.sync_api import expect

from pages.consultation.models import ConsultationRequest
from tests.pages.consultation.helpers import VALID_ANSWERS

ARTICLE_TITLE = "Exercise for low back pain: where to start"

DESCRIBE_FOCUS = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const label = el.labels && el.labels.length ? el.labels[0].innerText : "";
  return {
    key: (el.innerText || "").trim() || el.getAttribute("name") || el.id,
    tag: el.tagName.toLowerCase(),
    id: el.id,
    name: el.getAttribute("name") || "",
    type: el.getAttribute("type") || "",
    text: (el.innerText || "").trim(),
    label: label.trim(),
    classes: el.className || "",
    checked: !!el.checked,
    on_screen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
      && box.top < window.innerHeight && box.left < window.innerWidth,
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
    shadow: style.boxShadow !== "none",
  };
}"""


def focused(page):
    """The focused element, after checking that a sighted keyboard user can see where it is."""
    element = page.evaluate(DESCRIBE_FOCUS)
    assert element["tag"] != "body", "Focus left the page (Tab went past the last element)"
    where = f"{element['tag']}#{element['id']} {element['text'] or element['label']!r}"
    assert element["on_screen"], f"The focused element is off screen: {where}"
    assert element["outline"] or element["shadow"], f"No visible focus indicator on {where}"
    return element


def tab_to(page, predicate, max_tabs=60, key="Tab"):
    """Press Tab until the focused element matches, checking focus is visible at every stop."""
    for _ in range(max_tabs):
        page.keyboard.press(key)
        element = focused(page)
        if predicate(element):
            return element
    raise AssertionError(f"{max_tabs} presses of {key} never reached the element")


def link(text):
    return lambda element: element["tag"] == "a" and element["text"] == text


def field(field_id):
    return lambda element: element["id"] == field_id


def type_into(page, field_id, text):
    tab_to(page, field(field_id))
    page.keyboard.type(text)


def choose_radio(page, name, label):
    """Tab into a radio group, then arrow to the option (arrows select as they move)."""
    element = tab_to(page, lambda element: element["name"] == name)
    for _ in range(10):
        if element["label"] == label:
            if not element["checked"]:
                page.keyboard.press("Space")
            return
        page.keyboard.press("ArrowDown")
        element = focused(page)
    raise AssertionError(f"No option {label!r} in the group {name}")


def test_the_header_is_reached_in_order_after_the_skip_link(live_server, demo_site, browser_page):
    page = browser_page
    page.goto(live_server.url + "/")
    first = tab_to(page, lambda element: True, max_tabs=1)
    assert "skip-link" in first["classes"]
    # Everything shown in the header that takes focus (links, disclosures, form controls), in
    # DOM order; what a narrower screen keeps behind "Menu" is not shown, so Tab skips it.
    in_header = page.locator(
        "header.site-header :is(a[href], summary, button, input:not([type=hidden]), select,"
        " textarea)"
    ).evaluate_all(
        "elements => elements.filter(el => el.checkVisibility())"
        ".map(el => el.innerText.trim() || el.name || el.id)"
    )
    assert "Patient education" in in_header
    reached = [tab_to(page, lambda element: True, max_tabs=1)["key"] for _ in in_header]
    assert reached == in_header

    # Shift+Tab walks back the same way.
    back = tab_to(page, lambda element: True, max_tabs=1, key="Shift+Tab")
    assert back["key"] == in_header[-2]

    # The skip link takes focus past the header into the main content.
    page.keyboard.press("Shift+Tab")
    tab_to(page, lambda element: "skip-link" in element["classes"], key="Shift+Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main')")


def test_a_patient_completes_the_journey_with_the_keyboard_alone(
    live_server, demo_site, browser_page
):
    page = browser_page
    page.goto(live_server.url + "/")

    tab_to(page, link("Patient education"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Patient education")

    tab_to(page, link("Back pain"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"\?topic=back-pain$"))

    tab_to(page, link(ARTICLE_TITLE))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(ARTICLE_TITLE)
    article_url = page.url

    author = tab_to(page, lambda element: element["tag"] == "a" and "Okafor" in element["text"])
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text(author["text"])

    page.go_back()  # the browser's own Back command
    expect(page).to_have_url(article_url)

    type_into(page, "comment-name", "Hannah")
    page.keyboard.press("Tab")
    assert focused(page)["label"].startswith("Email address")
    page.keyboard.type("hannah@example.org")
    type_into(page, "comment-body", "Five minutes a day made a real difference.")
    tab_to(page, lambda element: element["text"] == "Post comment")
    page.keyboard.press("Enter")
    expect(page.locator("#comments [role=status]")).to_contain_text(
        "once a member of our team has reviewed it"
    )

    # The page came back at the comments; the invitation to a consultation is just above.
    tab_to(page, link("Request a consultation"), key="Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/consultation/")

    type_into(page, "id_full_name", VALID_ANSWERS["full_name"])
    type_into(page, "id_email", "maria.quintero@")
    type_into(page, "id_phone", VALID_ANSWERS["phone"])
    choose_radio(page, "contact_preference", "Phone")
    type_into(page, "id_best_times", VALID_ANSWERS["best_times"])
    choose_radio(page, "patient_status", "I am a new patient")
    type_into(page, "id_reason", VALID_ANSWERS["reason"])
    tab_to(page, field("id_consent"))
    page.keyboard.press("Space")
    tab_to(page, lambda element: element["text"] == "Send my request")
    page.keyboard.press("Enter")

    # The error summary takes focus; its link leads to the field with the mistake.
    expect(page.locator(".error-summary")).to_be_focused()
    focused(page)
    error_link = tab_to(page, lambda element: element["tag"] == "a", max_tabs=1)
    assert "email" in error_link["text"].lower()
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "id_email"
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type(VALID_ANSWERS["email"])
    tab_to(page, lambda element: element["text"] == "Send my request")
    page.keyboard.press("Enter")

    page.wait_for_url("**/consultation/thank-you/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, we have your request")
    saved = ConsultationRequest.objects.get()
    assert saved.form_data["email"] == VALID_ANSWERS["email"]
    assert saved.form_data["contact_preference"] == "Phone"
