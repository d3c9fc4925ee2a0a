"""The small things that made the design look unfinished, measured in Chromium: a wrapped
link's bullet on its first line, the action link's circle still a circle when its words wrap,
no word split in the footer, the feedback question asked once."""

import io

import pytest
from PIL import Image

# Where the ink is in a screenshot of a box: the bounding box, in the box's own pixels, of
# every pixel that differs clearly from the box's top-left corner (its background).
CONTRAST = 60


def distance(colour, other):
    return sum(abs(a - b) for a, b in zip(colour, other, strict=True))


def ink_box(png):
    image = Image.open(io.BytesIO(png)).convert("RGB")
    background = image.getpixel((0, 0))
    width, height = image.size
    inked = [
        (x, y)
        for y in range(height)
        for x in range(width)
        if sum(abs(a - b) for a, b in zip(image.getpixel((x, y)), background, strict=True))
        > CONTRAST
    ]
    assert inked, "Nothing drawn in the box"
    xs, ys = [x for x, _ in inked], [y for _, y in inked]
    return min(xs), min(ys), max(xs) + 1, max(ys) + 1


# The lines of text a link's words fall on, as [top, bottom] pairs in page pixels.
TEXT_LINES = """link => {
  const range = document.createRange();
  range.selectNodeContents(link);
  const lines = [];
  for (const box of range.getClientRects()) {
    if (box.width && !lines.some(line => Math.abs(line[0] - box.top) < 2)) {
      lines.push([box.top + scrollY, box.bottom + scrollY]);
    }
  }
  return lines;
}"""


# "Treatments offered here", "How we can help", a clinician's conditions and treatments.
@pytest.mark.parametrize(
    "path",
    [
        "/locations/springfield-harbor/",
        "/education/exercise-for-low-back-pain/",
        "/clinicians/edward-rubin/",
    ],
)
def test_a_wrapped_links_bullet_sits_on_its_first_line(live_server, demo_site, browser_page, path):
    page = browser_page
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(live_server.url + path)
    link_list = page.locator(".link-list").first
    # Narrow enough that every link wraps, as the longer titles do on a small phone.
    link_list.evaluate("list => list.style.width = '9em'")
    wrapped = 0
    for item in link_list.locator("li").all():
        lines = item.locator("a").evaluate(TEXT_LINES)
        wrapped += len(lines) > 1
        item_box = item.bounding_box()
        list_box = link_list.bounding_box()
        # The bullet is drawn in the list's padding, left of the item.
        clip = {
            "x": list_box["x"],
            "y": item_box["y"] - 4,
            "width": item_box["x"] - list_box["x"],
            "height": item_box["height"] + 8,
        }
        _, top, _, bottom = ink_box(page.screenshot(clip=clip, full_page=True))
        bullet_middle = clip["y"] + (top + bottom) / 2
        first_top, first_bottom = lines[0]
        assert first_top <= bullet_middle <= first_bottom, (
            f"The bullet's middle at {bullet_middle:.0f} px is not on the first line "
            f"({first_top:.0f}-{first_bottom:.0f} px): lines {lines}"
        )
    assert wrapped, "No link wrapped: the test would prove nothing"


def test_the_action_links_circle_stays_round_when_the_link_wraps(
    live_server, demo_site, browser_page
):
    page = browser_page
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(live_server.url + "/")
    link = page.locator(".action-link").first
    link.evaluate("link => link.style.maxWidth = '8em'")
    assert len(link.evaluate(TEXT_LINES)) >= 2, "The link did not wrap"
    box = link.bounding_box()
    # The circle fills the link's left padding, before its words.
    padding = link.evaluate("link => parseFloat(getComputedStyle(link).paddingLeft)")
    clip = {"x": box["x"], "y": box["y"], "width": padding - 2, "height": box["height"]}
    left, top, right, bottom = ink_box(page.screenshot(clip=clip, full_page=True))
    width, height = right - left, bottom - top
    font_size = link.evaluate("link => parseFloat(getComputedStyle(link).fontSize)")
    assert abs(width - height) <= 1, f"The circle is {width} x {height} px"
    assert width >= 1.5 * font_size  # the whole 1.6em circle, not a squashed sliver


# The lines a range of text falls on, then every word of the footer split across two lines.
LINES_OF = """const linesOf = range => new Set(
  [...range.getClientRects()].filter(box => box.width).map(box => Math.round(box.top))
).size;"""
SPLIT_WORDS = (
    LINES_OF
    + """footer => {
  const split = [];
  const walker = document.createTreeWalker(footer, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    for (const match of node.data.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      if (linesOf(range) > 1) split.push(match[0]);
    }
  }
  return split;
}"""
)

ADDRESS_LINES_SPLIT = (
    LINES_OF
    + """footer => [...footer.querySelectorAll("address")].flatMap(address =>
  [...address.childNodes].filter(node => node.textContent.trim()).filter(node => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return linesOf(range) > 1;
  }).map(node => node.textContent))"""
)


@pytest.mark.parametrize("width", [1024, 1280])
def test_the_footer_splits_no_word_and_no_address_line(live_server, demo_site, browser_page, width):
    page = browser_page
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + "/")
    footer = page.locator(".site-footer")
    assert footer.get_by_role("link", name="office@").count() == 1  # the email is there
    assert footer.evaluate(SPLIT_WORDS) == []
    assert footer.evaluate(ADDRESS_LINES_SPLIT) == []


def test_the_feedback_question_is_asked_once(live_server, demo_site, browser_page):
    page = browser_page
    page.goto(live_server.url + "/education/exercise-for-low-back-pain/")
    feedback = page.locator(".page-feedback")
    text = feedback.inner_text()
    assert text.count("Was this page helpful?") == 1, text
    assert "(required)" not in text
    # The heading names the section and is the yes-or-no group's legend.
    assert page.get_by_role("region", name="Was this page helpful?").count() == 1
    group = feedback.get_by_role("group", name="Was this page helpful?")
    group.get_by_label("Yes").check()
    assert feedback.get_by_role("heading", name="Was this page helpful?").count() == 1
