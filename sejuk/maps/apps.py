from django.apps import AppConfig


class MapsConfig(AppConfig):
    name = "sejuk.maps"
    label = "maps"
    verbose_name = "Peta"

    def ready(self) -> None:
        from sejuk.regions.signals import boundaries_loaded

        from .build import rebuild_after_load

        boundaries_loaded.connect(rebuild_after_load, dispatch_uid="maps-rebuild")
