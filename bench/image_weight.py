"""What pictures cost a visitor: bytes, formats and layout shift, on a phone and a desktop.

    .venv/bin/python bench/image_weight.py [--pg URL]

Builds the demo site in a throwaway PostgreSQL database, serves it with gunicorn and the
production settings, and opens each page in the system Chromium (CHROMIUM_PATH, default
/usr/bin/chromium) at 360 px (device pixel ratio 2) and at 1280 px (ratio 1). It scrolls to the
bottom so lazy pictures load, then reports per page and width: how many pictures loaded, in which
formats, their bytes, what the JPEG fallback of the same width would have weighed, and the
cumulative layout shift. Exits non-zero when a picture shifts the layout, when Chromium is served
anything but AVIF for a <picture>, or when a picture is fetched wider than twice its slot.
Numbers: docs/performance.md.
"""

import argparse
import sys
import urllib.request
from pathlib import Path

from stack import CHROMIUM, CHROMIUM_ARGS, pg_option, served_demo_site

PAGES = [
    "/",
    "/education/",
    "/education/opioid-induced-hyperalgesia/",
    "/clinicians/",
    "/clinicians/edward-rubin/",
]
DEVICES = {
    "phone 360 px @2x": {"viewport": {"width": 360, "height": 800}, "device_scale_factor": 2},
    "desktop 1280 px": {"viewport": {"width": 1280, "height": 900}, "device_scale_factor": 1},
}

# Layout shifts as the page loads (those right after user input do not count, as in CLS).
WATCH_LAYOUT_SHIFT = """
window.__layoutShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__layoutShift += entry.value;
  }
}).observe({type: "layout-shift", buffered: true});
"""

# For each picture shown: the file Chromium chose, its width, the JPEG candidate of that width,
# and how wide the picture is drawn on screen in device pixels.
CHOSEN_PICTURES = """
() => [...document.querySelectorAll("picture img")].filter((img) => img.currentSrc).map((img) => {
  const candidates = (srcset) => srcset.split(", ").map((c) => {
    const [url, width] = c.split(" ");
    return {url: new URL(url, location.href).href, width: parseInt(width)};
  });
  const all = [img, ...img.parentElement.querySelectorAll("source")]
    .flatMap((el) => candidates(el.getAttribute("srcset")));
  const chosen = all.find((c) => c.url === img.currentSrc);
  const jpeg = candidates(img.getAttribute("srcset")).find((c) => c.width === chosen.width);
  return {
    url: img.currentSrc, width: chosen.width, jpeg: jpeg.url,
    slot: Math.round(img.getBoundingClientRect().width * devicePixelRatio),
  };
})
"""


def scroll_to_the_end(page):
    """Scroll a screen at a time so every lazy picture comes near the viewport."""
    height = page.evaluate("document.documentElement.scrollHeight")
    step = page.viewport_size["height"]
    for y in range(0, height + step, step):
        page.evaluate(f"window.scrollTo(0, {y})")
        page.wait_for_timeout(100)
    page.wait_for_load_state("networkidle")


def byte_size(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return len(response.read())


def measure(browser, url, device):
    context = browser.new_context(**device)
    page = context.new_page()
    page.add_init_script(WATCH_LAYOUT_SHIFT)
    image_bytes = {}
    page.on(
        "response",
        lambda response: (
            response.request.resource_type == "image"
            and image_bytes.setdefault(response.url, len(response.body()))
        ),
    )
    page.goto(url, wait_until="networkidle")
    scroll_to_the_end(page)
    pictures = page.evaluate(CHOSEN_PICTURES)
    shift = page.evaluate("window.__layoutShift")
    context.close()
    jpeg_bytes = sum(byte_size(p["jpeg"]) for p in pictures)
    return {
        "pictures": len(pictures),
        "formats": sorted({Path(p["url"]).suffix.lstrip(".") for p in pictures}),
        "bytes": sum(image_bytes.get(p["url"], byte_size(p["url"])) for p in pictures),
        "jpeg_bytes": jpeg_bytes,
        "oversized": [p["url"] for p in pictures if p["width"] > 2 * max(p["slot"], 1)],
        "shift": shift,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    pg_option(parser)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    problems = []
    with served_demo_site(args.pg, "practice_images") as base_url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        header = f"{'page':42} {'device':18} {'pictures':>8} {'formats':>8} {'KB':>7}"
        print(header + f" {'as JPEG':>8} {'saved':>6} {'CLS':>6}")
        for path in PAGES:
            for name, device in DEVICES.items():
                result = measure(browser, base_url + path, device)
                saved = 1 - result["bytes"] / result["jpeg_bytes"] if result["jpeg_bytes"] else 0
                print(
                    f"{path:42} {name:18} {result['pictures']:>8} "
                    f"{','.join(result['formats']):>8} {result['bytes'] / 1024:>7.1f} "
                    f"{result['jpeg_bytes'] / 1024:>8.1f} {saved:>6.0%} {result['shift']:>6.3f}"
                )
                if result["shift"] > 0:
                    problems.append(f"{path} ({name}): layout shift {result['shift']:.3f}")
                if result["formats"] not in ([], ["avif"]):
                    problems.append(f"{path} ({name}): served {result['formats']}, not AVIF")
                for oversized in result["oversized"]:
                    problems.append(f"{path} ({name}): {oversized} is over twice its slot")
        browser.close()
    for problem in problems:
        print("PROBLEM:", problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
