"""Django app configuration of daihoi.db."""

from django.apps import AppConfig


class DbConfig(AppConfig):
    name = "daihoi.db"
    label = "daihoi"
    verbose_name = "daihoi"
    default_auto_field = "django.db.models.BigAutoField"
