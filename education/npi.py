"""The National Provider Identifier (NPI): ten digits, the last a Luhn check digit worked out
over the first nine with the prefix 80840 (CMS, "Requirements for NPI check digit"), so most
typos are caught before a wrong number reaches a patient or an insurer."""

from django.core.exceptions import ValidationError

# The card-issuer prefix CMS puts before the nine identifying digits for the check digit.
NPI_PREFIX = "80840"


def luhn_check_digit(digits):
    """The Luhn check digit for a string of digits."""
    total = 0
    for position, digit in enumerate(reversed(digits)):
        value = int(digit)
        if position % 2 == 0:  # every second digit from the right, starting with the last
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return str((10 - total % 10) % 10)


def validate_npi(value):
    if not (len(value) == 10 and value.isascii() and value.isdigit()):
        raise ValidationError(
            "An NPI is exactly 10 digits, with no spaces or dashes, e.g. 1234567893.",
            code="npi_format",
        )
    if luhn_check_digit(NPI_PREFIX + value[:9]) != value[9]:
        raise ValidationError(
            "This is not a valid NPI: its last (check) digit does not match the other nine. "
            "Check it for a typo against the NPPES registry.",
            code="npi_check_digit",
        )
