"""Settings shared by every environment. Everything that differs between machines comes from
the environment; see README.md for the table of variables."""

from pathlib import Path

import dj_database_url

from .env import env_bool, env_int, env_list, env_minutes_by_name, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "practice",
    # Staff sign-in's second factor: passkeys, authenticator apps, recovery codes.
    "practice.staff_auth",
    "home",
    "home.search",
    "pages",
    "pages.consultation",
    "education",
    "education.comments",
    "education.feedback",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    # Translations are ordinary pages in a Spanish tree, copied from the English ones.
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # The database backend of django-tasks (the "background" tasks below).
    "django_tasks_db",
    # The second factor's devices (practice/staff_auth/): authenticator-app codes (TOTP),
    # recovery codes (static), passkeys (WebAuthn).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "practice.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Cached pages for anonymous visitors, before the language, session, CSRF, messages and
    # sign-in middleware, none of which a cached page needs (practice/page_cache.py).
    "practice.page_cache.PageCacheMiddleware",
    # The language comes from the address: /es/ is Spanish (practice/locale.py).
    "practice.locale.PathLanguageMiddleware",
    # A query string that is not text (invalid UTF-8, NUL) gets a 400 (practice/input_guard.py).
    "practice.input_guard.UnreadableQueryMiddleware",
    # Turns "database unreachable" into a themed 503 (practice/outage.py).
    "practice.outage.DatabaseUnavailableMiddleware",
    # Takes "Vary: Cookie" off pages a CDN may share, and makes private anything public that
    # turned out personal (practice/shared_cache.py): outside the session middleware, which
    # adds that Vary.
    "practice.shared_cache.SharedCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Anonymous posts to the public forms are checked by their Origin and Sec-Fetch-Site
    # (practice/cross_site.py); Django's CSRF token check, next, for signed-in people and the
    # admin.
    "practice.cross_site.CrossSiteOriginMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Each page marked public or private, and kept or not, where the session is known.
    "practice.page_cache.PageCacheHeadersMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Which second factor, if any, verified this session (request.user.is_verified()).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Signs out idle staff sessions and ones ended by "Sign out everywhere", with a message
    # (practice/staff_sessions.py): after the two above, whose user and messages it uses.
    # Requests without a session cookie pass untouched.
    "practice.staff_sessions.StaffSessionMiddleware",
    # A session signed in with a password alone reaches only the second-factor pages
    # (practice/staff_auth/middleware.py).
    "practice.staff_auth.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "practice.urls"
WSGI_APPLICATION = "practice.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite in the project folder unless DATABASE_URL says otherwise (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis when REDIS_URL is set (shared by every node); a per-process memory cache otherwise.
# The full-page cache ("pages", practice/page_cache.py) uses the same Redis, or files shared by
# the workers of one node.
# While Redis is unreachable, each process falls back to a memory cache of its own and pages
# are still served (practice/resilient_cache.py); the timeouts bound what a dead server costs.
REDIS_URL = env_str("REDIS_URL")
CACHE_KEY_PREFIX = env_str("CACHE_KEY_PREFIX", "practice")
REDIS_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 1}
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "practice.resilient_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": REDIS_OPTIONS,
        },
        "pages": {
            "BACKEND": "practice.resilient_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX + "-pages",
            "OPTIONS": REDIS_OPTIONS,
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env_str("PAGE_CACHE_DIR", str(BASE_DIR / "var" / "cache" / "pages")),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }

# Full-page cache for anonymous visitors (practice/page_cache.py).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 3600)
# How long a CDN in front may keep a public page (s-maxage); browsers always revalidate.
PAGE_CACHE_CDN_SECONDS = env_int("PAGE_CACHE_CDN_SECONDS", 60)
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/search/", "/documents/"]

# A CDN or caching proxy in front is told to drop a page (and the pages above it, which list
# it) once a publish, unpublish, move or delete is committed, through the backends of Wagtail's
# frontend cache (practice/frontend_cache.py). Configured only from the environment; see
# docs/deployment.md. FRONTEND_CACHE_HTTP_URL is the purge endpoint of the nginx proxy_cache in
# deploy/nginx.conf (or Varnish); CLOUDFLARE_ZONEID with CLOUDFLARE_BEARER_TOKEN purges
# Cloudflare. The wagtail.contrib.frontend_cache app itself is not installed: its signal
# handlers purge inside the publishing transaction, before the new version can be read.
WAGTAILFRONTENDCACHE = {}
if env_str("FRONTEND_CACHE_HTTP_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "practice.frontend_cache.ProxyCacheBackend",
        "LOCATION": env_str("FRONTEND_CACHE_HTTP_URL"),
    }
if env_str("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env_str("CLOUDFLARE_ZONEID"),
        "BEARER_TOKEN": env_str("CLOUDFLARE_BEARER_TOKEN", required=True),
    }
# A private page's password form: the site's layout, nothing of the page itself, the same for
# every visitor (practice.pages.PageMetaMixin), so a proxy keeps it in place of the page.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "practice/password_required.html"

