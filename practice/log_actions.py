"""Audit-log actions of our own, for Wagtail's `register_log_actions` hook."""

from wagtail.log_actions import LogFormatter


def log_formatter(label, message):
    """A LogFormatter with this `label` whose message is `message(log_entry.data)`."""
    return type(
        "LogFormatter",
        (LogFormatter,),
        {"label": label, "format_message": lambda self, log_entry: message(log_entry.data)},
    )


def register_formatters(actions, formatters):
    """Register each {action name: LogFormatter class} pair with Wagtail's log registry."""
    for action, formatter in formatters.items():
        actions.register_action(action)(formatter)
