"""Django settings for daihoi: everything offline (no CDN), Vietnamese first, data in one folder.

Environment: DAIHOI_DATA (data folder, default ./data), DATABASE_URL (PostgreSQL), DAIHOI_DEBUG,
DAIHOI_ALLOWED_HOSTS (comma-separated), DAIHOI_SECRET_KEY (else one is made in the data folder),
DAIHOI_HTTPS=1 (served over TLS: Secure cookies, HSTS; `daihoi serve --tls-cert` sets it).
See docs/deployment.md.
"""

import os
import secrets
from pathlib import Path

from daihoi.config.database import database_from_url

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("DAIHOI_DATA", Path.cwd() / "data")).resolve()
# The database, the secret key and the uploaded registers and ballot scans are readable by the
# application's own account only: folders 0700, files 0600 as they are created.
os.umask(0o077)
DATA_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)


def _secret_key() -> str:
    if key := os.environ.get("DAIHOI_SECRET_KEY"):
        return key
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("DAIHOI_DEBUG", "") == "1"
ALLOWED_HOSTS = os.environ.get("DAIHOI_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")

# Django's admin: off unless DAIHOI_ADMIN=1, and then read-only (roles change in the application)
ADMIN_ENABLED = os.environ.get("DAIHOI_ADMIN", "") == "1"
INSTALLED_APPS = [
    *(["django.contrib.admin"] if ADMIN_ENABLED else []),
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "daihoi.db",
    "daihoi.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "daihoi.web.middleware.LanguageMiddleware",
    "daihoi.web.middleware.ContentSecurityPolicyMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "daihoi.web.middleware.SignedInTodayMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "daihoi.config.urls"
WSGI_APPLICATION = "daihoi.config.wsgi.application"

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
                "django.template.context_processors.i18n",
            ],
        },
    },
]

DATABASES = {"default": database_from_url(os.environ.get("DATABASE_URL"), DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
# Served by the application itself from the package (no CDN, no collectstatic step in the hall).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# A stack of scanned ballots is uploaded at once: one file per page from most scanners.
DATA_UPLOAD_MAX_NUMBER_FILES = 1000

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
# A session lasts one congress day: it ends when the browser closes and at midnight Vietnam time
# (SignedInTodayMiddleware), so a hall computer left signed in is not signed in tomorrow. The
# database backend is shared by every server process: signing out anywhere ends it everywhere at
# once (the cached_db backend kept a copy in each process's memory for minutes).
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = 60 * 60 * 24
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Failed sign-ins are counted in the database, so every server process sees the same count.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "sign_in": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "daihoi_sign_in_throttle",
    },
}

# Served over TLS (docs/deployment.md): cookies only over HTTPS, and browsers told to keep to it.
HTTPS = os.environ.get("DAIHOI_HTTPS", "") == "1"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
# 30 days: a congress and its follow-up; not years, as the hall's address may serve plain HTTP
# again once the congress is over (HSTS is sent only on HTTPS answers).
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 30 if HTTPS else 0
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Everything is served by the application itself; style attributes in the pages are allowed (not
# <style> elements, not inline scripts); the check-in camera and the projector read from 'self'.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
    "img-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

# Django's own password validators: every account made or changed through the application meets
# them (the demo's accounts, made in code with the published password, do not pass through them)
# Django's checks, their refusals in the catalogue's words (Vietnamese, or English)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "daihoi.web.passwords.UserAttributeSimilarityValidator"},
    {"NAME": "daihoi.web.passwords.MinimumLengthValidator"},
    {"NAME": "daihoi.web.passwords.CommonPasswordValidator"},
    {"NAME": "daihoi.web.passwords.NumericPasswordValidator"},
]
