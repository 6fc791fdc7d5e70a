from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "sejuk.web"
    verbose_name = "Tampilan web"
