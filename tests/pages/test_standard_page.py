"""Standard pages: the practice's about page, privacy notice, accessibility statement."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import ImageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "title, path",
    [
        ("About the practice", "/about/"),
        ("Privacy notice", "/privacy/"),
        ("Accessibility statement", "/accessibility/"),
    ],
)
def test_standard_pages_render(client, home_page, title, path):
    StandardPageFactory(parent=home_page, title=title, slug=path.strip("/"))
    response = client.get(path)
    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").h1 is not None


def test_an_image_in_a_page_body_renders_with_its_text_alternative(client, about_page):
    image = ImageFactory(title="Waiting room")
    about_page.body = [
        ("image", {"image": image, "alt_text": "Our waiting room", "caption": "Suite 210"}),
        ("image", {"image": image, "alt_text": "", "decorative": True, "caption": ""}),
    ]
    about_page.save_revision().publish()

    response = client.get(about_page.url)
    assert "components/blocks/image_block.html" in {
        template.name for template in response.templates if template.name
    }
    html = response.content.decode()
    assert 'alt="Our waiting room"' in html
    assert "<figcaption>Suite 210</figcaption>" in html
    assert html.count('alt=""') >= 1
