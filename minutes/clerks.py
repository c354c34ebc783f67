"""
The clerks' ("referenter") group: exactly what a clerk needs to publish minutes, nothing else.

This is the one place that defines it. After every `migrate` the group is made, or put back,
to have exactly these permissions, so a model added later only needs a line here; a permission
given to the group by hand in admin is taken away again by the next `migrate`.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

CLERK_GROUP = "Referent"

CLERK_PERMISSIONS = {
    "minutes": {
        "meeting": ["add", "change", "delete", "view"],
        "participant": ["add", "change", "delete", "view"],
        "agendaitem": ["add", "change", "delete", "view"],
        "attachment": ["add", "change", "delete", "view"],
        "vote": ["add", "change", "delete", "view"],
        "meetingredirect": ["view"],
    },
    "committee": {
        "member": ["view"],
        "committee": ["view"],
    },
    # The page-view statistics ("Sidevisninger"), read only.
    "visits": {
        "pageview": ["view"],
    },
}


def define_clerk_group(sender=None, *, apps=global_apps, using="default", **kwargs):
    """Make the group, with exactly `CLERK_PERMISSIONS`; a `post_migrate` receiver."""
    # post_migrate reaches the apps one by one, and the permissions of an app later in
    # INSTALLED_APPS are only made when its turn comes: make those the group needs now.
    for app_label in CLERK_PERMISSIONS:
        app_config = global_apps.get_app_config(app_label)
        create_permissions(app_config, verbosity=0, using=using, apps=apps)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.using(using).get_or_create(name=CLERK_GROUP)
    wanted = {
        (app_label, f"{action}_{model}")
        for app_label, models in CLERK_PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    }
    permissions = [
        permission
        for permission in Permission.objects.using(using)
        .filter(content_type__app_label__in=CLERK_PERMISSIONS)
        .select_related("content_type")
        if (permission.content_type.app_label, permission.codename) in wanted
    ]
    group.permissions.set(permissions)
