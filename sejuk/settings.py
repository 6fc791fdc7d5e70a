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
from typing import Any

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


def envfloat(name: str, default: float, minimum: float = 0.0) -> float:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise _fail(name, raw, "harus angka, mis. 2.5") from None
    if not value >= minimum:  # also refuses nan
        raise _fail(name, raw, f"paling kecil {minimum:g}")
    return value


def envweights(name: str, default: str) -> dict[str, float]:
    """Weights by code, such as "bentrokan=10,hoaks=2"."""
    raw = os.environ.get(name, default)
    out: dict[str, float] = {}
    for item in (i.strip() for i in raw.split(",")):
        if not item:
            continue
        code, sep, number = item.partition("=")
        try:
            out[code.strip()] = float(number) if sep else float("nan")
        except ValueError:
            raise _fail(name, raw, "contoh: bentrokan=10,hoaks=2") from None
        if not out[code.strip()] >= 0:
            raise _fail(name, raw, "contoh: bentrokan=10,hoaks=2")
    return out


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
# A read replica of the primary (PostgreSQL streaming replication): pages that only read
# read from it, writes and whoever just wrote use the primary (sejuk/web/replicas.py).
DATABASE_REPLICA_URL = envstr("SEJUK_DATABASE_REPLICA_URL", "")
REPLICA_PIN_SECONDS = envint("SEJUK_REPLICA_PIN_SECONDS", 30, minimum=1)
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = _database(DATABASE_REPLICA_URL, DATA_DIR)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["sejuk.web.replicas.ReplicaRouter"]
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
    "sejuk.maps",
    "sejuk.tension",
    "sejuk.media",
    "sejuk.bulletins",
    "sejuk.alerts",
    "sejuk.channels",
    "sejuk.links",
    "sejuk.patrols",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "sejuk.web.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything reads the request: NUL bytes, broken text and oversized bodies are
    # refused here (sejuk.text), so no session, form or query ever sees them.
    "sejuk.web.middleware.InputMiddleware",
    # The channels' webhooks go no further: no session, user, CSRF or messages for them.
    "sejuk.web.middleware.LeanMiddleware",
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
if DATABASE_REPLICA_URL:  # before anything reads the database (the session, the user)
    MIDDLEWARE.insert(
        MIDDLEWARE.index("sejuk.web.middleware.InputMiddleware") + 1,
        "sejuk.web.replicas.ReplicaMiddleware",
    )

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
                # The header's bell: the signed-in user's unread alerts.
                "sejuk.alerts.context.bell",
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
# An activity import file (100,000 rows of the template, a few sentences each) may be
# larger than a photo: these addresses take it, with 1 MB more for the form around it.
IMPORT_MAX_BYTES = 64 * 1024 * 1024
IMPORT_UPLOAD_PATHS = ("/kegiatan/impor/", "/api/activities/import")

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
# How long a phone keeps opening the field pages it saved, with no signal, after it last
# loaded them signed in; what it logged offline waits in its outbox until it signs in.
OFFLINE_HOURS = envint("SEJUK_OFFLINE_HOURS", 72, minimum=1)
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
# An activity import of more rows than this runs as a background job, its progress on a
# page of its own; smaller files are imported while the page waits.
IMPORT_BACKGROUND_ROWS = envint("SEJUK_IMPORT_BACKGROUND_ROWS", 2000, minimum=1)

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
# A pasted link may lead into the server's own network only where this is on (a closed
# network whose news site has a private address); off, such links are refused.
MEDIA_PASTE_PRIVATE = envbool("SEJUK_MEDIA_PASTE_PRIVATE", False)
# matplotlib (the charts of the reports) keeps its font list in a cache folder: inside
# the data folder, not in the home folder of whoever runs the server.
os.environ.setdefault("MPLCONFIGDIR", str(DATA_DIR / "cache" / "matplotlib"))

