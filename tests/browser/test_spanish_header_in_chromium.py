"""The header at 1024 and 1280 px in both languages (issue 27): the menu keeps to one row, though
Spanish words run longer, and the search box shows its whole placeholder."""

import pytest

from .helpers import new_page

# Each menu item's top edge, and the placeholder's width against the room the box gives it.
MEASURE = """() => {
  const items = [...document.querySelectorAll('.main-nav--wide .main-nav__list > li')];
  const input = document.querySelector('.site-header__search--wide input');
  const style = getComputedStyle(input);
  const context = document.createElement('canvas').getContext('2d');
  context.font = style.font;
  return {
    rows: new Set(items.map(li => Math.round(li.getBoundingClientRect().top))).size,
    items: items.length,
    placeholder: context.measureText(input.placeholder).width,
    room: input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
  };
}"""


@pytest.mark.parametrize("width", [1024, 1280])
@pytest.mark.parametrize("path", ["/es/", "/"])
def test_the_header_fits_in_one_row_of_menu(live_server, demo_site, chromium, width, path):
    page = new_page(chromium, width=width)
    page.goto(live_server.url + path)
    page.evaluate("document.fonts.ready")
    found = page.evaluate(MEASURE)
    page.context.close()
    assert found["items"] >= 7
    assert found["rows"] == 1, found
    assert found["placeholder"] <= found["room"], found
