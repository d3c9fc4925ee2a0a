"""The practice itself: settings, theme, home page and the standard pages."""

from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from home.models import HomePage
from pages.models import StandardPage
from practice.models import FooterLink, PracticeSettings, SocialLink, ThemeSettings

from .images import demo_image

PRACTICE = {
    "name": "Rubin Pain Management",
    "tagline": "Specialist care for chronic pain",
    "phone": "(555) 014-2290",
    "email": "office@rubin-pain.example",
    "address": "Harbor Medical Plaza, Suite 210\n410 Shoreline Avenue\nSpringfield, ST 01234",
    "opening_hours": "Monday to Thursday: 8am to 5pm\nFriday: 8am to 1pm\nWeekends: closed",
    "emergency_notice": (
        "If this is an emergency, call 911 or go to your nearest emergency department."
    ),
    "disclaimer": (
        "<p>Articles on this site are general education, written and reviewed by our "
        "clinicians. They are not a diagnosis or a treatment plan for you. Talk to your own "
        "doctor before you change any medicine.</p>"
    ),
}

STANDARD_PAGES = [
    {
        "slug": "about",
        "title": "About the practice",
        "show_in_menus": True,
        "intro": "A small pain medicine clinic led by Dr. Edward Rubin, MD.",
        "body": [
            ("heading", {"text": "How we work", "level": "h2"}),
            (
                "paragraph",
                RichText(
                    "<p>Chronic pain rarely has a single cause, so it rarely has a single "
                    "fix. We start by listening: how the pain began, what it stops you doing, "
                    "and what you have already tried. Then we build a plan with you that may "
                    "combine medicines, procedures, physical therapy and pain psychology.</p>"
                ),
            ),
            ("heading", {"text": "Our approach to opioids", "level": "h2"}),
            (
                "paragraph",
                RichText(
                    "<p>Opioids have a place, but a careful one. We use the lowest dose that "
                    "helps, review it often, and help people taper when the risks start to "
                    "outweigh the benefits.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "privacy",
        "title": "Privacy notice",
        "show_in_menus": False,
        "intro": "What we collect through this website, why, and how long we keep it.",
        "body": [
            ("heading", {"text": "What we collect", "level": "h2"}),
            (
                "paragraph",
                RichText(
                    "<p>When you ask for a consultation we store the details you type into "
                    "the form: your name, how to reach you and a short reason for your visit. "
                    "When you comment on an article we store your name, e-mail address and "
                    "comment. We do not use advertising or tracking cookies.</p>"
                ),
            ),
            ("heading", {"text": "Who can see it", "level": "h2"}),
            (
                "paragraph",
                RichText(
                    "<p>Only the practice staff who answer requests can read consultation "
                    "requests. Your e-mail address is never published. We delete "
                    "consultation requests after one year.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "note",
                    "heading": "Please keep medical details for your appointment",
                    "body": RichText(
                        "<p>Web forms are not the place for your medical history. We will "
                        "ask about it in person.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "accessibility",
        "title": "Accessibility statement",
        "show_in_menus": False,
        "intro": "We want everyone to be able to read this site and contact us.",
        "body": [
            ("heading", {"text": "What we aim for", "level": "h2"}),
            (
                "paragraph",
                RichText(
                    "<p>This website aims to meet the Web Content Accessibility Guidelines "
                    "(WCAG) 2.2 at level AA. Every page is checked with automated tools and "
                    "by keyboard, works without JavaScript, and can be zoomed to 400%.</p>"
                ),
            ),
            ("heading", {"text": "Tell us about a problem", "level": "h2"}),
            (
                "paragraph",
                RichText(
                    "<p>If something on the site is hard to use, call the office or e-mail "
                    "us and we will help you and fix it.</p>"
                ),
            ),
        ],
    },
]


def build(log):
    home = _home_page(log)
    site = _site(home)
    for spec in STANDARD_PAGES:
        _standard_page(home, spec, log)
    _settings(site)
    return home


def _home_page(log):
    home = HomePage.objects.first()
    if home:
        return home
    root = Page.get_first_root_node()
    hero = demo_image("Home page hero: calm abstract shapes", seed=1)
    home = HomePage(
        title="Home",
        slug="home",
        seo_title="Rubin Pain Management: specialist care for chronic pain",
        search_description=(
            "Pain medicine clinic led by Dr. Edward Rubin, MD: clear patient education and "
            "consultations for chronic pain."
        ),
        hero_heading="Living with chronic pain? Let’s make a plan together.",
        hero_intro=(
            "We treat long-lasting pain with more than prescriptions: careful diagnosis, "
            "honest advice about medicines, and treatments that help you move again."
        ),
        hero_image=hero,
        hero_image_alt="",
        call_to_action_text="Request a consultation",
        introduction_heading="About the practice",
        introduction=(
            "<p>Dr. Edward Rubin, MD, and his team care for adults with back and neck pain, "
            "nerve pain, arthritis and pain that has outlasted its injury. We explain what is "
            "going on in plain language and make decisions with you, not for you.</p>"
        ),
    )
    # Wagtail's installer leaves a "Welcome" page at the top of the tree; ours replaces it.
    for welcome in root.get_children().exclude(pk__in=HomePage.objects.values("pk")):
        if welcome.specific_class is Page:
            Site.objects.filter(root_page=welcome).update(root_page=root)
            welcome.delete()
    root.add_child(instance=home)
    home.save_revision().publish()
    log("Created the home page.")
    return home


def _site(home):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
    site.root_page = home
    site.site_name = PRACTICE["name"]
    site.save()
    return site


def _standard_page(home, spec, log):
    existing = StandardPage.objects.child_of(home).filter(slug=spec["slug"]).first()
    if existing:
        return existing
    page = StandardPage(
        title=spec["title"],
        slug=spec["slug"],
        intro=spec["intro"],
        show_in_menus=spec["show_in_menus"],
        body=spec["body"],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    log(f"Created the page {page.title!r}.")
    return page


def _settings(site):
    practice = PracticeSettings.for_site(site)
    if not practice.phone:
        for field, value in PRACTICE.items():
            setattr(practice, field, value)
        practice.save()
    if not practice.footer_links.exists():
        for order, slug in enumerate(["about", "privacy", "accessibility"]):
            page = StandardPage.objects.filter(slug=slug).first()
            if page:
                FooterLink.objects.create(settings=practice, page=page, sort_order=order)
    if not practice.social_links.exists():
        SocialLink.objects.create(
            settings=practice, label="Facebook", url="https://www.facebook.com/", sort_order=0
        )
    ThemeSettings.for_site(site)  # created with the default, AA-compliant colours
