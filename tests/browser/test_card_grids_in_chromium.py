"""Cards keep their column's width whatever their count: an orphan card in a short last row
sits in its column instead of stretching across the gap (a lone location card was 739 px
wide beside a 357 px one; the oldest article's picture took two columns)."""

import pytest

# Every page with a grid of cards: the home page (clinicians, locations, articles), the
# section indexes (/conditions/ lists its cards only when it has no A to Z), a condition's
# clinicians and articles, an article's related reading.
PATHS = [
    "/",
    "/education/",
    "/clinicians/",
    "/conditions/",
    "/treatments/",
    "/conditions/chronic-low-back-pain/",
    "/conditions/sciatica/",
    "/education/exercise-for-low-back-pain/",
]

# Each grid's cards with the width of its columns, as the browser laid them out.
CARD_WIDTHS = """grid => {
  const columns = getComputedStyle(grid).gridTemplateColumns.split(" ").map(parseFloat);
  return {
    column: columns[0],
    count: columns.length,
    cards: [...grid.children].map(card => card.getBoundingClientRect().width),
  };
}"""


@pytest.mark.parametrize("width", [1024, 1280])
def test_every_card_in_a_grid_is_one_column_wide(live_server, demo_site, browser_page, width):
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    grids_seen = 0
    for path in PATHS:
        page.goto(live_server.url + path)
        grids = page.locator(".card-grid").all()
        for grid in grids:
            layout = grid.evaluate(CARD_WIDTHS)
            assert layout["count"] == 3, f"{path}: {layout['count']} columns at {width} px"
            widths = [round(card) for card in layout["cards"]]
            assert all(abs(card - layout["column"]) <= 1 for card in widths), (
                f"{path} at {width} px: cards {widths} px in {round(layout['column'])} px columns"
            )
            grids_seen += 1
    assert grids_seen >= len(PATHS) + 1  # the home page alone has three
