import re

import pytest
from django.core.exceptions import ValidationError

from practice.contrast import contrast_ratio
from practice.models import ThemeSettings
from practice.security import style_source

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("foreground", "background", "expected"),
    [("#000000", "#ffffff", 21.0), ("#ffffff", "#ffffff", 1.0), ("#777777", "#ffffff", 4.48)],
)
def test_contrast_ratio_matches_wcag_examples(foreground, background, expected):
    assert contrast_ratio(foreground, background) == pytest.approx(expected, abs=0.01)


def test_a_colour_with_poor_contrast_is_refused_with_the_measured_ratio(site):
    theme = ThemeSettings.for_site(site)
    theme.primary_colour = "#7fb3d5"  # pale blue: white text on it is unreadable
    with pytest.raises(ValidationError) as error:
        theme.full_clean()
    message = " ".join(error.value.message_dict["primary_colour"])
    assert "2.26:1" in message and "4.5:1" in message


def test_the_editor_refuses_a_poor_colour_and_keeps_the_others(admin_client, site):
    theme = ThemeSettings.for_site(site)
    url = f"/admin/settings/practice/themesettings/{site.pk}/"
    response = admin_client.post(
        url, {"primary_colour": "#ffcc00", "accent_colour": "#2b4d1f", "logo": ""}
    )
    assert response.status_code == 200
    assert b"contrast ratio of 1.5" in response.content
    theme.refresh_from_db()
    assert theme.primary_colour == "#1d5c8a"  # unchanged


def test_the_editor_saves_a_good_colour_and_the_site_uses_it(admin_client, client, site):
    url = f"/admin/settings/practice/themesettings/{site.pk}/"
    response = admin_client.post(
        url, {"primary_colour": "#0b3d2e", "accent_colour": "#5a2a82", "logo": ""}
    )
    assert response.status_code == 302
    response = client.get("/")
    # In the page's own <head>, so no stylesheet request holds up the first paint.
    style = re.search(r"<style>(.*?)</style>", response.content.decode(), re.DOTALL).group(1)
    assert "--color-primary: #0b3d2e" in style and "--color-accent: #5a2a82" in style
    assert style_source(style) in response["Content-Security-Policy"]


def test_the_theme_stylesheet_for_block_previews_is_cached_per_version(client, site):
    theme = ThemeSettings.for_site(site)
    css = client.get(f"/theme.css?v={theme.version}")
    assert b"--color-primary: #1d5c8a" in css.content
    assert "immutable" in css["Cache-Control"]


def test_a_malformed_colour_is_refused(site):
    theme = ThemeSettings.for_site(site)
    theme.accent_colour = "blue"
    with pytest.raises(ValidationError) as error:
        theme.full_clean()
    assert "accent_colour" in error.value.message_dict


def test_dark_scheme_link_colour_is_a_readable_tint_of_the_primary_colour(site):
    from practice.theme import DARK_BACKGROUND

    theme = ThemeSettings.for_site(site)
    theme.primary_colour = "#1d5c8a"
    link = theme.link_colour_on_dark
    assert link != theme.primary_colour
    assert contrast_ratio(link, DARK_BACKGROUND) >= 4.5
