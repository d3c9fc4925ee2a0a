from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "education.feedback"
    label = "feedback"
    verbose_name = "Page feedback"
