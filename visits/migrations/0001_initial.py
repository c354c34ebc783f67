"""
The statistics tables move here from the consent app, with every row they hold.

consent 0001 created `consent_pageview` and `consent_dailyvisitor`. This migration takes the two
models over in Django's state without touching the database, then renames the tables and their
unique constraints to this app's names; consent 0003 drops the models from consent's state. The
content types move as well, so that permissions already given on the models (view_pageview)
and admin history keep pointing at them.

On a fresh database the tables are created by consent 0001 and renamed here, which leaves the
same schema as a database that had them.
"""

from django.db import migrations, models

MODELS = ["pageview", "dailyvisitor"]


def move_content_types(source, target):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        content_types = ContentType.objects.using(schema_editor.connection.alias)
        for model in MODELS:
            # Only when the new app has none yet: post_migrate may have created it already.
            if not content_types.filter(app_label=target, model=model).exists():
                content_types.filter(app_label=source, model=model).update(app_label=target)
        ContentType.objects.clear_cache()

    return move


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("consent", "0002_cookie_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="DailyVisitor",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("day", models.DateField(verbose_name="dag")),
                        ("visitor_hash", models.CharField(max_length=64, verbose_name="besøgsnøgle")),
                    ],
                    options={
                        "verbose_name": "besøgende",
                        "verbose_name_plural": "besøgende",
                        "db_table": "consent_dailyvisitor",
                        "constraints": [models.UniqueConstraint(fields=("day", "visitor_hash"), name="consent_dailyvisitor_day_hash")],
                    },
                ),
                migrations.CreateModel(
                    name="PageView",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("day", models.DateField(verbose_name="dag")),
                        ("path", models.CharField(max_length=500, verbose_name="side")),
                        ("views", models.PositiveIntegerField(default=0, verbose_name="visninger")),
                    ],
                    options={
                        "verbose_name": "sidevisning",
                        "verbose_name_plural": "sidevisninger",
                        "ordering": ["-day", "-views"],
                        "db_table": "consent_pageview",
                        "constraints": [models.UniqueConstraint(fields=("day", "path"), name="consent_pageview_day_path")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="dailyvisitor", table=None),
        migrations.AlterModelTable(name="pageview", table=None),
        # New names first, then the old ones go: the rows are never without their constraint.
        migrations.AddConstraint(
            model_name="dailyvisitor",
            constraint=models.UniqueConstraint(fields=("day", "visitor_hash"), name="visits_dailyvisitor_day_hash"),
        ),
        migrations.RemoveConstraint(model_name="dailyvisitor", name="consent_dailyvisitor_day_hash"),
        migrations.AddConstraint(
            model_name="pageview",
            constraint=models.UniqueConstraint(fields=("day", "path"), name="visits_pageview_day_path"),
        ),
        migrations.RemoveConstraint(model_name="pageview", name="consent_pageview_day_path"),
        migrations.RunPython(
            move_content_types(source="consent", target="visits"),
            move_content_types(source="visits", target="consent"),
        ),
    ]
