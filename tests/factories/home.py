"""The site itself: the home page at the top of the tree, the Site that serves it, and the
practice's settings (name, phone, theme) that every page shows."""

import factory
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Page, Site

from home.models import FeaturedArticle, HomePage
from practice.models import FooterLink, PracticeSettings, SocialLink, ThemeSettings

from .base import PageFactory, save_with

PRACTICE_NAME = "Rubin Pain Management"


class HomePageFactory(PageFactory):
    """The home page, at the top of the tree in place of Wagtail's welcome page."""

    class Meta:
        model = HomePage

    parent = factory.LazyFunction(Page.get_first_root_node)
    title = "Home"
    slug = "home"
    seo_title = "Rubin Pain Management: specialist care for chronic pain"
    search_description = "Pain medicine clinic led by Dr. Edward Rubin, MD."
    hero_heading = "Living with chronic pain? Let’s make a plan together."
    hero_intro = "We treat long-lasting pain with more than prescriptions."
    hero_image_alt = ""
    call_to_action_text = "Request a consultation"
    introduction_heading = "About the practice"
    introduction = "<p>Dr. Edward Rubin, MD, and his team care for adults with chronic pain.</p>"

    @classmethod
    def _create(cls, model_class, *args, parent, **fields):
        # Wagtail's installer leaves a "Welcome" page where the home page goes (same slug).
        for welcome in parent.get_children().exact_type(Page):
            Site.objects.filter(root_page=welcome).update(root_page=parent)
            welcome.delete()
        return super()._create(model_class, *args, parent=parent, **fields)


class PracticeSettingsFactory(DjangoModelFactory):
    class Meta:
        model = PracticeSettings
        django_get_or_create = ("site",)

    name = PRACTICE_NAME
    tagline = "Specialist care for chronic pain"
    phone = "(555) 014-2290"
    email = "office@rubin-pain.example"
    emergency_notice = (
        "If this is an emergency, call 911 or go to your nearest emergency department."
    )
    disclaimer = (
        "<p>Articles on this site are general education. They are not a diagnosis or a "
        "treatment plan for you.</p>"
    )


class ThemeSettingsFactory(DjangoModelFactory):
    """The theme with its default, AA-compliant colours."""

    class Meta:
        model = ThemeSettings
        django_get_or_create = ("site",)


class SiteFactory(DjangoModelFactory):
    """The default site, serving a new home page, with the practice's details and theme."""

    class Meta:
        model = Site
        skip_postgeneration_save = True

    hostname = "localhost"
    port = 80
    is_default_site = True
    site_name = PRACTICE_NAME
    root_page = factory.SubFactory(HomePageFactory)
    practice = factory.RelatedFactory(PracticeSettingsFactory, factory_related_name="site")
    theme = factory.RelatedFactory(ThemeSettingsFactory, factory_related_name="site")

    @classmethod
    def _create(cls, model_class, *args, **fields):
        """The default site migrations made, pointed at the new home page."""
        site = model_class.objects.filter(is_default_site=True).first() or model_class()
        return save_with(site, **fields)


def home_page():
    """The site's home page, made with the site if there is none yet."""
    return HomePage.objects.first() or SiteFactory().root_page.specific


class TopLevelPageFactory(PageFactory):
    """A page right under the home page, its slug made from its title unless given."""

    class Meta:
        abstract = True

    parent = factory.LazyFunction(home_page)
    slug = factory.LazyAttribute(lambda page: slugify(page.title))


class IndexPageFactory(TopLevelPageFactory):
    """A section's front page, under the home page and in the main menu."""

    class Meta:
        abstract = True

    show_in_menus = True

    @classmethod
    def existing(cls):
        """The site's section (there is one at most), made if there is none yet."""
        return cls._meta.model.objects.first() or cls()


def default_practice_settings():
    return PracticeSettings.for_site(Site.objects.get(is_default_site=True))


def change_practice_settings(**values):
    """Change the default site's practice details and save them, as staff do in Settings."""
    return save_with(default_practice_settings(), **values)


class FooterLinkFactory(DjangoModelFactory):
    class Meta:
        model = FooterLink

    settings = factory.LazyFunction(default_practice_settings)
    sort_order = factory.Sequence(int)


class SocialLinkFactory(DjangoModelFactory):
    class Meta:
        model = SocialLink

    settings = factory.LazyFunction(default_practice_settings)
    label = "Facebook"
    url = "https://www.facebook.com/rubinpainexample"
    sort_order = factory.Sequence(int)


class FeaturedArticleFactory(DjangoModelFactory):
    class Meta:
        model = FeaturedArticle

    home_page = factory.LazyFunction(home_page)
    sort_order = factory.Sequence(int)
