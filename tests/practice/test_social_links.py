"""A social link shows in the footer only when staff gave the practice's own profile page:
the demo's 'Facebook' went to https://www.facebook.com/ itself."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import SocialLinkFactory
from tests.helpers import soup_of

pytestmark = pytest.mark.django_db


def footer_links(client):
    return [a["href"] for a in soup_of(client.get("/")).select(".site-footer a")]


def test_a_profile_page_is_shown(client, home_page):
    SocialLinkFactory(label="Facebook", url="https://www.facebook.com/rubinpain")
    assert "https://www.facebook.com/rubinpain" in footer_links(client)


@pytest.mark.parametrize("url", ["https://www.facebook.com/", "https://www.facebook.com"])
def test_a_sites_home_page_is_refused_and_never_shown(client, home_page, url):
    link = SocialLinkFactory(label="Facebook", url=url)
    with pytest.raises(ValidationError) as refused:
        link.full_clean()
    assert "full address of the practice's own profile page" in str(refused.value)
    assert not [href for href in footer_links(client) if "facebook" in href]
