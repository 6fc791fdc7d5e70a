from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "sejuk.regions"
    verbose_name = "Wilayah"
