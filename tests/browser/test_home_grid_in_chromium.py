"""No card grid on the home page leaves an empty slot at any width from 320 to 1920 px: every
row of cards reaches the grid's right edge (a short last row's card spans the gap)."""

import pytest

WIDTHS = [320, 600, 700, 900, 1024, 1280, 1440, 1920]

ROW_GAPS = """grid => {
  const right = grid.getBoundingClientRect().right;
  const rows = {};
  for (const item of grid.children) {
    const box = item.getBoundingClientRect();
    const top = Math.round(box.top);
    rows[top] = Math.max(rows[top] || 0, box.right);
  }
  return Object.values(rows).map(rowRight => Math.round(right - rowRight));
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_home_page_card_rows_are_full(live_server, demo_site, browser_page, width):
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/")
    grids = page.locator(".card-grid").all()
    assert len(grids) >= 3  # clinicians, locations, articles
    for grid in grids:
        gaps = grid.evaluate(ROW_GAPS)
        assert all(gap <= 1 for gap in gaps), f"A row ends {max(gaps)} px short at {width} px"
