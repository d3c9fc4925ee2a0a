"""WCAG 2.x contrast ratio between two sRGB colours, used to refuse unreadable theme colours."""

import re

HEX_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
AA_NORMAL_TEXT = 4.5


def parse_hex(colour):
    """'#1a5e8c' or '#18c' -> (r, g, b) in 0..255."""
    if not HEX_COLOUR.match(colour or ""):
        raise ValueError(f"{colour!r} is not a colour like #1a5e8c")
    digits = colour[1:]
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return tuple(int(digits[i : i + 2], 16) for i in (0, 2, 4))


def relative_luminance(colour):
    def channel(value):
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in parse_hex(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground, background):
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def mix(colour, other, amount):
    """`colour` moved `amount` (0..1) of the way towards `other`, as a hex code."""
    a, b = parse_hex(colour), parse_hex(other)
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b, strict=True))


def readable_on(colour, background, minimum=AA_NORMAL_TEXT):
    """The closest tint of `colour` towards white that reads on `background` (for dark mode)."""
    for step in range(0, 101, 5):
        candidate = mix(colour, "#ffffff", step / 100)
        if contrast_ratio(candidate, background) >= minimum:
            return candidate
    return "#ffffff"
