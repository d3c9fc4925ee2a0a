from django.apps import AppConfig


class EducationConfig(AppConfig):
    name = "education"
    verbose_name = "Patient education"

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.signals import page_published

        from .models import ArticleIndexPage, ArticlePage, ClinicianIndexPage
        from .review import clear_minor_edit, set_up_new_section

        for index_model in (ArticleIndexPage, ClinicianIndexPage):
            post_save.connect(set_up_new_section, sender=index_model)
        page_published.connect(clear_minor_edit, sender=ArticlePage)
