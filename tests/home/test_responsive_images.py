"""Every picture on a public page is responsive: AVIF and WebP sources with a JPEG fallback in
several widths, explicit width and height so nothing shifts as it loads, and lazy loading for
everything a visitor has to scroll to."""

from html.parser import HTMLParser

import pytest
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.images.models import Rendition

from education.models import ArticlePage, ClinicianPage
from practice.models import ThemeSettings
from tests.factories import (
    ArticlePageFactory,
    ClinicianPageFactory,
    FeaturedArticleFactory,
    ImageFactory,
    TopicFactory,
    plain_body,
)

pytestmark = pytest.mark.django_db

ARTICLE = "/education/opioid-induced-hyperalgesia/"
PUBLIC_PAGES = ["/", "/education/", ARTICLE, "/clinicians/", "/clinicians/edward-rubin/", "/about/"]
PAIN_SCALE_ALT = (
    "A row of eleven boxes numbered 0 to 10, shading from green to red, labelled no pain at 0, "
    "moderate at 5 and worst imaginable at 10."
)


def photo():
    """Big enough for the largest portrait rendition (512 px square)."""
    return ImageFactory(width=512, height=512, colour=(138, 59, 18))


@pytest.fixture
def pictured_site(home_page, about_page, article_index, clinician_index):
    """Every kind of picture, each big enough for every width its template asks for: the home
    page's hero, three featured articles, an article with a hero, a byline photo and a
    diagram in its body, and clinicians with portraits."""
    home_page.hero_image = ImageFactory(width=1600, height=900)
    home_page.save_revision().publish()
    rubin = ClinicianPageFactory(
        parent=clinician_index, slug="edward-rubin", photo=photo(), photo_alt="Dr. Rubin smiling"
    )
    okafor = ClinicianPageFactory(
        parent=clinician_index,
        given_name="Maya",
        family_name="Okafor",
        photo=photo(),
        photo_alt="Maya Okafor in the gym",
    )
    medicines = TopicFactory(name="Medicines")
    article = ArticlePageFactory(
        parent=article_index,
        slug="opioid-induced-hyperalgesia",
        authors=[rubin],
        topics=[medicines],
        hero_image=ImageFactory(width=1600, height=900),
        hero_image_decorative=True,
        body=[
            *plain_body(),
            (
                "image",
                {
                    "image": ImageFactory(width=1600, height=300),
                    "alt_text": PAIN_SCALE_ALT,
                    "caption": "The 0 to 10 pain scale.",
                },
            ),
        ],
    )
    related = [
        ArticlePageFactory(
            parent=article_index,
            authors=[okafor],
            topics=[medicines],
            hero_image=ImageFactory(width=640, height=360),
            hero_image_decorative=True,
        )
        for _ in range(2)
    ]
    for page in [article, *related]:
        FeaturedArticleFactory(home_page=home_page, page=page)
    return home_page


