"""The demo's three patient forms as fillable PDFs (home/demo/pdfs.py): what a pain practice
asks before a first visit, the HIPAA authorization to get a patient's records from elsewhere,
and a two-week pain diary. Each field has a name the front desk can read back."""

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


def new_patient_questionnaire():
    pdf = FillablePdf("New patient questionnaire")
    pdf.heading("New patient questionnaire")
    pdf.paragraph(
        f"{PRACTICE}. Please fill out this form before your first visit and bring it with you, "
        "or send it back through the front desk. Your answers help your clinician use the "
        "hour you have together well. Leave out anything you are not sure of."
    )
    pdf.fields_row(
        [
            ("patient_name", "Full name", 0.5),
            ("date_of_birth", "Date of birth", 0.25),
            ("today", "Today's date", 0.25),
        ]
    )
    pdf.fields_row([("phone", "Phone", 0.4), ("email", "Email", 0.6)])
    pdf.fields_row(
        [("primary_care", "Primary care clinician", 0.5), ("referred_by", "Referred by", 0.5)]
    )
    pdf.rule()
    pdf.checkboxes("pain_location", "Where do you feel pain? Check every place.", PAIN_LOCATIONS)
    pdf.field("pain_location_other", "Anywhere else, or more about where it hurts")
    pdf.scale(
        "pain_now",
        "Your pain right now, from 0 to 10",
        ends=("0: no pain", "10: the worst pain imaginable"),
    )
    pdf.scale(
        "pain_average",
        "Your average pain over the past week, from 0 to 10",
        ends=("0: no pain", "10: the worst pain imaginable"),
    )
    pdf.fields_row(
        [
            ("pain_started", "When did the pain start?", 0.5),
            ("pain_cause", "What started it (an injury, surgery, nothing you know of)?", 0.5),
        ]
    )
    pdf.field("pain_better", "What makes it better?", lines=2)
    pdf.field("pain_worse", "What makes it worse?", lines=2)
    pdf.new_page()
    pdf.heading("Medicines and allergies", size=14)
    pdf.paragraph(
        "Every medicine you take, for pain or anything else, including over-the-counter "
        "medicines, vitamins and supplements."
    )
    pdf.table(
        "medicine",
        [
            ("name", "Medicine", 0.34),
            ("dose", "Dose (mg)", 0.18),
            ("how_often", "How often", 0.24),
            ("since", "Taking it since", 0.24),
        ],
        rows=8,
        row_label=lambda n: f"Medicine {n}",
    )
    pdf.checkboxes("allergies", "Allergies", [("none", "No known allergies")], columns=1)
    pdf.field(
        "allergies_list",
        "Allergies to medicines, latex, iodine or contrast dye, and what happens",
        lines=3,
    )
    pdf.checkboxes("prior_treatment", "Treatments you have tried for this pain", PRIOR_TREATMENTS)
    pdf.field("prior_treatment_details", "What helped, what did not, and when", lines=3)
    pdf.field("goals", "What would you like to be able to do again?", lines=3)
    pdf.signature("patient", "Signature of patient or guardian")
    return pdf.bytes()


def records_release():
    pdf = FillablePdf("Authorization to release medical records")
    pdf.heading("Authorization to release medical records")
    pdf.paragraph(
        "This form lets another doctor, hospital or clinic send your health information to "
        f"{PRACTICE}, so your clinician here can see what has been done before. It follows "
        "the HIPAA Privacy Rule (45 CFR 164.508)."
    )
    pdf.fields_row(
        [
            ("patient_name", "Patient's full name", 0.5),
            ("date_of_birth", "Date of birth", 0.25),
            ("phone", "Phone", 0.25),
        ]
    )
    pdf.field("patient_address", "Patient's address")
    pdf.rule()
    pdf.paragraph("1. Who may send the information", bold=True)
    pdf.fields_row(
        [
            ("from_provider", "Doctor, hospital or clinic", 0.5),
            ("from_address", "Their address, phone or fax", 0.5),
        ]
    )
    pdf.paragraph("2. Who may receive it", bold=True)
    pdf.paragraph(PRACTICE + ", phone (555) 014-2290.")
    pdf.checkboxes("records", "3. What information may be sent", RECORD_KINDS, columns=2)
    pdf.fields_row([("records_from", "Dates of care from", 0.5), ("records_to", "to", 0.5)])
    pdf.field("records_other", "Anything else (describe)")
    pdf.checkboxes(
        "sensitive",
        "Sensitive information is sent only if you check it:",
        [
            ("mental_health", "Mental health"),
            ("substance_use", "Substance use treatment"),
            ("hiv", "HIV test results"),
        ],
    )
    pdf.paragraph("4. Why", bold=True)
    pdf.field("purpose", "Purpose (for example: continuing my care at Rubin Pain Management)")
    pdf.paragraph("5. When this authorization ends", bold=True)
    pdf.field("expires", "Date or event (if you leave it empty, it ends one year after you sign)")
    pdf.new_page()
    pdf.heading("Your rights", size=14)
    for right in (
        "You may revoke this authorization at any time by writing to the practice at the "
        "address above. A revocation does not undo what was already sent because of it.",
        "Your treatment, payment, enrollment or eligibility for benefits will not depend on "
        "whether you sign this form.",
        "Information sent under this authorization may be disclosed again by the person or "
        "organization who receives it, and may then no longer be protected by federal "
        "privacy rules.",
        "You may see or get a copy of the information to be sent, and you will receive a "
        "copy of this form once you sign it.",
    ):
        pdf.paragraph("- " + right)
    pdf.rule()
    pdf.signature("patient", "Signature of patient")
    pdf.paragraph("If someone signs for the patient:", bold=True)
    pdf.fields_row(
        [
            ("representative_name", "Name of personal representative", 0.5),
            (
                "representative_authority",
                "Authority to act (parent, guardian, power of attorney)",
                0.5,
            ),
        ]
    )
    pdf.signature("representative", "Signature of personal representative")
    return pdf.bytes()


def pain_diary():
    pdf = FillablePdf("Two-week pain diary")
    pdf.heading("Two-week pain diary")
    pdf.paragraph(
        "Each evening, take a minute to note your pain from 0 (none) to 10 (the worst "
        "imaginable), what you did, the medicines you took and how you slept. After two weeks, "
        "you and your clinician can see patterns that one visit cannot show."
    )
    pdf.fields_row([("patient_name", "Name", 0.6), ("start_date", "First day", 0.4)])
    pdf.table(
        "day",
        [
            ("date", "Date", 0.11),
            ("pain_morning", "Pain a.m.", 0.09),
            ("pain_evening", "Pain p.m.", 0.09),
            ("activity", "What you did", 0.27),
            ("medicines", "Medicines taken", 0.24),
            ("sleep_hours", "Sleep (hours)", 0.1),
            ("mood", "Mood", 0.1),
        ],
        rows=14,
        row_label=lambda n: f"Day {n}",
        row_height=28,
    )
    pdf.field(
        "notes", "Anything else you noticed (flare-ups, side effects, weather, stress)", lines=3
    )
    return pdf.bytes()


FORMS = {
    "new_patient_questionnaire": new_patient_questionnaire,
    "records_release": records_release,
    "pain_diary": pain_diary,
}
