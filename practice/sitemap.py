"""The sitemap lists every live, public page in every language, each with its hreflang
alternates (and x-default), in a fixed number of queries however many pages there are."""

from collections import defaultdict

from wagtail.contrib.sitemaps import Sitemap

from .languages import DEFAULT_LANGUAGE, hreflang
from .pages import all_pages


class MultilingualSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        section = all_pages().none()
        for root in roots.only("path"):
            section |= all_pages().descendant_of(root, inclusive=True)
        return (
            section.live_public()
            .select_related("locale")
            .order_by("locale__language_code", "path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        versions = defaultdict(dict)
        for version in (
            all_pages()
            .filter(translation_key__in={page.translation_key for page in pages})
            .live_public()
            .select_related("locale")
        ):
            versions[version.translation_key][version.locale.language_code] = version
        urls = []
        for item in pages:
            others = versions[item.translation_key]
            links = []
            if len(others) > 1:
                links = [
                    {"lang_code": hreflang(code), "location": other.get_full_url(self.request)}
                    for code, other in sorted(others.items())
                ]
                if DEFAULT_LANGUAGE in others:
                    default = others[DEFAULT_LANGUAGE].get_full_url(self.request)
                    links.append({"lang_code": "x-default", "location": default})
            for url_info in item.get_sitemap_urls(self.request):
                urls.append({**url_info, "alternates": links})
        lastmods = {url.get("lastmod") for url in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
