"""The practice's own pages: standard pages, locations, new patients, notices, and the
insurance plans snippet and a plan's Spanish translation (`translate_plan`)."""

import datetime

import factory
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.documents import get_document_model
from wagtail.models import Locale

from pages.models import (
    Closure,
    InsurancePlan,
    LanguageHelp,
    LocationClinician,
    LocationIndexPage,
    LocationPage,
    LocationService,
    NewPatientsPage,
    NoticePage,
    OpeningHours,
    PatientForm,
    SelfPayPrice,
    StandardPage,
)

from .base import PageFactory, inline_rows, save_with
from .home import IndexPageFactory, TopLevelPageFactory

NINE = datetime.time(9)
FIVE_PM = datetime.time(17)


class StandardPageFactory(TopLevelPageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Page {n}")
    intro = factory.LazyAttribute(lambda page: f"What to know about {page.title.lower()}.")


class LocationIndexPageFactory(IndexPageFactory):
    class Meta:
        model = LocationIndexPage

    title = "Our locations"
    slug = "locations"
    intro = "Where to find us."


def weekdays_nine_to_five():
    """(weekday, opens, closes) for Monday to Friday, 9:00 a.m. to 5:00 p.m."""
    return [(day, NINE, FIVE_PM) for day in range(5)]


class LocationPageFactory(PageFactory):
    """An office open weekdays 9 to 5, unless made with `hours=[]` or other (weekday, opens,
    closes) rows. `closures` are (first day, last day or None, reason); `clinicians` and
    `services` (treatment pages) are in the order the location lists them."""

    class Meta:
        model = LocationPage

    parent = factory.LazyFunction(LocationIndexPageFactory.existing)
    title = factory.Sequence(lambda n: f"Harbor Office {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    intro = "Our main office, by the harbor."
    street_address = factory.Sequence(lambda n: f"{400 + n} Shoreline Avenue")
    suite = "Suite 210"
    city = "Springfield"
    state = "IL"
    zip_code = "62704"
    phone = "(555) 014-2290"
    latitude = "39.78172"
    longitude = "-89.65015"
    parking = "Free parking in the garage behind the building."
    public_transport = "Bus 4 stops outside."
    step_free_access = True
    accessible_toilet = True
    hours = factory.LazyFunction(weekdays_nine_to_five)
    closures = ()
    clinicians = ()
    services = ()
    _set_before_save = ("hours", "closures", "clinicians", "services")

    @classmethod
    def before_save(cls, page, hours=(), closures=(), clinicians=(), services=()):
        page.opening_hours = inline_rows(OpeningHours, hours, "weekday", "opens", "closes")
        page.closures = inline_rows(Closure, closures, "first_day", "last_day", "reason")
        page.clinician_links = inline_rows(LocationClinician, clinicians, "clinician")
        page.service_links = inline_rows(LocationService, services, "treatment")


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


class InsurancePlanFactory(DjangoModelFactory):
    class Meta:
        model = InsurancePlan

    name = factory.Sequence(lambda n: f"Lakeshore Health Plan {n}")
    plan_types = "PPO and HMO plans"
    accepted = True
    sort_order = factory.Sequence(int)


def spanish_locale():
    return Locale.objects.get_or_create(language_code="es")[0]


def translate_plan(plan, **fields):
    """The plan's Spanish translation, as staff make it (a copy in Spanish), with `fields`
    changed."""
    return save_with(plan.copy_for_translation(spanish_locale()), **fields)


class DocumentFactory(DjangoModelFactory):
    """A small but real PDF document."""

    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Patient form {n}")
    file = factory.django.FileField(
        filename=factory.Sequence(lambda n: f"patient-form-{n}.pdf"),
        data=b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    )


class NewPatientsPageFactory(TopLevelPageFactory):
    class Meta:
        model = NewPatientsPage

    title = "New patients"
    slug = "new-patients"
    intro = "What to expect at your first visit."
    what_to_bring = "<p>Your photo ID and insurance card.</p>"
    referrals = "<p>Most plans do not need a referral.</p>"
    cancellation_policy = "<p>Please give us 24 hours' notice.</p>"
    good_faith_estimate = "<p>You have the right to receive a Good Faith Estimate.</p>"
    how_to_request_estimate = "<p>Call the billing office.</p>"
    forms = ()
    prices = ()
    _set_before_save = ("forms", "prices")

    @classmethod
    def before_save(cls, page, forms=(), prices=()):
        page.patient_forms = inline_rows(PatientForm, forms, "document")
        page.self_pay_prices = inline_rows(SelfPayPrice, prices, "service", "price")


class NoticePageFactory(TopLevelPageFactory):
    class Meta:
        model = NoticePage

    title = factory.Sequence(lambda n: f"Notice {n}")
    intro = "What this notice covers."
    body = factory.LazyFunction(lambda: [("heading", {"text": "Your rights", "level": "h2"})])
    last_reviewed = factory.LazyFunction(lambda: days_from_today(-30))
    next_review_due = factory.LazyFunction(lambda: days_from_today(335))
    taglines = ()
    _set_before_save = ("taglines",)

    @classmethod
    def before_save(cls, page, taglines=()):
        """`taglines` ([language, code, text] rows) go into the practice's one list, which
        the notice then shows."""
        for n, (language, code, text) in enumerate(taglines):
            LanguageHelp.objects.update_or_create(
                language_code=code,
                defaults={"language": language, "tagline": text, "sort_order": n},
            )
        if taglines:
            page.shows_language_help = True
