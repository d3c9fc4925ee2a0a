from django.urls import path

from .views import search, suggestions

urlpatterns = [
    path("search/", search, name="search"),
    # Outside /search/: that path is never cached (PAGE_CACHE_EXCLUDED_PATHS marks it
    # no-store), and suggestions are the same for everyone, so shared caches may keep them.
    path("search-suggestions/", suggestions, name="search_suggestions"),
]
