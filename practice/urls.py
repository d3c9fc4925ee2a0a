from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from education.comments import urls as comment_urls
from education.feedback import urls as feedback_urls
from education.feeds import ArticleFeed
from home.search import urls as search_urls

from .routing import serve as serve_page
from .sitemap import MultilingualSitemap
from .views import media, moved_spanish_feed, robots_txt, theme_css

# The one module in practice/ that knows the apps: it puts their addresses together.

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("theme.css", theme_css, name="theme_css"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # The Spanish feed's first address, in English words: readers subscribed to it follow.
    path("es/education/feed/", moved_spanish_feed),
]

if settings.SERVE_MEDIA:
    # Development and tests only; production serves media from the web server or object storage.
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", media),
    ]

# What patients read exists in each language: English at /, Spanish under /es/. Comments and
# feedback post to their page's language too, so the answer and its messages are in it.
# Wagtail's page tree serves everything else, so it comes last.
urlpatterns += i18n_patterns(
    # Translators: the article feed's address under /es/: Spanish words, no accents.
    path(_("education/feed/"), ArticleFeed(), name="education_feed"),
    path("comments/", include(comment_urls)),
    path("feedback/", include(feedback_urls)),
    path("", include(search_urls)),
    # Wagtail's own addresses, with its page view replaced by one that finds the page in one
    # query (practice/routing.py).
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"],
    re_path(wagtail_urls.serve_pattern, serve_page, name="wagtail_serve"),
    prefix_default_language=False,
)

# Used when DEBUG is off; turns a database outage outside a view into the 503 page.
handler500 = "practice.views.server_error"
