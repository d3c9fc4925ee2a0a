"""The front desk's form on a request's page: its status, who has it, and a note to add."""

from django import forms
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q

from . import audit
from .work_queue import NOTE_MAX_LENGTH, RequestNote, Status

VIEW_REQUESTS = "view_consultationrequest"
CHANGE_REQUESTS_PERMISSION = "consultation.change_consultationrequest"


def front_desk_staff():
    """Active people who may read requests, so may be given one: superusers and members of a
    group with the permission (the Front desk group)."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__codename=VIEW_REQUESTS)
            | Q(user_permissions__codename=VIEW_REQUESTS)
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return user.get_full_name() or user.get_username()


class RequestUpdateForm(forms.Form):
    status = forms.ChoiceField(choices=Status.choices)
    assignee = StaffChoiceField(
        label="Assigned to", queryset=None, required=False, empty_label="Nobody"
    )
    note = forms.CharField(
        label="Add a note",
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Only staff who can read requests see notes. They are never emailed.",
        error_messages={
            "max_length": f"A note must be {NOTE_MAX_LENGTH:,} characters or fewer "
            "(it has %(show_value)d)."
        },
    )

    def __init__(self, *args, consultation_request, **kwargs):
        initial = {
            "status": consultation_request.status,
            "assignee": consultation_request.assignee_id,
        }
        super().__init__(*args, initial=initial, **kwargs)
        self.consultation_request = consultation_request
        self.fields["assignee"].queryset = front_desk_staff()

    def has_changes(self):
        item = self.consultation_request
        data = self.cleaned_data
        return bool(
            data["status"] != item.status or data["assignee"] != item.assignee or data["note"]
        )

    @transaction.atomic
    def save(self, user):
        """Apply the changes, each with its own audit-log entry (never the note's words)."""
        item = self.consultation_request
        page = item.page
        data = self.cleaned_data
        if data["status"] != item.status:
            audit.log_status_changed(page, user, item.pk, item.status, data["status"])
            item.status = data["status"]
        if data["assignee"] != item.assignee:
            audit.log_assigned(page, user, item.pk, data["assignee"])
            item.assignee = data["assignee"]
        item.save(update_fields=["status", "assignee"])
        if data["note"]:
            note = RequestNote.objects.create(request=item, author=user, text=data["note"])
            audit.log_note_added(page, user, item.pk, note.pk)
