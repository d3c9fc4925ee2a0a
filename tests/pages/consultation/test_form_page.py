import re

import pytest
from django.utils.html import escape

from pages.consultation.models import ConsultationFormField, ConsultationRequest
from practice.models import PracticeSettings

from .helpers import VALID_ANSWERS, answers

pytestmark = pytest.mark.django_db

URL = "/consultation/"
THANK_YOU_URL = "/consultation/thank-you/"


def tag(html, attribute):
    """The opening tag of the element that has `attribute` (e.g. 'id="id_email"')."""
    match = re.search(
        r"<(?:input|textarea|select|fieldset)\b[^>]*" + re.escape(attribute) + r"[^>]*>", html
    )
    assert match, f"no element with {attribute}"
    return match.group(0)


def test_the_form_shows_every_demo_field_with_a_label(client, consultation_page):
    html = client.get(URL).content.decode()
    for field_id, label in [
        ("id_full_name", "Full name"),
        ("id_email", "Email address"),
        ("id_phone", "Phone number"),
        ("id_best_times", "Best times to reach you"),
        ("id_reason", "Reason for your visit"),
    ]:
        assert re.search(rf'<label class="form-field__label" for="{field_id}">{label}', html)
    assert '<label class="form-choice__label" for="id_consent">' in html


def test_choice_groups_are_fieldsets_with_a_legend(client, consultation_page):
    html = client.get(URL).content.decode()
    legends = re.findall(r'<fieldset[^>]*>\s*<legend class="form-field__label">([^<]+)', html)
    assert [legend.strip() for legend in legends] == [
        "Preferred way to contact you",
        "New or existing patient",
    ]
    assert 'for="id_contact_preference_0">Phone</label>' in html
    assert 'for="id_contact_preference_1">Email</label>' in html


def test_fields_say_what_the_browser_may_fill_in(client, consultation_page):
    html = client.get(URL).content.decode()
    assert 'autocomplete="name"' in tag(html, 'id="id_full_name"')
    assert 'autocomplete="email"' in tag(html, 'id="id_email"')
    assert 'type="email"' in tag(html, 'id="id_email"')
    assert 'autocomplete="tel"' in tag(html, 'id="id_phone"')
    assert 'type="tel"' in tag(html, 'id="id_phone"')


def test_required_fields_are_marked_in_words_and_the_marker_is_explained(client, consultation_page):
    html = client.get(URL).content.decode()
    assert "Questions marked" in html and "must be answered" in html
    assert re.search(
        r'for="id_full_name">Full name <span class="form-field__required">\(required\)', html
    )
    assert re.search(r'for="id_phone">Phone number</label>', html)  # optional: no marker


def test_the_reason_field_asks_for_no_detailed_medical_history(client, consultation_page):
    html = client.get(URL).content.decode()
    assert 'aria-describedby="id_reason_helptext"' in tag(html, 'id="id_reason"')
    hint = re.search(r'id="id_reason_helptext">([^<]+)', html).group(1)
    assert "do not include your detailed medical history" in hint


def test_the_consent_label_links_to_the_privacy_notice_in_a_new_tab(client, consultation_page):
    html = client.get(URL).content.decode()
    label = re.search(
        r'<label class="form-choice__label" for="id_consent">(.*?)</label>', html
    ).group(1)
    assert '<a href="/privacy/" target="_blank" rel="noopener">privacy notice' in label
    assert "(opens in a new tab)" in label


def test_the_page_shows_the_phone_number_for_people_who_prefer_to_call(client, consultation_page):
    html = client.get(URL).content.decode()
    assert '<a href="tel:5550142290">(555) 014-2290</a>' in html


def test_the_header_button_leads_to_the_consultation_page(
    client, site, consultation_page, about_page
):
    assert PracticeSettings.for_site(site).consultation_page_id == consultation_page.pk
    html = client.get("/about/").content.decode()
    assert re.search(
        r'<a class="button button--small button--inverse site-header__cta" href="/consultation/">',
        html,
    )


