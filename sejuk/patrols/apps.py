from django.apps import AppConfig


class PatrolsConfig(AppConfig):
    name = "sejuk.patrols"
    verbose_name = "Rencana patroli"