# The tension of a desa (sejuk.tension.score): the weight of each part and the level
# thresholds; README "Tension, explained" says why each default is what it is.
TENSION: dict[str, Any] = {
    "baseline": envfloat("SEJUK_TENSION_BASELINE", 20.0),
    "tps_rawan": envfloat("SEJUK_TENSION_TPS_RAWAN", 5.0),
    "tps_sangat_rawan": envfloat("SEJUK_TENSION_TPS_SANGAT_RAWAN", 10.0),
    "incident_types": envweights(
        "SEJUK_TENSION_INCIDENT_WEIGHTS",
        "bentrokan=10,perusakan=8,pengerahan_massa=6,intimidasi=5,penolakan_hasil=5,"
        "unjuk_rasa=4,provokasi=4,ujaran_kebencian=3,politik_uang=3,hoaks=2,"
        "kriminal_umum=2,other=2",
    ),
    "incident_default": envfloat("SEJUK_TENSION_INCIDENT_DEFAULT", 2.0),
    "incident_severe": envfloat("SEJUK_TENSION_INCIDENT_SEVERE", 6.0),
    "incident_half_life": envfloat("SEJUK_TENSION_HALF_LIFE_DAYS", 14.0, minimum=1.0),
    "incident_window": envint("SEJUK_TENSION_INCIDENT_DAYS", 60, minimum=1),
    "neighbour_share": envfloat("SEJUK_TENSION_NEIGHBOUR_SHARE", 0.2),
    "report_urgency": envweights("SEJUK_TENSION_REPORT_WEIGHTS", "darurat=6,segera=3,biasa=1.5"),
    "report_overdue": envfloat("SEJUK_TENSION_REPORT_OVERDUE", 3.0),
    "situation": envweights("SEJUK_TENSION_SITUATION_WEIGHTS", "kondusif=0,waspada=8,rawan=18"),
    "situation_days": envint("SEJUK_TENSION_SITUATION_DAYS", 30, minimum=1),
    "coverage": envfloat("SEJUK_TENSION_COVERAGE", 10.0),
    "coverage_days": envint("SEJUK_TENSION_COVERAGE_DAYS", 60, minimum=1),
    "election": envfloat("SEJUK_TENSION_ELECTION", 15.0),
    "election_days": envint("SEJUK_TENSION_ELECTION_DAYS", 30, minimum=1),
    "media": envfloat("SEJUK_TENSION_MEDIA", 1.0),
    "rawan_from": envfloat("SEJUK_TENSION_RAWAN_FROM", 30.0),
    "sangat_rawan_from": envfloat("SEJUK_TENSION_SANGAT_RAWAN_FROM", 55.0),
}
# How often today's tension of every desa is recomputed in the background (incidents
# fade and days since the last visit grow without any write).
TENSION_RECOMPUTE_MINUTES = envint("SEJUK_TENSION_RECOMPUTE_MINUTES", 60, minimum=1)
if TENSION["sangat_rawan_from"] <= TENSION["rawan_from"]:
    raise _fail(
        "SEJUK_TENSION_SANGAT_RAWAN_FROM",
        str(TENSION["sangat_rawan_from"]),
        "harus lebih besar dari SEJUK_TENSION_RAWAN_FROM",
    )

# The patrol plan (sejuk.patrols): travel between desa and the length of a visit; README
# "Rencana patroli" says why each default is what it is.
PATROL = {
    "speed_kmh": envfloat("SEJUK_PATROL_SPEED_KMH", 30.0, minimum=1.0),
    "road_factor": envfloat("SEJUK_PATROL_ROAD_FACTOR", 1.4, minimum=1.0),
    "same_kecamatan_minutes": envfloat("SEJUK_PATROL_SAME_KECAMATAN_MINUTES", 20.0),
    "other_kecamatan_minutes": envfloat("SEJUK_PATROL_OTHER_KECAMATAN_MINUTES", 50.0),
    "visit_minutes": envfloat("SEJUK_PATROL_VISIT_MINUTES", 45.0, minimum=1.0),
    "own_officer_bonus": envfloat("SEJUK_PATROL_OWN_OFFICER_BONUS", 0.25),
}
# When the teams set out (local time): the arrival estimates are counted from it.
PATROL_START = envstr("SEJUK_PATROL_START", "08:00")
if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", PATROL_START):
    raise _fail("SEJUK_PATROL_START", PATROL_START, "tulis jam:menit, mis. 08:00")

# Public endpoints (the citizen report form and case check), per client address.
RATE_REPORT = envrate("SEJUK_RATE_REPORT", "10/h")
RATE_CHECK = envrate("SEJUK_RATE_CHECK", "60/h")
# Where those hits are counted: "memory" (each server process counts its own, no write
# per request; behind several processes put nginx's limit_req in front, see
# docs/deploy.md) or "database" (one counter row shared by every process and machine).
RATE_STORE = envstr("SEJUK_RATE_STORE", "memory")
if RATE_STORE not in ("memory", "database"):
    raise _fail("SEJUK_RATE_STORE", RATE_STORE, "pilih memory atau database")