def test_a_valid_request_is_stored_once_then_redirects_to_the_thank_you_page(
    client, consultation_page
):
    response = client.post(URL, answers())

    assert response.status_code == 303
    assert response["Location"] == THANK_YOU_URL
    stored = ConsultationRequest.objects.get()
    assert stored.page_id == consultation_page.pk
    assert stored.form_data["full_name"] == VALID_ANSWERS["full_name"]
    assert stored.form_data["contact_preference"] == "Phone"
    assert stored.form_data["consent"] is True


def test_the_thank_you_page_shows_the_message_next_steps_and_emergency_notice(
    client, consultation_page
):
    html = client.get(THANK_YOU_URL).content.decode()
    assert '<h1 class="confirmation-panel__title">Thank you, we have your request</h1>' in html
    assert "You do not need to send it again." in html
    assert "What happens next" in html
    assert "call 911" in html.split("</main>")[0]


def test_reloading_the_thank_you_page_never_stores_another_request(client, consultation_page):
    response = client.post(URL, answers(), follow=True)
    assert response.redirect_chain == [(THANK_YOU_URL, 303)]
    for _ in range(3):
        assert client.get(THANK_YOU_URL).status_code == 200
    assert ConsultationRequest.objects.count() == 1
    assert client.post(THANK_YOU_URL, answers()).status_code == 405
    assert ConsultationRequest.objects.count() == 1


INVALID_INPUT = [
    pytest.param(
        {"full_name": ""}, "full_name", "id_full_name", "Enter your full name", id="empty-name"
    ),
    pytest.param(
        {"email": None}, "email", "id_email", "Enter your email address", id="missing-email"
    ),
    pytest.param(
        {"email": "maria.quintero@"},
        "email",
        "id_email",
        "Enter an email address in the correct format, like name@example.com",
        id="malformed-email",
    ),
    pytest.param(
        {"phone": "call me maybe"},
        "phone",
        "id_phone",
        "Enter a phone number using digits, like (555) 014-2290",
        id="malformed-phone",
    ),
    pytest.param(
        {"full_name": "M" * 201},
        "full_name",
        "id_full_name",
        "Full name must be 200 characters or fewer",
        id="over-long-name",
    ),
    pytest.param(
        {"reason": "pain " * 201},
        "reason",
        "id_reason",
        "Reason for your visit must be 1000 characters or fewer",
        id="over-long-reason",
    ),
    pytest.param(
        {"contact_preference": "Carrier pigeon"},
        "contact_preference",
        "id_contact_preference_0",
        "Select one of the options given for preferred way to contact you",
        id="choice-not-offered",
    ),
    pytest.param(
        {"patient_status": None},
        "patient_status",
        "id_patient_status_0",
        "Select whether you are a new or an existing patient",
        id="no-choice-made",
    ),
    pytest.param(
        {"consent": None},
        "consent",
        "id_consent",
        "Check the box to agree to us storing your details, or call us instead",
        id="missing-consent",
    ),
]


@pytest.mark.parametrize("changes, field, anchor, message", INVALID_INPUT)
def test_invalid_input_is_explained_and_nothing_typed_is_lost(
    client, consultation_page, changes, field, anchor, message
):
    data = answers(**changes)
    response = client.post(URL, data)

    assert response.status_code == 200
    assert not ConsultationRequest.objects.exists()
    html = response.content.decode()
    assert html.count("There is a problem") == 1
    summary = html.split('class="error-summary"')[1].split("</div>")[0]
    assert f'<a href="#{anchor}">{escape(message)}</a>' in summary
    assert f'id="{anchor}"' in html  # the summary's link has somewhere to go
    assert re.search(rf'id="id_{field}_error">.*{re.escape(escape(message))}', html)
    assert "<title>Error: Request a consultation" in html

    # Every value stays in place, the wrong one included.
    for name, value in data.items():
        if not value:
            continue
        if name in ("contact_preference", "patient_status"):
            if value in ("Phone", "Email", "I am a new patient", "I am already a patient here"):
                assert "checked" in tag(html, f'value="{escape(value)}"')
        elif name == "consent":
            assert "checked" in tag(html, 'id="id_consent"')
        elif name == "reason":
            assert f">\n{escape(value)}</textarea>" in html
        else:
            assert f'value="{escape(value)}"' in tag(html, f'id="id_{name}"')


