from django.apps import AppConfig


class LinksConfig(AppConfig):
    name = "sejuk.links"
    label = "links"
    verbose_name = "Tautan pekerjaan"

    def ready(self) -> None:
        # A report's later steps told back to the chat it came from; a report's links
        # read as media, in the background.
        from . import chat_status, report_media  # noqa: F401
