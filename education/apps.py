from django.apps import AppConfig


class EducationConfig(AppConfig):
    name = "education"
    verbose_name = "Patient education"

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.signals import copy_for_translation_done, page_published

        from .models import ClinicianIndexPage
        from .review import (
            REVIEWED_PAGE_TYPES,
            REVIEWED_SECTION_TYPES,
            clear_minor_edit,
            set_up_new_section,
        )
        from .translations import translation_made

        for index_model in (*REVIEWED_SECTION_TYPES, ClinicianIndexPage):
            post_save.connect(set_up_new_section, sender=index_model)
        for page_model in REVIEWED_PAGE_TYPES:
            page_published.connect(clear_minor_edit, sender=page_model)
        copy_for_translation_done.connect(translation_made, dispatch_uid="education.translation")
