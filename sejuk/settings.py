"""Sejuk settings: the only module that reads the environment.

Every setting a deployment may change is a ``SEJUK_*`` variable, read by one of the typed
helpers below. A bad value stops start-up with a message that names the variable and says
what would be accepted, instead of failing later in a request.
"""

from __future__ import annotations

import ipaddress
import os
import re
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PACKAGE_DIR = Path(__file__).resolve().parent

_TRUE = {"1", "true", "yes", "on", "ya"}
_FALSE = {"0", "false", "no", "off", "tidak", ""}


def _fail(name: str, value: str, hint: str) -> ImproperlyConfigured:
    return ImproperlyConfigured(f"{name}={value!r} tidak valid: {hint}")


def envstr(name: str, default: str) -> str:
    return os.environ.get(name, default)


def envbool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise _fail(name, raw, "gunakan 1/0, true/false, yes/no")


def envint(name: str, default: int, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise _fail(name, raw, "harus bilangan bulat") from None
    if minimum is not None and value < minimum:
        raise _fail(name, raw, f"paling kecil {minimum}")
    return value


def envrate(name: str, default: str) -> str:
    """A rate such as "10/h" (per second, minute, hour or day; "10/30s" too)."""
    value = os.environ.get(name, default)
    if not re.fullmatch(r"\d+/\d*[smhd]", value):
        raise _fail(name, value, "contoh: 10/h, 5/m, 100/d")
    return value


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def envaddress(name: str) -> str:
    """One IP address (IPv4 or IPv6), written as the server sees it, or empty."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return ""
    try:
        return str(ipaddress.ip_address(raw))
    except ValueError:
        raise _fail(
            name, raw, "satu alamat IP, mis. 127.0.0.1 bila nginx di mesin yang sama"
        ) from None


def _secret_key(path: Path) -> str:
    """The key from SEJUK_SECRET_KEY, else one generated once and kept in the data folder,
    so sessions survive a restart of a laptop install without anyone choosing a key."""
    configured = os.environ.get("SEJUK_SECRET_KEY")
    if configured is not None:
        if len(configured) < 32:
            raise _fail("SEJUK_SECRET_KEY", "***", "minimal 32 karakter")
        return configured
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key


def _encryption_keys() -> list[str]:
    """Keys for the reporter's contact details (Fernet) from SEJUK_ENCRYPTION_KEYS: one or
    more, comma separated, newest first (older ones still decrypt, for rotation). Without
    it the key is the data folder's `encryption_key`, which sejuk.crypto generates, once,
    only while nothing is encrypted (never here: a data folder restored without its key
    must be refused, not given a new key)."""
    configured = os.environ.get("SEJUK_ENCRYPTION_KEYS")
    if configured is None:
        return []
    keys = [k.strip() for k in configured.split(",") if k.strip()]
    if not keys or any(len(k) != 44 for k in keys):
        raise _fail("SEJUK_ENCRYPTION_KEYS", "***", "kunci Fernet 44 karakter, dipisah koma")
    return keys


def _database(url: str, data_dir: Path) -> dict[str, object]:
    if not url:
        url = f"sqlite:///{data_dir / 'sejuk.sqlite3'}"
    try:
        config: dict[str, object] = dict(dj_database_url.parse(url))
    except ValueError as exc:
        raise _fail(
            "SEJUK_DATABASE_URL", url, f"{exc}; contoh: postgresql://user:pass@host/db"
        ) from None
    engine = str(config.get("ENGINE", ""))
    if engine == "django.db.backends.sqlite3":
        name = Path(str(config["NAME"]))
        if str(name) != ":memory:":
            name.parent.mkdir(parents=True, exist_ok=True)
        config["OPTIONS"] = {
            # Writers queue for the lock instead of failing with "database is locked",
            # and take it at BEGIN so a read never has to be upgraded mid-transaction.
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL;"
                "PRAGMA synchronous=NORMAL;"
                "PRAGMA foreign_keys=ON;"
                "PRAGMA busy_timeout=20000;"
            ),
        }
    elif engine == "django.db.backends.postgresql":
        config["CONN_MAX_AGE"] = envint("SEJUK_DB_CONN_MAX_AGE", 60, minimum=0)
        config["CONN_HEALTH_CHECKS"] = True
    else:
        raise _fail("SEJUK_DATABASE_URL", url, "hanya sqlite:/// atau postgresql:// yang didukung")
    return config


DATA_DIR = Path(envstr("SEJUK_DATA_DIR", str(Path.cwd() / "var"))).resolve()
DEBUG = envbool("SEJUK_DEBUG", False)
SECRET_KEY_FILE = DATA_DIR / "secret_key"
SECRET_KEY = _secret_key(SECRET_KEY_FILE)
SECRET_KEY_CONFIGURED = "SEJUK_SECRET_KEY" in os.environ
ENCRYPTION_KEYS = _encryption_keys()
ENCRYPTION_KEY_FILE = DATA_DIR / "encryption_key"
ALLOWED_HOSTS = envlist("SEJUK_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = envlist("SEJUK_CSRF_TRUSTED_ORIGINS", "")

DATABASES = {"default": _database(envstr("SEJUK_DATABASE_URL", ""), DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "ninja",
    "axes",
    "csp",
    "sejuk.web",
    "sejuk.regions",
    "sejuk.units",
    "sejuk.accounts",
    "sejuk.leaders",
    "sejuk.jobs",
    "sejuk.activities",
    "sejuk.reports",
    "sejuk.incidents",
    "sejuk.media",
    "sejuk.bulletins",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "sejuk.web.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything reads the request: NUL bytes, broken text and oversized bodies are
    # refused here (sejuk.text), so no session, form or query ever sees them.
    "sejuk.web.middleware.InputMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "sejuk.web.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "sejuk.accounts.middleware.MustChangePasswordMiddleware",
    "sejuk.web.middleware.SejukErrorMiddleware",
    # Last, as django-axes asks: it watches the sign-in attempts of everything above.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "sejuk.urls"
WSGI_APPLICATION = "sejuk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Bahasa Indonesia first; English available through the language switcher.
LANGUAGE_CODE = envstr("SEJUK_LANGUAGE", "id")
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
if LANGUAGE_CODE not in dict(LANGUAGES):
    raise _fail("SEJUK_LANGUAGE", LANGUAGE_CODE, "pilih id atau en")
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
# Stored in UTC; shown in each region's own zone (WIB, WITA, WIT).
TIME_ZONE = "Asia/Jakarta"

MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
DATA_UPLOAD_MAX_MEMORY_SIZE = 15 * 1024 * 1024  # a phone photo and its form
FILE_UPLOAD_MAX_MEMORY_SIZE = 15 * 1024 * 1024

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "sejuk.web.storage.StaticStorage"},
}
if DEBUG:
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
WHITENOISE_USE_FINDERS = DEBUG

SERVE_HOST = envstr("SEJUK_HOST", "127.0.0.1")
SERVE_PORT = envint("SEJUK_PORT", 8000, minimum=1)
SERVE_THREADS = envint("SEJUK_THREADS", 8, minimum=1)

# Secure defaults; a deployment behind TLS turns on the cookie flags with SEJUK_HTTPS=1.
HTTPS = envbool("SEJUK_HTTPS", False)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
# Behind a reverse proxy (nginx ending TLS): its address. `sejuk serve` then takes the
# client's address and the scheme from its X-Forwarded-For and X-Forwarded-Proto, and
# ignores (removes) those headers from any other address, so a client can neither claim
# https nor another address to escape the rate limits and the sign-in lock-out.
TRUSTED_PROXY = envaddress("SEJUK_TRUSTED_PROXY")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if TRUSTED_PROXY else None
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Accounts: argon2 password hashing, sign-in lock-out, sessions.
AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("SEJUK_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=envint("SEJUK_LOCKOUT_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "sejuk.accounts.views.locked_out"
AXES_VERBOSE = False
# Unlocking is offered on Sejuk's own user admin (area-scoped) and by `sejuk users unlock`.
AXES_ENABLE_ADMIN = False
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
SESSION_COOKIE_AGE = envint("SEJUK_SESSION_HOURS", 12, minimum=1) * 3600
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "sejuk.web.views.csrf_failure"

# Security headers: no inline script anywhere, nothing loaded from another origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# Deadlines for the first response to a citizen report, by urgency, in minutes.
REPORT_RESPONSE_MINUTES = {
    "darurat": envint("SEJUK_RESPONSE_DARURAT_MINUTES", 60, minimum=1),
    "segera": envint("SEJUK_RESPONSE_SEGERA_MINUTES", 4 * 60, minimum=1),
    "biasa": envint("SEJUK_RESPONSE_BIASA_MINUTES", 24 * 60, minimum=1),
}

# Background jobs (sejuk.background): `sejuk serve` runs them in a thread of its own, so a
# laptop needs nothing else; 0 where `sejuk worker` runs them apart (servers).
SERVE_JOBS = envbool("SEJUK_SERVE_JOBS", True)

# The morning situation report of each Polda and Polres in use: from this hour, in the
# unit's own zone, the background job (checking every few minutes) makes the previous
# day's.
BULLETIN_SCHEDULE = envbool("SEJUK_BULLETIN_SCHEDULE", True)
DAILY_REPORT_HOUR = envint("SEJUK_DAILY_REPORT_HOUR", 6, minimum=0)
if DAILY_REPORT_HOUR > 23:
    raise _fail("SEJUK_DAILY_REPORT_HOUR", str(DAILY_REPORT_HOUR), "jam 0 sampai 23")
BULLETIN_CHECK_MINUTES = envint("SEJUK_BULLETIN_CHECK_MINUTES", 10, minimum=1)

# Media monitoring: the news feeds of the sources registry are polled by a background job
# every few minutes, asking each host at most once per delay, each request given up after
# the timeout.
FEEDS_SCHEDULE = envbool("SEJUK_FEEDS_SCHEDULE", True)
FEEDS_POLL_MINUTES = envint("SEJUK_FEEDS_POLL_MINUTES", 30, minimum=1)
FEEDS_HOST_DELAY_MS = envint("SEJUK_FEEDS_HOST_DELAY_MS", 2000, minimum=0)
FEEDS_TIMEOUT_SECONDS = envint("SEJUK_FEEDS_TIMEOUT_SECONDS", 15, minimum=1)
# matplotlib (the charts of the reports) keeps its font list in a cache folder: inside
# the data folder, not in the home folder of whoever runs the server.
os.environ.setdefault("MPLCONFIGDIR", str(DATA_DIR / "cache" / "matplotlib"))

# Public endpoints (the citizen report form and case check), per client address.
RATE_REPORT = envrate("SEJUK_RATE_REPORT", "10/h")
RATE_CHECK = envrate("SEJUK_RATE_CHECK", "60/h")

PERMISSIONS_POLICY = "geolocation=(self), camera=(self), microphone=(), payment=(), usb=()"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("SEJUK_LOG_LEVEL", "INFO")},
    # django-axes reports every sign-in at INFO; Sejuk's own audit log keeps them.
    "loggers": {"axes": {"level": "WARNING"}},
}
