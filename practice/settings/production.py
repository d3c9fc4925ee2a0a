"""Production: every secret and host name comes from the environment, and start-up fails with a
clear message when one that matters is missing. See docs/deployment.md."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, env_str

# Checked together so one failed start lists everything that is missing, not one at a time.
REQUIRED_VARIABLES = ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL")
_missing = [name for name in REQUIRED_VARIABLES if not os.environ.get(name, "").strip()]
if _missing:
    raise ImproperlyConfigured(
        "Production settings cannot start: set the environment variable(s) "
        + ", ".join(_missing)
        + " (see README.md, 'Configuration', and docs/deployment.md)."
    )

# Every staff account signs in with a second factor: the development shortcuts are refused
# rather than ignored, so a production environment that asks for them fails loudly.
if not env_bool("STAFF_MFA_REQUIRED", True) or env_list("STAFF_MFA_SKIP_USERS"):
    raise ImproperlyConfigured(
        "Production settings cannot start: staff always sign in with a second factor here. "
        "Unset STAFF_MFA_REQUIRED and STAFF_MFA_SKIP_USERS (they are for a developer's machine; "
        "see docs/deployment.md, 'Staff sign-in')."
    )
STAFF_MFA_REQUIRED = True
STAFF_MFA_SKIP_USERS = []

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY", required=True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
# DATABASES is already built from DATABASE_URL in base.py; production keeps connections open
# between requests (health-checked, so a restarted PostgreSQL is picked up again).
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)  # noqa: F405

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names (site.3f2a….css) and gzip/brotli copies; whitenoise serves hashed files
    # with a ten-year, immutable Cache-Control, since a change gives a new name. Our
    # stylesheets go out without their comments (practice/static_storage.py).
    "staticfiles": {"BACKEND": "practice.static_storage.StaticFilesStorage"},
}
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)

# The background worker sends email through SMTP (EMAIL_HOST and the rest in base.py); a console
# or file backend would write password reset links into the log (`check --deploy` refuses them,
# practice/checks.py).
EMAIL_DELIVERY_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")

# Uploads on S3 (or any S3-compatible store) instead of a shared folder, when a bucket is named.
# Needs the optional dependency: pip install "practice-site[s3]" (django-storages with boto3).
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME")
    AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL")
    AWS_S3_CUSTOM_DOMAIN = env_str("AWS_S3_CUSTOM_DOMAIN")
    AWS_DEFAULT_ACL = None  # objects stay private to the bucket's policy
    AWS_S3_FILE_OVERWRITE = False

# HTTPS: TLS ends at the proxy (nginx), which says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

# Cookies: only over HTTPS, out of reach of page scripts, and not sent on cross-site POSTs.
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = True
# The Wagtail admin takes its CSRF token from the page, never from the cookie.
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
