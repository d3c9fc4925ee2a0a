"""Just enough of a browser for the admin, for the drills that sign staff in over HTTP."""

import re
import urllib.parse

from stack import http_request

CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Browser:
    """Just enough of a browser for the admin: keeps cookies itself (the production cookies
    are Secure, which http.cookiejar would not send back over plain HTTP on loopback)."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, form=None, headers=None, timeout=15):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            # As a browser sends with a form (practice/cross_site.py checks Origin).
            headers["Origin"] = f"http://127.0.0.1:{self.port}"
            headers["Sec-Fetch-Site"] = "same-origin"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        status, received, content = http_request(
            self.port, method, path, body, headers, timeout=timeout
        )
        for value in received.get_all("Set-Cookie") or []:
            key, _, rest = value.partition("=")
            self.cookies[key] = rest.split(";", 1)[0]
        return status, dict(received.items()), content.decode("utf-8", "replace")

    def csrf_token(self, html):
        """The form's CSRF token in `html`, or None."""
        found = CSRF_TOKEN.search(html)
        return found.group(1) if found else None
