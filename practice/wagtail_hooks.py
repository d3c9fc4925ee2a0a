from wagtail import hooks

from .page_cache import remember_served_page

hooks.register("before_serve_page", remember_served_page)
