from django.apps import AppConfig


class BulletinsConfig(AppConfig):
    name = "sejuk.bulletins"
    verbose_name = "Buletin"
