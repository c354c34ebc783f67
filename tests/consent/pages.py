"""Reading pages the way a visitor without JavaScript does: the banner, its text, its forms."""

import re
from html import unescape
from html.parser import HTMLParser

from django.utils.html import strip_tags

POLICY_TEXT = (
    "Vi bruger cookies til statistik som en del af vores arbejde for at lave en god hjemmeside. "
    'Hvis du ikke siger "nej tak til cookies", antager vi, at du accepterer vores cookie politik. '
    '"Se vores cookiepolitik."'
)


class FormParser(HTMLParser):
    """The forms on a page with their fields and buttons, as a browser without JavaScript sees them.

    A button belongs to the form it sits in or, with a form="…" attribute, to the form with that id.
    """

    def __init__(self):
        super().__init__()
        self.forms = []
        self._current = None
        self._buttons = []
        self._button = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._current = {
                "id": attrs.get("id"),
                "method": attrs.get("method", "get").lower(),
                "action": attrs.get("action", ""),
                "fields": {},
                "buttons": [],
            }
            self.forms.append(self._current)
        elif tag == "input" and self._current is not None and attrs.get("name"):
            self._current["fields"][attrs["name"]] = attrs.get("value", "")
        elif tag == "button":
            self._button = {"form": attrs.get("form"), "owner": self._current, "text": ""}

    def handle_data(self, data):
        if self._button is not None:
            self._button["text"] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None
        elif tag == "button" and self._button is not None:
            self._buttons.append(self._button)
            self._button = None

    def close(self):
        super().close()
        by_id = {form["id"]: form for form in self.forms if form["id"]}
        for button in self._buttons:
            form = by_id.get(button["form"]) if button["form"] else button["owner"]
            if form is not None:
                form["buttons"].append(" ".join(button["text"].split()))
        return self.forms


def forms_in(html):
    parser = FormParser()
    parser.feed(html)
    return parser.close()


def press(client, response, button_text):
    """Submit the form that the button with this text belongs to, as a browser would."""
    for form in forms_in(response.content.decode()):
        if button_text in form["buttons"]:
            assert form["method"] == "post"
            return client.post(form["action"], form["fields"])
    raise AssertionError(f"No button {button_text!r} on the page")


def banner(response):
    """The banner's HTML, or None when the page has none."""
    match = re.search(
        r'<section class="cookie-banner".*?</section>', response.content.decode(), re.DOTALL
    )
    return match.group(0) if match else None


def visible_text(html):
    return " ".join(unescape(strip_tags(html)).split())


def banner_sentence(response):
    html = banner(response)
    match = re.search(r'<p class="cookie-banner__text">(.*?)</p>', html, re.DOTALL)
    return visible_text(match.group(1))
