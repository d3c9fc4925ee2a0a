"""The demo's pictures, composed from openly licensed drawings (home/demo/art/, copied from npm
by art/export.mjs; docs/licenses.md): Open Peeps people for portraits and the home page's hero,
Health Icons for articles. Each is drawn as SVG, turned into a PNG with CairoSVG (Pillow reads no
SVG) and stored by images.py as a staff upload would be, with a focal point on what matters."""

import io
from pathlib import Path

import cairosvg
from PIL import Image as PILImage

ART = Path(__file__).with_name("art")

# Calm, warm backgrounds: sand, sky, sage and peach, each with a deeper partner for a gradient.
BACKGROUNDS = [
    ("#f6f1ea", "#e6d9c8"),
    ("#e4eef3", "#c9dde7"),
    ("#e6efe6", "#cadfcc"),
    ("#f8e6da", "#efcdb6"),
]
INK = "#1d5c8a"  # the demo theme's primary colour, for the icons
ACCENT = "#8a3b12"


def _person(name, x, y, size):
    """A person from art/people/ placed at (x, y), `size` pixels square."""
    svg = (ART / "people" / f"{name}.svg").read_text()
    # Each drawing names its mask "viewboxMask": give every person in a picture their own.
    svg = svg.replace("viewboxMask", f"mask-{name}")
    inner = svg[svg.index(">") + 1 : svg.rindex("</svg>")]
    return (
        f'<svg x="{x}" y="{y}" width="{size}" height="{size}" viewBox="0 0 704 704">{inner}</svg>'
    )


def _icon(name, x, y, size, colour):
    svg = (ART / "icons" / f"{name}.svg").read_text()
    inner = svg[svg.index(">") + 1 : svg.rindex("</svg>")]
    return (
        f'<svg x="{x}" y="{y}" width="{size}" height="{size}" viewBox="0 0 48 48" '
        f'color="{colour}" style="color:{colour}">{inner}</svg>'
    )


def _canvas(width, height, background, shapes):
    light, deep = background
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}"><defs><linearGradient id="bg" x1="0" y1="0" x2="1" '
        f'y2="1"><stop offset="0" stop-color="{light}"/><stop offset="1" stop-color="{deep}"/>'
        f'</linearGradient></defs><rect width="{width}" height="{height}" fill="url(#bg)"/>'
        f"{''.join(shapes)}</svg>"
    )


def _raster(svg):
    png = cairosvg.svg2png(bytestring=svg.encode())
    return PILImage.open(io.BytesIO(png)).convert("RGB")


def home_hero():
    """Two clinicians and a patient, shoulder to shoulder. Focal point: their faces."""
    width, height = 1600, 1200
    shapes = [
        f'<circle cx="800" cy="620" r="520" fill="{BACKGROUNDS[3][1]}" opacity="0.7"/>',
        f'<circle cx="1340" cy="220" r="120" fill="{ACCENT}" opacity="0.18"/>',
        _person("anita-reyes", 40, 420, 780),
        _person("patient-one", 780, 420, 780),
        _person("edward-rubin", 410, 330, 870),
    ]
    return _raster(_canvas(width, height, BACKGROUNDS[0], shapes)), (220, 480, 1200, 560)


def portrait(name, number):
    """One clinician, head and shoulders, on a soft circle. Focal point: the face."""
    size = 800
    background = BACKGROUNDS[number % len(BACKGROUNDS)]
    shapes = [
        f'<circle cx="400" cy="440" r="330" fill="{background[1]}"/>',
        _person(name, 20, 40, 760),
    ]
    return _raster(_canvas(size, size, background, shapes)), (230, 120, 420, 520)


def article_hero(icon, number):
    """A Health Icon large on a calm background. Focal point: the icon."""
    width, height = 1600, 900
    background = BACKGROUNDS[number % len(BACKGROUNDS)]
    shapes = [
        '<circle cx="800" cy="450" r="330" fill="#ffffff" opacity="0.55"/>',
        f'<circle cx="{260 + 120 * (number % 3)}" cy="190" r="70" fill="{ACCENT}" opacity="0.12"/>',
        f'<circle cx="{1380 - 90 * (number % 4)}" cy="720" r="110" fill="{INK}" opacity="0.1"/>',
        _icon(icon, 570, 220, 460, INK),
    ]
    return _raster(_canvas(width, height, background, shapes)), (540, 190, 520, 520)


def section_card(icons):
    """A section's picture for link previews, 1200 x 630 as Open Graph prefers: its Health Icons
    in a row, each on a white circle. No words, so both languages share it. Focal point: the
    row of icons."""
    width, height = 1200, 630
    step = width // (len(icons) + 1)
    shapes = [
        f'<circle cx="170" cy="90" r="120" fill="{ACCENT}" opacity="0.1"/>',
        f'<circle cx="1090" cy="560" r="150" fill="{INK}" opacity="0.08"/>',
    ]
    for n, icon in enumerate(icons, start=1):
        shapes.append(f'<circle cx="{n * step}" cy="315" r="105" fill="#ffffff" opacity="0.6"/>')
        shapes.append(_icon(icon, n * step - 75, 240, 150, INK))
    row = (step - 110, 205, width - 2 * step + 220, 220)
    return _raster(_canvas(width, height, BACKGROUNDS[1], shapes)), row
