"""
Logging in to the admin: the second factor (TOTP) for staff and the Danish answer to a locked-out
login. django-axes counts failures by almenbolig.addresses.client_ip.

Superusers always need a code from an authenticator app; clerks too when ADMIN_OTP_FOR_CLERKS is
on. The admin site itself asks for it on every request (`has_permission`), so a session that did
not pass the second factor never reaches the admin, however it was made.
"""

import logging

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.template.response import TemplateResponse
from django_otp import verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice

logger = logging.getLogger(__name__)

SECOND_FACTOR_HELP = "De seks cifre fra godkenderappen på din telefon."


def needs_second_factor(user):
    """Whether this account must give a code from an authenticator app to use the admin."""
    return user.is_superuser or (settings.ADMIN_OTP_FOR_CLERKS and user.is_staff)


def authenticator_of(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


class LoginForm(AdminAuthenticationForm):
    """Django admin's login form, with the code from the authenticator app for those who need it.

    A login that fails for any reason gets one and the same answer, and counts as a failed login
    for django-axes: a right password without the right code (or from an account that has no
    authenticator yet) must not tell a guesser that the password was right. Why an account
    without an authenticator cannot log in is said in the log, for the operators.
    """

    otp_token = forms.CharField(
        label="Engangskode",
        required=False,
        max_length=8,
        help_text=f"{SECOND_FACTOR_HELP} Kun hvis din konto bruger totrinsbekræftelse.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_login": (
            "Brugernavn, adgangskode eller engangskode er forkert. Bemærk, at der skelnes mellem "
            "store og små bogstaver, og at engangskoden fra godkenderappen kun skal med, hvis "
            "din konto bruger totrinsbekræftelse."
        ),
    }

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        if user is None or not needs_second_factor(user):
            return cleaned
        device = authenticator_of(user)
        token = "".join(cleaned.get("otp_token", "").split())
        if device is None:
            logger.warning(
                "Login refused for %s: the account must give a second factor but has no "
                "authenticator. Run: python manage.py add_totp %s",
                user.get_username(),
                user.get_username(),
            )
            self._refuse(user)
        verified = verify_token(user, device.persistent_id, token) if token else None
        if verified is None:
            self._refuse(user)
        # django-otp marks the session as verified when the login goes through.
        user.otp_device = verified
        return cleaned

    def _refuse(self, user):
        """The password was right, the second factor not: a failed login all the same."""
        self.user_cache = None
        user_login_failed.send(
            sender=__name__,
            credentials={"username": user.get_username()},
            request=self.request,
        )
        raise self.get_invalid_login_error()


class AdminSite(admin.AdminSite):
    """Django's admin site, which needs the second factor of those who must give it."""

    login_form = LoginForm

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        user = request.user
        return not needs_second_factor(user) or user.is_verified()


def lockout_response(request, original_response=None, credentials=None):
    """Danish answer to a login that django-axes has locked out, in the admin's layout."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {
        **admin.site.each_context(request),
        "title": "Log ind er midlertidigt spærret",
        "minutes": minutes,
    }
    return TemplateResponse(
        request, "admin/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    ).render()
