"""The directory of clinicians at /clinicians/, filtered by condition treated, location,
language spoken and whether they are accepting new patients."""

from practice.pages import IndexPage

from ..forms import ClinicianFilterForm
from .clinicians import ClinicianPage


class ClinicianIndexPage(IndexPage):
    subpage_types = ["education.ClinicianPage"]

    class Meta:
        verbose_name = "clinician index page"

    @property
    def clinicians(self):
        """Live, public profiles by family name, with their photos' renditions."""
        return ClinicianPage.objects.child_of(self).live_public().for_listing()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The filters narrow the list in SQL; the list runs when the template reads
        # `filters.clinicians`, inside its cached fragment.
        filters = ClinicianFilterForm(request.GET, self.clinicians)
        context["filters"] = filters
        if filters.is_filtered and filters.cache_key is not None:
            context["canonical_url"] = self.get_full_url(request) + "?" + request.GET.urlencode()
        return context
