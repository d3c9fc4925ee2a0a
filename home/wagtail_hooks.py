from wagtail import hooks

from .setup_checklist import add_setup_checklist

hooks.register("construct_homepage_panels", add_setup_checklist)
