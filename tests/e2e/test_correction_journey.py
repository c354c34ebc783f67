"""A clerk corrects a published decision; a journalist who had the link sees it was corrected."""

import re

from playwright.sync_api import expect

from .content import MEETING_PATH, OPEN_ITEM_HEADING
from .test_clerk_journey import log_in

OLD_DECISION = "Indstillingen blev godkendt."
NEW_DECISION = "Indstillingen blev godkendt med den ændring, at planen deles i to etaper."
REASON = "Beslutningen var skrevet af fra et udkast"


def test_a_clerk_corrects_a_decision_and_a_journalist_sees_before_and_after(
    new_page, clerk, minutes_archive, media_root
):
    journalist = new_page("phone")
    journalist.goto(MEETING_PATH)
    expect(journalist.locator("#punkt-2")).to_contain_text(OLD_DECISION)
    expect(journalist.locator(".meeting__footer")).not_to_contain_text("Rettet")

    page = new_page("desktop")
    log_in(page, *clerk)
    page.get_by_role("row", name="Møder").get_by_role("link", name="Møder").click()
    page.get_by_role("link", name="29. maj 2018").click()
    item = page.locator("#items-1")
    item.locator("summary").click()
    item.get_by_label(re.compile("^Beslutning:?$")).fill(NEW_DECISION)
    page.get_by_label("Begrundelse for rettelsen").fill(REASON)
    page.get_by_role("button", name="Gem", exact=True).first.click()
    expect(page.locator(".messagelist")).to_contain_text("blev ændret")

    journalist.reload()
    footer = journalist.locator(".meeting__footer")
    expect(footer).to_contain_text(re.compile(r"Rettet \d+\. \w+ \d{4} kl\. \d\d:\d\d"))
    expect(journalist.locator("#punkt-2")).to_contain_text(NEW_DECISION)
    footer.get_by_role("link", name="se hvad der er rettet").click()

    expect(journalist).to_have_url(re.compile(r"/referater/2018-05-29/rettelser/$"))
    correction = journalist.locator(".correction")
    expect(correction).to_have_count(1)
    expect(correction.get_by_role("heading", level=2)).to_have_text(re.compile(r"^Rettet "))
    expect(correction).to_contain_text(f"Begrundelse: {REASON}")
    expect(correction.locator(".correction__where")).to_have_text(f"Punkt {OPEN_ITEM_HEADING}")
    diff = correction.locator(".correction-diff")
    expect(diff.locator(".correction-diff__label")).to_have_text("Beslutning")
    expect(diff.locator(".correction-diff__side--before")).to_have_text(f"Før {OLD_DECISION}")
    expect(diff.locator(".correction-diff__side--after")).to_have_text(f"Efter {NEW_DECISION}")
    expect(diff.locator("ins").first).to_have_text(re.compile("med"))

    correction.get_by_role("link", name=f"Punkt {OPEN_ITEM_HEADING}").click()
    expect(journalist).to_have_url(re.compile(r"/referater/2018-05-29/#punkt-2$"))
