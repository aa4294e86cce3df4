"""
Settings of the Alliance 8.7 Hub, read from environment variables only.

Every variable, its default, and what it does:

  DEBUG            false   Django's debug mode. Only `alliance87 demo` turns it on.
  SECRET_KEY       (demo)  Signing key; also read from SECRET_KEY_FILE. A start
                           with DEBUG off and the demo key refuses to run.
  ALLOWED_HOSTS    127.0.0.1,localhost,[::1]   Comma-separated host names.
  DATABASE_URL     sqlite:///var/hub.sqlite3   Any URL dj-database-url reads;
                           also read from DATABASE_URL_FILE.
  REDIS_URL        (none)  Turns on the Redis cache (django-redis); without it
                           each process keeps a small local-memory cache.
  TASKS_BACKEND    database, or rq when REDIS_URL is set   Where background
                           tasks wait for `alliance87 worker` (docs/tasks.md).
  TASKS_TIMEOUT_SECONDS 1800  With rq: the longest a task may run.
  COMMUNITY_MAIL_EVERY_SECONDS 300  How often the workers' schedule sends
                           the community's due digests.
  HTTPS            true    Redirect to HTTPS, secure cookies, HSTS. Defaults to
                           false when DEBUG is on. HTTPS=false serves plain
                           HTTP, for a loopback trial or behind a TLS proxy.
  SECURE_PROXY_SSL_HEADER_NAME  (none)  e.g. HTTP_X_FORWARDED_PROTO, when a
                           trusted proxy terminates TLS.
  CSRF_TRUSTED_ORIGINS   (none)  Comma-separated origins.
  PAGE_CACHE_SECONDS 300   How long a public page rendered for anonymous
                           visitors is kept (any write invalidates it first).
  API_RATE_PER_ADDRESS 600, API_RATE_PER_TOKEN 300   Open API calls a minute
                           per address and per token (429 beyond).
  API_MAX_BODY_BYTES 65536  The largest request body the API reads (413).
  EMAIL_HOST       (none)  SMTP server; without it mail goes to the console.
  EMAIL_PORT 25, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD (+ _FILE), EMAIL_USE_TLS
  DEFAULT_FROM_EMAIL  Alliance 8.7 Hub <hub@localhost>
  MAIL_WEBHOOK_SECRET (none, + _FILE)  user:password the mail provider's
                           tracking webhook sends (HTTP basic auth) to
                           /hooks/mail/<provider>/: bounces and complaints
                           (docs/communications.md). Without it the
                           endpoint answers 404.
  MAILGUN_WEBHOOK_SIGNING_KEY (none, + _FILE)  Mailgun's webhook signing
                           key (HMAC of its payloads); without it
                           /hooks/mail/mailgun/ answers 404.
  POSTAL_WEBHOOK_KEY (none, + _FILE)  Postal's webhook public key (base64;
                           RSA signature of its payloads); without it
                           /hooks/mail/postal/ answers 404.
  NEWSLETTER_SOFT_BOUNCE_LIMIT 3, NEWSLETTER_SOFT_BOUNCE_DAYS 30  That many
                           temporary bounces within that many days stop
                           the newsletter to an address.
  MEDIA_ROOT       var/media   Uploaded files.
  FILE_MAX_MB      20      Largest upload accepted, in megabytes.
  FILES_ORPHAN_HOURS 24    A stored file no row names is removed (daily,
                           by the workers) once it is this many hours old.
  SLACK_IMPORT_MAX_MB 200  Largest Slack export (zip) the Secretariat's
                           import page accepts, in megabytes (docs/slack-import.md).
  FILES_SERVE      django  Who sends an uploaded file once the Hub has checked
                           who may see it: django, x-accel-redirect (nginx)
                           or x-sendfile (Apache, lighttpd).
  FILES_INTERNAL_PREFIX /protected-media/  With x-accel-redirect: the
                           internal location that maps to MEDIA_ROOT.
  STATIC_ROOT      var/static  Collected static files.
  LOG_LEVEL        INFO
  SERVE_WORKERS    2       Worker processes of `alliance87 serve`.
  BENCH_HELLO      false   Expose /bench/hello, the benchmarks' trivial floor.
  SITE_URL         http://127.0.0.1:8000   The Hub's public address, for links
                           in emails sent outside a request (invitations).
  REPLY_EMAIL_DOMAIN (none)  Turns on reply by email in the community: each
                           email about a thread gets a signed Reply-To
                           reply+<token>@<this domain>, whose mail the server
                           hands to `alliance87 inbound_mail` (docs/community.md).
  REPLY_EMAIL_DAYS 30      How long a reply address stays valid, in days.
  REPLY_EMAIL_MAX_BYTES 10485760  The largest inbound reply read (bigger is refused).
  REPLY_EMAIL_AUTHSERV_IDS (none)  The authserv-ids (comma-separated) of the
                           Hub's own receiving mail servers: only their
                           Authentication-Results headers are believed.
  REPLY_EMAIL_AUTH_POLICY refuse-fail  What a reply's Authentication-Results
                           decide: refuse-fail (refuse a DMARC failure),
                           require-pass (also refuse what does not pass) or
                           record-only (refuse nothing, record the verdict).
  COMMUNITY_HOLD_DAYS 7    A community account younger than this many days...
  COMMUNITY_HOLD_POSTS 1   ...with fewer published posts than this has its posts
                           held for a moderator's review (0 in either: none).
  COMMUNITY_NEW_POSTS_PER_HOUR 3  Posts such a new account may write per clock
                           hour (0: no limit).
  COMMUNITY_ATTACHMENTS_PER_POST 5  Files a community post may carry (0: none).
  COMMUNITY_ATTACHMENT_MAX_MB 10  The largest file attached to a post, in
                           megabytes (FILE_MAX_MB bounds it too).
  COMMUNITY_ATTACHMENT_KINDS pdf,docx,xlsx,pptx,odt,ods,odp,csv,txt,png,jpeg,webp
                           The kinds of file a post may carry (core.files'
                           keys), checked by content.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

# Accounts, the caches, background tasks, email, the community and logging
# are read in modules of their own (alliance87/config/), imported here name
# by name.
from alliance87.config.accounts import (
    ACCOUNT_ADAPTER,
    ACCOUNT_EMAIL_VERIFICATION,
    ACCOUNT_FORMS,
    ACCOUNT_LOGIN_METHODS,
    ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION,
    ACCOUNT_LOGOUT_REDIRECT_URL,
    ACCOUNT_PREVENT_ENUMERATION,
    ACCOUNT_RATE_LIMITS,
    ACCOUNT_SIGNUP_FIELDS,
    ACCOUNT_UNIQUE_EMAIL,
    AUTH_PASSWORD_VALIDATORS,
    AUTHENTICATION_BACKENDS,
    LOGIN_REDIRECT_URL,
    LOGIN_URL,
    MFA_FORMS,
    MFA_PASSKEY_LOGIN_ENABLED,
    MFA_SUPPORTED_TYPES,
    MFA_TOTP_ISSUER,
    MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN,
    PASSWORD_HASHERS,
)
from alliance87.config.caches import (
    CACHES,
    DJANGO_REDIS_IGNORE_EXCEPTIONS,
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS,
    REDIS_URL,
    SESSION_ENGINE,
)
from alliance87.config.community import (
    COMMUNITY_ATTACHMENT_KINDS,
    COMMUNITY_ATTACHMENT_MAX_MB,
    COMMUNITY_ATTACHMENTS_PER_POST,
    COMMUNITY_HOLD_DAYS,
    COMMUNITY_HOLD_POSTS,
    COMMUNITY_NEW_POSTS_PER_HOUR,
    REPLY_EMAIL_AUTH_POLICY,
    REPLY_EMAIL_AUTHSERV_IDS,
    REPLY_EMAIL_DAYS,
    REPLY_EMAIL_DOMAIN,
    REPLY_EMAIL_MAX_BYTES,
)
from alliance87.config.logs import LOG_LEVEL, LOGGING
from alliance87.config.mail import (
    DEFAULT_FROM_EMAIL,
    EMAIL_BACKEND,
    EMAIL_HOST,
    EMAIL_HOST_PASSWORD,
    EMAIL_HOST_USER,
    EMAIL_PORT,
    EMAIL_USE_TLS,
    MAIL_WEBHOOK_SECRET,
    MAILGUN_WEBHOOK_SIGNING_KEY,
    NEWSLETTER_SOFT_BOUNCE_DAYS,
    NEWSLETTER_SOFT_BOUNCE_LIMIT,
    POSTAL_WEBHOOK_KEY,
    SERVER_EMAIL,
)
from alliance87.config.tasks import (
    RQ_QUEUES,
    TASKS,
    TASKS_APPS,
    TASKS_BACKEND,
    TASKS_LATE_SECONDS,
    TASKS_SCHEDULE,
    TASKS_SCHEDULE_TICK,
)
from alliance87.environment import env, envbool, envint, envlist, envsecret

BASE_DIR = Path(__file__).resolve().parent.parent

# The key `alliance87 demo` uses. The `core` system check refuses it
# whenever DEBUG is off, so it can never sign a production cookie.
DEMO_SECRET_KEY = "demo-only-insecure-key-do-not-use-in-production-8.7"

DEBUG = envbool("DEBUG", False)
SECRET_KEY = envsecret("SECRET_KEY", DEMO_SECRET_KEY)
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "modeltranslation",  # must precede admin
    "alliance87.core",
    "alliance87.countries",
    "alliance87.partners",
    "alliance87.pathfinders",
    "alliance87.events",
    "alliance87.groups",
    "alliance87.statements",
    "alliance87.reports",
    "alliance87.applications",
    "alliance87.library",
    "alliance87.data",
    "alliance87.comms",
    "alliance87.campaigns",
    "alliance87.community",
    "alliance87.accounts",
    # After accounts: its ready() registers every model in the audit log,
    # and safeguarding's takes its confidential models out again.
    "alliance87.safeguarding",
    "alliance87.home",
    "alliance87.demo",
    "alliance87.api",
    # Last: its ready() connects to the models of every provider the areas
    # above registered in theirs (search/following.py).
    "alliance87.search",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "auditlog",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]
# With TASKS_BACKEND=rq, RQ's apps (alliance87/config/tasks.py).
INSTALLED_APPS += TASKS_APPS

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Pages cross slow and costly connections: compress what is not already
    # (cached public pages and static files arrive compressed). Django masks
    # the CSRF token per response, which defeats BREACH.
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "alliance87.core.middleware.security_headers",
    # The open API's size limit, rate limits and CORS, before anything else
    # is done for its calls (alliance87/api/middleware.py).
    "alliance87.api.middleware.api_guard",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "alliance87.accounts.middleware.require_staff_mfa",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "alliance87.urls"
# Select boxes are written in Python (the country filters have 196 options).
FORM_RENDERER = "alliance87.core.forms.HubFormRenderer"
WSGI_APPLICATION = "alliance87.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "alliance87.core.context_processors.frame",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        envsecret("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'hub.sqlite3'}"),
        conn_max_age=600,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at once; IMMEDIATE avoids the
    # "database is locked" upgrade deadlock under concurrent writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
    }
    DATABASES["default"]["CONN_MAX_AGE"] = None
    DATABASES["default"]["TEST"] = {"NAME": ""}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PAGE_CACHE_SECONDS = envint("PAGE_CACHE_SECONDS", 300)
# The open API (alliance87/api): calls a minute per address and per token,
# and the largest request body it reads.
API_RATE_PER_ADDRESS = envint("API_RATE_PER_ADDRESS", 600, minimum=1)
API_RATE_PER_TOKEN = envint("API_RATE_PER_TOKEN", 300, minimum=1)
API_MAX_BODY_BYTES = envint("API_MAX_BODY_BYTES", 65536, minimum=1024)

# The audit log (django-auditlog) records the models registered with it,
# with the address of the request that changed them.
AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_DISABLE_REMOTE_ADDR = False

# Languages: English, French and Spanish, the Alliance's working languages.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "alliance87" / "locale"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# Dates are typed day first in every language (see alliance87/formats/en).
FORMAT_MODULE_PATH = ["alliance87.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
# Uploaded files are served by alliance87.core.files.serve_file, which
# applies their owner's visibility; MEDIA_URL is never served directly.
FILE_MAX_MB = envint("FILE_MAX_MB", 20, minimum=1)
# A stored file no row names is removed once it is this many hours old
# (core/files/sweep.py): long enough for a row to commit after its upload.
FILES_ORPHAN_HOURS = envint("FILES_ORPHAN_HOURS", 24, minimum=1)
SLACK_IMPORT_MAX_MB = envint("SLACK_IMPORT_MAX_MB", 200, minimum=1)
FILES_SERVE = env("FILES_SERVE", "django")
if FILES_SERVE not in {"django", "x-accel-redirect", "x-sendfile"}:
    raise ImproperlyConfigured(
        f"FILES_SERVE must be django, x-accel-redirect or x-sendfile, not {FILES_SERVE!r}."
    )
FILES_INTERNAL_PREFIX = env("FILES_INTERNAL_PREFIX", "/protected-media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Hashed file names never change content, so browsers may keep them a year.
WHITENOISE_MAX_AGE = 31536000

# Security. HTTPS is on by default outside debug mode.
HTTPS = envbool("HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if env("SECURE_PROXY_SSL_HEADER_NAME"):
    SECURE_PROXY_SSL_HEADER = (env("SECURE_PROXY_SSL_HEADER_NAME"), "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Strict policy from day one: nothing inline without a nonce, nothing from
# another origin. Pages load one stylesheet; only the passkey pages load
# scripts (allauth's and static/js/passkeys.js), files of this origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [NONE],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
        "manifest-src": [SELF],
    },
}

SERVE_WORKERS = envint("SERVE_WORKERS", 2, minimum=1)
BENCH_HELLO = envbool("BENCH_HELLO", False)
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")
if not SITE_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured(f"SITE_URL must start with http:// or https://, not {SITE_URL!r}.")

SILENCED_SYSTEM_CHECKS: list[str] = []
