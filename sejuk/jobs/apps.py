from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "sejuk.jobs"
    verbose_name = "Pekerjaan latar"
