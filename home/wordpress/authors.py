"""WordPress authors become clinician profiles.

A later run finds the profile again by the author's WordPress login or email address, so it is
never duplicated, and never overwrites it: the name and credentials are the practice's to edit
in Wagtail. A new profile is a draft, since WordPress has no job title, biography or photo for
it; articles still name its clinician in their byline (without a link until it is published).
"""

import re

from django.utils.text import slugify

from education.models import ClinicianPage

from .destinations import available_slug
from .mapping import Kind, remember, target
from .records import plain_text
from .report import Outcome, Skip

PREFIX = re.compile(r"^(dr|prof)\.?\s+", re.IGNORECASE)
PREFIXES = {"dr": "Dr.", "prof": "Prof."}


def split_name(author):
    """(prefix, given name, family name, credentials) from what WordPress knows: "Dr. Edward
    Rubin, MD" with first name "Edward" and last name "Rubin" gives ("Dr.", "Edward", "Rubin",
    "MD")."""
    display = plain_text(author.display_name) or plain_text(author.login)
    core, _, credentials = display.partition(",")
    prefix = ""
    if match := PREFIX.match(core):
        prefix = PREFIXES[match.group(1).lower()]
        core = core[match.end() :]
    words = core.split()
    given = plain_text(author.first_name) or " ".join(words[:-1] or words)
    family = plain_text(author.last_name) or (words[-1] if len(words) > 1 else "")
    return prefix, given[:80], family[:80], credentials.strip()[:80]


def find_clinician(author):
    """(profile, how it was found) for an author imported before or already on the site."""
    login, email = author.login.lower(), author.email.lower()
    for kind, key in ((Kind.AUTHOR, login), (Kind.AUTHOR_EMAIL, email)):
        if key and (clinician := target(kind, key)) is not None:
            return clinician, None
    if email:
        clinician = ClinicianPage.objects.filter(user__email__iexact=email).first()
        if clinician is not None:
            return clinician, (
                f"matched to the existing profile {clinician.title!r}, whose admin account "
                "has the same email address"
            )
    _prefix, given, family, _credentials = split_name(author)
    if given and family:
        clinician = ClinicianPage.objects.filter(
            given_name__iexact=given, family_name__iexact=family
        ).first()
        if clinician is not None:
            return clinician, (
                f"matched by name to the existing profile {clinician.title!r}: check it is the "
                "same person"
            )
    return None, None


def import_author(author, places):
    if not author.login and not author.email:
        raise Skip("it has no login or email address, so no post can name it")
    clinician, how = find_clinician(author)
    notes = [how] if how else []
    action = "unchanged"
    if clinician is None:
        clinician = _create(author, places.clinician_index)
        action = "created"
        notes.append(
            "a draft profile: add the job title, a short biography and a photo, then publish it"
        )
    if author.login:
        remember(Kind.AUTHOR, author.login.lower(), clinician)
    if author.email:
        remember(Kind.AUTHOR_EMAIL, author.email.lower(), clinician)
    return Outcome(action, clinician, notes)


def _create(author, index):
    prefix, given, family, credentials = split_name(author)
    clinician = ClinicianPage(
        honorific_prefix=prefix,
        given_name=given,
        family_name=family,
        post_nominals=credentials,
        job_title="",
        short_bio="",
        live=False,
    )
    clinician.title = clinician.display_name[:255] or author.login
    slug = slugify(f"{given} {family}") or slugify(author.login) or "clinician"
    clinician.slug = available_slug(index, slug)
    index.add_child(instance=clinician)
    clinician.save_revision(clean=False)
    return clinician
