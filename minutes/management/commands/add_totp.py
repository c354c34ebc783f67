"""`manage.py add_totp anna`: an authenticator app (TOTP) as a staff account's second factor."""

import io
from base64 import b32encode

import segno
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from almenbolig.logins import needs_second_factor

DEVICE_NAME = "Godkenderapp"


def add_authenticator(user, *, replace=False):
    """A new confirmed TOTP device for user; with replace, the old ones are removed."""
    if replace:
        TOTPDevice.objects.filter(user=user).delete()
    return TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=True)


def show_setup(stdout, device):
    """What the account's owner scans or types into the authenticator app."""
    qr = io.StringIO()
    segno.make(device.config_url, error="m").terminal(out=qr, compact=True)
    stdout.write(
        "Scan koden med godkenderappen på telefonen (fx Microsoft Authenticator eller Google "
        "Authenticator):"
    )
    stdout.write(qr.getvalue(), ending="")
    stdout.write(f"Eller skriv nøglen i appen: {b32encode(device.bin_key).decode()}")


class Command(BaseCommand):
    help = (
        "Opretter en godkenderapp (TOTP) som andet trin i log-in for en medarbejder og viser "
        "QR-koden, der skal scannes. Superbrugere skal have en for at komme ind i administrationen."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="brugernavnet")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="fjern kontoens tidligere godkenderapps (fx efter en mistet telefon)",
        )

    def handle(self, *args, username, replace, **options):
        User = get_user_model()
        try:
            user = User._default_manager.get(username__iexact=username)
        except User.DoesNotExist:
            raise CommandError(f"Brugeren “{username}” findes ikke.") from None
        if not replace and TOTPDevice.objects.filter(user=user).exists():
            raise CommandError(
                f"“{user.get_username()}” har allerede en godkenderapp. "
                "Brug --replace for at erstatte den."
            )
        device = add_authenticator(user, replace=replace)
        show_setup(self.stdout, device)
        required = "skal" if needs_second_factor(user) else "kan"
        self.stdout.write(
            self.style.SUCCESS(
                f"“{user.get_username()}” {required} nu logge ind med en engangskode fra appen."
            )
        )
