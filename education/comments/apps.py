from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "education.comments"
    label = "comments"
    verbose_name = "Comments"
