from wagtail import hooks

from .dashboard import add_my_drafts_panel
from .page_cache import remember_served_page

hooks.register("before_serve_page", remember_served_page)
hooks.register("construct_homepage_panels", add_my_drafts_panel)
