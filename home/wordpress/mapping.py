"""Looking up and recording which WordPress item became which object (models.ImportedItem)."""

import hashlib
import json

from django.contrib.contenttypes.models import ContentType

from .models import ImportedItem

Kind = ImportedItem.Kind


def find(kind, key):
    """The record for WordPress item `key` of `kind`, or None if it was never imported."""
    if not key:
        return None
    return ImportedItem.objects.filter(kind=kind, wordpress_key=str(key)).first()


def find_all(kind, keys):
    """The records of those of `keys` that were imported before, in one query."""
    keys = [str(key) for key in keys if key]
    return ImportedItem.objects.filter(kind=kind, wordpress_key__in=keys) if keys else []


def target(kind, key):
    """What the item became, or None (never imported, or deleted here since)."""
    record = find(kind, key)
    return record.target if record else None


UNKNOWN = object()


def remember(kind, key, obj, fingerprint="", revision_id=None, record=UNKNOWN, to_check=()):
    """Record that WordPress item `key` became `obj`: `record` is what `find` gave for it
    (None for an item new to this site), when the caller has looked it up already. A record
    that already says all this is left as it is (its imported_at included)."""
    fields = {
        "content_type_id": ContentType.objects.get_for_model(obj).pk,
        "object_id": obj.pk,
        "fingerprint": fingerprint,
        "revision_id": revision_id,
        "to_check": "\n".join(to_check),
    }
    if record is UNKNOWN:
        record = find(kind, key)
    if record is None:
        record = ImportedItem(kind=kind, wordpress_key=str(key))
    elif all(getattr(record, name) == value for name, value in fields.items()):
        return
    for name, value in fields.items():
        setattr(record, name, value)
    record.save()


def fingerprint(*parts):
    """A short, stable hash of what an import wrote, to tell a changed item from the same."""
    payload = json.dumps(parts, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()
