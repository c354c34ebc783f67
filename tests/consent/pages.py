"""
Using pages the way a visitor without JavaScript does, with django-webtest: the banner, its text,
its buttons, and the cookies a response sets.
"""

from http.cookies import SimpleCookie

POLICY_TEXT = (
    "Vi bruger cookies til statistik som en del af vores arbejde for at lave en god hjemmeside. "
    'Hvis du ikke siger "nej tak til cookies", antager vi, at du accepterer vores cookie politik. '
    '"Se vores cookiepolitik."'
)


def as_browser(app):
    """
    A django-webtest app that talks to the site as a browser does in production: over HTTPS,
    where the site's Secure cookies are sent back, and with an Origin header, which browsers
    send with every form post and which Django's CSRF check wants on HTTPS.
    """
    app.extra_environ.update({"wsgi.url_scheme": "https", "HTTP_ORIGIN": "https://testserver"})
    return app


def visible_text(element):
    return " ".join(element.get_text().split())


def button(page, text):
    """The first button on the page that reads text, or None."""
    return next((b for b in page.html.find_all("button") if visible_text(b) == text), None)


def form_of(page, button_element):
    """The form a button submits: the one its form="…" attribute names, or the one it sits in."""
    if form_id := button_element.get("form"):
        return page.forms[form_id]
    form = button_element.find_parent("form")
    assert form is not None, f"{button_element} belongs to no form"
    return page.forms[form.get("id") or page.html.find_all("form").index(form)]


def press(page, text):
    """Submit the form of the button that reads text, as a browser would; the response."""
    found = button(page, text)
    assert found is not None, f"No button {text!r} on the page"
    return form_of(page, found).submit()


def banner(page):
    """The banner's element, or None when the page has none."""
    return page.html.select_one("section.cookie-banner")


def banner_sentence(page):
    return visible_text(banner(page).select_one("p.cookie-banner__text"))


def cookies_set_by(response):
    """The cookies a response sets or deletes, with their attributes (max-age, path, …)."""
    cookies = SimpleCookie()
    for header in response.headers.getall("Set-Cookie"):
        cookies.load(header)
    return cookies
