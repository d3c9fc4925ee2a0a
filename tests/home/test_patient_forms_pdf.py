"""The demo's patient forms are fillable PDFs (home/demo/patient_forms.py): an AcroForm with
the named fields a pain practice asks for, each form at least one full US Letter page, and
what a patient types is there when the file is read back with pypdf. They were one-page
stubs of text and underscores (1.4-1.6 KB). The Spanish forms on /es/pacientes-nuevos/ were
still such stubs: they are built from the same code with Spanish labels, the same fields."""

import io

import pytest
from pypdf import PdfReader, PdfWriter

from home.demo.patient_forms import FORMS, english, spanish

LETTER = (612, 792)
LANGUAGES = {"en": english, "es": spanish}


def read(name, language="en"):
    return PdfReader(io.BytesIO(FORMS[name](say=LANGUAGES[language])))


@pytest.mark.parametrize("language", sorted(LANGUAGES))
@pytest.mark.parametrize("name", sorted(FORMS))
def test_each_form_is_a_fillable_pdf_of_at_least_one_full_page(name, language):
    pdf = read(name, language)
    assert "/AcroForm" in pdf.trailer["/Root"]
    assert pdf.get_fields()
    first = pdf.pages[0]
    assert (float(first.mediabox.width), float(first.mediabox.height)) == LETTER
    # The fields reach the bottom quarter of the last page, not a few lines at the top.
    lowest = min(float(annotation.get_object()["/Rect"][1]) for annotation in first["/Annots"])
    assert lowest < LETTER[1] / 4 or len(pdf.pages) > 1
    # Every field a person fills has a name and says what it is for (the tooltip a screen
    # reader reads): none is an unnamed box.
    for field in pdf.get_fields().values():
        assert field.get("/T")
        assert field.get("/TU"), field["/T"]


def test_the_questionnaire_asks_what_a_pain_practice_needs():
    fields = read("new_patient_questionnaire").get_fields()
    assert fields["pain_now"]["/FT"] == "/Btn"  # a 0 to 10 scale, one choice
    scale = [kid.get_object() for kid in fields["pain_now"]["/Kids"]]
    assert [next(k for k in kid["/AP"]["/N"] if k != "/Off") for kid in scale] == [
        f"/{n}" for n in range(11)
    ]
    assert {"pain_location_lower_back", "pain_location_neck", "pain_location_knees"} <= set(fields)
    assert {"medicine1_name", "medicine1_dose", "medicine8_how_often"} <= set(fields)
    assert {"allergies_none", "allergies_list", "prior_treatment_injections"} <= set(fields)
    assert {"prior_treatment_physical_therapy", "prior_treatment_details"} <= set(fields)


def test_the_records_release_has_what_hipaa_requires_of_an_authorization():
    pdf = read("records_release")
    fields = pdf.get_fields()
    text = " ".join(page.extract_text() for page in pdf.pages)
    # 45 CFR 164.508(c): what, from whom, to whom, why, until when, signature and date...
    assert {"records_office_notes", "records_other", "from_provider", "purpose", "expires"} <= set(
        fields
    )
    assert {"patient_signature", "patient_date", "representative_authority"} <= set(fields)
    assert "Rubin Pain Management" in text
    # ... and the statements it must make: revoking, no conditioning, redisclosure.
    assert "revoke this authorization" in text
    assert "will not depend on" in text
    assert "disclosed again" in text


def test_the_diary_has_fourteen_days():
    fields = read("pain_diary").get_fields()
    days = {name.split("_")[0] for name in fields if name.startswith("day")}
    assert days == {f"day{n}" for n in range(1, 15)}
    assert {"day14_pain_evening", "day1_sleep_hours", "day7_medicines"} <= set(fields)


@pytest.mark.parametrize("name", sorted(FORMS))
def test_the_spanish_form_has_the_english_fields_with_spanish_labels(name):
    english_fields, spanish_pdf = read(name).get_fields(), read(name, "es")
    spanish_fields = spanish_pdf.get_fields()
    # The same names, so the front desk reads either version the same way...
    assert set(spanish_fields) == set(english_fields)
    # ... each said in Spanish to a screen reader (a field named the same in both languages,
    # such as "Email" or "Fax", would be the exception, not half the form).
    tooltips = {field: spanish_fields[field].get("/TU") for field in spanish_fields}
    same = [
        field for field, tooltip in tooltips.items() if tooltip == english_fields[field].get("/TU")
    ]
    assert len(same) <= len(tooltips) // 10, same
    text = " ".join(page.extract_text() for page in spanish_pdf.pages)
    assert "Fecha" in text and "Date" not in text
    assert spanish_pdf.metadata.title == spanish_pdf.pages[0].extract_text().splitlines()[0]


def test_the_spanish_forms_say_what_each_form_must():
    questionnaire = " ".join(
        p.extract_text() for p in read("new_patient_questionnaire", "es").pages
    )
    assert "¿Dónde siente dolor?" in questionnaire and "Parte baja de la espalda" in questionnaire
    assert "Dosis (mg)" in questionnaire and "Alergias" in questionnaire
    release = " ".join(p.extract_text() for p in read("records_release", "es").pages)
    assert "Rubin Pain Management" in release
    assert "revocar esta autorización" in release
    assert "no dependerán de que firme" in release
    assert "volver a divulgarla" in release
    diary = read("pain_diary", "es").pages[0].extract_text()
    assert "Diario de dolor de dos semanas" in diary


def test_a_label_missing_in_spanish_stops_the_build():
    with pytest.raises(KeyError):
        spanish("A label nobody translated")


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_what_a_patient_types_is_read_back(language):
    writer = PdfWriter(clone_from=read("pain_diary", language))
    writer.update_page_form_field_values(
        writer.pages[0], {"patient_name": "Ana Ruiz", "day3_pain_evening": "6"}
    )
    out = io.BytesIO()
    writer.write(out)
    fields = PdfReader(io.BytesIO(out.getvalue())).get_fields()
    assert fields["patient_name"]["/V"] == "Ana Ruiz"
    assert fields["day3_pain_evening"]["/V"] == "6"
