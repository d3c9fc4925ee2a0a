"""The Spanish demo site (issue 15): the home page, its sections and a few pages of each kind,
each a translation of its English page made as Wagtail's Translate action makes one
(translation.py), in natural Latin American Spanish (content/es/).

Only translated pages exist in the Spanish tree: a Spanish reader who asks for any other page is
sent to the Spanish home page with a notice (practice/languages.py). Medical pages carry their
own review: the day the translation was checked and the clinician who checked it.

Order matters: a page is translated after its parent, and after the pages it links to.
"""

from home.models import HomePage

from . import locations, medical, pages
from .translation import english


def build(log):
    source = english(HomePage)
    if source is None:
        return
    home = pages.home(source, log)
    pages.sections(log)
    medical.build(log)
    locations.build(log)
    pages.standard_pages(log)
    pages.finish_home(home, log)
