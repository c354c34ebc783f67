from django.core.management.base import BaseCommand, CommandError

from alerts.models import Subscription
from alerts.sending import send_due


class Command(BaseCommand):
    help = (
        "Sender de bekræftelsesmails og mails om nye referater og dagsordener, der venter i "
        "køen, og sletter adresser, der aldrig blev bekræftet. Køres hvert minut (deploy/systemd)."
    )

    def handle(self, *args, **options):
        _, deleted_by_model = Subscription.objects.unconfirmed_and_expired().delete()
        deleted = deleted_by_model.get(Subscription._meta.label, 0)
        report = send_due()
        self.stdout.write(
            f"Bekræftelser sendt: {report.confirmations}. "
            f"Sendt: {report.sent}. Prøves igen senere: {report.retrying}. "
            f"Opgivet: {report.failed}. Ikke sendt (mødet er fjernet): {report.dropped}. "
            f"Ubekræftede adresser slettet: {deleted}."
        )
        if report.server_unavailable:
            # A failed unit is what the operators watch (systemctl --failed).
            raise CommandError("Mailserveren svarede ikke; mailene prøves igen senere.")
