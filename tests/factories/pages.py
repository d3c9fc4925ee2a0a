"""Generic content pages."""

import factory
from django.utils.text import slugify

from pages.models import StandardPage

from .base import PageFactory
from .home import home_page


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    parent = factory.LazyFunction(home_page)
    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    intro = factory.LazyAttribute(lambda page: f"What to know about {page.title.lower()}.")
