"""Load the committee's own text from the municipality's current page as the site's first content."""

import datetime

from django.db import migrations

NAME = "Almenboligudvalg Hvidovre"

HEADING = "Referater fra møder i Almenboligudvalget Hvidovre"

HISTORY = (
    "Hvidovre Kommunalbestyrelse besluttede på det konstituerende møde den 5. december 2017, at "
    "Avedøreudvalget ændres til ”Almenboligudvalg Hvidovre” med fokus på trivsel og udvikling i "
    "eksisterende boligområder i hele Hvidovre. Det besluttedes endvidere, at Kommunalbestyrelsen "
    "på et kommende møde tager stilling til udvalgets kommissorium, som blev vedtaget af "
    "Kommunalbestyrelsen på møde den 29. maj 2018."
)

TASKS = [
    "Udvalget skal have en forberedende og rådgivende funktion for samtlige udvalg, i forhold til "
    "disses sagsområde.",
    "Udvalget skal i samarbejde med boligselskaberne arbejde for at sikre en gunstig udvikling i "
    "særligt udsatte boligområder. Der skal ses nærmere på indsatser så som brug af særlige "
    "udlejningsaftaler med henblik på at ændre beboersammensætningen, boligsociale initiativer, "
    "forebyggende indsatser og andre projekter.",
    "Udvalget skal sikre at indsatsen i udsatte boligområder ikke hindrer kommunen i at løse sine "
    "boligsociale opgaver overfor boligsøgende med et akut boligbehov.",
    "Udvalget er den politiske del af styringsdialogen mellem boligselskaberne og kommunen. De "
    "lovpligtige møder afholdes mellem Boligselskaberne og Hvidovre Kommune hver for sig. Udvalget "
    "skal løbende orienteres om de afholdte styringsdialogmøder og har en rådgivende og "
    "koordinerende funktion overfor Økonomiudvalget i forhold til den samlede styringsdialog med de "
    "almene boligselskaber.",
    "Udvalget skal sikre en helhedsorienteret boligsocial indsats ved at koordinere de boligsociale "
    "indsatser.",
    "Udvalget skal i samarbejde med politiet arbejde for tryghedsfremmende foranstaltninger i de "
    "udsatte boligområder.",
    "Udvalget kan nedsætte arbejdsgrupper efter behov.",
]


def load(apps, schema_editor):
    Committee = apps.get_model("committee", "Committee")
    Task = apps.get_model("committee", "Task")
    committee, created = Committee.objects.get_or_create(
        name=NAME,
        defaults={
            "heading": HEADING,
            "history": HISTORY,
            "established_on": datetime.date(2017, 12, 5),
            "mandate_adopted_on": datetime.date(2018, 5, 29),
        },
    )
    if created:
        Task.objects.bulk_create(
            Task(committee=committee, position=position, text=text)
            for position, text in enumerate(TASKS, start=1)
        )


def unload(apps, schema_editor):
    apps.get_model("committee", "Committee").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [("committee", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
