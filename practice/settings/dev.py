from .base import *  # noqa: F403
from .env import env_bool, env_list, env_str

DEBUG = env_bool("DEBUG", True)
# A fixed key is fine for a laptop; production.py refuses to start without a real one.
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
SERVE_MEDIA = True
LOG_FORMAT = env_str("LOG_FORMAT", "plain")
LOGGING["handlers"]["console"]["formatter"] = "plain" if LOG_FORMAT == "plain" else "json"  # noqa: F405
# Templates change under a developer's hands: no full-page cache unless asked for.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", False)
# `make run` starts no background worker: email is sent (to the console) by the immediate task
# backend as soon as the request commits, through the same queue and task as in production.
EMAIL_TASK_BACKEND = "default"
# The account `make run` creates and prints (ensure_admin) may skip enrolling a second factor,
# so a newcomer reaches the admin at once; the banner says so. Production refuses this.
STAFF_MFA_SKIP_USERS = env_list("STAFF_MFA_SKIP_USERS", ["admin"])
# The designed 404 and 500 pages, not Django's technical ones (practice/debug_errors.py), so
# `make run` shows what a patient would see; tracebacks are still printed on the console.
if DEBUG:
    MIDDLEWARE = [*MIDDLEWARE, "practice.debug_errors.DesignedErrorPages"]  # noqa: F405
