"""The language of a request comes from its address alone: /es/... is Spanish, the rest English.

Django's LocaleMiddleware would also consult the browser's Accept-Language and a cookie, and
add `Vary: Accept-Language`; patients choose a language with the switcher instead, and a page's
address decides what a shared cache may keep.
"""

from django.conf import settings
from django.utils import translation


class PathLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info)
        # override, not activate: the next request on this thread starts from the default.
        with translation.override(language or settings.LANGUAGE_CODE):
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
