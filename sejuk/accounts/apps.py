from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sejuk.accounts"
    verbose_name = "Akun dan audit"

    def ready(self) -> None:
        from . import audit  # noqa: F401  (connects the sign-in signal receivers)
