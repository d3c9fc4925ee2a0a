from django.apps import AppConfig


class ConsultationConfig(AppConfig):
    name = "pages.consultation"
    label = "consultation"
    verbose_name = "Consultation requests"

    def ready(self):
        from django.db.models.signals import post_delete

        from . import audit
        from .models import ConsultationFormPage, ConsultationRequest
        from .views import ConsultationRequestsListView

        # Wagtail's list of a form's submissions, with our audit log.
        ConsultationFormPage.submissions_list_view_class = ConsultationRequestsListView

        post_delete.connect(
            audit.log_deleted_by_staff,
            sender=ConsultationRequest,
            dispatch_uid="consultation.audit",
        )
