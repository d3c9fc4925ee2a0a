"""Pictures for the demo content, drawn locally with Pillow (nothing is downloaded)."""

import io
import math

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.images.rect import Rect
from wagtail.utils.file import hash_filelike

from .loader import load


def _draw(seed, size=(1600, 900), palette=((29, 92, 138), (118, 176, 196), (243, 246, 248))):
    width, height = size
    picture = PILImage.new("RGB", size, palette[2])
    pen = ImageDraw.Draw(picture)
    # A soft vertical gradient, then a few overlapping circles placed by the seed.
    top, bottom = palette[0], palette[1]
    for y in range(height):
        t = y / height
        colour = tuple(int(top[i] + (bottom[i] - top[i]) * t) for i in range(3))
        pen.line([(0, y), (width, y)], fill=colour)
    for n in range(6):
        angle = seed * 0.7 + n * 1.3
        cx = int(width * (0.5 + 0.4 * math.cos(angle)))
        cy = int(height * (0.5 + 0.35 * math.sin(angle * 1.7)))
        radius = int(height * (0.12 + 0.05 * ((seed + n) % 4)))
        shade = tuple(min(255, c + 40 + 10 * n) for c in palette[n % 2])
        pen.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=shade)
    return picture


def _pain_scale(labels, size=(1600, 300)):
    """The 0-10 numeric pain rating scale: eleven boxes shading from green to red, with
    `labels` ({score: text}) under the boxes they name."""
    width, height = size
    picture = PILImage.new("RGB", size, (255, 255, 255))
    pen = ImageDraw.Draw(picture)
    number_font = ImageFont.load_default(size=64)
    label_font = ImageFont.load_default(size=60)
    margin, gap = 40, 12
    box = (width - 2 * margin - 10 * gap) // 11
    top = 40
    for score in range(11):
        t = score / 10
        # Green to yellow to red, dark enough for white numbers to stay legible.
        red = int(40 + 160 * min(1, 2 * t))
        green = int(130 - 100 * max(0, 2 * t - 1))
        left = margin + score * (box + gap)
        pen.rounded_rectangle([left, top, left + box, top + box], radius=14, fill=(red, green, 40))
        pen.text(
            (left + box / 2, top + box / 2), str(score), font=number_font, fill="white", anchor="mm"
        )
    for score, label in labels.items():
        left = margin + score * (box + gap)
        # The end labels line up with the outer edges of their boxes, the others are centred.
        anchor = {0: "la", 10: "ra"}.get(score, "ma")
        x = {"la": left, "ma": left + box / 2, "ra": left + box}[anchor]
        pen.text((x, top + box + 28), label, font=label_font, fill=(33, 37, 41), anchor=anchor)
    return picture


def _share_card(name, tagline, colour, size=(1200, 630)):
    """The practice's name and tagline in white on its primary colour, with the soft circles
    of the other demo pictures: what a link preview shows for a page without a picture."""
    width, height = size
    primary = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    picture = PILImage.new("RGB", size, primary)
    pen = ImageDraw.Draw(picture)
    for n, (cx, cy, radius) in enumerate([(1080, 90, 230), (980, 560, 170), (140, 640, 120)]):
        shade = tuple(min(255, c + 22 + 12 * n) for c in primary)
        pen.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=shade)
    pen.text((80, 250), name, font=ImageFont.load_default(size=76), fill="white", anchor="ls")
    pen.text((80, 340), tagline, font=ImageFont.load_default(size=44), fill="white", anchor="ls")
    pen.line([(80, 400), (380, 400)], fill="white", width=6)
    return picture


def share_card_image(name, tagline, colour):
    """The site-wide share image (Settings > Theme), 1200 x 630 as Open Graph prefers."""
    return _stored_image(
        f"{name}: share image",
        "share-image.png",
        lambda: _share_card(name, tagline, colour),
        "PNG",
    )


def _stored_image(title, filename, draw, image_format, focal_point=None):
    """The image called `title`, drawn and saved on first use. `focal_point` (x, y, width,
    height) is what an editor marks in the admin: every crop keeps it in view."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = io.BytesIO()
    draw().save(buffer, format=image_format, **({"quality": 82} if image_format == "JPEG" else {}))
    # The hash is what the admin's upload form records: it flags a duplicate upload.
    image = Image(
        title=title, file=ImageFile(buffer, name=filename), file_hash=hash_filelike(buffer)
    )
    if focal_point:
        x, y, width, height = focal_point
        # Wagtail stores the centre of the marked area and its size.
        image.set_focal_point(Rect(x, y, x + width, y + height))
    image.save()
    return image


def illustration(title, filename, compose):
    """A picture composed by illustrations.py (which returns it with its focal point), stored
    as a PNG: flat colours and line art stay crisp, and renditions are WebP and AVIF anyway."""
    picture, focal_point = compose()
    return _stored_image(title, filename, lambda: picture, "PNG", focal_point)


def demo_image(title, seed, palette=None):
    """A photo-like abstract picture, different for every seed."""
    return _stored_image(
        title,
        f"demo-{seed}.jpg",
        lambda: _draw(seed, palette=palette) if palette else _draw(seed),
        "JPEG",
    )


def pain_scale_image(name="pain_scale"):
    """A diagram for articles, saved as PNG as an editor would upload one. Its title and labels
    are content/diagrams.yaml's `name` (one per language)."""
    text = load("diagrams")[name]
    filename = f"{name.replace('_', '-')}.png"
    return _stored_image(text["title"], filename, lambda: _pain_scale(text["labels"]), "PNG")
