"""The admin refuses unsafe image uploads with a clear message; originals and document files are
never served from /media/."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

Image = get_image_model()
ADD_IMAGE_URL = "/admin/images/add/"


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def decompression_bomb(width=30_000, height=30_000):
    """A tiny PNG that claims 900 megapixels: it would take gigabytes once decoded."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\0" * 1024))
        + png_chunk(b"IEND", b"")
    )


def small_jpeg(size=(40, 30)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (29, 92, 138)).save(buffer, "JPEG")
    return buffer.getvalue()


def upload(admin_client, name, content, content_type="image/jpeg"):
    return admin_client.post(
        ADD_IMAGE_URL,
        {
            "title": "Clinic photo",
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def assert_refused(response, message):
    assert response.status_code == 200  # the form again, not a redirect
    assert message in response.content.decode()
    assert 'value="Clinic photo"' in response.content.decode()  # the title is kept
    assert not Image.objects.exists()


def test_a_normal_photo_is_accepted(admin_client):
    response = upload(admin_client, "photo.jpg", small_jpeg())
    assert response.status_code == 302
    assert Image.objects.get().width == 40


def test_a_decompression_bomb_is_refused(admin_client):
    response = upload(admin_client, "bomb.png", decompression_bomb(), "image/png")
    assert_refused(response, "This file has too many pixels")


def test_an_image_just_over_the_pixel_limit_is_refused(admin_client, settings):
    # 8000 × 6000 = 48 megapixels: under Pillow's own alarm, over our 40-megapixel limit.
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    response = upload(admin_client, "huge.png", decompression_bomb(8000, 6000), "image/png")
    assert_refused(response, "This file has too many pixels (48000000)")


def test_a_text_file_renamed_to_jpg_is_refused(admin_client):
    content = b"#!/bin/sh\necho this is not a picture\n"
    response = upload(admin_client, "holiday.jpg", content)
    assert_refused(response, "Upload a valid image")


def test_a_damaged_image_is_refused_not_a_server_error(admin_client):
    # A valid 200 × 100 header, then pixel data cut short.
    damaged = decompression_bomb(200, 100).replace(b"IEND", b"IEN_")
    response = upload(admin_client, "damaged.png", damaged[:-40], "image/png")
    assert_refused(response, "Upload a valid image")


def test_a_png_named_jpg_is_refused_as_a_mismatch(admin_client):
    buffer = io.BytesIO()
    PILImage.new("RGB", (10, 10)).save(buffer, "PNG")
    response = upload(admin_client, "photo.jpg", buffer.getvalue())
    assert_refused(response, "The extension does not match the file format")


def test_a_file_over_the_upload_size_limit_is_refused(admin_client, settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    # A real JPEG padded past 10 MB (decoders ignore bytes after the end-of-image marker).
    oversized = small_jpeg() + b"\0" * (settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE + 1)
    response = upload(admin_client, "big.jpg", oversized)
    assert_refused(response, "This file is too big")
    assert "Maximum filesize 10.0\xa0MB" in response.content.decode()


def test_the_bulk_uploader_refuses_a_bomb_with_the_same_message(admin_client):
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("bomb.png", decompression_bomb(), "image/png")},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert "too many pixels" in response.json()["error_message"]
    assert not Image.objects.exists()


def test_original_uploads_are_not_served_but_renditions_are(admin_client, client):
    upload(admin_client, "photo.jpg", small_jpeg())
    image = Image.objects.get()
    assert image.file.name.startswith("original_images/")
    assert client.get(image.file.url).status_code == 404
    name = image.file.name.split("/")[-1]
    for disguised in (
        f"/media//original_images/{name}",
        f"/media/images/../original_images/{name}",
    ):
        assert client.get(disguised).status_code == 404

    rendition = image.get_rendition("width-20")
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"


def test_document_files_are_only_served_through_wagtails_document_view(admin_client, client):
    from wagtail.documents import get_document_model

    Document = get_document_model()
    document = Document.objects.create(
        title="Intake form",
        file=SimpleUploadedFile("intake.pdf", b"%PDF-1.4 intake form"),
    )
    assert client.get(document.file.url).status_code == 404  # /media/documents/intake.pdf
    served = client.get(document.url)  # /documents/<id>/intake.pdf, with permission checks
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == b"%PDF-1.4 intake form"
