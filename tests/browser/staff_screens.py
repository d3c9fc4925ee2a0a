"""The staff screens the sweep visits (tests/browser/test_staff_screens_in_chromium.py), and
what it measures on each: axe's serious and critical findings in what this project renders,
words broken across lines inside table cells, oversized icons and pictures, sideways scroll."""

from django.urls import reverse
from wagtail import hooks
from wagtail.snippets.models import get_snippet_models

# The apps of this project: their reports and snippets are swept, Wagtail's own are not.
PROJECT_APPS = ("practice", "home", "education", "pages")
IMPACTS = ("serious", "critical")
# Wagtail's own chrome around every screen: not this project's to fix.
WAGTAIL_CHROME = [["#wagtail-sidebar"], [".w-breadcrumbs"], ["[data-side-panel]"]]
LARGEST_ICON = 64

# A word whose text range has client rects on more than one line: broken inside the word.
# Rects of one line overlap vertically; a rect starting below the first one's middle is on
# a later line.
MID_WORD_BREAKS = """
() => {
  const broken = [];
  for (const cell of document.querySelectorAll("main td, main th")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.textContent.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
        if (rects.length < 2) continue;
        const first = rects[0];
        if (rects.some((rect) => rect.top > first.top + first.height / 2)) {
          broken.push(match[0]);
        }
      }
    }
  }
  return broken;
}
"""

# Icons and pictures drawn larger than LARGEST_ICON inside the screen's own content (the
# signed-in person's avatar in Wagtail's greeting is Wagtail's, and meant to be large).
OVERSIZED = """
(largest) => [...document.querySelectorAll("main svg, main img")]
  .filter((element) => !element.closest(".avatar"))  // Wagtail's greeting, not a panel
  .map((element) => ({element, box: element.getBoundingClientRect()}))
  .filter(({box}) => box.width > largest || box.height > largest)
  .map(({element, box}) =>
    `${element.tagName.toLowerCase()}.${element.getAttribute("class") || ""} ` +
    `${Math.round(box.width)}x${Math.round(box.height)}`)
"""


def project_reports(request):
    """(name, url) of every report this project registers in the Reports menu."""
    reports = []
    for register in hooks.get_hooks("register_reports_menu_item"):
        # One report's hook may be a functools.partial (the review-due reports' are).
        module = getattr(getattr(register, "func", register), "__module__", "")
        if not module.startswith(PROJECT_APPS):
            continue
        item = register()
        if item.is_shown(request):
            reports.append((item.name, item.url))
    return reports


def project_snippets():
    """(name, url) of the list of every snippet this project adds (the comments queue too)."""
    snippets = []
    for model in get_snippet_models():
        if model._meta.app_label in {"consultation", "comments", "feedback"} or (
            model.__module__.startswith(PROJECT_APPS)
        ):
            viewset = model.snippet_viewset
            snippets.append((model._meta.model_name, reverse(viewset.get_url_name("list"))))
    return snippets


def measure(page, axe, width):
    """What is wrong with the screen on `page`: {"axe": [...], "breaks": [...], ...}."""
    results = axe.run(
        page,
        context={"exclude": WAGTAIL_CHROME},
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}},
    )
    serious = [
        f"{violation['id']} ({violation['impact']}): "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        for violation in results.response["violations"]
        if violation["impact"] in IMPACTS
    ]
    return {
        "axe": serious,
        "breaks": page.evaluate(MID_WORD_BREAKS),
        "oversized": page.evaluate(OVERSIZED, LARGEST_ICON),
        "overflow": page.evaluate("document.documentElement.scrollWidth - window.innerWidth"),
    }


WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
