"""The cookie declaration: the necessary cookies and the statistics cookie, in Danish."""

from django.db import migrations

GROUPS = [
    {
        "varname": "noedvendige",
        "name": "Nødvendige cookies",
        "description": (
            "Cookies, som hjemmesiden ikke kan fungere uden. De husker dit valg om cookies og "
            "beskytter formularerne og administrationen mod misbrug. De kan ikke fravælges, og "
            "de bruges ikke til statistik."
        ),
        "is_required": True,
        "is_deletable": False,
        "ordering": 1,
        "cookies": [
            (
                "cookie_consent",
                "Husker, om du har accepteret eller afvist cookies til statistik, så du ikke "
                "bliver spurgt igen på hver side.",
                "1 år",
            ),
            (
                "csrftoken",
                "Beskytter knapperne “Accepter cookies” og “nej tak til cookies” og "
                "administrationens formularer mod forfalskede indsendelser fra andre hjemmesider.",
                "1 år",
            ),
            (
                "sessionid",
                "Holder medarbejdere logget ind i administrationen. Sættes kun, når man logger "
                "ind.",
                "2 uger",
            ),
            (
                "messages",
                "Viser beskeder i administrationen, fx at en ændring er gemt. Sættes kun for "
                "medarbejdere, der er logget ind.",
                "Indtil browseren lukkes",
            ),
        ],
    },
    {
        "varname": "statistik",
        "name": "Statistik",
        "description": (
            "Vi tæller selv, hvilke sider der bliver læst, og hvor mange forskellige besøgende "
            "hjemmesiden har pr. dag, så vi kan gøre den bedre. Statistikken bliver på vores egen "
            "server og deles ikke med andre."
        ),
        "is_required": False,
        "is_deletable": True,
        "ordering": 2,
        "cookies": [
            (
                "besoeg",
                "Et tilfældigt besøgsnummer, så vi kan tælle forskellige besøgende pr. dag uden "
                "at tælle den samme to gange. Det siger intet om, hvem du er.",
                "1 år",
            ),
        ],
    },
]


def forget_cached_groups():
    # django-cookie-consent keeps the groups in the cache for an hour; the next request must see
    # these.
    from cookie_consent.cache import delete_cache

    delete_cache()


def create_groups(apps, schema_editor):
    CookieGroup = apps.get_model("cookie_consent", "CookieGroup")
    Cookie = apps.get_model("cookie_consent", "Cookie")
    CookieLifetime = apps.get_model("consent", "CookieLifetime")
    for spec in GROUPS:
        group, _ = CookieGroup.objects.update_or_create(
            varname=spec["varname"],
            defaults={
                key: spec[key]
                for key in ("name", "description", "is_required", "is_deletable", "ordering")
            },
        )
        for name, description, lifetime in spec["cookies"]:
            cookie, _ = Cookie.objects.update_or_create(
                cookiegroup=group,
                name=name,
                domain="",
                defaults={"description": description, "path": "/"},
            )
            CookieLifetime.objects.update_or_create(cookie=cookie, defaults={"text": lifetime})
    forget_cached_groups()


def remove_groups(apps, schema_editor):
    CookieGroup = apps.get_model("cookie_consent", "CookieGroup")
    CookieGroup.objects.filter(varname__in=[spec["varname"] for spec in GROUPS]).delete()
    forget_cached_groups()


class Migration(migrations.Migration):
    dependencies = [
        ("consent", "0001_initial"),
        ("cookie_consent", "0004_cookie_natural_key"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
