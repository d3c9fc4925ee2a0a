"""The demo's three patient forms as fillable PDFs (home/demo/pdfs.py): what a pain practice
asks before a first visit, the HIPAA authorization to get a patient's records from elsewhere,
and a two-week pain diary. Each field has a name the front desk can read back. Each form is
built in English, or in Spanish with `say=spanish`: the same fields, the labels from
content/es/patient-forms.yaml."""

import functools

from .loader import load
from .pdfs import FillablePdf

PRACTICE = "Rubin Pain Management, 410 Shoreline Avenue, Springfield, IL 62712"

PAIN_LOCATIONS = [
    ("head", "Head or face"),
    ("neck", "Neck"),
    ("shoulders", "Shoulders"),
    ("upper_back", "Upper back"),
    ("lower_back", "Lower back"),
    ("arms_hands", "Arms or hands"),
    ("hips", "Hips or buttocks"),
    ("legs", "Legs"),
    ("knees", "Knees"),
    ("feet", "Feet"),
    ("chest_abdomen", "Chest or belly"),
    ("all_over", "All over"),
]
PRIOR_TREATMENTS = [
    ("physical_therapy", "Physical therapy"),
    ("chiropractic", "Chiropractic care"),
    ("acupuncture", "Acupuncture"),
    ("injections", "Injections or nerve blocks"),
    ("ablation", "Radiofrequency ablation"),
    ("surgery", "Surgery"),
    ("counseling", "Counseling or CBT"),
    ("opioids", "Opioid medicines"),
    ("nerve_medicines", "Nerve pain medicines"),
]
RECORD_KINDS = [
    ("office_notes", "Office visit notes"),
    ("imaging", "Imaging reports (X-ray, MRI, CT)"),
    ("operative", "Operative and procedure notes"),
    ("labs", "Lab and test results"),
    ("medications", "Medication lists"),
    ("therapy", "Physical therapy notes"),
]

SENSITIVE_KINDS = [
    ("mental_health", "Mental health"),
    ("substance_use", "Substance use treatment"),
    ("hiv", "HIV test results"),
]
# What a HIPAA authorization must tell the patient (45 CFR 164.508(c)(2)).
RIGHTS = [
    "You may revoke this authorization at any time by writing to the practice at the address "
    "above. A revocation does not undo what was already sent because of it.",
    "Your treatment, payment, enrollment or eligibility for benefits will not depend on whether "
    "you sign this form.",
    "Information sent under this authorization may be disclosed again by the person or "
    "organization who receives it, and may then no longer be protected by federal privacy rules.",
    "You may see or get a copy of the information to be sent, and you will receive a copy of "
    "this form once you sign it.",
]


def english(words):
    return words


def spanish(words):
    """The Spanish for an English label (content/es/patient-forms.yaml); a label missing there
    stops the build rather than print English on a Spanish form."""
    return _spanish_words()[words]


@functools.cache
def _spanish_words():
    return load("es/patient-forms")


def _options(options, say):
    return [(key, say(words)) for key, words in options]


def new_patient_questionnaire(say=english):
    pdf = FillablePdf(say("New patient questionnaire"))
    pdf.heading(say("New patient questionnaire"))
    pdf.paragraph(
        f"{PRACTICE}. "
        + say(
            "Please fill out this form before your first visit and bring it with you, or send "
            "it back through the front desk. Your answers help your clinician use the hour you "
            "have together well. Leave out anything you are not sure of."
        )
    )
    pdf.fields_row(
        [
            ("patient_name", say("Full name"), 0.5),
            ("date_of_birth", say("Date of birth"), 0.25),
            ("today", say("Today's date"), 0.25),
        ]
    )
    pdf.fields_row([("phone", say("Phone"), 0.4), ("email", say("Email"), 0.6)])
    pdf.fields_row(
        [
            ("primary_care", say("Primary care clinician"), 0.5),
            ("referred_by", say("Referred by"), 0.5),
        ]
    )
    pdf.rule()
    pdf.checkboxes(
        "pain_location",
        say("Where do you feel pain? Check every place."),
        _options(PAIN_LOCATIONS, say),
    )
    pdf.field("pain_location_other", say("Anywhere else, or more about where it hurts"))
    ends = (say("0: no pain"), say("10: the worst pain imaginable"))
    pdf.scale("pain_now", say("Your pain right now, from 0 to 10"), ends=ends)
    pdf.scale("pain_average", say("Your average pain over the past week, from 0 to 10"), ends=ends)
    pdf.fields_row(
        [
            ("pain_started", say("When did the pain start?"), 0.5),
            ("pain_cause", say("What started it (an injury, surgery, nothing you know of)?"), 0.5),
        ]
    )
    pdf.field("pain_better", say("What makes it better?"), lines=2)
    pdf.field("pain_worse", say("What makes it worse?"), lines=2)
    pdf.new_page()
    pdf.heading(say("Medicines and allergies"), size=14)
    pdf.paragraph(
        say(
            "Every medicine you take, for pain or anything else, including over-the-counter "
            "medicines, vitamins and supplements."
        )
    )
    pdf.table(
        "medicine",
        [
            ("name", say("Medicine"), 0.34),
            ("dose", say("Dose (mg)"), 0.18),
            ("how_often", say("How often"), 0.24),
            ("since", say("Taking it since"), 0.24),
        ],
        rows=8,
        row_label=lambda n: say("Medicine {n}").format(n=n),
    )
    pdf.checkboxes("allergies", say("Allergies"), [("none", say("No known allergies"))], columns=1)
    pdf.field(
        "allergies_list",
        say("Allergies to medicines, latex, iodine or contrast dye, and what happens"),
        lines=3,
    )
    pdf.checkboxes(
        "prior_treatment",
        say("Treatments you have tried for this pain"),
        _options(PRIOR_TREATMENTS, say),
    )
    pdf.field("prior_treatment_details", say("What helped, what did not, and when"), lines=3)
    pdf.field("goals", say("What would you like to be able to do again?"), lines=3)
    pdf.signature("patient", say("Signature of patient or guardian"), say("Date"))
    return pdf.bytes()


