"""The drawings editors may show beside a condition or treatment: Health Icons (CC0, npm
`@iconify-json/healthicons`; docs/licenses.md), copied into templates/icons/health/ by
`manage.py export_health_icons`. Inline SVG drawn in the text color, so they follow the theme
and the dark scheme, cost no request and no image rendition, and say nothing to a screen reader
(the title next to them does)."""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

# (file name, what editors see in the chooser)
HEALTH_ICONS = [
    ("back-pain", "Back pain"),
    ("spine", "Spine"),
    ("nerve", "Nerve"),
    ("neurology", "Brain and nerves"),
    ("headache", "Headache"),
    ("joints", "Joints"),
    ("foot", "Foot"),
    ("body", "Whole body"),
    ("physical-therapy", "Physical therapy"),
    ("exercise-yoga", "Exercise"),
    ("syringe", "Injection"),
    ("medicines", "Medicines"),
    ("electricity", "Electrical stimulation or heat"),
    ("psychology", "Talking therapy"),
]
NAMES = {name for name, _label in HEALTH_ICONS}


def icon_svg(name):
    """The icon's inline SVG, or "" for a name that is not in the list."""
    if name not in NAMES:
        return ""
    return mark_safe(render_to_string(f"icons/health/{name}.svg").strip())
