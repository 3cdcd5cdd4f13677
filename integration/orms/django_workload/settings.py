"""Django settings of the ORM workload: one PostgreSQL database (psycopg2
backend) taken from LITEGRES_ORM_DSN, the shop app and Django's auth and
contenttypes apps (their migrations are part of an ordinary `migrate`)."""

import os
from urllib.parse import urlparse

_dsn = urlparse(os.environ["LITEGRES_ORM_DSN"])

SECRET_KEY = "orm-workload"
USE_TZ = True
TIME_ZONE = "UTC"
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth", "shop"]
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": _dsn.path.lstrip("/"),
        "USER": _dsn.username,
        "HOST": _dsn.hostname,
        "PORT": _dsn.port,
    }
}
