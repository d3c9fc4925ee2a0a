"""Audit-log actions of our own, for Wagtail's `register_log_actions` hook."""


def register_formatters(actions, formatters):
    """Register each {action name: LogFormatter class} pair with Wagtail's log registry."""
    for action, formatter in formatters.items():
        actions.register_action(action)(formatter)
