"""The subscribe form and the links in the mails: Danish errors, at most one confirmation mail an
hour per address (queued, and sent as the timer does with `send_queue`), expired and forged links,
and what the pages cost in queries."""

import re
import time

import pytest
from django.core import signing

from alerts import tokens
from alerts.models import Confirmation, Subscription
from tests.markup import element, elements, text
from visits.models import PageView

from .conftest import body, link_after, path_of, send_queue

ADDRESS = "beboer@eksempel.dk"


def fill(visitor, address=ADDRESS, **choices):
    form = visitor.get("/abonnement/").forms["tilmelding"]
    form["email"] = address
    for name, value in {"new_minutes": True, **choices}.items():
        form[name] = value
    return form


def test_a_bad_address_gets_a_danish_error_and_nothing_is_stored(mailbox, visitor):
    page = fill(visitor, "beboer@eksempel").submit()

    assert page.status_code == 200
    page.mustcontain("Fejl: Få besked på mail")
    alert = element(page.text, "div", class_="form-errors")
    assert "Din e-mailadresse: Skriv en gyldig e-mailadresse, fx navn@eksempel.dk." in text(alert)
    field = element(page.text, "input", name="email")
    assert ("aria-invalid", "true") in field.attributes
    assert not Subscription.objects.exists()
    assert mailbox.messages == []


def test_choosing_nothing_to_follow_is_explained(mailbox, visitor):
    page = fill(visitor, new_minutes=False).submit()

    assert "Vælg mindst én ting, du vil følge" in text(
        element(page.text, "div", class_="form-errors")
    )
    assert mailbox.messages == []


def test_a_search_that_cannot_be_searched_is_explained(mailbox, visitor):
    page = fill(visitor, new_minutes=False, search_terms='"-"').submit()

    assert "Skriv mindst ét ord eller tal" in text(element(page.text, "div", class_="form-errors"))
    assert mailbox.messages == []


def test_an_address_the_mail_server_refuses_is_given_up_and_never_confirmed(mailbox, visitor):
    mailbox.refuse.add(ADDRESS)
    page = fill(visitor).submit().follow()
    send_queue()

    page.mustcontain("Tjek din mail")
    assert mailbox.messages == []
    assert Confirmation.objects.get().status == Confirmation.Status.FAILED
    assert not Subscription.objects.get().is_confirmed


def test_at_most_one_confirmation_mail_an_hour_per_address(mailbox, visitor, django_app):
    # Whoever sends the form, however often, and however the address is written.
    for address in (ADDRESS, ADDRESS, "BEBOER@eksempel.dk"):
        page = fill(visitor, address).submit().follow()
        page.mustcontain("Tjek din mail", "højst én bekræftelse i timen")
    send_queue()
    assert len(mailbox.messages) == 1
    assert Subscription.objects.count() == 1

    # An hour later another may be sent.
    Subscription.objects.update(
        confirmation_sent_at=Subscription.objects.get().confirmation_sent_at
        - tokens.CONFIRMATION_MAX_AGE / 7 / 24
    )
    fill(visitor).submit().follow()
    send_queue()
    assert len(mailbox.messages) == 2


def test_subscribing_an_address_tells_nothing_about_whether_it_is_subscribed(
    mailbox, visitor, subscribed
):
    subscribed(ADDRESS)
    Subscription.objects.update(confirmation_sent_at=None)  # its last confirmation long ago
    known = fill(visitor).submit().follow()
    unknown = fill(visitor, "ukendt@eksempel.dk").submit().follow()
    send_queue()

    assert known.request.path == unknown.request.path == "/abonnement/tjek-din-mail/"
    # A confirmed address keeps what it follows until the new choice is confirmed.
    assert "Nogen, forhåbentlig dig, har bedt om at ændre" in body(mailbox.to(ADDRESS)[0])
    assert Subscription.objects.get(email=ADDRESS).is_confirmed


def confirmation_path(mailbox, visitor, monkeypatch=None, days_ago=0):
    fill(visitor).submit().follow()
    # The link is signed when the mail is sent.
    if days_ago:
        real = time.time
        monkeypatch.setattr(signing.time, "time", lambda: real() - days_ago * 24 * 3600)
    send_queue()
    if days_ago:
        monkeypatch.undo()
    return path_of(link_after(mailbox.messages[-1], "Bekræft ved at åbne linket"))


