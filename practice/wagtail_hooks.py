from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .dashboard import add_my_drafts_panel
from .languages import refuse_cross_language_alias
from .page_cache import remember_page_served, remember_served_page
from .style_guide import style_guide

# Before Wagtail's own restriction check (order 0), which then reuses what it works out.
hooks.register("before_serve_page", remember_served_page, order=-1)
# Inside Wagtail's restriction check (order 0): runs only when the page itself is served.
hooks.register("on_serve_page", remember_page_served, order=1)
hooks.register("before_serve_page", refuse_cross_language_alias)
hooks.register("construct_homepage_panels", add_my_drafts_panel)


@hooks.register("register_admin_urls")
def register_style_guide_url():
    return [path("style-guide/", style_guide, name="style_guide")]


@hooks.register("register_help_menu_item")
def register_style_guide_menu_item():
    return MenuItem(
        "Style guide", reverse("style_guide"), name="style-guide", icon_name="doc-full", order=900
    )
