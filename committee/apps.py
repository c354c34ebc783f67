from django.apps import AppConfig


class CommitteeConfig(AppConfig):
    name = "committee"
    verbose_name = "Udvalget"

    def ready(self):
        from . import signals  # noqa: F401 - connects the receivers
