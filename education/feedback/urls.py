from django.urls import path

from .views import post_feedback

app_name = "page_feedback"
urlpatterns = [path("<int:page_id>/", post_feedback, name="post")]
