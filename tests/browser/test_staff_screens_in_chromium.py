"""The staff side held to the patient pages' standard (issue 26): every admin screen this
project adds or customizes, in Chromium at 1280 x 800 and 1024 x 768, signed in as the demo
site's administrator. On each: no axe violation of serious or critical impact (WCAG 2.2 AA
tags) in what this project renders, no word broken across lines inside a table cell, no icon
or picture over 64 px, no sideways scrolling of the page.

One demo build for the module and one browser tab for every screen. The first screen of each at
1280 px is kept in test-artifacts/; UPDATE_DOC_SCREENSHOTS=true writes them to
docs/screenshots/admin-*.png, the ones the README links to."""

import json
import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import reverse
from django.utils.text import slugify

from education.comments.models import Comment
from education.feedback.models import PageFeedback
from education.models import ArticlePage
from pages.consultation.models import ConsultationFormPage, ConsultationRequest

from .helpers import ARTIFACTS, SAVE_SCREENSHOTS, new_page, sign_in, staff_member
from .staff_screens import measure, project_reports, project_snippets

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
UPDATE_DOCS = os.environ.get("UPDATE_DOC_SCREENSHOTS", "").lower() in ("1", "true", "yes")
SIZES = [(1280, 800), (1024, 768)]


def work_to_show():
    """What the screens show on a practice's working day: requests in both languages (one
    with a long address and a hyphenated name), answers to "Was this page helpful?"."""
    english = ConsultationFormPage.objects.filter(locale__language_code="en-us").first()
    spanish = ConsultationFormPage.objects.filter(
        translation_key=english.translation_key, locale__language_code="es"
    ).first()
    common = {
        "consent": True,
        "best_times": "Weekday mornings",
        "patient_status": "I am a new patient",
    }
    requests = [
        (
            english,
            "en-us",
            {
                "full_name": "Margaret Newcomer-Abernathy",
                "email": "margaret.newcomer-abernathy@longmailprovider.example.org",
                "phone": "(555) 010-9911",
                "contact_preference": "Phone",
                "reason": "Lower back pain since a fall on the ice in January, worse when "
                "sitting at work for more than an hour; my doctor suggested a specialist.",
            },
        ),
        (
            spanish or english,
            "es",
            {
                "full_name": "María Prueba Quintero",
                "email": "maria.prueba@example.org",
                "phone": "",
                "contact_preference": "Email",
                "reason": "Dolor de ciática desde el verano",
            },
        ),
    ]
    made = [
        ConsultationRequest.objects.create(
            page=page, language=language, form_data={**common, **answers}
        )
        for page, language, answers in requests
    ]
    article = ArticlePage.objects.live().filter(locale__language_code="en-us").first()
    for helpful, reason in ((True, ""), (False, "It did not say how long the injection lasts.")):
        PageFeedback.objects.create(page=article, helpful=helpful, reason=reason)
    return made[0], article


def screens(admin, consultation_request, article):
    request = RequestFactory().get("/admin/")
    request.user = admin
    form_page = consultation_request.page
    found = [
        ("dashboard", "/admin/"),
        ("consultation-requests", reverse("wagtailforms:list_submissions", args=[form_page.pk])),
        (
            "consultation-request",
            reverse("consultation_requests:detail", args=[consultation_request.pk]),
        ),
        ("patient-feedback", reverse("page_feedback", args=[article.pk])),
    ]
    found += [(f"report-{slugify(name)}", url) for name, url in project_reports(request)]
    found += [(f"snippet-{name}", url) for name, url in project_snippets()]
    return found


@pytest.mark.django_db(transaction=True)
def test_every_staff_screen_at_two_widths(live_server, demo_site, chromium, axe):
    assert Comment.objects.exists()  # the comments queue has something to show
    consultation_request, article = work_to_show()
    admin = staff_member("sweep-admin", [], is_superuser=True, is_staff=True, first_name="Ada")
    assert get_user_model().objects.get(pk=admin.pk).is_superuser
    page = new_page(chromium, width=1280)
    sign_in(page, live_server.url, "sweep-admin")
    problems, table = [], {}
    visited = screens(admin, consultation_request, article)
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        for name, url in visited:
            response = page.goto(live_server.url + url)
            assert response.status == 200, f"{name} ({url}) answered {response.status}"
            found = measure(page, axe, width)
            table.setdefault(name, {})[width] = {
                key: len(v) if isinstance(v, list) else v for key, v in found.items()
            }
            label = f"{name} at {width} px ({url})"
            problems += [f"{label}: axe {finding}" for finding in found["axe"]]
            problems += [f"{label}: “{word}” broken across lines" for word in found["breaks"]]
            problems += [f"{label}: {item} is over 64 px" for item in found["oversized"]]
            if found["overflow"] > 0:
                problems.append(f"{label}: the page scrolls {found['overflow']} px sideways")
            if width == 1280:
                keep_screenshot(page, f"admin-{name}")
    page.context.close()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "staff-screens.json").write_text(json.dumps(table, indent=1))
    assert len(visited) >= 12, visited
    assert not problems, "\n".join(problems)


def keep_screenshot(page, name):
    if UPDATE_DOCS:
        page.screenshot(path=str(DOCS / f"{name}.png"))
    elif SAVE_SCREENSHOTS:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
