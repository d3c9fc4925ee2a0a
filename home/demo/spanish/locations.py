"""The offices in Spanish: their section and each office, translated from the English pages
(translation.py). Hours, addresses and the links to clinicians and treatments stay the English
office's (a Spanish office reads them from there, each page in Spanish where it is translated);
the words patients read are in content/es/locations.yaml."""

from pages.models import LocationIndexPage, LocationPage

from ..loader import load
from .translation import english, translate


def build(log):
    content = load("es/locations")
    translate(english(LocationIndexPage), {**content["index"], "show_in_menus": True}, log)
    for slug, spec in content["locations"].items():
        fields = {key: value for key, value in spec.items() if key != "closures"}

        def prepare(page, reasons=spec["closures"]):
            closures = list(page.closures.all())
            for closure, reason in zip(closures, reasons, strict=True):
                closure.reason = reason
            page.closures = closures

        translate(english(LocationPage, slug=slug), fields, log, prepare=prepare)
