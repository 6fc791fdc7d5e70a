from django.apps import AppConfig, apps
from django.db.models.signals import pre_save


class WebConfig(AppConfig):
    name = "sejuk.web"
    verbose_name = "Tampilan web"

    def ready(self) -> None:
        from sejuk.lookups import install
        from sejuk.text import clean_record

        install()  # an id no column can hold matches nothing, rather than a 500

        # The text rule on every record Sejuk's own apps store, whichever path it took
        # (form, JSON API, import, command line, admin).
        for model in apps.get_models():
            if model.__module__.startswith("sejuk."):
                pre_save.connect(clean_record, sender=model, dispatch_uid=f"text:{model._meta}")
