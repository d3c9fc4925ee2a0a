"""Pages of a long list, shared by every listing (articles, a clinician's articles)."""

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.http import Http404
from django.utils.functional import SimpleLazyObject


def requested_page(request, param="page"):
    """The page number asked for in the query string: 1 when there is none. Anything but a
    whole number from 1 up is a 404, before any query runs."""
    value = request.GET.get(param) or "1"
    # Longer than any real page count: int() of 10,000 digits would raise, not say "no page".
    if len(value) > 9 or not value.isascii() or not value.isdigit() or int(value) < 1:
        raise Http404("No such page of results.")
    return int(value)


class PageOfItems(Page):
    @property
    def elided_range(self):
        """Page numbers around this one, with "…" for the gaps: 1 … 4 5 [6] 7 8 … 20."""
        return self.paginator.get_elided_page_range(self.number, on_each_side=2, on_ends=1)


class ItemPaginator(Paginator):
    def _get_page(self, *args, **kwargs):
        return PageOfItems(*args, **kwargs)


def paginate(items, number, per_page):
    """Page `number` of `items`. It is counted and fetched when a template first reads it, so
    a template fragment cached for this page number costs no query; a number past the last
    page is a 404 then."""

    def page_of_items():
        try:
            return ItemPaginator(items, per_page).page(number)
        except (EmptyPage, PageNotAnInteger) as error:
            raise Http404("No such page of results.") from error

    return SimpleLazyObject(page_of_items)