class Pictures(HTMLParser):
    """Collects each <picture> (its sources and img) and every img outside one."""

    def __init__(self):
        super().__init__()
        self.pictures, self.loose_images, self._open = [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "picture":
            self._open = {"sources": [], "img": None}
        elif tag == "source" and self._open is not None:
            self._open["sources"].append(attrs)
        elif tag == "img":
            if self._open is None:
                self.loose_images.append(attrs)
            else:
                self._open["img"] = attrs

    def handle_endtag(self, tag):
        if tag == "picture":
            self.pictures.append(self._open)
            self._open = None


def pictures_on(client, url, css_class=None):
    response = client.get(url)
    assert response.status_code == 200
    parser = Pictures()
    parser.feed(response.content.decode())
    if css_class is None:
        return parser
    return [p for p in parser.pictures if css_class in p["img"].get("class", "").split()]


def srcset_widths(srcset):
    return [int(candidate.rsplit(" ", 1)[1].rstrip("w")) for candidate in srcset.split(", ")]


def assert_responsive(picture, widths):
    sources = {source["type"]: source for source in picture["sources"]}
    assert list(sources) == ["image/avif", "image/webp"]  # the browser takes the first it knows
    img = picture["img"]
    assert img["src"].endswith(".jpg")  # the fallback every browser shows
    for candidates in [img["srcset"], *(s["srcset"] for s in sources.values())]:
        assert srcset_widths(candidates) == widths
    assert all(source["sizes"] == img["sizes"] for source in sources.values())
    assert int(img["width"]) == widths[0] and int(img["height"]) > 0


def test_home_hero_is_eager_and_cards_are_lazy(client, pictured_site):
    (hero,) = pictures_on(client, "/", "hero__image")
    assert_responsive(hero, [480, 720, 1080])
    assert hero["img"]["fetchpriority"] == "high" and "loading" not in hero["img"]
    cards = pictures_on(client, "/", "article-card__image")
    assert len(cards) == 3
    for card in cards:
        assert_responsive(card, [320, 480, 640])
        assert card["img"]["loading"] == "lazy" and card["img"]["alt"] == ""


def test_article_hero_byline_and_body_images(client, pictured_site):
    (hero,) = pictures_on(client, ARTICLE, "article__hero-image")
    assert_responsive(hero, [480, 720, 1088, 1344])
    assert hero["img"]["fetchpriority"] == "high" and "loading" not in hero["img"]
    assert hero["img"]["alt"] == ""  # the hero is marked decorative

    (photo,) = pictures_on(client, ARTICLE, "byline__photo")
    assert_responsive(photo, [48, 96, 144])
    assert photo["img"]["sizes"] == "3rem"

    figures = [
        p for p in pictures_on(client, ARTICLE).pictures if "class" not in p["img"]
    ]  # the image block inside the article body
    (figure,) = figures
    assert_responsive(figure, [480, 800, 1280])
    assert figure["img"]["loading"] == "lazy"
    assert figure["img"]["alt"].startswith("A row of eleven boxes numbered 0 to 10")


def test_clinician_photos(client, pictured_site):
    cards = pictures_on(client, "/clinicians/", "clinician-card__photo")
    assert len(cards) == ClinicianPage.objects.live().count()
    for card in cards:
        assert_responsive(card, [128, 256])
        assert card["img"]["loading"] == "lazy"
    (profile,) = pictures_on(client, "/clinicians/edward-rubin/", "profile__photo")
    assert_responsive(profile, [256, 512])
    assert profile["img"]["alt"] == ClinicianPage.objects.get(slug="edward-rubin").photo_alt


def test_a_decorative_body_image_has_an_empty_alt(client, pictured_site):
    article = ArticlePage.objects.get(slug="opioid-induced-hyperalgesia")
    for block in article.body:
        if block.block_type == "image":
            block.value["decorative"] = True
    article.save_revision().publish()
    figures = [p for p in pictures_on(client, ARTICLE).pictures if "class" not in p["img"]]
    assert figures[0]["img"]["alt"] == ""


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_every_image_has_its_size_and_sits_in_a_picture(client, pictured_site, url):
    page = pictures_on(client, url)
    assert page.loose_images == []
    for picture in page.pictures:
        assert picture["img"]["width"] and picture["img"]["height"]


def test_renditions_really_are_avif_webp_and_jpeg(client, pictured_site):
    client.get("/")
    hero = pictured_site.hero_image
    formats = {
        rendition.filter_spec.split("|")[0]: rendition
        for rendition in Rendition.objects.filter(image=hero, filter_spec__endswith="480x320")
    }
    assert set(formats) == {"format-avif", "format-webp", "format-jpeg"}
    for spec, expected in [
        ("format-avif", "AVIF"),
        ("format-webp", "WEBP"),
        ("format-jpeg", "JPEG"),
    ]:
        with formats[spec].file.open() as file, PILImage.open(file) as picture:
            assert picture.format == expected
            assert picture.size == (480, 320)
    # AVIF and WebP exist to be smaller than the JPEG they stand in for.
    sizes = {spec: rendition.file.size for spec, rendition in formats.items()}
    assert sizes["format-avif"] < sizes["format-jpeg"]
    assert sizes["format-webp"] < sizes["format-jpeg"]


def test_the_logo_keeps_its_format_and_has_a_sharp_copy(client, pictured_site, tmp_path):
    from django.core.files.images import ImageFile

    logo_file = tmp_path / "logo.png"
    PILImage.new("RGBA", (400, 200), (0, 0, 0, 0)).save(logo_file)
    with logo_file.open("rb") as handle:
        logo = get_image_model().objects.create(
            title="Practice logo", file=ImageFile(handle, name="logo.png")
        )
    theme = ThemeSettings.for_site(pictured_site.get_site())
    theme.logo = logo
    theme.save()

    header = pictures_on(client, "/about/")
    (img,) = [i for i in header.loose_images if "site-header__logo" in i.get("class", "")]
    assert img["src"].endswith(".png") and img["srcset"].endswith(".png 2x")
    assert (img["width"], img["height"]) == ("112", "56")
    assert img["alt"] == "Rubin Pain Management"
