import os

from .base import *  # noqa: F403
from .env import env_str

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY", "test-only-insecure-key")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Queued email is delivered to django.core.mail.outbox when a test runs the queue
# (tests.helpers.mail_sent); Django's test set-up replaces EMAIL_BACKEND itself, which
# tests/conftest.py puts back to the queue.
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
SITE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = SITE_URL
# One folder per test run (removed at its end), so runs side by side never share uploads.
MEDIA_ROOT = BASE_DIR / "var" / f"test-media-{os.getpid()}"  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SERVE_MEDIA = True
# Readable captured output; tests/practice/test_structured_logging.py checks the JSON format.
LOG_FORMAT = "plain"
LOGGING["handlers"]["console"]["formatter"] = "plain"  # noqa: F405
# Off by default: a page cached in one test would outlive its database rollback.
# tests/practice/test_page_cache.py switches it on with a clean cache.
PAGE_CACHE_ENABLED = False
# Publishing queues a render of the page (practice/prerender.py), and email is queued
# (practice/mail.py); tests run them when they mean to.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
# A test database need not survive a crash of its server: commits stop waiting for the disk
# (3 ms each on these machines, 0.3 ms without), which the tests that commit (the browser and
# live-server tests, the flush after each) paid for every write.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405
