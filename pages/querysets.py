"""How public pages list the practice's locations and find the clinicians linked to them."""

from django.db import models

from practice.localized import content_language
from practice.pages import SitePageQuerySet, in_private_section


class LocationPageQuerySet(SitePageQuerySet):
    def for_listing(self):
        """Live, public locations in the editors' tree order, with their hours, in two
        queries however many there are."""
        return self.live_public().prefetch_related("opening_hours").order_by("path")


class LinkedPageQuerySet(models.QuerySet):
    """Links between a location and another page (a clinician, a treatment). Read from the
    other side through its reverse relation: `clinician.location_links.visible`, so a
    template in an app that never imports this one can list the locations."""

    def visible(self):
        """Links to live locations outside private sections, in tree order, each with its
        location, in one query. Only locations in the page's language: a location's Spanish
        translation keeps its English links, which would list it twice on English pages."""
        return (
            self.filter(location__live=True, location__locale__language_code=content_language())
            .filter(~in_private_section("location__path"))
            .select_related("location")
            .order_by("location__path")
        )
