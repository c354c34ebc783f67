"""`manage.py create_clerk anna --email anna@hvidovre.dk`: an account for a clerk (referent)."""

import getpass
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from almenbolig.logins import needs_second_factor
from minutes.clerks import CLERK_GROUP as GROUP

from .add_totp import add_authenticator, show_setup


class Command(BaseCommand):
    help = (
        "Opretter en referent: en bruger, der kan logge ind i administrationen og offentliggøre "
        "referater (gruppen Referent), men intet andet."
    )
    # Tests hand the command a stand-in for the terminal.
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("username", help="brugernavnet, fx anna.jensen")
        parser.add_argument("--email", default="", help="referentens e-mailadresse")
        parser.add_argument(
            "--password-from-stdin",
            action="store_true",
            help="læs adgangskoden fra første linje på standard input i stedet for at spørge",
        )

    def handle(self, *args, username, email, password_from_stdin, **options):
        stdin = options.get("stdin") or sys.stdin
        User = get_user_model()
        # Case-blind: "Anna" and "anna" side by side would only confuse.
        if User._default_manager.filter(username__iexact=username).exists():
            raise CommandError(f"Brugernavnet “{username}” findes allerede. Vælg et andet.")
        try:
            group = Group.objects.get(name=GROUP)
        except Group.DoesNotExist:
            raise CommandError(
                f"Gruppen “{GROUP}” findes ikke. Kør først: python manage.py migrate"
            ) from None

        user = User(username=username, email=email, is_staff=True)
        password = self.read_password(stdin, from_stdin=password_from_stdin)
        try:
            user.full_clean(exclude=["password"])
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        user.set_password(password)
        with transaction.atomic():
            user.save()
            user.groups.add(group)
            # When clerks must give a second factor (ADMIN_OTP_FOR_CLERKS), the account comes
            # with its authenticator app, or the clerk could never log in.
            device = add_authenticator(user) if needs_second_factor(user) else None
        if device is not None:
            show_setup(self.stdout, device)
        self.stdout.write(
            self.style.SUCCESS(
                f"Referenten “{username}” er oprettet og kan nu logge ind på /admin/ "
                "og offentliggøre referater."
            )
        )

    def read_password(self, stdin, *, from_stdin):
        if from_stdin:
            password = stdin.readline().rstrip("\r\n")
            if not password:
                raise CommandError("Der kom ingen adgangskode på standard input.")
            return password
        if not stdin.isatty():
            raise CommandError(
                "Der er ingen terminal at spørge om adgangskoden i. "
                "Brug --password-from-stdin og send adgangskoden på standard input."
            )
        password = getpass.getpass("Adgangskode: ")
        if not password:
            raise CommandError("Adgangskoden må ikke være tom.")
        if getpass.getpass("Adgangskode igen: ") != password:
            raise CommandError("De to adgangskoder er ikke ens. Intet er oprettet.")
        return password
