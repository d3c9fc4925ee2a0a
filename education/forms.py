"""The clinician directory's filters: a plain GET form that works without JavaScript."""

import re

from django import forms
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from practice.localized import in_active_language, locale_ids

ANY = ""
# What a choice's value (a slug or a language code) can look like. Only such values key a
# cached list: anything else could be any string at all, and is never cached.
CHOICE_VALUE = re.compile(r"[-a-zA-Z0-9_]{0,100}\Z")
CHOICE_FIELDS = ("condition", "location", "language")


# Models are looked up by name: the directory page's module imports this one.


def in_active_locale(queryset):
    """Only the rows in the visitor's language: a list never mixes languages."""
    return queryset.filter(locale_id=locale_ids().get(translation.get_language()))


def conditions():
    return in_active_locale(apps.get_model("education", "ConditionPage").objects.live_public())


def condition_choices():
    return [(ANY, gettext("Any condition"))] + list(
        conditions().alphabetical().values_list("slug", "title")
    )


def language_choices():
    spoken = (
        apps.get_model("education", "Language").objects.filter(clinicians__live=True).distinct()
    )
    return [(ANY, gettext("Any language"))] + [
        (language.code, capfirst(language.display_name)) for language in spoken
    ]


def location_link_model():
    """The model linking locations to clinicians, which the locations' app adds to a profile as
    `location_links`; None on a site without it. Education knows the relation, never the app."""
    clinician_model = apps.get_model("education", "ClinicianPage")
    try:
        return clinician_model._meta.get_field("location_links").related_model
    except FieldDoesNotExist:
        return None


def locations():
    """Live, public locations, in any language."""
    location_model = location_link_model()._meta.get_field("location").related_model
    return location_model.objects.live_public()


def location_choices():
    link_model = location_link_model()
    if link_model is None:
        return [(ANY, gettext("Any location"))]
    # Live, public locations with a live clinician, in the editors' order, each once, in the
    # visitor's language where it is translated (links are kept on the English side).
    links = link_model.objects.filter(clinician__live=True).visible()
    english = list({link.location.pk: link.location for link in links}.values())
    return [(ANY, gettext("Any location"))] + [
        (location.slug, location.title) for location in in_active_language(english, locations())
    ]


def choice_filter(label, choices, unknown_choice):
    """An optional choice among `choices` (a function, called when the form is shown);
    `unknown_choice` says why a value that is not among them is refused."""
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=choices,
        error_messages={"invalid_choice": unknown_choice},
    )


class ClinicianFilterForm(forms.Form):
    """The filters, and the clinicians who match them. Nothing here queries until the template
    reads the choices or the results, inside its cached fragment: a warm directory page, filtered
    or not, runs no query for them (choices are Django's callable choices)."""

    def __init__(self, data, clinicians):
        super().__init__(data)
        self.all_clinicians = clinicians

    condition = choice_filter(
        _("Condition treated"),
        condition_choices,
        _("We have no page about that condition: choose one."),
    )
    location = choice_filter(
        _("Location"), location_choices, _("We have no office by that name: choose one.")
    )
    language = choice_filter(
        _("Language spoken"), language_choices, _("None of our clinicians lists that language.")
    )
    accepting = forms.BooleanField(
        label=_("Only clinicians accepting new patients"), required=False
    )

    @property
    def clinicians(self):
        """The clinicians who match the valid choices; none at all if any choice is unknown."""
        clinicians = self.all_clinicians
        if not self.is_valid():
            return clinicians.none()
        data = self.cleaned_data
        # Links are kept on the English side: a condition or location chosen in Spanish, and a
        # translated profile, match through the translation key they share with English.
        if data["condition"]:
            chosen = conditions().filter(slug=data["condition"]).values("translation_key")
            treating = clinicians.model.objects.filter(
                condition_links__page__translation_key__in=chosen
            ).values("translation_key")
            clinicians = clinicians.filter(translation_key__in=treating)
        if data["location"]:
            chosen = locations().filter(slug=data["location"]).values("translation_key")
            at_location = (
                location_link_model()
                .objects.filter(location__translation_key__in=chosen)
                .values("clinician__translation_key")
            )
            clinicians = clinicians.filter(translation_key__in=at_location)
        if data["language"]:
            clinicians = clinicians.filter(languages__code=data["language"])
        if data["accepting"]:
            clinicians = clinicians.accepting_new_patients()
        return clinicians

    @property
    def offers_locations(self):
        """False on a site with one office or none: a choice of one is no choice."""
        return len(list(self.fields["location"].choices)) > 2

    @property
    def is_filtered(self):
        return any(self.data.get(name) for name in self.fields)

    @property
    def cache_key(self):
        """The filters as sent, to key the cached list on, or None when a value cannot be a
        choice at all. Worked out without a query: whether a value is a known choice is
        checked inside the fragment."""
        values = [self.data.get(name, ANY) for name in CHOICE_FIELDS]
        if not all(CHOICE_VALUE.match(value) for value in values):
            return None
        return "|".join([*values, str(int(bool(self["accepting"].data)))])
