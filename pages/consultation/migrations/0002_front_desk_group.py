"""The Front desk group: staff who answer consultation requests. They can sign in to the admin,
read and delete consultation requests, and nothing else (HIPAA "minimum necessary")."""

from django.db import migrations

GROUP_NAME = "Front desk"
REQUEST_PERMISSIONS = {
    "view_consultationrequest": "Can view consultation request",
    "delete_consultationrequest": "Can delete consultation request",
}


def create_front_desk_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    # Permissions are normally created after all migrations ran; make sure these exist now.
    request_type, _ = ContentType.objects.get_or_create(
        app_label="consultation", model="consultationrequest"
    )
    permissions = [
        Permission.objects.get_or_create(
            content_type=request_type, codename=codename, defaults={"name": name}
        )[0]
        for codename, name in REQUEST_PERMISSIONS.items()
    ]
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )

    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(access_admin, *permissions)


def remove_front_desk_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("consultation", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        # These give every group that can sign in the right to choose images and documents;
        # the front desk has no need for either, so the group is created after them.
        ("wagtaildocs", "0011_add_choose_permissions"),
        ("wagtailimages", "0023_add_choose_permissions"),
    ]

    operations = [migrations.RunPython(create_front_desk_group, remove_front_desk_group)]
