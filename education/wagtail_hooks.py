"""Admin customisation for patient education: the topics snippet and author deletion rules."""

from django.shortcuts import redirect
from django.utils.html import format_html, format_html_join
from wagtail import hooks
from wagtail.admin import messages
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ArticlePage, AuthorPage, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    ordering = ["name"]


register_snippet(TopicViewSet)


def live_articles_by(authors):
    """Live articles written or medically reviewed by any of `authors`, by title."""
    author_ids = [author.pk for author in authors]
    written = ArticlePage.objects.live().filter(article_authors__author__in=author_ids)
    reviewed = ArticlePage.objects.live().filter(medical_reviewer__in=author_ids)
    return (written | reviewed).distinct().order_by("title")


@hooks.register("before_delete_page")
def refuse_to_delete_authors_of_live_articles(request, page):
    """A clinician's profile cannot go while live articles still name them: the bylines and
    medical reviews of those articles would silently change. Deleting a section that contains
    such a profile is refused the same way."""
    authors = AuthorPage.objects.descendant_of(page, inclusive=True)
    articles = list(live_articles_by(authors))
    if not articles:
        return None
    messages.error(
        request,
        format_html(
            "“{}” cannot be deleted: it is named as author or medical reviewer of these live "
            "articles: {}. Choose another author or reviewer for them, or unpublish them, "
            "first.",
            page.get_admin_display_title(),
            format_html_join(", ", "“{}”", ((article.title,) for article in articles)),
        ),
    )
    return redirect("wagtailadmin_explore", page.get_parent().pk)
