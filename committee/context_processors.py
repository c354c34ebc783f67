import re

from django.conf import settings
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from .models import Committee


def committee(request):
    """`site_committee`: the committee the site is for, looked up only by a page that names it."""
    return {"site_committee": SimpleLazyObject(Committee.objects.current)}


def phone_link(phone):
    """`tel:+4536393639` for a Danish number as people write it ("36 39 36 39"); else digits."""
    digits = re.sub(r"[^\d+]", "", phone)
    return f"tel:+45{digits}" if re.fullmatch(r"\d{8}", digits) else f"tel:{digits}"


def website_label(url):
    """`hvidovre.dk` for `https://www.hvidovre.dk/`: the address as people say it."""
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")


def municipality(request):
    """
    `municipality`: the municipality's contact details from settings, for the footer and the
    accessibility statement; `accessibility_statement_url`: the WAS-Tool's statement once it is
    configured, else the site's own.
    """
    details = settings.MUNICIPALITY
    return {
        "municipality": {
            **details,
            "phone_link": phone_link(details["phone"]) if details["phone"] else "",
            "website_label": website_label(details["website"]),
        },
        "accessibility_statement_url": settings.WAS_STATEMENT_URL or reverse("accessibility"),
        "was_statement_url": settings.WAS_STATEMENT_URL,
    }
