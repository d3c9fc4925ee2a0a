"""The "Medical review" task becomes a MedicalReviewTask (a proxy of Wagtail's group approval
task, same table, same groups): it refuses an approval that would name no medical reviewer
with a message that says how to fix it. Only its content type changes; backwards, it is a
plain group approval task again."""

from django.db import migrations

WORKFLOW_TASK = "Medical review"
GROUP_APPROVAL = ("wagtailcore", "groupapprovaltask")
MEDICAL_REVIEW = ("education", "medicalreviewtask")


def change_task_type(apps, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Task = apps.get_model("wagtailcore", "Task")
    new_type, _ = ContentType.objects.get_or_create(app_label=new[0], model=new[1])
    Task.objects.filter(
        name=WORKFLOW_TASK, content_type__app_label=old[0], content_type__model=old[1]
    ).update(content_type=new_type)


def to_medical_review_task(apps, schema_editor):
    change_task_type(apps, GROUP_APPROVAL, MEDICAL_REVIEW)


def to_group_approval_task(apps, schema_editor):
    change_task_type(apps, MEDICAL_REVIEW, GROUP_APPROVAL)


class Migration(migrations.Migration):

    dependencies = [
        ('education', '0010_translations_checked_against_english'),
        ('wagtailcore', '0098_apitoken'),
        ('education', '0002_staff_roles_and_medical_review_workflow'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.CreateModel(
            name='MedicalReviewTask',
            fields=[
            ],
            options={
                'verbose_name': 'medical review task',
                'proxy': True,
                'indexes': [],
                'constraints': [],
            },
            bases=('wagtailcore.groupapprovaltask',),
        ),
        migrations.RunPython(to_medical_review_task, to_group_approval_task),
    ]
