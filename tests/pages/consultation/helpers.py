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

# Values distinctive enough to search logs, emails and reports for.
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


# The demo form as an editor translates it on the Spanish page (Wagtail's i18n copies the page
# with its fields; each answer keeps its name, so the front desk's columns stay the same).
SPANISH_PAGE = {
    "title": "Solicite una consulta",
    "submit_button_text": "Enviar mi solicitud",
    "thank_you_heading": "Gracias, ya recibimos su solicitud",
}
SPANISH_FIELDS = {
    "full_name": {"label": "Nombre completo", "required_message": "Escriba su nombre completo"},
    "email": {"label": "Correo electrónico", "required_message": "Escriba su correo electrónico"},
    "phone": {"label": "Teléfono"},
    "contact_preference": {
        "label": "¿Cómo prefiere que lo contactemos?",
        "choices": "Teléfono\nCorreo electrónico",
        "required_message": "Elija cómo prefiere que lo contactemos",
    },
    "best_times": {"label": "Mejores horarios para comunicarnos con usted"},
    "patient_status": {
        "label": "Paciente nuevo o actual",
        "choices": "Soy paciente nuevo\nYa soy paciente de la clínica",
        "required_message": "Indique si es paciente nuevo o actual",
    },
    "insurance": {"label": "Seguro médico"},
    "reason": {"label": "Motivo de la consulta", "required_message": ""},
    "consent": {
        "label": "Acepto que la clínica guarde estos datos para responder a mi solicitud, como "
        "explica el aviso de privacidad.",
        "required_message": "Marque la casilla para aceptar, o llámenos",
    },
}
# The Spanish radio buttons read "Teléfono" and post the English form's "Phone" (choices.py).
SPANISH_ANSWERS = {
    **VALID_ANSWERS,
    "reason": "Ardor en los dos pies desde la primavera",
}


def spanish_answers(**changes):
    data = {**SPANISH_ANSWERS, **changes}
    return {name: value for name, value in data.items() if value is not None}
