"""The page editor's reminder of what the import asked staff to check on a page it brought
over (a gallery that named no pictures, a post with no text or no title): shown above the
editor until someone saves the page here, after which the page is theirs (and a later
import leaves it alone)."""

from django.contrib import messages

from .models import ImportedItem

KINDS = (ImportedItem.Kind.POST, ImportedItem.Kind.PAGE)


def what_to_check(page):
    """The import's notes on `page`, while it is as the import left it; else []."""
    record = (
        ImportedItem.objects.filter(
            kind__in=KINDS,
            content_type_id=page.content_type_id,  # the page's own type, as the import saw it
            object_id=page.pk,
        )
        .exclude(to_check="")
        .first()
    )
    if record is None or record.revision_id != page.latest_revision_id:
        return []
    return record.to_check.splitlines()


def show_what_to_check(request, page):
    """The before_edit_page hook: a warning at the top of the editor."""
    if request.method != "GET" or not (notes := what_to_check(page)):
        return None
    messages.warning(
        request,
        "Imported from WordPress, to check: " + "; ".join(notes)
        + ". This note goes once you save the page.",
    )  # fmt: skip
    return None