def test_an_expired_confirmation_link_gets_a_clear_danish_page(mailbox, visitor, monkeypatch):
    path = confirmation_path(mailbox, visitor, monkeypatch, days_ago=8)
    page = visitor.get(path, status=400)

    assert text(element(page.text, "h1")) == "Linket er udløbet"
    page.mustcontain("virker kun i 7 dage", "Du er ikke blevet tilmeldt")
    assert not Subscription.objects.get().is_confirmed


def test_a_six_day_old_confirmation_link_still_works(mailbox, visitor, monkeypatch):
    path = confirmation_path(mailbox, visitor, monkeypatch, days_ago=6)
    visitor.get(path).forms["bekraeft"].submit().mustcontain("Du er tilmeldt")


@pytest.mark.parametrize("kind", ["bekraeft", "indstillinger", "afmeld"])
def test_a_forged_or_damaged_link_gets_a_clear_danish_page(mailbox, visitor, kind):
    path = confirmation_path(mailbox, visitor)
    token = path.split("/")[3]
    for forged in (token[:-3] + "abc", "noget-helt-andet", signing.dumps({"id": 1})):
        page = visitor.get(f"/abonnement/{kind}/{forged}/", status=400)
        assert text(element(page.text, "h1")) == "Linket virker ikke"
        page.mustcontain("Prøv at kopiere hele linket fra mailen igen.")
    # Nor can a one-click unsubscribe be posted with a forged link.
    visitor.post(f"/abonnement/afmeld/{token[:-3]}abc/", status=400)
    assert Subscription.objects.exists()


def test_a_confirmation_link_for_a_deleted_address_says_so(mailbox, visitor):
    path = confirmation_path(mailbox, visitor)
    Subscription.objects.all().delete()

    page = visitor.get(path, status=404)
    page.mustcontain("Adressen er ikke tilmeldt længere.")


def test_the_subscribe_page_prefills_a_search_and_links_to_the_feeds(
    client, db, django_assert_num_queries
):
    client.get("/abonnement/")  # the committee's name, cached for every page
    # The two are the page-view statistics (a visitor who has said nothing accepts them).
    with django_assert_num_queries(2):
        page = client.get("/abonnement/", {"q": "helhedsplan"})

    form = element(page, "form", id="tilmelding")
    assert ("value", "helhedsplan") in element(form, "input", name="search_terms").attributes
    assert ("checked", None) not in element(form, "input", name="new_minutes").attributes
    assert page["Cache-Control"].startswith("max-age=0")
    assert "no-store" in page["Cache-Control"]
    links = {a.attributes[0][1] for a in elements(page, "a")}
    assert {"/referater/rss/dagsordener/", "/referater/rss/referater/"} <= links


def test_the_pages_of_the_journey_answer_in_few_queries(
    mailbox, subscribed, visitor, client, django_assert_num_queries
):
    subscribed(ADDRESS)
    token = Subscription.objects.get().manage_token()

    client.get("/abonnement/")  # the banner is shown, and the statistics begin
    # One query for the subscription; the path with its personal link is never counted.
    with django_assert_num_queries(1):
        client.get(f"/abonnement/indstillinger/{token}/")
    with django_assert_num_queries(1):
        client.get(f"/abonnement/afmeld/{token}/")
    assert not PageView.objects.filter(path__contains=token).exists()


def test_the_privacy_page_says_what_is_stored_and_that_unsubscribing_deletes_it(client, db):
    page = client.get("/cookies/")
    section = page.content.decode()
    assert re.search(r'<h2 id="mail">Besked på mail</h2>', section)
    assert "gemmer vi kun din e-mailadresse, hvad du følger" in section
    assert "så sletter vi din adresse" in section


def test_every_page_links_to_the_subscribe_page_in_its_footer(client, db):
    footer = element(client.get("/"), "footer", class_="site-footer")
    assert ("href", "/abonnement/") in element(footer, "a", href="/abonnement/").attributes
