"""In admin, staff see the addresses and the queue of mails; clerks see neither."""

import datetime

from django.utils import timezone

from alerts.models import Alert, Subscription


def test_a_superuser_sees_the_addresses_and_the_queue(admin_visitor, make_meeting):
    subscription = Subscription.objects.create(
        email="beboer@eksempel.dk", new_minutes=True, is_confirmed=True
    )
    meeting = make_meeting("2018-05-29")
    Alert.objects.create(
        subscription=subscription,
        meeting=meeting,
        kind="referat",
        status=Alert.Status.PENDING,
        attempts=2,
        next_attempt_at=timezone.now() + datetime.timedelta(minutes=10),
        last_error="SMTPServerDisconnected: Connection unexpectedly closed",
    )

    index = admin_visitor.get("/admin/")
    index.mustcontain("Abonnementer på mail", "Abonnementer", "Mails i kø")
    admin_visitor.get("/admin/alerts/subscription/").mustcontain("beboer@eksempel.dk")
    queue = admin_visitor.get("/admin/alerts/alert/")
    queue.mustcontain("Venter", "beboer@eksempel.dk")
    assert "/admin/alerts/alert/add/" not in queue.text


def test_clerks_do_not_see_the_addresses(django_app, clerk):
    index = django_app.get("/admin/", user=clerk)
    assert "/admin/alerts/" not in index.text
    django_app.get("/admin/alerts/subscription/", user=clerk, status=403)