# Messaging channels (sejuk.channels): a channel is on when its credentials are set.
WHATSAPP_TOKEN = envstr("SEJUK_WHATSAPP_TOKEN", "")
WHATSAPP_APP_SECRET = envstr("SEJUK_WHATSAPP_APP_SECRET", "")
WHATSAPP_VERIFY_TOKEN = envstr("SEJUK_WHATSAPP_VERIFY_TOKEN", "")
WHATSAPP_PHONE_NUMBER_ID = envstr("SEJUK_WHATSAPP_PHONE_NUMBER_ID", "")
# An approved message template with one body parameter, for the later news of a case
# when the citizen last wrote more than 24 hours ago (WhatsApp allows free text only
# within 24 hours of the citizen's last message).
WHATSAPP_TEMPLATE = envstr("SEJUK_WHATSAPP_TEMPLATE", "")
WHATSAPP_API_URL = envstr("SEJUK_WHATSAPP_API_URL", "https://graph.facebook.com/v21.0")
TELEGRAM_TOKEN = envstr("SEJUK_TELEGRAM_TOKEN", "")
TELEGRAM_SECRET = envstr("SEJUK_TELEGRAM_SECRET", "")
TELEGRAM_POLLING = envbool("SEJUK_TELEGRAM_POLLING", False)
TELEGRAM_API_URL = envstr("SEJUK_TELEGRAM_API_URL", "https://api.telegram.org")
SMS_GATEWAY_URL = envstr("SEJUK_SMS_GATEWAY_URL", "")
SMS_GATEWAY_USER = envstr("SEJUK_SMS_GATEWAY_USER", "")
SMS_GATEWAY_PASSWORD = envstr("SEJUK_SMS_GATEWAY_PASSWORD", "")
SMS_SIGNING_KEY = envstr("SEJUK_SMS_SIGNING_KEY", "")
# A conversation left this long is closed, politely.
CHAT_EXPIRY_MINUTES = envint("SEJUK_CHAT_EXPIRY_MINUTES", 60, minimum=1)
# /dev/chat/: talk to Sejuk as a citizen or an officer without a channel. Off in
# production; `make run` turns it on.
CHAT_SIMULATOR = envbool("SEJUK_CHAT_SIMULATOR", False)

# Alerts (sejuk.alerts): what raises one, README "Peringatan" says why each default.
ALERT_RULES_ALL = (
    "naik_rawan",
    "lonjakan",
    "darurat",
    "terlambat",
    "kejadian_berat",
    "belum_dikunjungi",
)
ALERT_RULES = envlist("SEJUK_ALERT_RULES", ",".join(ALERT_RULES_ALL))
# A desa rising to one of these levels (from a lower one, day on day) raises an alert.
ALERT_LEVELS = envlist("SEJUK_ALERT_LEVELS", "rawan,sangat_rawan")
# A desa's tension rising by more than this many points against the day before.
ALERT_RISE_POINTS = envfloat("SEJUK_ALERT_RISE_POINTS", 15.0, minimum=1.0)
# Incidents of these types raise an alert, and any grave one (a death, three injured, a
# building damaged) whatever its type.
ALERT_SEVERE_TYPES = envlist("SEJUK_ALERT_SEVERE_TYPES", "bentrokan,perusakan,pengerahan_massa")
# A rawan or sangat rawan desa with no activity for more than this many days.
ALERT_UNVISITED_DAYS = envint("SEJUK_ALERT_UNVISITED_DAYS", 14, minimum=1)
# After an alert of a rule for a desa, the same rule for that desa only counts a repeat
# on it for this long (a flapping desa gives no storm).
ALERT_QUIET_HOURS = envint("SEJUK_ALERT_QUIET_HOURS", 24, minimum=0)
# More than this many immediate alerts for one person within the digest period: the
# rest wait for the digest, one message.
ALERT_DIGEST_AFTER = envint("SEJUK_ALERT_DIGEST_AFTER", 3, minimum=1)
ALERT_DIGEST_MINUTES = envint("SEJUK_ALERT_DIGEST_MINUTES", 30, minimum=1)
ALERT_CHECK_MINUTES = envint("SEJUK_ALERT_CHECK_MINUTES", 5, minimum=1)
# Where alerts go beyond the app, in this order, for whoever has the address (e-mail on
# the account, the officer's phone or Telegram id) once the channel is configured.
ALERT_CHANNELS = envlist("SEJUK_ALERT_CHANNELS", "email,telegram,whatsapp")
for _name, _given, _known in (
    ("SEJUK_ALERT_RULES", ALERT_RULES, ALERT_RULES_ALL),
    ("SEJUK_ALERT_LEVELS", ALERT_LEVELS, ("rawan", "sangat_rawan")),
    ("SEJUK_ALERT_CHANNELS", ALERT_CHANNELS, ("email", "telegram", "whatsapp", "sms")),
):
    if set(_given) - set(_known):
        raise _fail(_name, ",".join(_given), "pilih dari " + ",".join(_known))
# E-mail out (alerts): off while SEJUK_EMAIL_HOST is empty.
EMAIL_HOST = envstr("SEJUK_EMAIL_HOST", "")
EMAIL_PORT = envint("SEJUK_EMAIL_PORT", 587, minimum=1)
EMAIL_HOST_USER = envstr("SEJUK_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = envstr("SEJUK_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = envbool("SEJUK_EMAIL_TLS", True)
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = envstr("SEJUK_EMAIL_FROM", "Sejuk <sejuk@localhost>")

PERMISSIONS_POLICY = "geolocation=(self), camera=(self), microphone=(), payment=(), usb=()"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("SEJUK_LOG_LEVEL", "INFO")},
    # django-axes reports every sign-in at INFO; Sejuk's own audit log keeps them.
    "loggers": {"axes": {"level": "WARNING"}},
}
