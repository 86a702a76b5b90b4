"""Django settings for the shop project (production values come from the environment)."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = os.environ.get("DJANGO_DEBUG", "false").lower() == "true"
ALLOWED_HOSTS = ["shop.example.test", "localhost"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("DB_NAME", "shop"),
        "USER": os.environ.get("DB_USER", "shop"),
        "PASSWORD": os.environ.get("DB_PASSWORD"),
        "HOST": os.environ.get("DB_HOST", "127.0.0.1"),
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

OAUTH = {
    "token_url": "https://oauth2.googleapis.com/token",
    "client_secret": os.environ.get("OAUTH_CLIENT_SECRET", ""),
    "scopes": ["openid", "email"],
}

tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased")
api_key = settings.PAYMENT_API_KEY
token = request.headers.get("Authorization", "").removeprefix("Bearer ")
secret_name = f"projects/{PROJECT_ID}/secrets/db-password/versions/latest"
password_reset_timeout = 60 * 60 * 24
STATIC_ROOT = BASE_DIR / "static"
