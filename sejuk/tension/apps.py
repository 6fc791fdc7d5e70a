from django.apps import AppConfig


class TensionConfig(AppConfig):
    name = "sejuk.tension"
    verbose_name = "Kerawanan"

    def ready(self) -> None:
        # The work apps never import the picture; the picture listens to their writes.
        from sejuk.activities import recap

        from . import services, upkeep

        upkeep.connect()
        recap.counted_by(services.activity_sums, services.last_visits)
