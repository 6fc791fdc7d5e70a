from django.apps import AppConfig


class LeadersConfig(AppConfig):
    name = "sejuk.leaders"
    verbose_name = "Tokoh"
