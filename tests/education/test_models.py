import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from wagtail.rich_text import RichText

from education.models import ArticlePage
from education.review_dates import add_months
from tests.factories import ArticlePageFactory, ImageFactory, TopicFactory, citation, references
from tests.helpers import make_private

pytestmark = pytest.mark.django_db


def test_add_months_keeps_the_day_within_shorter_months():
    assert add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert add_months(datetime.date(2026, 3, 15), 12) == datetime.date(2027, 3, 15)
    assert add_months(datetime.date(2026, 11, 30), 3) == datetime.date(2027, 2, 28)


def test_next_review_defaults_to_twelve_months_after_the_last(article):
    assert article.last_reviewed == datetime.date(2026, 2, 1)
    assert article.next_review_due == datetime.date(2027, 2, 1)


@override_settings(ARTICLE_REVIEW_INTERVAL_MONTHS=6)
def test_review_interval_comes_from_settings(article_index, rubin):
    article = ArticlePageFactory(
        parent=article_index, authors=[rubin], last_reviewed=datetime.date(2026, 1, 10)
    )
    assert article.next_review_due == datetime.date(2026, 7, 10)


def test_an_explicit_next_review_date_is_kept(article_index, rubin):
    article = ArticlePageFactory(
        parent=article_index,
        authors=[rubin],
        last_reviewed=datetime.date(2026, 1, 10),
        next_review_due=datetime.date(2026, 4, 1),
    )
    assert article.next_review_due == datetime.date(2026, 4, 1)


def test_word_count_and_reading_time_are_stored_on_save_without_the_references(
    article_index, rubin
):
    body = [
        ("paragraph", RichText("<p>" + "word " * 450 + "</p>")),
        references(citation(authors="Many Authors " * 50)),
    ]
    article = ArticlePageFactory(
        parent=article_index, authors=[rubin], summary="Three words here.", body=body
    )
    stored = ArticlePage.objects.get(pk=article.pk)
    assert stored.word_count == 453
    assert stored.reading_time == 3  # 453 words at 200 a minute, rounded up


def test_reading_time_is_at_least_one_minute(article_index, rubin):
    article = ArticlePageFactory(parent=article_index, authors=[rubin], summary="Short.", body=[])
    assert article.reading_time == 1


def test_summary_is_limited_to_300_characters(article):
    article.summary = "x" * 301
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "summary" in error.value.message_dict


def test_hero_image_needs_a_description_unless_decorative(article):
    article.hero_image_alt = ""
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "Describe the hero image" in str(error.value.message_dict["hero_image_alt"])
    article.hero_image_decorative = True
    article.full_clean()


def test_an_image_block_takes_its_alt_text_from_the_block_then_the_image_description():
    from wagtail.blocks import StructBlockValidationError

    from practice.blocks import AccessibleImageBlock

    block = AccessibleImageBlock()
    image = ImageFactory(title="Stretching at a desk")

    def cleaned(**value):
        return block.clean(block.to_python({"image": image.pk, "caption": "", **value}))

    with pytest.raises(StructBlockValidationError) as error:
        cleaned(alt_text="", decorative=False)  # no text anywhere: the editor is asked for one
    assert "Describe the image" in str(error.value.block_errors["alt_text"])
    # ...but only to publish: a draft (an autosave mid-edit) may be unfinished.
    draft = block.to_python({"image": image.pk, "caption": "", "alt_text": "", "decorative": False})
    assert block.clean_deferred(draft).text_alternative() == ""

    image.description = "A woman stretching her arms above her head at a desk"
    image.save()
    assert cleaned(alt_text="", decorative=False).text_alternative() == image.description
    assert cleaned(alt_text="Arms raised", decorative=False).text_alternative() == "Arms raised"
    assert cleaned(alt_text="Arms raised", decorative=True).text_alternative() == ""


def test_next_review_must_follow_the_last_review(article):
    article.next_review_due = article.last_reviewed
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "next_review_due" in error.value.message_dict


def test_author_names_for_bylines_and_structured_data(rubin):
    assert rubin.display_name == "Dr. Edward Rubin, MD"
    assert rubin.name_with_prefix == "Dr. Edward Rubin"
    assert rubin.full_name == "Edward Rubin"


def test_author_photo_needs_a_description(rubin):
    rubin.photo_alt = ""
    with pytest.raises(ValidationError):
        rubin.full_clean()


def test_related_articles_share_a_topic_newest_first_and_never_include_itself_or_drafts(
    article_index, rubin
):
    back, sleep = TopicFactory(name="Back"), TopicFactory(name="Sleep")
    day = datetime.date(2026, 1, 1)
    main = ArticlePageFactory(parent=article_index, authors=[rubin], topics=[back, sleep])
    older = ArticlePageFactory(parent=article_index, topics=[back], display_date=day)
    newest = ArticlePageFactory(
        parent=article_index, topics=[sleep], display_date=day.replace(month=6)
    )
    middle = ArticlePageFactory(
        parent=article_index, topics=[back, sleep], display_date=day.replace(month=3)
    )
    ArticlePageFactory(parent=article_index, topics=[back], publish=False)  # a draft
    private = ArticlePageFactory(
        parent=article_index, topics=[back], display_date=day.replace(month=9)
    )
    make_private(private)
    ArticlePageFactory(parent=article_index, topics=[TopicFactory(name="Knees")])  # no shared topic
    unpublished = ArticlePageFactory(
        parent=article_index, topics=[sleep], display_date=day.replace(month=8)
    )
    unpublished.unpublish()

    assert list(main.related_articles) == [newest, middle, older]


def test_related_articles_are_at_most_three(article_index, rubin, back_pain):
    main = ArticlePageFactory(parent=article_index, authors=[rubin], topics=[back_pain])
    for _ in range(5):
        ArticlePageFactory(parent=article_index, topics=[back_pain])
    assert len(main.related_articles) == 3


def test_a_video_must_be_on_youtube_or_vimeo_but_a_draft_may_leave_it_empty():
    from wagtail.blocks import StructBlockValidationError

    from education.blocks import VideoBlock

    block = VideoBlock()

    def video(url):
        return block.to_python(
            {"url": url, "title": "Gentle stretches", "duration": "", "transcript": "<p>Hi</p>"}
        )

    assert block.clean(video("https://www.youtube.com/watch?v=abc"))["url"]
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(video("https://videos.example.com/stretches"))
    assert "YouTube or Vimeo" in str(error.value.block_errors["url"])
    with pytest.raises(StructBlockValidationError):
        block.clean_deferred(video("https://videos.example.com/stretches"))  # wrong, not unfinished
    assert block.clean_deferred(video(""))["url"] == ""
    with pytest.raises(StructBlockValidationError):
        block.clean(video(""))  # publishing still needs the address
