from django.apps import AppConfig


class ChannelsConfig(AppConfig):
    name = "sejuk.channels"
    label = "channels"
    verbose_name = "Saluran pesan"
