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
    LanguageTagline,
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

from .base import PageFactory
from .home import home_page

NINE = datetime.time(9)
FIVE_PM = datetime.time(17)


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    parent = factory.LazyFunction(home_page)
    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    intro = factory.LazyAttribute(lambda page: f"What to know about {page.title.lower()}.")


class LocationIndexPageFactory(PageFactory):
    class Meta:
        model = LocationIndexPage

    parent = factory.LazyFunction(home_page)
    title = "Our locations"
    slug = "locations"
    intro = "Where to find us."
    show_in_menus = True

    @classmethod
    def existing(cls):
        return LocationIndexPage.objects.first() or cls()


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
        page.opening_hours = [
            OpeningHours(weekday=day, opens=opens, closes=closes, sort_order=order)
            for order, (day, opens, closes) in enumerate(hours)
        ]
        page.closures = [
            Closure(first_day=first, last_day=last, reason=reason, sort_order=order)
            for order, (first, last, reason) in enumerate(closures)
        ]
        page.clinician_links = [
            LocationClinician(clinician=clinician, sort_order=order)
            for order, clinician in enumerate(clinicians)
        ]
        page.service_links = [
            LocationService(treatment=treatment, sort_order=order)
            for order, treatment in enumerate(services)
        ]


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
    translation = plan.copy_for_translation(spanish_locale())
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return translation


class DocumentFactory(DjangoModelFactory):
    """A small but real PDF document."""

    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Patient form {n}")
    file = factory.django.FileField(
        filename=factory.Sequence(lambda n: f"patient-form-{n}.pdf"),
        data=b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    )


class NewPatientsPageFactory(PageFactory):
    class Meta:
        model = NewPatientsPage

    parent = factory.LazyFunction(home_page)
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
        page.patient_forms = [
            PatientForm(document=document, sort_order=n) for n, document in enumerate(forms)
        ]
        page.self_pay_prices = [
            SelfPayPrice(service=service, price=price, sort_order=n)
            for n, (service, price) in enumerate(prices)
        ]


class NoticePageFactory(PageFactory):
    class Meta:
        model = NoticePage

    parent = factory.LazyFunction(home_page)
    title = factory.Sequence(lambda n: f"Notice {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    intro = "What this notice covers."
    body = factory.LazyFunction(lambda: [("heading", {"text": "Your rights", "level": "h2"})])
    last_reviewed = factory.LazyFunction(lambda: days_from_today(-30))
    next_review_due = factory.LazyFunction(lambda: days_from_today(335))
    taglines = ()
    _set_before_save = ("taglines",)

    @classmethod
    def before_save(cls, page, taglines=()):
        page.taglines = [
            LanguageTagline(language=language, language_code=code, text=text, sort_order=n)
            for n, (language, code, text) in enumerate(taglines)
        ]
