"""Migration 0008 converts requests stored in the old shape (the Spanish label the patient
clicked) to the English form's values; a value that matches nothing is kept and listed."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from pages.consultation.models import ConsultationRequest

from .helpers import SPANISH_FIELDS, VALID_ANSWERS

BEFORE = ("consultation", "0007_remove_consultationrequest_regarding")
AFTER = ("consultation", "0008_choice_answers_stored_in_english")


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_spanish_labels_become_english_values_and_strangers_are_listed(
    consultation_page, spanish_consultation_page, capsys
):
    assert SPANISH_FIELDS["contact_preference"]["choices"].startswith("Teléfono\n")
    english_data = {**VALID_ANSWERS, "consent": True}
    old_shape = {
        **english_data,
        "contact_preference": "Teléfono",
        "patient_status": "Ya soy paciente de la clínica",
    }
    stranger = {**old_shape, "contact_preference": "Paloma mensajera"}
    executor = migrate([BEFORE])
    try:
        old_apps = executor.loader.project_state([BEFORE]).apps
        OldRequest = old_apps.get_model("consultation", "ConsultationRequest")
        english = OldRequest.objects.create(page_id=consultation_page.pk, form_data=english_data)
        converted = OldRequest.objects.create(
            page_id=spanish_consultation_page.pk, language="es", form_data=old_shape
        )
        kept = OldRequest.objects.create(
            page_id=spanish_consultation_page.pk, language="es", form_data=stranger
        )
    finally:
        migrate([AFTER])
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    answers = {item.pk: item.form_data for item in ConsultationRequest.objects.all()}
    assert answers[english.pk] == english_data
    assert answers[converted.pk]["contact_preference"] == "Phone"
    assert answers[converted.pk]["patient_status"] == "I am already a patient here"
    assert answers[converted.pk]["full_name"] == VALID_ANSWERS["full_name"]
    assert answers[kept.pk]["contact_preference"] == "Paloma mensajera"
    assert answers[kept.pk]["patient_status"] == "I am already a patient here"
    listed = capsys.readouterr().out
    assert f"Consultation request {kept.pk}: contact_preference = 'Paloma mensajera'" in listed
    assert f"Consultation request {converted.pk}:" not in listed
