"""Attachments from the export's uploads folder: pictures become images, forms documents; a
missing or unacceptable file is reported and skipped while its post still imports; and the
import never touches the network."""

import socket

import pytest
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from education.models import ArticlePage
from home.management.commands.import_wordpress import uploads_folder

from . import practice_export, wxr
from .helpers import picture, run_import

Image, Document = get_image_model(), get_document_model()


@pytest.fixture
def export_path(tmp_path):
    return practice_export.write(tmp_path / "export.xml")


def test_pictures_become_images_and_forms_documents_in_their_own_collection(
    home, uploads, export_path
):
    run_import(export_path, "--media", str(uploads))
    diary = Image.objects.get(title="pain-diary")
    assert diary.description == "A pain diary with daily scores"  # _wp_attachment_image_alt
    assert (diary.width, diary.height) == (1200, 800)
    assert diary.collection.name == "Imported from WordPress"
    assert diary.file_hash and diary.file_size
    form = Document.objects.get(title="New patient form")
    assert form.file.read().startswith(b"%PDF")
    assert form.collection == diary.collection


def test_a_missing_file_is_reported_and_the_post_still_imports(home, uploads, export_path):
    (uploads / "2024" / "03" / "pain-diary.jpg").unlink()
    (uploads / "2024" / "03" / "pain-diary-640x427.jpg").unlink()
    output = run_import(export_path, "--media", str(uploads))
    assert not Image.objects.filter(title="pain-diary").exists()
    article = ArticlePage.objects.get(slug=practice_export.ARTICLE_SLUG)
    assert article.live and article.hero_image is None
    assert "image" not in [block.block_type for block in article.body]
    assert "its file is not in the uploads folder" in output
    assert "'pain-diary' (2024/03/pain-diary.jpg)" in output
    assert "is not among the imported images" in output


def test_without_an_uploads_folder_the_posts_come_in_without_their_pictures(home, export_path):
    output = run_import(export_path)
    assert ArticlePage.objects.filter(live=True).count() == 1
    assert not Image.objects.exists()
    assert "no uploads folder was given (--media)" in output


def test_a_second_run_brings_in_a_file_that_was_missing(home, uploads, export_path):
    moved = uploads.parent / "diary.jpg"
    (uploads / "2024" / "03" / "pain-diary.jpg").rename(moved)
    run_import(export_path, "--media", str(uploads))
    moved.rename(uploads / "2024" / "03" / "pain-diary.jpg")
    output = run_import(export_path, "--media", str(uploads))
    article = ArticlePage.objects.get(slug=practice_export.ARTICLE_SLUG)
    assert article.hero_image.title == "pain-diary"
    assert "image" in [block.block_type for block in article.body]
    assert "Articles (posts)                      0          1" in output


def attachment_export(tmp_path, path, mime="image/jpeg"):
    return wxr.write(
        tmp_path / "export.xml",
        wxr.attachment(300, "odd file", path, mime=mime),
        wxr.item(301, "A post", "a-post", "<p>Text.</p>"),
    )


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("../../../../etc/passwd", "points outside the uploads folder"),
        ("2024/03/clip.mp4", "files of type .mp4 are not accepted"),
        ("2024/03/broken.jpg", "not a readable picture"),
    ],
)
def test_unsafe_or_unacceptable_files_are_skipped(home, uploads, tmp_path, path, reason):
    (uploads / "2024" / "03" / "clip.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    (uploads / "2024" / "03" / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really")
    output = run_import(attachment_export(tmp_path, path), "--media", str(uploads))
    assert reason in output
    assert not Image.objects.exists() and not Document.objects.exists()
    assert ArticlePage.objects.count() == 1


def test_a_picture_with_too_many_pixels_is_refused(home, uploads, tmp_path, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100 * 100
    output = run_import(
        attachment_export(tmp_path, "2024/03/pain-diary.jpg"), "--media", str(uploads)
    )
    assert "the picture has too many pixels (1200 x 800)" in output


def test_the_import_never_touches_the_network(home, uploads, export_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the import tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    output = run_import(export_path, "--media", str(uploads))
    assert "Images and documents                  3" in output


def test_media_may_name_the_wordpress_folder_or_wp_content(uploads):
    assert uploads_folder(uploads) == uploads
    assert uploads_folder(uploads.parent) == uploads  # wp-content
    assert uploads_folder(uploads.parent.parent) == uploads  # the WordPress folder


def test_a_resized_copy_in_a_post_is_the_same_image(home, uploads, tmp_path):
    picture(uploads / "2024" / "03" / "pain-diary-300x200.jpg", size=(300, 200))
    body = f'<p><img src="{wxr.SITE}/wp-content/uploads/2024/03/pain-diary-300x200.jpg" alt=""></p>'
    path = wxr.write(
        tmp_path / "export.xml",
        wxr.attachment(124, "pain-diary", "2024/03/pain-diary.jpg", alt="Daily scores",
                       sizes=[("medium", 300, 200)]),
        wxr.item(5, "Diary", "diary", body),
    )  # fmt: skip
    run_import(path, "--media", str(uploads))
    [block] = ArticlePage.objects.get().body
    assert block.value["image"] == Image.objects.get() and block.value["alt_text"] == "Daily scores"
