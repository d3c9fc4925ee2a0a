"""The staff roles of patient education and the "Medical review" workflow.

- Editors (Wagtail creates this group; we add to it): write and edit articles, topics and
  clinician profiles, and submit articles for medical review; they cannot publish articles.
  They also manage promoted search results.
- Medical reviewers: approve articles in medical review, which publishes them; only they may
  change an article's reviewer and review dates by hand.
- The "Medical review" workflow: one group-approval task for Medical reviewers.

Everything stays editable in Settings → Groups and Settings → Workflows. On a fresh install the
article index does not exist yet; education.review.set_up_article_index attaches the workflow
and the page permissions when it is created. Where it already exists, that is done here.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
MEDICAL_REVIEWERS = "Medical reviewers"
WORKFLOW = "Medical review"

# Topics, and promoted search results ("staff can promote results for a query").
MODEL_PERMISSIONS = [
    "add_topic",
    "change_topic",
    "add_searchpromotion",
    "change_searchpromotion",
    "delete_searchpromotion",
]
MEDIA_PERMISSIONS = [
    ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
    ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
]
ARTICLE_INDEX_PERMISSIONS = {
    EDITORS: ["add", "change"],
    MEDICAL_REVIEWERS: ["add", "change", "publish", "lock", "unlock"],
}
CLINICIAN_INDEX_PERMISSIONS = {EDITORS: ["add", "change", "publish"]}


def ensure_model_permissions(apps):
    """Django creates model permissions after the last migration; these are needed now."""
    for label in ("education", "wagtailsearchpromotions"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_roles_and_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ArticleIndexPage = apps.get_model("education", "ArticleIndexPage")
    ClinicianIndexPage = apps.get_model("education", "ClinicianIndexPage")

    ensure_model_permissions(apps)
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in (EDITORS, MEDICAL_REVIEWERS)}

    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    groups[MEDICAL_REVIEWERS].permissions.add(
        Permission.objects.get(content_type__app_label="education", codename="record_medical_review")
    )
    root_collection = Collection.objects.filter(depth=1).first()
    for group in groups.values():
        group.permissions.add(access_admin)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label__in=["education", "wagtailsearchpromotions"],
                codename__in=MODEL_PERMISSIONS,
            )
        )
        if root_collection is None:
            continue
        for app_label, model, codenames in MEDIA_PERMISSIONS:
            for permission in Permission.objects.filter(
                content_type__app_label=app_label,
                content_type__model=model,
                codename__in=codenames,
            ):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=WORKFLOW).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=WORKFLOW, content_type=task_type, active=True)
    task.groups.add(groups[MEDICAL_REVIEWERS])
    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW, active=True)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    def grant(page, permissions_by_group):
        for name, permission_types in permissions_by_group.items():
            for permission in Permission.objects.filter(
                content_type__app_label="wagtailcore",
                content_type__model="page",
                codename__in=[f"{kind}_page" for kind in permission_types],
            ):
                GroupPagePermission.objects.get_or_create(
                    group=groups[name], page_id=page.pk, permission=permission
                )

    for index in ArticleIndexPage.objects.all():
        WorkflowPage.objects.get_or_create(page_id=index.pk, defaults={"workflow": workflow})
        grant(index, ARTICLE_INDEX_PERMISSIONS)
    for index in ClinicianIndexPage.objects.all():
        grant(index, CLINICIAN_INDEX_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    # Roles and the workflow are data staff may have changed since: left as they are when the
    # migration is reversed.
    operations = [migrations.RunPython(create_roles_and_workflow, migrations.RunPython.noop)]
