"""The last word on what a CDN or caching proxy in front may keep.

The page cache (practice/page_cache.py) marks a page `Cache-Control: public` when it was
rendered for a request without a session or messages cookie and anyone may see it. Those two
cookies are the only ones that change a page (the user bar, a message waiting), and the shared
cache in front is told to pass requests that carry them straight to the app (deploy/nginx.conf;
docs/deployment.md for a CDN). So a public page needs no `Vary: Cookie`, which most CDNs treat
as "keep nothing" and nginx as "one copy per visitor's cookies". The session middleware adds it
whenever a template looked at the session (the user bar does, for everyone): this middleware
sits outside it and takes it off public responses again.

It also makes sure nothing public is personal: a response that sets a cookie (a session
started, a CSRF cookie), or that read the session of a request carrying one, is made private,
whoever marked it public.
"""

import re

from django.conf import settings
from django.utils.cache import patch_cache_control

COMMA = re.compile(r"\s*,\s*")


def is_public(response):
    return "public" in COMMA.split(response.get("Cache-Control", "").lower())


def carries_personal_cookie(request):
    """A signed-in person, a page password entered, or a message waiting."""
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies


def without_cookie_vary(vary):
    kept = [value for value in COMMA.split(vary.strip()) if value and value.lower() != "cookie"]
    return ", ".join(kept)


class SharedCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not is_public(response):
            return response
        vary = response.get("Vary", "")
        varies_on_cookie = "cookie" in {value.lower() for value in COMMA.split(vary.strip())}
        if response.cookies or (varies_on_cookie and carries_personal_cookie(request)):
            del response["Cache-Control"]
            patch_cache_control(response, private=True, no_cache=True)
        elif varies_on_cookie:
            vary = without_cookie_vary(vary)
            if vary:
                response["Vary"] = vary
            else:
                del response["Vary"]
        return response
