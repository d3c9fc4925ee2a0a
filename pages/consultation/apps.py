from django.apps import AppConfig


class ConsultationConfig(AppConfig):
    name = "pages.consultation"
    label = "consultation"
    verbose_name = "Consultation requests"

    def ready(self):
        from django.db.models.signals import post_delete

        from . import audit
        from .models import ConsultationRequest

        post_delete.connect(
            audit.log_deleted_by_staff,
            sender=ConsultationRequest,
            dispatch_uid="consultation.audit",
        )
