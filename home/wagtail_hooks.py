from wagtail import hooks

from .setup_checklist import add_setup_checklist
from .wordpress.editor import show_what_to_check

hooks.register("construct_homepage_panels", add_setup_checklist)
hooks.register("before_edit_page", show_what_to_check)
