"""
The cookie declaration follows the banner that respects silence (issue 14):

- `cookie_banner_vist`, a necessary cookie: the banner has told the visitor that silence counts as
  acceptance, so that statistics may start on the next page (consent.decision);
- `messages` is no longer set only for staff: it carries the one-time confirmation after a
  visitor accepts or says no thanks.
"""

from django.db import migrations

NECESSARY = "noedvendige"

TOLD = (
    "cookie_banner_vist",
    "Husker, at du har set beskeden om cookies. Den side, hvor du første gang ser beskeden, "
    "tæller vi ikke med i statistikken. Går du videre uden at sige nej tak, tæller vi fra den "
    "næste side. Indeholder kun datoen for den liste over cookies, du har set, intet om dig.",
    "Indtil browseren lukkes",
)

MESSAGES_BEFORE = (
    "Viser beskeder i administrationen, fx at en ændring er gemt. Sættes kun for "
    "medarbejdere, der er logget ind.",
    "Indtil browseren lukkes",
)
MESSAGES_NOW = (
    "Viser én gang en kort bekræftelse, når du har accepteret eller sagt nej tak til cookies, "
    "og beskeder i administrationen, fx at en ændring er gemt. Slettes, når beskeden er vist.",
    "Indtil beskeden er vist",
)


def forget_cached_groups():
    # django-cookie-consent keeps the groups in the cache for an hour.
    from cookie_consent.cache import delete_cache

    delete_cache()


def _describe(apps, name, description, lifetime):
    CookieGroup = apps.get_model("cookie_consent", "CookieGroup")
    Cookie = apps.get_model("cookie_consent", "Cookie")
    CookieLifetime = apps.get_model("consent", "CookieLifetime")
    group = CookieGroup.objects.filter(varname=NECESSARY).first()
    if group is None:
        return  # the declaration was removed by hand: nothing to describe
    cookie, _ = Cookie.objects.update_or_create(
        cookiegroup=group, name=name, domain="", defaults={"description": description, "path": "/"}
    )
    CookieLifetime.objects.update_or_create(cookie=cookie, defaults={"text": lifetime})


def update_declaration(apps, schema_editor):
    _describe(apps, TOLD[0], *TOLD[1:])
    _describe(apps, "messages", *MESSAGES_NOW)
    forget_cached_groups()


def restore_declaration(apps, schema_editor):
    Cookie = apps.get_model("cookie_consent", "Cookie")
    Cookie.objects.filter(cookiegroup__varname=NECESSARY, name=TOLD[0]).delete()
    _describe(apps, "messages", *MESSAGES_BEFORE)
    forget_cached_groups()


class Migration(migrations.Migration):
    dependencies = [
        ("consent", "0003_statistics_move_to_visits"),
    ]

    operations = [migrations.RunPython(update_declaration, restore_declaration)]
