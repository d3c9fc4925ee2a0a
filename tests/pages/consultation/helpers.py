"""What a patient types into the demo consultation form (home/demo/content/consultation.yaml)."""

VALID_ANSWERS = {
    "full_name": "Maria Quintero-Hale",
    "email": "maria.quintero@example.org",
    "phone": "(555) 201-7788",
    "contact_preference": "Phone",
    "best_times": "Tuesday afternoons",
    "patient_status": "I am a new patient",
    "reason": "Burning pain in both feet since the spring",
    "consent": "on",
}

# Values distinctive enough to search logs, e-mails and reports for.
PERSONAL_VALUES = [
    VALID_ANSWERS["full_name"],
    VALID_ANSWERS["email"],
    VALID_ANSWERS["phone"],
    VALID_ANSWERS["reason"],
]


def answers(**changes):
    """Valid answers with some changed; a value of None leaves the field out."""
    data = {**VALID_ANSWERS, **changes}
    return {name: value for name, value in data.items() if value is not None}
