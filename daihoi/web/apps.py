"""Django app configuration of daihoi.web."""

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "daihoi.web"
    label = "web"
