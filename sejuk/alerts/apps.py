from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "sejuk.alerts"
    verbose_name = "Peringatan"

    def ready(self) -> None:
        # The work apps never import alerts; alerts listen to their writes.
        from . import watch

        watch.connect()
