"""The practice itself: settings, theme, home page and the standard pages.

The words are in content/site.yaml and content/pages.yaml.
"""

from django.conf import settings
from wagtail.models import Page, Site

from home.models import HomePage
from pages.models import StandardPage
from practice.models import FooterLink, PracticeSettings, SocialLink, ThemeSettings
from practice.site_url import host_and_port

from . import illustrations
from .images import illustration, share_card_image
from .loader import html, load, stream
from .tree import add_published, english_home, english_pages, existing_child

# Home page fields the content file writes in shorthand (pictures, rich text, blocks).
RICH_FIELDS = ("hero_image", "introduction", "opioid_stance", "approach")
# Fields the home page's spec holds that the conditions step sets, once the pages exist.
LINKED_FIELDS = ("what_we_treat",)


def build(log):
    content = load("site")
    home = _home_page(content["home_page"], log)
    site = _site(home, content["practice"]["name"])
    for spec in load("pages"):
        _standard_page(home, spec, log)
    _settings(site, content)
    return home


def _home_page(spec, log):
    home = english_home()
    if home:
        return home
    root = Page.get_first_root_node()
    hero = spec["hero_image"]
    home = HomePage(
        **{key: value for key, value in spec.items() if key not in RICH_FIELDS + LINKED_FIELDS},
        hero_image=illustration(hero["title"], "home-hero.png", illustrations.home_hero),
        introduction=html(spec["introduction"]),
        opioid_stance=html(spec["opioid_stance"]),
        approach=[("step", step) for step in spec["approach"]],
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


def _site(home, name):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        hostname, port = host_and_port(settings.SITE_URL)
        site = Site.objects.create(
            hostname=hostname, port=port, root_page=home, is_default_site=True
        )
    site.root_page = home
    site.site_name = name
    site.save()
    return site


def _standard_page(home, spec, log):
    existing = existing_child(home, StandardPage, spec["slug"])
    if existing:
        return existing
    page = StandardPage(
        title=spec["title"],
        slug=spec["slug"],
        intro=spec["intro"],
        show_in_menus=spec["show_in_menus"],
        body=stream(spec["body"]),
    )
    return add_published(home, page, log)


def _settings(site, content):
    practice = PracticeSettings.for_site(site)
    if not practice.phone:
        for field, value in content["practice"].items():
            setattr(practice, field, html(value) if field == "disclaimer" else value)
        practice.save()
    if not practice.tagline_es:
        for field, value in load("es/site")["practice"].items():
            setattr(practice, field, html(value) if field == "disclaimer_es" else value)
        practice.save()
    if not practice.footer_links.exists():
        for order, slug in enumerate(content["footer_links"]):
            page = english_pages(StandardPage).filter(slug=slug).first()
            if page:
                FooterLink.objects.create(settings=practice, page=page, sort_order=order)
    if not practice.social_links.exists():
        for order, link in enumerate(content["social_links"]):
            SocialLink.objects.create(settings=practice, sort_order=order, **link)
    theme = ThemeSettings.for_site(site)  # created with the default, AA-compliant colours
    if theme.share_image is None:
        theme.share_image = share_card_image(practice.name, practice.tagline, theme.primary_colour)
        theme.share_image_alt = f"{practice.name}: {practice.tagline}"
        theme.save()
