"""The pages of the email alerts in a real browser, at phone and desktop width: subscribe (with a
mistake first), check your mail, confirm, confirmed, manage, unsubscribe, unsubscribed and a
damaged link. axe finds nothing on any of them."""

import io
import re

from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from .support import accept_cookies, axe_report


def test_the_alert_pages_have_no_axe_violations(page_at_width, live_server, settings):
    settings.SITE_URL = live_server.url
    page = page_at_width
    reports = {}

    def check(name):
        reports[name] = axe_report(page)

    page.goto(live_server.url + "/abonnement/?q=helhedsplan")
    check("subscribe, with the banner")
    accept_cookies(page)

    page.get_by_label("Din e-mailadresse").fill("beboer@eksempel")
    page.get_by_role("button", name="Tilmeld").click()
    expect(page.get_by_role("alert")).to_contain_text("Skriv en gyldig e-mailadresse")
    check("subscribe, with an error")

    page.get_by_label("Din e-mailadresse").fill("beboer@eksempel.dk")
    page.get_by_label("Nye referater").check()
    page.get_by_role("button", name="Tilmeld").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tjek din mail")
    check("check your mail")

    # What the timer does every minute: the confirmation mail is queued, not sent in the request.
    call_command("send_alerts", stdout=io.StringIO())
    confirm_url = re.search(r"https?://\S+/bekraeft/\S+", mail.outbox[-1].body).group()
    page.goto(confirm_url)
    check("confirm")
    page.get_by_role("button", name="Bekræft").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Du er tilmeldt")
    check("confirmed")

    page.get_by_role("link", name="Skift, hvad du følger").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dit abonnement")
    page.get_by_label("Nye dagsordener").check()
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_role("status")).to_have_text("Dine valg er gemt.")
    check("manage, saved")

    page.get_by_role("link", name="afmelde dig").click()
    check("unsubscribe")
    page.get_by_role("button", name="Afmeld").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Du er afmeldt")
    check("unsubscribed")

    page.goto(confirm_url[:-4] + "xyz/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Linket virker ikke")
    check("damaged link")

    failures = {name: report for name, report in reports.items() if report}
    assert not failures, "\n\n".join(
        f"axe on {name}:\n{report}" for name, report in failures.items()
    )
