"""How public pages list the practice's locations and find the clinicians linked to them."""

from django.db import models

from practice.localized import default_content_language, in_active_language
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
        location, in one query. Links are kept on the English side (a location's Spanish
        translation keeps its English links, which would list it twice), so a Spanish page
        reads them from its English version: `visible_locations`."""
        return (
            self.filter(
                location__live=True, location__locale__language_code=default_content_language()
            )
            .filter(~in_private_section("location__path"))
            .select_related("location")
            .order_by("location__path")
        )

    def visible_locations(self):
        """The linked live locations in tree order, each in the active language when it has
        been translated (in English otherwise, marked `fallback_language`): two queries."""
        locations = [link.location for link in self.visible()]
        location_model = self.model._meta.get_field("location").related_model
        return in_active_language(locations, location_model.objects.live_public())
