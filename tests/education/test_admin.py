"""What editors do in the Wagtail admin: write articles, manage topics, delete clinicians."""

import datetime

import pytest
from django.urls import reverse
from wagtail.admin.panels import get_edit_handler
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from education.models import (
    ArticleIndexPage,
    ArticlePage,
    ClinicianIndexPage,
    ClinicianPage,
)
from home.models import HomePage
from tests.education.helpers import article_editor_data
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ClinicianIndexPageFactory,
    ClinicianPageFactory,
    SiteFactory,
    TopicFactory,
)


class EditorWritesArticlesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        home = SiteFactory().root_page
        cls.index = ArticleIndexPageFactory(parent=home)
        cls.authors = ClinicianIndexPageFactory(parent=home)
        cls.rubin = ClinicianPageFactory(parent=cls.authors)
        cls.topic = TopicFactory(name="Back pain")

    def setUp(self):
        self.login()

    def article_form(self, **overrides):
        return article_editor_data(
            **{
                "title": "Walking for back pain",
                "slug": "walking-for-back-pain",
                "summary": "Why a daily walk helps a sore back, and how to start.",
                "article_authors": inline_formset([{"clinician": self.rubin.pk}]),
                "display_date": "2026-03-03",
                "body": streamfield(
                    [
                        ("heading", {"text": "Start small", "level": "h2"}),
                        ("paragraph", rich_text("<p>" + "Walk a little further each day. " * 30)),
                    ]
                ),
                "topics": self.topic.pk,
                "medical_reviewer": self.rubin.pk,
                "last_reviewed": "2026-03-01",
                "action-publish": "publish",
                **overrides,
            }
        )

    def test_article_pages_live_under_the_index_and_nowhere_else(self):
        self.assertAllowedParentPageTypes(ArticlePage, {ArticleIndexPage})
        self.assertAllowedSubpageTypes(ArticleIndexPage, {ArticlePage})
        self.assertAllowedParentPageTypes(ClinicianPage, {ClinicianIndexPage})
        self.assertCanNotCreateAt(HomePage, ArticlePage)

    def test_editor_creates_and_publishes_an_article(self):
        self.assertCanCreate(self.index, ArticlePage, self.article_form())
        article = ArticlePage.objects.get(slug="walking-for-back-pain")
        self.assertTrue(article.live)
        self.assertEqual([link.clinician for link in article.article_authors.all()], [self.rubin])
        self.assertEqual(list(article.topics.all()), [self.topic])
        self.assertEqual(article.next_review_due, datetime.date(2027, 3, 1))
        self.assertEqual(article.word_count, 12 + 2 + 180)  # summary, heading, paragraph
        self.assertPageIsRenderable(article)
        self.assertPageIsPreviewable(article, post_data=self.article_form())
        self.assertPageIsPreviewable(self.rubin)
        self.assertPageIsPreviewable(self.index)
        response = self.client.get(article.url)
        self.assertContains(response, "Walking for back pain")

    def test_an_article_needs_an_author_and_at_most_three(self):
        url = reverse("wagtailadmin_pages:add", args=["education", "articlepage", self.index.pk])
        response = self.client.post(url, self.article_form(article_authors=inline_formset([])))
        self.assertEqual(response.status_code, 200)
        self.assertFalse(ArticlePage.objects.filter(slug="walking-for-back-pain").exists())
        extra = [
            ClinicianPageFactory(parent=self.authors, given_name=f"Extra{n}", family_name="Doe")
            for n in range(3)
        ]
        four = inline_formset([{"clinician": a.pk} for a in [self.rubin, *extra]])
        response = self.client.post(url, self.article_form(article_authors=four))
        self.assertEqual(response.status_code, 200)
        self.assertFalse(ArticlePage.objects.filter(slug="walking-for-back-pain").exists())
        # What the editor typed is still in the form.
        self.assertContains(response, "Why a daily walk helps a sore back")

    def test_article_editor_has_content_medical_review_and_promote_tabs(self):
        handler = get_edit_handler(ArticlePage)
        self.assertEqual(
            [tab.heading for tab in handler.children][:3], ["Content", "Medical review", "Promote"]
        )

    def test_topics_are_managed_as_snippets(self):
        response = self.client.get(reverse("wagtailsnippets_education_topic:list"))
        self.assertContains(response, "Back pain")


@pytest.mark.django_db
def test_deleting_an_author_of_live_articles_is_refused_naming_them(
    admin_client, article_index, clinician_index, rubin
):
    ArticlePageFactory(parent=article_index, title="Knee pain basics", authors=[rubin])
    ArticlePageFactory(
        parent=article_index,
        title="Sleep and pain",
        authors=[ClinicianPageFactory(parent=clinician_index, given_name="X", family_name="Y")],
        medical_reviewer=rubin,
        last_reviewed=datetime.date(2026, 1, 1),
    )
    ArticlePageFactory(parent=article_index, title="A draft", authors=[rubin], publish=False)
    url = reverse("wagtailadmin_pages:delete", args=[rubin.pk])

    response = admin_client.post(url, follow=True)
    assert ClinicianPage.objects.filter(pk=rubin.pk).exists()
    messages = [str(m) for m in response.context["messages"]]
    assert len(messages) == 1
    assert "“Knee pain basics”, “Sleep and pain”" in messages[0]
    assert "A draft" not in messages[0]
    # The confirmation page itself is refused too.
    assert admin_client.get(url).status_code == 302


@pytest.mark.django_db
def test_deleting_the_clinicians_section_is_refused_while_they_have_live_articles(
    admin_client, article_index, clinician_index, rubin
):
    ArticlePageFactory(parent=article_index, title="Knee pain basics", authors=[rubin])
    url = reverse("wagtailadmin_pages:delete", args=[clinician_index.pk])
    admin_client.post(url)
    assert Page.objects.filter(pk=clinician_index.pk).exists()


@pytest.mark.django_db
def test_an_author_without_live_articles_can_be_deleted(
    admin_client, article_index, clinician_index
):
    author = ClinicianPageFactory(parent=clinician_index, given_name="Leaving", family_name="Soon")
    ArticlePageFactory(parent=article_index, title="A draft", authors=[author], publish=False)
    url = reverse("wagtailadmin_pages:delete", args=[author.pk])
    admin_client.post(url, {"confirm_site_name": ""})
    assert not ClinicianPage.objects.filter(pk=author.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("block_name", ["pull_quote", "video", "references", "callout"])
def test_article_blocks_have_previews_in_the_block_picker(admin_client, block_name):
    from education.blocks import ArticleBodyBlock

    block = ArticleBodyBlock().child_blocks[block_name]
    assert block.meta.description
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )
    assert response.status_code == 200
    assert "practice/css/site.css" in response.content.decode()
