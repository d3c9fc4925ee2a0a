"""Pictures for the demo content, drawn locally with Pillow (nothing is downloaded)."""

import io
import math

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model


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


def demo_image(title, seed, palette=None):
    """The demo image called `title`, drawn and saved on first use."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    picture = _draw(seed, palette=palette) if palette else _draw(seed)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82)
    filename = f"demo-{seed}.jpg"
    image = Image(title=title, file=ImageFile(buffer, name=filename))
    image.save()
    return image
