"""Helpers for the WordPress import tests: a bare site, an uploads folder, running the command."""

import io

from django.core.management import call_command
from PIL import Image as PILImage
from wagtail.models import Page, Site

from home.models import HomePage


def build_home():
    """A home page as the site root, and nothing else (the import makes the two indexes)."""
    root = Page.get_first_root_node()
    for welcome in root.get_children():
        Site.objects.filter(root_page=welcome).update(root_page=root)
        welcome.delete()
    home = HomePage(title="Home", slug="home", hero_heading="Living with chronic pain?")
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Rubin"},
    )
    return home


def picture(path, size=(1200, 800), colour=(29, 92, 138)):
    path.parent.mkdir(parents=True, exist_ok=True)
    PILImage.new("RGB", size, colour).save(path, format="JPEG", quality=70)
    return path


def pdf(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n")
    return path


def run_import(export, *arguments):
    """What `manage.py import_wordpress EXPORT ...` prints."""
    out = io.StringIO()
    call_command("import_wordpress", str(export), *arguments, stdout=out)
    return out.getvalue()
