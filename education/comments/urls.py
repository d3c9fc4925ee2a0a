from django.urls import path

from .views import post_comment

app_name = "article_comments"
urlpatterns = [path("<int:article_id>/", post_comment, name="post")]
