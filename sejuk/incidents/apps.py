from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "sejuk.incidents"
    verbose_name = "Kejadian"
