"""Response headers shared by every view that shows what a person typed."""


def never_store(response):
    """Pages with personal data (an email address, a consultation request) are kept by no
    cache: not the browser's, not a proxy's."""
    response["Cache-Control"] = "private, no-store"
    return response