# Background tasks (django-tasks). Wagtail's own (search index, reference index) run at once, as
# before; "background" tasks wait in PostgreSQL for `manage.py db_worker --backend background`
# (docs/deployment.md): rendering a page after it is published (practice/prerender.py) and
# sending email (practice/mail.py).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
# Patients read English at / and Spanish under /es/ (practice/urls.py); the language comes from
# the address only, never from the browser (practice/locale.py).
LANGUAGES = [("en-us", "English"), ("es", "Español")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# Never mirror new English pages into the Spanish tree as aliases: a Spanish page is written,
# then medically reviewed, before it exists (practice.languages.refuse_cross_language_alias).
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = False
# US dates in the admin and emails ("Nov 29, 2026", "8:00 a.m."): see practice/formats/en/.
FORMAT_MODULE_PATH = ["practice.formats"]
# The admin speaks American English whatever a browser asks for.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en-us", "English (US)")]
TIME_ZONE = env_str("TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns when it is missing
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
# Django serves uploads itself only in development and tests.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Email never waits in a request: Django's EMAIL_BACKEND queues each message once the request's
# transaction commits, and the background worker sends it (practice/mail.py) through
# EMAIL_DELIVERY_BACKEND, which the environment's EMAIL_BACKEND names: the console in
# development, SMTP in production (production.py). EMAIL_TASK_BACKEND is the task backend
# (settings.TASKS) the messages wait in. A mail server gets EMAIL_TIMEOUT seconds to answer each
# step; a message that fails is tried again later, three times in all.
EMAIL_BACKEND = "practice.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_TASK_BACKEND = "background"
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "website@practice.example")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# A forged or missing CSRF token gets a page in the site's layout that says what to do.
CSRF_FAILURE_VIEW = "practice.views.csrf_failure"

# Consultation requests (pages.ConsultationFormPage): valid requests one client may send per
# period, and how long the practice keeps them (manage.py purge_consultation_requests).
CONSULTATION_RATE_LIMIT = env_int("CONSULTATION_RATE_LIMIT", 5)
CONSULTATION_RATE_LIMIT_PERIOD = env_int("CONSULTATION_RATE_LIMIT_PERIOD", 60 * 60)
CONSULTATION_RETENTION_DAYS = env_int("CONSULTATION_RETENTION_DAYS", 365)

# Headers from Django's SecurityMiddleware (HSTS is switched on in production.py); the
# Content-Security-Policy and Permissions-Policy come from practice.security.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Wagtail
WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "Pain management practice")
# The public address (scheme and host, no trailing slash): every absolute URL the site writes
# (canonical, sitemap, feeds, JSON-LD, emails) is built on it, whatever host a request used.
# `migrate` gives Wagtail's default Site this host and port (practice/site_url.py).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Links in the admin's own emails (password reset, workflow notifications).
WAGTAILADMIN_BASE_URL = SITE_URL
# Wagtail's database backend, with each page indexed and searched in its own language.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "home.search.backend"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Refuse decompression bombs: no image over 40 megapixels is processed.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Checks an upload's size from its header before decoding it (practice/image_uploads.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "practice.image_uploads.ImageForm"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Staff avatars from gravatar.com would be a third-party request (and the CSP refuses it).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_PASSWORD_RESET_ENABLED = True
# Reset mails one client may ask for, and one email address may receive, per period; past
# either, the answer is the same and no mail goes out (practice/password_reset.py).
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "practice.password_reset.LimitedPasswordResetForm"
PASSWORD_RESET_LIMIT_PER_ADDRESS = env_int("PASSWORD_RESET_LIMIT_PER_ADDRESS", 10)
PASSWORD_RESET_LIMIT_PER_EMAIL = env_int("PASSWORD_RESET_LIMIT_PER_EMAIL", 3)
PASSWORD_RESET_LIMIT_PERIOD = env_int("PASSWORD_RESET_LIMIT_PERIOD", 60 * 60)
# Admin sign-in is paused after repeated failures (practice/login_throttle.py).
WAGTAILADMIN_USER_LOGIN_FORM = "practice.login_throttle.ThrottledLoginForm"
LOGIN_THROTTLE_FAILURES_PER_USER = env_int("LOGIN_THROTTLE_FAILURES_PER_USER", 5)
LOGIN_THROTTLE_FAILURES_PER_ADDRESS = env_int("LOGIN_THROTTLE_FAILURES_PER_ADDRESS", 20)
LOGIN_THROTTLE_WINDOW = env_int("LOGIN_THROTTLE_WINDOW", 15 * 60)
# Failures for one account from every address together within the window; past it the account
# is locked for LOGIN_LOCKOUT_SECONDS, or until an administrator lifts the lock.
LOGIN_THROTTLE_FAILURES_PER_ACCOUNT = env_int("LOGIN_THROTTLE_FAILURES_PER_ACCOUNT", 10)
LOGIN_LOCKOUT_SECONDS = env_int("LOGIN_LOCKOUT_SECONDS", 30 * 60)
# A staff session idle for longer than its limit is signed out on its next request
# (practice/staff_sessions.py): the limit of the person's groups (the shortest if several),
# else the site-wide one. The admin's background polling does not count as activity.
IDLE_SIGN_OUT_MINUTES = env_int("IDLE_SIGN_OUT_MINUTES", 60, minimum=1)
IDLE_SIGN_OUT_GROUP_MINUTES = env_minutes_by_name("IDLE_SIGN_OUT_GROUP_MINUTES", {"Front desk": 15})
# Every account that signs in to the admin proves it is its owner with a second factor after
# the password: a passkey or an authenticator app's code, with one-time recovery codes
# (practice/staff_auth/, docs/deployment.md). Off only on a developer's machine.
STAFF_MFA_REQUIRED = env_bool("STAFF_MFA_REQUIRED", True)
# User names that may skip enrolling a second factor: development only (dev.py names the
# account `make run` prints); production.py refuses any.
STAFF_MFA_SKIP_USERS = env_list("STAFF_MFA_SKIP_USERS")
# A passkey is the second factor after the password, never a way to sign in without one.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
# The relying party (the site a passkey belongs to) and the origins a passkey may answer are the
# host the admin is reached at (checked against ALLOWED_HOSTS): practice/staff_auth/passkeys.py.
OTP_WEBAUTHN_HELPER_CLASS = "practice.staff_auth.passkeys.PasskeyHelper"
OTP_WEBAUTHN_RP_ID_CALLABLE = "practice.staff_auth.passkeys.relying_party_id"
OTP_WEBAUTHN_RP_NAME = WAGTAIL_SITE_NAME
# The name the authenticator app shows next to the staff member's user name.
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# django-otp-webauthn's check wants a fixed list of origins; ours come from the request (above).
SILENCED_SYSTEM_CHECKS = ["otp_webauthn.E030"]
# Private pages "for signed-in people" send visitors to the admin's sign-in, which asks for the
# second factor too, instead of Wagtail's password-only form.
WAGTAIL_FRONTEND_LOGIN_URL = "/admin/login/"
# The client address for sign-in throttling and the comment and consultation rate limits
# (practice/client_address.py). Only behind a proxy that sets X-Forwarded-For itself (nginx:
# proxy_add_x_forwarded_for); otherwise a visitor could claim any address.
TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR", False)

