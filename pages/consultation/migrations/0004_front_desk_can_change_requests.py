"""The Front desk group may change a request's status, assignee and notes (the change
permission); editors, who may edit the consultation page, still cannot even read requests."""

from django.db import migrations

GROUP_NAME = "Front desk"


def grant_change(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    request_type, _ = ContentType.objects.get_or_create(
        app_label="consultation", model="consultationrequest"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=request_type,
        codename="change_consultationrequest",
        defaults={"name": "Can change consultation request"},
    )
    group = Group.objects.filter(name=GROUP_NAME).first()
    if group is not None:  # renamed or removed by staff: theirs to decide
        group.permissions.add(permission)


def revoke_change(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=GROUP_NAME).first()
    if group is not None:
        group.permissions.remove(*group.permissions.filter(codename="change_consultationrequest"))


class Migration(migrations.Migration):
    dependencies = [("consultation", "0003_request_status_assignee_notes")]

    operations = [migrations.RunPython(grant_change, revoke_change)]
