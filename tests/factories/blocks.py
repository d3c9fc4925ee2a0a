"""StreamField values the tests put in article bodies."""


def citation(**fields):
    """One reference, as the references block stores it; name only what the test is about."""
    return {
        "authors": "Lee M, Silverman SM",
        "title": "A review of hyperalgesia",
        "source": "Pain Physician",
        "year": 2011,
        "url": "https://example.org/paper",
        **fields,
    }


def references(*citations):
    """A body block listing `citations` (one default citation when none is given)."""
    return ("references", {"citations": list(citations) or [citation()]})
