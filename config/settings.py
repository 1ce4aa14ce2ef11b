"""Settings for Safe Community, read from environment variables.

Development (the default) works on a laptop with no configuration: secrets are
generated into a git-ignored file and data lives in SQLite under ``var/``.
Production (``SAFECOMMUNITY_ENV=production``) refuses to start without real
secrets, hosts and a database.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import (
    env_bool,
    env_choice,
    env_fernet_keys,
    env_float,
    env_int,
    env_list,
    env_str,
    load_dev_secrets,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("SAFECOMMUNITY_VAR_DIR", str(BASE_DIR / "var")))

ENVIRONMENT = env_choice("SAFECOMMUNITY_ENV", "development", {"development", "production", "test"})
PRODUCTION = ENVIRONMENT == "production"

if PRODUCTION:
    _secrets: dict[str, str] = {}
else:
    _secrets = load_dev_secrets(VAR_DIR / "dev-secrets.env")

SECRET_KEY = env_str("SECRET_KEY", _secrets.get("SECRET_KEY"))
FIELD_ENCRYPTION_KEYS = env_fernet_keys("FIELD_ENCRYPTION_KEYS", [_secrets.get("FIELD_ENCRYPTION_KEYS", "")])

DEBUG = env_bool("DEBUG", default=ENVIRONMENT == "development")
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be false in production.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]", "testserver"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS is required in production.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "safecommunity.core.admin_site.SafeCommunityAdminConfig",  # django.contrib.admin, open to coalition admins only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "safecommunity.core",
    "safecommunity.accounts",
    "safecommunity.reports",
    "safecommunity.directory",
    "safecommunity.insights",
    "safecommunity.policedata",
    "safecommunity.cases",
    "safecommunity.programs.events",
    "safecommunity.programs.resources",
    "safecommunity.programs.surveys",
    "safecommunity.programs.volunteers",
    "safecommunity.programs.opencalls",
    "safecommunity.programs.evaluation",
    "safecommunity.programs.outreach",
    "safecommunity.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "safecommunity.core.middleware.security_headers",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "safecommunity.core.middleware.remember_language",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "safecommunity.core.middleware.audit_context",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
CSRF_FAILURE_VIEW = "safecommunity.reports.views.csrf_failure"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "safecommunity.core.context_processors.deployment",
            ],
        },
    }
]

DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("CONN_MAX_AGE", 600))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the writer work at once; IMMEDIATE avoids upgrade deadlocks between writers.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        "BACKEND": env_str("CACHE_BACKEND", "django.core.cache.backends.db.DatabaseCache"),
        "LOCATION": env_str("CACHE_LOCATION", "safecommunity_cache"),
    }
}
RATELIMIT_ENABLE = env_bool("RATELIMIT_ENABLE", True)
# Per client (IP address) limits, "count/period" with period s, m, h or d (kept in the database, see core.ratelimits).
REPORT_SUBMIT_RATE = env_str("REPORT_SUBMIT_RATE", "10/h")
FOLLOW_UP_RATE = env_str("FOLLOW_UP_RATE", "20/h")
SIGN_IN_RATE = env_str("SIGN_IN_RATE", "10/15m")
# Second-factor codes (authenticator or recovery code) one client may try; each device also slows down after a miss.
TWO_FACTOR_RATE = env_str("TWO_FACTOR_RATE", "5/5m")
# Newsletter sign-ups one client may send (each sends a confirmation e-mail).
NEWSLETTER_SIGN_UP_RATE = env_str("NEWSLETTER_SIGN_UP_RATE", "10/h")
# The name authenticator apps show next to the account.
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Safe Community")
# Behind a reverse proxy, the client address comes from this header (e.g. HTTP_X_FORWARDED_FOR).
CLIENT_IP_HEADER = env_str("CLIENT_IP_HEADER", "REMOTE_ADDR")
# Follow-up look-ups take at least this long, right code or wrong, so timing reveals nothing.
FOLLOW_UP_MIN_SECONDS = env_float("FOLLOW_UP_MIN_SECONDS", 0.25)

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "cases:dashboard"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("zh-hans", _("Simplified Chinese")),
    ("zh-hant", _("Traditional Chinese")),
    ("vi", _("Vietnamese")),
    ("ko", _("Korean")),
    ("tl", _("Tagalog")),
    ("hmn", _("Hmong")),
    ("ja", _("Japanese")),
    ("ar", _("Arabic")),
    ("pa", _("Punjabi")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "sc_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = env_str("TIME_ZONE", "America/Los_Angeles")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
# Attachments live here, encrypted, and no URL ever serves this directory.
PRIVATE_STORAGE_ROOT = Path(env_str("PRIVATE_STORAGE_ROOT", str(VAR_DIR / "private")))
ATTACHMENT_MAX_FILES = 5
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
# Largest PDF an organiser may upload to the learning library (programmes: resources).
RESOURCES_MAX_PDF_BYTES = env_int("RESOURCES_MAX_PDF_BYTES", 20 * 1024 * 1024, minimum=1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 400

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 8, minimum=300)
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
# same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on form posts and CSRF refuses them.
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Safe Community <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

TASKS = {
    "default": {
        "BACKEND": env_str(
            "TASKS_BACKEND",
            "django_tasks.backends.immediate.ImmediateBackend"
            if ENVIRONMENT == "test"
            else "django_tasks_db.DatabaseBackend",
        ),
    }
}

# Shown on every public page; a deployment names itself and its public contact.
COALITION_NAME = env_str("COALITION_NAME", "Safe Community")
COALITION_CONTACT_EMAIL = env_str("COALITION_CONTACT_EMAIL", "")
EMERGENCY_NUMBER = env_str("EMERGENCY_NUMBER", "911")

# Retention: personal data of cases closed (and of reports closed or withdrawn outside a case) this many days ago
# is erased by `manage.py erase_expired_personal_data`; coded fields stay for statistics.
PERSONAL_DATA_RETENTION_DAYS = env_int("PERSONAL_DATA_RETENTION_DAYS", 365, minimum=1)
# Public statistics show any count of reports below this as "fewer than N" (and hide enough others that it cannot be worked out).
STATISTICS_MIN_COUNT = env_int("STATISTICS_MIN_COUNT", 5, minimum=2)
# The licence the open data (statistics as CSV, JSON and GeoJSON) is published under: in the JSON files and on its pages.
OPEN_DATA_LICENCE_NAME = env_str("OPEN_DATA_LICENCE_NAME", "CC BY 4.0")
OPEN_DATA_LICENCE_URL = env_str("OPEN_DATA_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/")
# How "a reply is waiting" text messages leave; the console backend only logs that one was sent.
SMS_BACKEND = env_str("SMS_BACKEND", "safecommunity.reports.notifications.ConsoleSmsBackend")
# For SMS_BACKEND=safecommunity.reports.notifications.HttpSmsBackend (e.g. Twilio's Messages API URL).
SMS_HTTP_URL = env_str("SMS_HTTP_URL", "")
SMS_HTTP_USER = env_str("SMS_HTTP_USER", "")
SMS_HTTP_PASSWORD = env_str("SMS_HTTP_PASSWORD", "")
SMS_FROM = env_str("SMS_FROM", "")
SMS_HTTP_TIMEOUT = env_float("SMS_HTTP_TIMEOUT", 10.0)
if SMS_BACKEND.endswith(".HttpSmsBackend") and not SMS_HTTP_URL.startswith(("https://", "http://127.0.0.1")):
    raise ImproperlyConfigured("SMS_HTTP_URL must be an https:// address when SMS_BACKEND is HttpSmsBackend.")
# Background tasks told (with report_id, statistics, contact, erased) when a reporter withdraws consent or their
# report through the follow-up page; reports knows no other app, so the apps that build on it are named here.
REPORTER_REQUEST_TASKS = ["safecommunity.cases.retention_tasks.follow_reporter_request"]

# Cases: service standards (overdue items are on the caseworker's dashboard and in the daily digest).
CASE_FIRST_CONTACT_HOURS = env_int("CASE_FIRST_CONTACT_HOURS", 48, minimum=1)
CASE_FOLLOW_UP_DAYS = env_int("CASE_FOLLOW_UP_DAYS", 14, minimum=1)
# The site's public address, for links in emails sent outside a request (digests, referral notices).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # Request logs carry paths only; bodies (which hold reports) are never logged.
    "loggers": {"django.request": {"level": "ERROR"}},
}