def records_release(say=english):
    pdf = FillablePdf(say("Authorization to release medical records"))
    pdf.heading(say("Authorization to release medical records"))
    pdf.paragraph(
        say(
            "This form lets another doctor, hospital or clinic send your health information to "
            "{practice}, so your clinician here can see what has been done before. It follows "
            "the HIPAA Privacy Rule (45 CFR 164.508)."
        ).format(practice=PRACTICE)
    )
    pdf.fields_row(
        [
            ("patient_name", say("Patient's full name"), 0.5),
            ("date_of_birth", say("Date of birth"), 0.25),
            ("phone", say("Phone"), 0.25),
        ]
    )
    pdf.field("patient_address", say("Patient's address"))
    pdf.rule()
    pdf.paragraph(say("1. Who may send the information"), bold=True)
    pdf.fields_row(
        [
            ("from_provider", say("Doctor, hospital or clinic"), 0.5),
            ("from_address", say("Their address, phone or fax"), 0.5),
        ]
    )
    pdf.paragraph(say("2. Who may receive it"), bold=True)
    pdf.paragraph(say("{practice}, phone (555) 014-2290.").format(practice=PRACTICE))
    pdf.checkboxes(
        "records",
        say("3. What information may be sent"),
        _options(RECORD_KINDS, say),
        columns=2,
    )
    pdf.fields_row(
        [("records_from", say("Dates of care from"), 0.5), ("records_to", say("to"), 0.5)]
    )
    pdf.field("records_other", say("Anything else (describe)"))
    pdf.checkboxes(
        "sensitive",
        say("Sensitive information is sent only if you check it:"),
        _options(SENSITIVE_KINDS, say),
    )
    pdf.paragraph(say("4. Why"), bold=True)
    pdf.field("purpose", say("Purpose (for example: continuing my care at Rubin Pain Management)"))
    pdf.paragraph(say("5. When this authorization ends"), bold=True)
    pdf.field(
        "expires", say("Date or event (if you leave it empty, it ends one year after you sign)")
    )
    pdf.new_page()
    pdf.heading(say("Your rights"), size=14)
    for right in RIGHTS:
        pdf.paragraph("- " + say(right))
    pdf.rule()
    pdf.signature("patient", say("Signature of patient"), say("Date"))
    pdf.paragraph(say("If someone signs for the patient:"), bold=True)
    pdf.fields_row(
        [
            ("representative_name", say("Name of personal representative"), 0.5),
            (
                "representative_authority",
                say("Authority to act (parent, guardian, power of attorney)"),
                0.5,
            ),
        ]
    )
    pdf.signature("representative", say("Signature of personal representative"), say("Date"))
    return pdf.bytes()


def pain_diary(say=english):
    pdf = FillablePdf(say("Two-week pain diary"))
    pdf.heading(say("Two-week pain diary"))
    pdf.paragraph(
        say(
            "Each evening, take a minute to note your pain from 0 (none) to 10 (the worst "
            "imaginable), what you did, the medicines you took and how you slept. After two "
            "weeks, you and your clinician can see patterns that one visit cannot show."
        )
    )
    pdf.fields_row([("patient_name", say("Name"), 0.6), ("start_date", say("First day"), 0.4)])
    pdf.table(
        "day",
        [
            ("date", say("Date"), 0.11),
            ("pain_morning", say("Pain a.m."), 0.09),
            ("pain_evening", say("Pain p.m."), 0.09),
            ("activity", say("What you did"), 0.27),
            ("medicines", say("Medicines taken"), 0.24),
            ("sleep_hours", say("Sleep (hours)"), 0.1),
            ("mood", say("Mood"), 0.1),
        ],
        rows=14,
        row_label=lambda n: say("Day {n}").format(n=n),
        row_height=28,
    )
    pdf.field(
        "notes",
        say("Anything else you noticed (flare-ups, side effects, weather, stress)"),
        lines=3,
    )
    return pdf.bytes()


FORMS = {
    "new_patient_questionnaire": new_patient_questionnaire,
    "records_release": records_release,
    "pain_diary": pain_diary,
}
