"""Audit log entries for every look at patients' consultation requests (HIPAA access logs).

Entries are Wagtail log entries against the consultation page, so they show in the page's
history and in Reports > Site history, with who, when and which requests.
"""

from wagtail.log_actions import get_active_log_context, log
from wagtail.models import PageLogEntry

from practice.log_actions import log_formatter

from .work_queue import Status

LISTED = "consultation.requests.list"
VIEWED = "consultation.requests.view"
EXPORTED = "consultation.requests.export"
DELETED = "consultation.requests.delete"
PURGED = "consultation.requests.purge"
STATUS_CHANGED = "consultation.requests.status"
ASSIGNED = "consultation.requests.assign"
NOTE_ADDED = "consultation.requests.note"


def log_listed(page, user, request_ids):
    log(page, LISTED, user=user, data={"request_ids": list(request_ids)})


def log_viewed(page, user, request_id):
    log(page, VIEWED, user=user, data={"request_id": request_id})


def log_exported(page, user, export_format, request_ids):
    data = {"format": export_format, "request_ids": list(request_ids)}
    log(page, EXPORTED, user=user, data=data)


def log_deleted_by_staff(sender, instance, **kwargs):
    """post_delete receiver: a request deleted by someone signed in to the admin (Wagtail sets
    the acting user for every admin view). The purge command logs its own summary instead."""
    user = get_active_log_context().user
    if user is not None:
        log(instance.page, DELETED, user=user, data={"request_id": instance.pk})


def log_purged(page, count, older_than_days):
    log(page, PURGED, data={"count": count, "older_than_days": older_than_days})


def log_status_changed(page, user, request_id, old_status, new_status):
    data = {"request_id": request_id, "from": old_status, "to": new_status}
    log(page, STATUS_CHANGED, user=user, data=data)


def log_assigned(page, user, request_id, assignee):
    """By user name: the entry stays readable if the person's account is later removed."""
    name = (assignee.get_full_name() or assignee.get_username()) if assignee else ""
    data = {"request_id": request_id, "assignee_id": assignee.pk if assignee else None}
    log(page, ASSIGNED, user=user, data={**data, "assignee": name})


def log_note_added(page, user, request_id, note_id):
    log(page, NOTE_ADDED, user=user, data={"request_id": request_id, "note_id": note_id})


def _status_label(value):
    return Status(value).label if value in Status.values else str(value)


def _status_changed(data):
    old, new = _status_label(data.get("from")), _status_label(data.get("to"))
    return f"Consultation request {data.get('request_id')}: {old} → {new}"


def _assigned(data):
    who = data.get("assignee") or "nobody"
    return f"Consultation request {data.get('request_id')} assigned to {who}"


def _count(ids):
    return "1 consultation request" if len(ids) == 1 else f"{len(ids)} consultation requests"


def _one(verb):
    return lambda data: f"{verb} consultation request {data.get('request_id')}"


def _exported(data):
    export_format = str(data.get("format", "")).upper()
    return f"Exported {_count(data.get('request_ids', []))} as {export_format}"


def _purged(data):
    older_than = data.get("older_than_days")
    requests = _count(range(data.get("count", 0)))
    return f"Deleted {requests} older than {older_than} days (retention policy)"


FORMATTERS = {
    LISTED: log_formatter(
        "View consultation requests (list)",
        lambda data: f"Viewed a list of {_count(data.get('request_ids', []))}",
    ),
    VIEWED: log_formatter("View a consultation request", _one("Viewed")),
    EXPORTED: log_formatter("Export consultation requests", _exported),
    DELETED: log_formatter("Delete a consultation request", _one("Deleted")),
    PURGED: log_formatter("Delete old consultation requests", _purged),
    STATUS_CHANGED: log_formatter("Change a consultation request's status", _status_changed),
    ASSIGNED: log_formatter("Assign a consultation request", _assigned),
    NOTE_ADDED: log_formatter("Add a note to a consultation request", _one("Added a note to")),
}


# What was done on a request, as its page lists it: not the looks at it (those are in the
# page's history and in Reports > Site history).
WORK_ACTIONS = (STATUS_CHANGED, ASSIGNED, NOTE_ADDED)


def work_history(consultation_request):
    """The log entries of the front desk's work on one request, oldest first."""
    return (
        PageLogEntry.objects.filter(
            page_id=consultation_request.page_id,
            action__in=WORK_ACTIONS,
            data__request_id=consultation_request.pk,
        )
        .select_related("user")
        .order_by("timestamp", "pk")
    )
