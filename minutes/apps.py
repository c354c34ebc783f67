from django.apps import AppConfig


class MinutesConfig(AppConfig):
    name = "minutes"
    verbose_name = "Referater"

    def ready(self):
        from . import signals  # noqa: F401 - connects the receivers
