"""Demo content for a fresh install, built in steps. Each step is idempotent: running the
whole build twice leaves the same site as running it once.

Later features add their own step module and list it in STEPS, in dependency order.
"""

from importlib import import_module

from .indexing import indexed_at_the_end

STEPS = [
    "home.demo.site",
    "home.demo.education",
    "home.demo.conditions",
    "home.demo.locations",
    "home.demo.new_patients",
    "home.demo.notices",
    "home.demo.consultation",
    "home.demo.comments",
    # After every English page it translates; before review, which covers both languages.
    "home.demo.spanish",
    "home.demo.review",
    # Last: the spelling vocabulary is built from every page the steps above made.
    "home.demo.search",
]


def build(log=print):
    with indexed_at_the_end():
        for dotted in STEPS:
            import_module(dotted).build(log)
