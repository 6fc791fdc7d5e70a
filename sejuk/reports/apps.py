from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "sejuk.reports"
    verbose_name = "Laporan masyarakat"
