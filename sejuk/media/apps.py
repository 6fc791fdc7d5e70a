from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "sejuk.media"
    verbose_name = "Pemantauan media"
