from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = "Abonnementer på mail"

    def ready(self):
        from . import signals  # noqa: F401