def test_fields_with_errors_are_marked_invalid_and_described_by_their_message(
    client, consultation_page
):
    html = client.post(URL, answers(email="nope", contact_preference=None)).content.decode()
    email = tag(html, 'id="id_email"')
    assert 'aria-invalid="true"' in email
    assert 'aria-describedby="id_email_helptext id_email_error"' in email
    fieldset = re.search(r"<fieldset[^>]*>\s*<legend[^>]*>Preferred way", html).group(0)
    assert 'aria-describedby="id_contact_preference_error"' in fieldset
    assert 'aria-invalid="true"' in tag(html, 'id="id_contact_preference_0"')
    # Fields without errors are left alone.
    assert "aria-invalid" not in tag(html, 'id="id_full_name"')


def test_the_error_summary_is_a_focusable_alert_above_the_heading(client, consultation_page):
    html = client.post(URL, answers(full_name="")).content.decode()
    summary = re.search(r'<div class="error-summary"[^>]*>', html).group(0)
    assert 'role="alert"' in summary
    assert 'tabindex="-1"' in summary
    assert "autofocus" in summary
    assert html.index("There is a problem") < html.index("<h1>")


def test_a_form_with_several_mistakes_lists_them_all_in_form_order(client, consultation_page):
    html = client.post(URL, answers(full_name="", email="x", consent=None)).content.decode()
    links = re.findall(r'<li><a href="#([^"]+)">', html)
    assert links == ["id_full_name", "id_email", "id_consent"]


@pytest.mark.parametrize(
    "method, url, data",
    [
        ("post", URL, {"full_name": ""}),
        ("post", URL, "valid"),
        ("get", THANK_YOU_URL, None),
    ],
    ids=["form-with-errors", "redirect", "thank-you"],
)
def test_no_cache_may_keep_the_answers_or_the_thank_you_page(
    client, consultation_page, method, url, data
):
    data = answers() if data == "valid" else data
    response = getattr(client, method)(url, data) if data else getattr(client, method)(url)
    assert response["Cache-Control"] == "private, no-store"


def test_the_empty_form_may_be_shared_by_a_cdn_but_not_a_signed_in_persons_copy(
    client, consultation_page, editor
):
    assert "public" in client.get(URL)["Cache-Control"]
    client.force_login(editor)
    assert client.get(URL)["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("extra_fields", [0, 20])
def test_the_form_renders_in_a_bounded_number_of_queries(
    client, consultation_page, django_assert_max_num_queries, extra_fields
):
    for number in range(extra_fields):
        ConsultationFormField.objects.create(
            page=consultation_page,
            label=f"Extra question {number}",
            field_type="radio" if number % 2 else "singleline",
            choices="Yes\nNo",
            required=False,
            sort_order=100 + number,
        )
    client.get(URL)  # warm the per-process caches (site root paths, content types)
    with django_assert_max_num_queries(16):
        response = client.get(URL)
    assert response.content.decode().count('class="form-field ') == 9 + extra_fields


def test_staff_can_relabel_reorder_and_remove_fields(client, consultation_page):
    fields = {field.clean_name: field for field in consultation_page.form_fields.all()}
    fields["best_times"].delete()
    fields["full_name"].label = "Your name"
    fields["full_name"].save()
    fields["reason"].sort_order = -1
    fields["reason"].save()

    html = client.get(URL).content.decode()
    assert "Best times to reach you" not in html
    assert 'for="id_full_name">Your name' in html  # the stored name stays, answers keep their key
    assert html.index('id="id_reason"') < html.index('id="id_full_name"')
