"""The whole email journey through a real SMTP server: subscribe, confirm from the mail, a meeting
is published, exactly one mail, never a second, one-click unsubscribe, and no mail after."""

import io

from django.core.management import call_command
from django.test import Client

from alerts.models import Alert, Subscription

from .conftest import body, header, link_after, path_of

ADDRESS = "journalist@avisen.dk"
ITEMS = [
    {"title": "Godkendelse af dagsorden", "outcome": "godkendt"},
    {"title": "Boligsocial helhedsplan for Friheden", "decision": "Anbefalet."},
    {"title": "Salg af grund ved Hvidovrevej", "is_closed": True},
]


def send_alerts():
    output = io.StringIO()
    call_command("send_alerts", stdout=output)
    return output.getvalue()


def test_subscribe_confirm_publish_one_mail_unsubscribe_no_more(
    mailbox, visitor, publish, django_capture_on_commit_callbacks
):
    # Subscribe: nothing is followed until the address is confirmed.
    form = visitor.get("/abonnement/").forms["tilmelding"]
    form["email"] = "Journalist@Avisen.dk"
    form["new_minutes"] = True
    page = form.submit().follow()
    assert page.request.path == "/abonnement/tjek-din-mail/"
    page.mustcontain("Vi sender en mail med et link")
    assert mailbox.messages == [], "the mail is queued, not sent while the visitor waits"
    assert "Bekræftelser sendt: 1." in send_alerts()
    [confirmation] = mailbox.to(ADDRESS)
    assert (
        header(confirmation, "Subject")
        == "Bekræft dit abonnement på nyt fra Almenboligudvalg Hvidovre"
    )
    assert "- nye referater" in body(confirmation)
    assert not Subscription.objects.get(email=ADDRESS).is_confirmed

    publish("2018-04-10", items=[dict(item) for item in ITEMS])
    send_alerts()
    assert mailbox.to(ADDRESS) == [confirmation], "mail before the address was confirmed"

    # Confirm by the link in the mail, and the button on its page.
    confirm_url = link_after(confirmation, "Bekræft ved at åbne linket")
    assert confirm_url.startswith("https://almenbolig.hvidovre.dk/abonnement/bekraeft/")
    page = visitor.get(path_of(confirm_url))
    page.mustcontain("Bekræft dit abonnement", ADDRESS)
    page = page.forms["bekraeft"].submit()
    page.mustcontain("Du er tilmeldt", "nye referater")
    assert Subscription.objects.get(email=ADDRESS).is_confirmed

    # A meeting is published: one mail is queued and sent, with its one-click unsubscribe.
    meeting = publish("2018-05-29", items=[dict(item) for item in ITEMS])
    assert Alert.objects.count() == 1
    send_alerts()
    [alert] = mailbox.to(ADDRESS)[1:]
    assert header(alert, "Subject") == "Nyt referat: Almenboligudvalg Hvidovre 29. maj 2018"
    assert header(alert, "From") == "Almenboligudvalg Hvidovre <noreply@hvidovre.dk>"
    text = body(alert)
    assert "har offentliggjort referatet fra mødet tirsdag den 29. maj 2018" in text
    assert "https://almenbolig.hvidovre.dk/referater/2018-05-29/" in text
    assert "2. Boligsocial helhedsplan for Friheden" in text
    assert "3. Lukket punkt" in text
    assert "Salg af grund" not in text
    assert "Du får denne mail, fordi du følger nye referater." in text
    unsubscribe = link_after(alert, "Afmeld med ét klik")
    assert header(alert, "List-Unsubscribe") == f"<{unsubscribe}>"
    assert header(alert, "List-Unsubscribe-Post") == "List-Unsubscribe=One-Click"
    assert link_after(alert, "Skift, hvad du følger").startswith(
        "https://almenbolig.hvidovre.dk/abonnement/indstillinger/"
    )
    assert Alert.objects.get().status == Alert.Status.SENT

    # Saving it again, or sending again, sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        meeting.remarks = "Rettet stavefejl."
        meeting.save()
    send_alerts()
    send_alerts()
    assert len(mailbox.to(ADDRESS)) == 2

    # The mail client's one-click unsubscribe: a POST from outside, without a CSRF token.
    mail_client = Client(enforce_csrf_checks=True)
    answer = mail_client.post(
        path_of(unsubscribe),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert answer.status_code == 200
    assert not Subscription.objects.filter(email=ADDRESS).exists()
    assert not Alert.objects.exists()

    publish("2018-06-26", items=[dict(item) for item in ITEMS])
    send_alerts()
    assert len(mailbox.to(ADDRESS)) == 2
    assert len(mailbox.messages) == 2


def test_unsubscribing_from_the_link_shows_a_button_first(mailbox, subscribed, publish, visitor):
    subscribed(ADDRESS)
    publish("2018-05-29", items=[dict(item) for item in ITEMS])
    send_alerts()
    [alert] = mailbox.to(ADDRESS)

    page = visitor.get(path_of(link_after(alert, "Afmeld med ét klik")))
    page.mustcontain("Vil du afmelde", ADDRESS)
    assert Subscription.objects.filter(email=ADDRESS).exists()
    page = page.forms["afmeld"].submit()
    page.mustcontain("Du er afmeldt", "Vi har slettet din adresse.")
    assert not Subscription.objects.exists()

    again = visitor.get(path_of(link_after(alert, "Afmeld med ét klik")))
    again.mustcontain("Adressen var allerede afmeldt.")


def test_the_manage_link_changes_what_is_followed(mailbox, subscribed, publish, visitor):
    subscribed(ADDRESS, minutes=True)
    publish("2018-05-29", items=[dict(item) for item in ITEMS])
    send_alerts()
    [alert] = mailbox.to(ADDRESS)

    page = visitor.get(path_of(link_after(alert, "Skift, hvad du følger")))
    form = page.forms["indstillinger"]
    assert form["new_minutes"].checked
    form["new_minutes"] = False
    form["new_agendas"] = True
    page = form.submit()
    page.mustcontain("Dine valg er gemt.")
    subscription = Subscription.objects.get()
    assert (subscription.new_minutes, subscription.new_agendas) == (False, True)

    publish("2018-06-26", items=[dict(item) for item in ITEMS])
    publish("2018-08-21", kind="dagsorden", items=[dict(item) for item in ITEMS])
    send_alerts()
    subjects = [header(m, "Subject") for m in mailbox.to(ADDRESS)[1:]]
    assert subjects == ["Ny dagsorden: Almenboligudvalg Hvidovre 21. august 2018"]


def test_following_a_search_mails_only_meetings_it_finds(mailbox, subscribed, publish):
    subscribed(ADDRESS, minutes=False, search="helhedsplan")
    publish("2018-05-29", items=[dict(item) for item in ITEMS])
    publish("2018-06-26", items=[{"title": "Budgetopfølgning"}])
    send_alerts()

    [alert] = mailbox.to(ADDRESS)
    assert header(alert, "Subject") == "Nyt referat: Almenboligudvalg Hvidovre 29. maj 2018"
    assert "nye møder, der findes ved søgningen “helhedsplan”" in body(alert)


def test_an_agenda_then_its_minutes_are_two_mails_and_no_more(
    mailbox, subscribed, publish, django_capture_on_commit_callbacks
):
    subscribed(ADDRESS, minutes=True, agendas=True)
    meeting = publish("2018-05-29", kind="dagsorden", items=[dict(item) for item in ITEMS])
    send_alerts()
    with django_capture_on_commit_callbacks(execute=True):
        meeting.kind = "referat"
        meeting.save()
    with django_capture_on_commit_callbacks(execute=True):
        meeting.unpublish()
        meeting.save()
        meeting.publish()
        meeting.save()
    send_alerts()

    assert [header(m, "Subject") for m in mailbox.to(ADDRESS)] == [
        "Ny dagsorden: Almenboligudvalg Hvidovre 29. maj 2018",
        "Nyt referat: Almenboligudvalg Hvidovre 29. maj 2018",
    ]