# Site search: suggestions as you type (home/search/) one client may ask for per period. A person
# typing asks a few times a second at most, and only while typing.
SEARCH_SUGGESTIONS_RATE_LIMIT = env_int("SEARCH_SUGGESTIONS_RATE_LIMIT", 60)
SEARCH_SUGGESTIONS_RATE_PERIOD = env_int("SEARCH_SUGGESTIONS_RATE_PERIOD", 60)

# Patient education: how long after its last medical review an article is due another one.
ARTICLE_REVIEW_INTERVAL_MONTHS = env_int("ARTICLE_REVIEW_INTERVAL_MONTHS", 12)
# Approving an article's medical review records the reviewer and dates, then publishes.
WAGTAIL_FINISH_WORKFLOW_ACTION = "education.workflow_actions.publish_after_review"

# Forms that carry personal data mark their requests (practice.privacy.protect_form_data): error
# reports then hide what was posted, and every log handler redacts the submitted values.
DEFAULT_EXCEPTION_REPORTER = "practice.privacy.ProtectedRequestExceptionReporter"
DEFAULT_EXCEPTION_REPORTER_FILTER = "practice.privacy.ProtectedRequestExceptionReporterFilter"

# Comments on articles (education/comments/): comments one client may post per period, and
# how many days after an article is first published it stops taking them (0: never).
COMMENTS_RATE_LIMIT = env_int("COMMENTS_RATE_LIMIT", 5)
COMMENTS_RATE_LIMIT_PERIOD = env_int("COMMENTS_RATE_LIMIT_PERIOD", 60 * 60)
COMMENTS_CLOSE_AFTER_DAYS = env_int("COMMENTS_CLOSE_AFTER_DAYS", 90)

# "Was this page helpful?" (education/feedback/): answers one client may send per period.
FEEDBACK_RATE_LIMIT = env_int("FEEDBACK_RATE_LIMIT", 10)
FEEDBACK_RATE_LIMIT_PERIOD = env_int("FEEDBACK_RATE_LIMIT_PERIOD", 60 * 60)

# One JSON object per line (LOG_FORMAT=plain for people reading a terminal); every message is
# scrubbed of submitted form values (practice/privacy.py), query strings and email addresses
# (practice/logging.py).
LOG_FORMAT = env_str("LOG_FORMAT", "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "redact_form_values": {"()": "practice.privacy.RedactFormValuesFilter"},
        "redact": {"()": "practice.logging.RedactFilter"},
    },
    "formatters": {
        "json": {"()": "practice.logging.JsonFormatter"},
        "plain": {"format": "%(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain" if LOG_FORMAT == "plain" else "json",
            "filters": ["redact_form_values", "redact"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO").upper()},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Background-task chatter (search index, reference index) drowns out real messages.
        "django_tasks": {"level": "WARNING"},
    },
}
