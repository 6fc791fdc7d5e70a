from django.apps import AppConfig


class TensionConfig(AppConfig):
    name = "sejuk.tension"
    verbose_name = "Kerawanan"

    def ready(self) -> None:
        # The work apps never import the picture; the picture listens to their writes.
        from . import upkeep

        upkeep.connect()
