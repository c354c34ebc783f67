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
