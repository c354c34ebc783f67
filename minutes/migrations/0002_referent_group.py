"""The "Referent" group: exactly what a clerk needs to publish minutes, nothing else."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Referent"

PERMISSIONS = {
    "minutes": {
        "meeting": ["add", "change", "delete", "view"],
        "participant": ["add", "change", "delete", "view"],
        "agendaitem": ["add", "change", "delete", "view"],
        "attachment": ["add", "change", "delete", "view"],
        "minutespdfversion": ["view"],
        "meetingredirect": ["view"],
    },
    "committee": {
        "member": ["view"],
        "committee": ["view"],
    },
}


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations; a fresh database needs them now.
    for app_label in PERMISSIONS:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    wanted = [
        (app_label, f"{action}_{model}")
        for app_label, models in PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    ]
    permissions = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in wanted
    ]
    group.permissions.set(permissions)


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("minutes", "0001_initial"),
        ("committee", "0002_seed_committee_content"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
