"""Small readers for configuration that comes from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured


def env_str(name, default=None, *, required=False):
    value = os.environ.get(name, "").strip()
    if value:
        return value
    if required:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be set (see README.md, 'Configuration')."
        )
    return default


def env_bool(name, default=False):
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    return value in {"1", "true", "yes", "on"}


def env_int(name, default, *, minimum=None):
    value = os.environ.get(name, "").strip()
    number = int(value) if value else default
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}; it is {number}.")
    return number


def env_list(name, default=()):
    value = os.environ.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or list(default)


def env_minutes_by_name(name, default):
    """`Front desk=15,Editors=30` as {"Front desk": 15, "Editors": 30}: whole minutes, above 0."""
    items = env_list(name)
    if not items:
        return dict(default)
    minutes = {}
    for item in items:
        key, _, value = item.rpartition("=")
        if not key.strip() or not value.strip().isdigit() or int(value) < 1:
            raise ImproperlyConfigured(
                f"{name} is a comma-separated list of name=minutes (whole minutes above 0), "
                f"like 'Front desk=15,Editors=30'; {item!r} is not."
            )
        minutes[key.strip()] = int(value)
    return minutes
