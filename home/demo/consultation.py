"""The consultation request form, linked from the header through the practice settings."""

from wagtail.models import Site

from home.models import HomePage
from pages.consultation.models import ConsultationFormField, ConsultationFormPage
from pages.models import StandardPage
from practice.models import PracticeSettings

PAGE = {
    "title": "Request a consultation",
    "slug": "consultation",
    "search_description": (
        "Ask for a first appointment at the pain management clinic: tell us how to reach you "
        "and the front desk will be in touch."
    ),
    "intro": (
        "<p>Tell us who you are and how to reach you, and a member of our front desk team "
        "will get back to you, usually within two working days, to find a time that suits "
        "you. It takes about two minutes.</p>"
    ),
    "submit_button_text": "Send my request",
    "privacy_note": (
        "<p>Only the front desk staff who answer requests can read what you send. Nothing is "
        "shared with anyone outside the practice, and we delete requests after one year.</p>"
    ),
    "thank_you_heading": "Thank you, we have your request",
    "thank_you_text": (
        "<p>Your request has reached our front desk. You do not need to send it again.</p>"
    ),
    "next_steps": (
        "<ol><li>A member of our front desk team reads your request, usually within two "
        "working days.</li><li>They contact you the way you asked, to agree a date and time "
        "for your first visit.</li><li>Before the visit we send you a short health "
        "questionnaire; bring a list of the medicines you take.</li></ol>"
    ),
    "to_address": "office@rubin-pain.example",
    "subject": "New consultation request from the website",
}

# Short, stable names for the stored answers (and the CSV export's columns).
FIELDS = [
    {
        "label": "Full name",
        "clean_name": "full_name",
        "field_type": "singleline",
        "autocomplete": "name",
        "required_message": "Enter your full name",
    },
    {
        "label": "E-mail address",
        "clean_name": "email",
        "field_type": "email",
        "help_text": "We only use it to answer this request.",
        "required_message": "Enter your e-mail address",
    },
    {
        "label": "Phone number",
        "clean_name": "phone",
        "field_type": "tel",
        "required": False,
        "help_text": "Add it if you would like us to call you.",
    },
    {
        "label": "Preferred way to contact you",
        "clean_name": "contact_preference",
        "field_type": "radio",
        "choices": "Phone\nE-mail",
        "required_message": "Select how you would like us to contact you",
    },
    {
        "label": "Best times to reach you",
        "clean_name": "best_times",
        "field_type": "singleline",
        "required": False,
        "help_text": "For example: weekday mornings, or after 4pm.",
    },
    {
        "label": "New or existing patient",
        "clean_name": "patient_status",
        "field_type": "radio",
        "choices": "I am a new patient\nI am already a patient here",
        "required_message": "Select whether you are a new or an existing patient",
    },
    {
        "label": "Reason for your visit",
        "clean_name": "reason",
        "field_type": "multiline",
        "help_text": (
            "A sentence or two is enough, for example “lower back pain since last winter”. "
            "Please do not include your detailed medical history: we will go through it "
            "with you at your appointment."
        ),
        "required_message": "Tell us briefly why you would like to see us",
    },
    {
        "label": (
            "I agree that the practice may store these details to answer my request, as "
            "explained in the privacy notice."
        ),
        "clean_name": "consent",
        "field_type": "consent",
        "required_message": (
            "Tick the box to agree to us storing your details, or call us instead"
        ),
    },
]


def build(log):
    home = HomePage.objects.first()
    page = ConsultationFormPage.objects.child_of(home).filter(slug=PAGE["slug"]).first()
    if page is None:
        page = _create_page(home)
        log(f"Created the page {page.title!r}.")
    _link_from_settings(page)
    return page


def _create_page(home):
    privacy = StandardPage.objects.filter(slug="privacy").first()
    page = ConsultationFormPage(privacy_page=privacy, **PAGE)
    page.form_fields = [
        ConsultationFormField(sort_order=order, **spec) for order, spec in enumerate(FIELDS)
    ]
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def _link_from_settings(page):
    """Every "Request a consultation" button follows this one setting."""
    site = Site.objects.get(is_default_site=True)
    practice = PracticeSettings.for_site(site)
    if practice.consultation_page_id is None:
        practice.consultation_page = page
        practice.save()
