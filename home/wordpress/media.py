"""Attachments become Wagtail images or documents, read from the export's uploads folder
(`--media`); the import never downloads anything. A file is found by its path under uploads/
(from _wp_attached_file, or its address: after /wp-content/uploads/, or after the host of a
WordPress.com site's files). A file that is missing, of a type the site does not accept, or
not a readable picture is reported and skipped (a missing one with the address to download
it from), and the posts that show it still import (without it)."""

import dataclasses
import posixpath
import re
import warnings

from django.conf import settings
from django.core.files import File
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from .links import uploads_path
from .mapping import Kind, find, fingerprint, remember
from .phpserialize import maybe_unserialize
from .records import plain_text
from .report import NO_ID, MissingFile, Outcome, Skip

SIZE_SUFFIX = re.compile(r"-(?:\d+x\d+|scaled|rotated)(?=\.\w+$)")
WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")


@dataclasses.dataclass
class MediaRef:
    kind: str  # "image" or "document"
    pk: int | None  # None in a dry run
    alt: str = ""
    url: str = ""


class MediaLibrary:
    """The imported attachments, found by WordPress ID or by any of their file names (an
    image's resized copies included)."""

    def __init__(self):
        self.by_id = {}
        self.by_file = {}

    def add(self, item, ref):
        self.by_id[item.wp_id] = ref
        for path in file_names(item):
            self.by_file.setdefault(path.lower(), ref)

    def by_path(self, path):
        path = (path or "").lower()
        return self.by_file.get(path) or self.by_file.get(SIZE_SUFFIX.sub("", path))

    def find_image(self, node):
        """The image an <img> shows: by its attachment ID (the block editor's wp-image-N
        class, a gallery's ID) or by its file name."""
        ids = [node.attrs.get("data-attachment-id", "")]
        ids += WP_IMAGE_CLASS.findall(node.attrs.get("class", ""))
        for wp_id in ids:
            if (ref := self.by_id.get(wp_id)) is not None and ref.kind == "image":
                return ref
        ref = self.by_path(uploads_path(node.attrs.get("src")))
        return ref if ref is not None and ref.kind == "image" else None


def relative_file(item):
    return item.meta_value("_wp_attached_file") or uploads_path(item.attachment_url) or ""


def file_names(item):
    """Every name the attachment's file goes by under uploads/: the file, and for an image
    each resized copy and the original of a '-scaled' one (from _wp_attachment_metadata)."""
    main = relative_file(item)
    names = {main, uploads_path(item.attachment_url) or ""}
    metadata = maybe_unserialize(item.meta_value("_wp_attachment_metadata"))
    if isinstance(metadata, dict):
        folder = posixpath.dirname(str(metadata.get("file") or main))
        sizes = metadata.get("sizes")
        for size in sizes.values() if isinstance(sizes, dict) else ():
            if isinstance(size, dict) and size.get("file"):
                names.add(posixpath.join(folder, str(size["file"])))
        if metadata.get("original_image"):
            names.add(posixpath.join(folder, str(metadata["original_image"])))
    return {name for name in names if name}


def locate(item, media_dir):
    relative = relative_file(item)
    if not relative:
        raise Skip("the export names no file for it")
    if media_dir is None:
        raise Skip("no uploads folder was given (--media)")
    root = media_dir.resolve()
    path = (root / relative).resolve()
    if not path.is_relative_to(root):
        raise Skip("its file name points outside the uploads folder")
    if not path.is_file():
        raise MissingFile("its file is not in the uploads folder", relative, item.attachment_url)
    return path


def kind_of(path):
    extension = path.suffix.lower().lstrip(".")
    if extension in settings.WAGTAILIMAGES_EXTENSIONS:
        return "image"
    if extension in settings.WAGTAILDOCS_EXTENSIONS:
        return "document"
    raise Skip(f"files of type .{extension or '(none)'} are not accepted by the site")


def check_picture(path):
    """Refuse what the admin's upload form would: a file that is not a readable picture, or
    one with more pixels than WAGTAILIMAGES_MAX_IMAGE_PIXELS (read from the header only)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(path) as picture:
                width, height = picture.size
                picture.verify()
    except (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError):
        raise Skip("the picture has too many pixels") from None
    except Exception:  # noqa: BLE001 - Pillow raises many kinds for a damaged file
        raise Skip("the file is not a readable picture") from None
    if width * height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
        raise Skip(f"the picture has too many pixels ({width} x {height})")


def reference(obj, kind, alt):
    url = obj.file.url if kind == "image" else obj.url
    return MediaRef(kind, obj.pk, alt, url)


def import_attachment(item, places, media_dir, dry_run):
    if not item.wp_id:
        raise Skip(NO_ID)
    path = locate(item, media_dir)
    kind = kind_of(path)
    alt = plain_text(item.meta_value("_wp_attachment_image_alt"))[:255]
    title = (plain_text(item.title) or path.stem)[:255]
    with path.open("rb") as source:
        file_hash = hash_filelike(source)
    model = get_image_model() if kind == "image" else get_document_model()
    record = find(Kind.ATTACHMENT, item.wp_id)
    existing = record.target if record else None
    if existing is not None and not isinstance(existing, model):
        existing = None
    signature = fingerprint(item.fingerprint(), file_hash)
    if existing is not None and record.fingerprint == signature:
        return Outcome("unchanged", reference(existing, kind, alt))
    if kind == "image":
        check_picture(path)
    if dry_run:  # the files are neither copied nor stored
        return Outcome("updated" if existing else "created", MediaRef(kind, None, alt))
    obj = existing or model(collection=places.collection)
    obj.title = title
    if kind == "image":
        obj.description = alt
    if existing is None or obj.file_hash != file_hash:
        _store(obj, path, kind, file_hash)
    else:
        obj.save()
    remember(Kind.ATTACHMENT, item.wp_id, obj, signature, record=record)
    return Outcome("updated" if existing else "created", reference(obj, kind, alt))


def _store(obj, path, kind, file_hash):
    wrapper = ImageFile if kind == "image" else File
    with path.open("rb") as source:
        obj.file = wrapper(source, name=path.name)
        obj.file_hash = file_hash
        obj.file_size = path.stat().st_size
        obj.save()


def label(item):
    return f"{plain_text(item.title) or '(no title)'!r} ({relative_file(item) or 'no file'})"
