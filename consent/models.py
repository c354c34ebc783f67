from cookie_consent.models import Cookie
from django.db import models


class CookieLifetime(models.Model):
    """How long a cookie declared in django-cookie-consent lives, in words for the declaration."""

    cookie = models.OneToOneField(
        Cookie,
        on_delete=models.CASCADE,
        related_name="lifetime",
        verbose_name="cookie",
    )
    text = models.CharField(
        "levetid",
        max_length=100,
        help_text="Som den vises i cookiedeklarationen, fx “1 år” eller “Indtil browseren lukkes”.",
    )

    class Meta:
        verbose_name = "levetid"
        verbose_name_plural = "levetider"

    def __str__(self):
        return self.text


def __getattr__(name):
    # The statistics moved to the visits app. tests/e2e/test_keyboard.py still imports PageView
    # from here and is not this app's to change; remove this once it imports visits.models.
    if name == "PageView":
        import warnings

        from visits.models import PageView

        warnings.warn(
            "consent.models.PageView moved to visits.models.PageView",
            DeprecationWarning,
            stacklevel=2,
        )
        return PageView
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
