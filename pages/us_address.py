"""US postal addresses and phone numbers: what the editor accepts, and how they read.

Phone numbers are stored as staff typed them once validated, and shown in one form
everywhere: "(555) 123-4567" for people, "+15551234567" (E.164) for links and JSON-LD.
"""

import re

from django.core.exceptions import ValidationError

# The USPS two-letter codes: the states, the District of Columbia and the inhabited territories.
US_STATES = [
    ("AL", "Alabama"), ("AK", "Alaska"), ("AZ", "Arizona"), ("AR", "Arkansas"),
    ("CA", "California"), ("CO", "Colorado"), ("CT", "Connecticut"), ("DE", "Delaware"),
    ("DC", "District of Columbia"), ("FL", "Florida"), ("GA", "Georgia"), ("HI", "Hawaii"),
    ("ID", "Idaho"), ("IL", "Illinois"), ("IN", "Indiana"), ("IA", "Iowa"), ("KS", "Kansas"),
    ("KY", "Kentucky"), ("LA", "Louisiana"), ("ME", "Maine"), ("MD", "Maryland"),
    ("MA", "Massachusetts"), ("MI", "Michigan"), ("MN", "Minnesota"), ("MS", "Mississippi"),
    ("MO", "Missouri"), ("MT", "Montana"), ("NE", "Nebraska"), ("NV", "Nevada"),
    ("NH", "New Hampshire"), ("NJ", "New Jersey"), ("NM", "New Mexico"), ("NY", "New York"),
    ("NC", "North Carolina"), ("ND", "North Dakota"), ("OH", "Ohio"), ("OK", "Oklahoma"),
    ("OR", "Oregon"), ("PA", "Pennsylvania"), ("RI", "Rhode Island"),
    ("SC", "South Carolina"), ("SD", "South Dakota"), ("TN", "Tennessee"), ("TX", "Texas"),
    ("UT", "Utah"), ("VT", "Vermont"), ("VA", "Virginia"), ("WA", "Washington"),
    ("WV", "West Virginia"), ("WI", "Wisconsin"), ("WY", "Wyoming"),
    ("AS", "American Samoa"), ("GU", "Guam"), ("MP", "Northern Mariana Islands"),
    ("PR", "Puerto Rico"), ("VI", "U.S. Virgin Islands"),
]  # fmt: skip

ZIP_CODE = re.compile(r"[0-9]{5}(-[0-9]{4})?")
# What people type around the digits of a phone number: "(555) 123-4567", "555.123.4567".
PHONE_PUNCTUATION = re.compile(r"[\s().\-]")


def validate_zip_code(value):
    if not ZIP_CODE.fullmatch(value or ""):
        raise ValidationError(
            "Enter a ZIP code of 5 digits, like 62704, or ZIP+4, like 62704-1234.",
            code="invalid_zip_code",
        )


def phone_digits(value):
    """The 10 digits of a US number (area code first), or None when it is not one."""
    try:
        return _ten_digits(value)
    except ValidationError:
        return None


def validate_us_phone(value):
    _ten_digits(value)


def _ten_digits(value):
    text = PHONE_PUNCTUATION.sub("", value or "")
    if text.startswith("+1"):
        text = text[2:]
    elif len(text) == 11 and text.startswith("1"):
        text = text[1:]
    if not text.isdigit() or not text.isascii():
        raise ValidationError(
            "Use only digits, with spaces, brackets, dots or dashes between them if you like, "
            "e.g. (555) 123-4567.",
            code="invalid_phone_characters",
        )
    if len(text) != 10:
        raise ValidationError(
            "A US phone number has 10 digits, the area code and the number, e.g. "
            "(555) 123-4567; this one has %(count)s.",
            code="invalid_phone_length",
            params={"count": len(text)},
        )
    if text[0] in "01":
        raise ValidationError(
            "A US area code never starts with 0 or 1: check the first three digits.",
            code="invalid_area_code",
        )
    return text


def format_phone(value):
    """'(555) 123-4567', or the value unchanged if it is not a US number."""
    digits = phone_digits(value)
    return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}" if digits else value


def e164(value):
    """'+15551234567', the form `tel:` links and search engines read; '' if not a US number."""
    digits = phone_digits(value)
    return f"+1{digits}" if digits else ""
