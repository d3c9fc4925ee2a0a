"""The staff sign-in audit (practice/staff_auth/reports.py) keeps usernames whole. The staff
sweep saw "sweep-admin" broken at its hyphen in the Name column at 1024 px once a refused code
joined the entries; usernames may also be email addresses, with dots, hyphens and @. Here an
email-style administrator with no full name (so the User column shows the username too) and a
colleague's refused code from an IPv6 address: at both staff widths no word in the table is
broken across lines, the page does not scroll sideways, and what happened keeps 16rem."""

import pytest
from django.test import RequestFactory

from practice.staff_auth import audit

from .helpers import new_page, sign_in, staff_member
from .staff_screens import MID_WORD_BREAKS

LONG_USERNAME = "margaret.newcomer-abernathy@longmailprovider.example.org"


@pytest.mark.django_db(transaction=True)
def test_the_audit_report_keeps_usernames_whole(live_server, chromium):
    staff_member(LONG_USERNAME, [], is_superuser=True, is_staff=True)
    colleague = staff_member("front-desk", [], is_staff=True)
    from_ipv6 = RequestFactory().get("/", REMOTE_ADDR="2001:db8:85a3::8a2e:370:7334")
    audit.second_factor_failed(from_ipv6, colleague, "authenticator app")
    page = new_page(chromium, width=1280)
    try:
        sign_in(page, live_server.url, LONG_USERNAME)
        for width in (1280, 1024):
            page.set_viewport_size({"width": width, "height": 768})
            page.goto(live_server.url + "/admin/sign-in-factors/audit/")
            table = page.locator("main table.listing")
            assert table.get_by_text(LONG_USERNAME).count() >= 4  # Name and User, two rows
            assert table.get_by_text("front-desk").count() >= 1
            assert page.evaluate(MID_WORD_BREAKS) == [], f"at {width} px"
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"the page scrolls {overflow} px sideways at {width} px"
            action = table.locator("tbody td:nth-child(3)").first
            assert action.evaluate("cell => cell.getBoundingClientRect().width") >= 16 * 16
    finally:
        page.context.close()
