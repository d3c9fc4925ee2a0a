"""Link addresses in imported text: only web, email and telephone links survive, links to the
old site become addresses on this one (which the redirects then take to the new pages), and
links to uploaded files go to the imported document or image. An address too malformed to
read (an unclosed "[" of an IPv6 host) is treated as no address at all."""

import re
from urllib.parse import SplitResult, urlsplit, urlunsplit

SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
# Browsers ignore these inside a scheme ("java\tscript:"), so the check must too.
IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")
UPLOADS = "/wp-content/uploads/"
# WordPress.com keeps a site's uploads at https://<site>.files.wordpress.com/2008/06/x.jpg,
# and its image service (Photon) serves any picture at https://i0.wp.com/<host>/<path>.
WORDPRESS_COM_FILES = ".files.wordpress.com"
PHOTON = re.compile(r"^i\d\.wp\.com$")


def split(url):
    """urlsplit, or an empty address for one it cannot read."""
    try:
        return urlsplit(url or "")
    except ValueError:
        return SplitResult("", "", "", "", "")


def safe_url(href):
    """`href` if it is a web, mail or phone address or a relative one; else None."""
    href = (href or "").strip()
    if not href:
        return None
    try:
        parts = urlsplit(IGNORED_IN_SCHEME.sub("", href))
    except ValueError:
        return None
    if parts.scheme and parts.scheme.lower() not in SAFE_SCHEMES:
        return None
    if href.startswith("//"):
        return "https:" + href
    return href if parts.scheme or not re.match(r"^[\w+.-]+:", href) else None


def uploads_path(url):
    """'2024/03/photo.jpg' for any address inside wp-content/uploads or on a WordPress.com
    site's files host (directly or through Photon), else None."""
    parts = split(url)
    path, host = parts.path, (parts.hostname or "").lower()
    if PHOTON.match(host) and path.count("/") > 1:  # /<host>/<path>
        return uploads_path("https://" + path.lstrip("/"))
    if UPLOADS in path:
        return path.split(UPLOADS, 1)[1].lstrip("/") or None
    if host.endswith(WORDPRESS_COM_FILES):
        return path.lstrip("/") or None
    return None


class LinkRewriter:
    """Turns an `href` in a post into what the rich text stores: ('href', url) for an
    address, ('document', id) for an imported document, or None to drop the link."""

    def __init__(self, old_site_urls, media):
        self.old_hosts = {split(url).netloc.lower() for url in old_site_urls if url}
        self.old_hosts.discard("")
        self.media = media

    def rewrite(self, href):
        url = safe_url(href)
        if url is None:
            return None
        upload = uploads_path(url)
        if upload and self.media is not None:
            found = self.media.by_path(upload)
            if found is not None and found.kind == "document" and found.pk:
                return ("document", found.pk)
            if found is not None and found.kind == "image" and found.url:
                return ("href", found.url)
        parts = split(url)
        if parts.netloc.lower() in self.old_hosts and parts.scheme in ("http", "https"):
            return ("href", urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment)))
        return ("href", url)
