"""The demo's English pages, and how a step adds one. The demo builds the English site first
and the Spanish one from it (spanish/); pages of both share types and some slugs, so every
English step looks its pages up in the default locale."""

from wagtail.models import Locale

from home.models import HomePage


def english_pages(model):
    return model.objects.filter(locale=Locale.get_default())


def english_home():
    return english_pages(HomePage).first()


def existing_child(parent, model, slug=None):
    """The child of `parent` of type `model` (with this slug, when given), or None: a step
    makes a page only when it is not there yet."""
    children = model.objects.child_of(parent)
    if slug is not None:
        children = children.filter(slug=slug)
    return children.first()


def add_published(parent, page, log, kind="page"):
    """Adds `page` under `parent`, publishes it and says so ("Created the page 'About us'.")."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    log(f"Created the {kind} {page.title!r}.")
    return page


def section_index(home, model, spec, log):
    """The home page's section of type `model` (articles, clinicians, conditions, ...), made
    from `spec` (title, slug, intro) and shown in the menus when there is none yet."""
    return existing_child(home, model) or add_published(
        home, model(show_in_menus=True, **spec), log
    )
