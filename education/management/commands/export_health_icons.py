"""Copy the Health Icons editors can choose (education/health_icons.py) out of the npm package
into templates/icons/health/, so the site needs no Node to run. Run after `npm ci` when the list
changes: `manage.py export_health_icons`."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from education.health_icons import HEALTH_ICONS

PACKAGE = Path(settings.BASE_DIR) / "node_modules" / "@iconify-json" / "healthicons" / "icons.json"
TARGET = Path(settings.BASE_DIR) / "templates" / "icons" / "health"


class Command(BaseCommand):
    help = "Copy the Health Icons editors can choose into templates/icons/health/."

    def handle(self, *args, **options):
        icons = json.loads(PACKAGE.read_text(encoding="utf-8"))
        TARGET.mkdir(parents=True, exist_ok=True)
        for name, _label in HEALTH_ICONS:
            icon = icons["icons"][name]
            width = icon.get("width", icons.get("width", 48))
            height = icon.get("height", icons.get("height", 48))
            svg = (
                f'<svg class="health-icon" xmlns="http://www.w3.org/2000/svg" '
                f'viewBox="0 0 {width} {height}" aria-hidden="true" focusable="false">'
                f"{icon['body']}</svg>\n"
            )
            (TARGET / f"{name}.svg").write_text(svg, encoding="utf-8")
        self.stdout.write(f"Wrote {len(HEALTH_ICONS)} icons to {TARGET}.")
