"""Two `send_alerts` at once (a timer run that overlaps one started by hand): every mail is sent
by one of them, none twice. On PostgreSQL the senders skip each other's locked rows."""

import threading
from collections import Counter

import pytest
from django.db import connection, connections

from alerts.models import Alert, Subscription
from alerts.sending import send_due


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite's in-memory test database is one connection shared by every thread",
)
@pytest.mark.django_db(transaction=True)
def test_two_senders_at_once_send_every_mail_exactly_once(mailbox, make_meeting):
    addresses = [f"beboer{number}@eksempel.dk" for number in range(12)]
    for address in addresses:
        Subscription.objects.create(email=address, new_minutes=True, is_confirmed=True)
    make_meeting("2018-05-29", items=[{"title": "Boligsocial helhedsplan for Friheden"}])
    assert Alert.objects.count() == 12  # queued at once: no transaction to wait for

    reports, start = [], threading.Barrier(2)

    def sender():
        try:
            start.wait()
            reports.append(send_due())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    received = Counter(address for m in mailbox.messages for address in m.envelope_to)
    assert received == Counter(addresses)
    assert sum(report.sent for report in reports) == 12
    assert set(Alert.objects.values_list("status", flat=True)) == {Alert.Status.SENT}
