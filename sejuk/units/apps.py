from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "sejuk.units"
    verbose_name = "Satuan dan personel"

    def ready(self) -> None:
        from . import routing, tree

        routing.connect()
        tree.connect()
