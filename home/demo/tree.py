"""The demo's English pages. The demo builds the English site first and the Spanish one from it
(spanish/); pages of both share types and some slugs, so every English step looks its pages up
in the default locale."""

from wagtail.models import Locale

from home.models import HomePage


def english_pages(model):
    return model.objects.filter(locale=Locale.get_default())


def english_home():
    return english_pages(HomePage).first()
