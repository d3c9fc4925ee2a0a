"""Audit log entries for every look at patients' consultation requests (HIPAA access logs).

Entries are Wagtail log entries against the consultation page, so they show in the page's
history and in Reports > Site history, with who, when and which requests.
"""

from wagtail.log_actions import LogFormatter, get_active_log_context, log

LISTED = "consultation.requests.list"
VIEWED = "consultation.requests.view"
EXPORTED = "consultation.requests.export"
DELETED = "consultation.requests.delete"
PURGED = "consultation.requests.purge"


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


def _count(ids):
    return "1 consultation request" if len(ids) == 1 else f"{len(ids)} consultation requests"


class ListedFormatter(LogFormatter):
    label = "View consultation requests (list)"

    def format_message(self, log_entry):
        ids = log_entry.data.get("request_ids", [])
        return f"Viewed a list of {_count(ids)}"


class OneRequestFormatter(LogFormatter):
    verb = ""

    def format_message(self, log_entry):
        return f"{self.verb} consultation request {log_entry.data.get('request_id')}"


class ViewedFormatter(OneRequestFormatter):
    label = "View a consultation request"
    verb = "Viewed"


class ExportedFormatter(LogFormatter):
    label = "Export consultation requests"

    def format_message(self, log_entry):
        ids = log_entry.data.get("request_ids", [])
        export_format = str(log_entry.data.get("format", "")).upper()
        return f"Exported {_count(ids)} as {export_format}"


class DeletedFormatter(OneRequestFormatter):
    label = "Delete a consultation request"
    verb = "Deleted"


class PurgedFormatter(LogFormatter):
    label = "Delete old consultation requests"

    def format_message(self, log_entry):
        data = log_entry.data
        return (
            f"Deleted {_count(range(data.get('count', 0)))} older than "
            f"{data.get('older_than_days')} days (retention policy)"
        )


FORMATTERS = {
    LISTED: ListedFormatter,
    VIEWED: ViewedFormatter,
    EXPORTED: ExportedFormatter,
    DELETED: DeletedFormatter,
    PURGED: PurgedFormatter,
}
