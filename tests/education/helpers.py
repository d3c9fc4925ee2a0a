"""What the article editor in the Wagtail admin posts."""

from wagtail.test.utils.form_data import nested_form_data

# Fields a test about the article itself leaves empty: the hero picture, the Promote tab and
# the scheduling dates.
LEFT_EMPTY = {
    "hero_image": "",
    "hero_image_alt": "",
    "next_review_due": "",
    "seo_title": "",
    "search_description": "",
    "go_live_at": "",
    "expire_at": "",
}


def article_editor_data(**fields):
    """The article editor's form data: `fields`, and everything else left empty. A value of
    None leaves the field out of the form altogether."""
    data = {**LEFT_EMPTY, **fields}
    return nested_form_data({key: value for key, value in data.items() if value is not None})
