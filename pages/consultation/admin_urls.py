from django.urls import path

from .views import ConsultationRequestDetailView, ConsultationRequestsIndexView

app_name = "consultation_requests"
urlpatterns = [
    path("", ConsultationRequestsIndexView.as_view(), name="index"),
    path("<int:pk>/", ConsultationRequestDetailView.as_view(), name="detail"),
]
