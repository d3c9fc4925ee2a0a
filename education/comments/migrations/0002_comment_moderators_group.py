"""The Comment moderators group: staff who review comments on articles. They can sign in to the
admin, read, approve, reject, reply to and delete comments, and nothing else. Editors who should
moderate comments are added to this group as well.

Not Wagtail's own "Moderators" group: that one publishes pages, and someone who answers
comments need not be able to publish an article (nor does a page moderator read comments).
"""

from django.db import migrations

GROUP_NAME = "Comment moderators"
COMMENT_PERMISSIONS = {
    "view_comment": "Can view comment",
    "change_comment": "Can change comment",
    "delete_comment": "Can delete comment",
}


def create_moderators_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    # Permissions are normally created after all migrations ran; make sure these exist now.
    comment_type, _ = ContentType.objects.get_or_create(app_label="comments", model="comment")
    permissions = [
        Permission.objects.get_or_create(
            content_type=comment_type, codename=codename, defaults={"name": name}
        )[0]
        for codename, name in COMMENT_PERMISSIONS.items()
    ]
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )

    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(access_admin, *permissions)


def remove_moderators_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        # These give every group that can sign in the right to choose images and documents;
        # moderators have no need for either, so the group is created after them.
        ("wagtaildocs", "0011_add_choose_permissions"),
        ("wagtailimages", "0023_add_choose_permissions"),
    ]

    operations = [migrations.RunPython(create_moderators_group, remove_moderators_group)]
