from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "sejuk.activities"
    verbose_name = "Kegiatan"
