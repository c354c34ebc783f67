"""The clerks' group is defined in one place and stays right after every `migrate`."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from minutes.clerks import CLERK_GROUP

pytestmark = pytest.mark.django_db(transaction=True)


def granted():
    group = Group.objects.get(name=CLERK_GROUP)
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }


EXPECTED = {
    *(
        f"minutes.{action}_{model}"
        for model in ["meeting", "participant", "agendaitem", "attachment", "vote"]
        for action in ["add", "change", "delete", "view"]
    ),
    "minutes.view_meetingredirect",
    "committee.view_member",
    "committee.view_committee",
    "visits.view_pageview",
}


def test_migrate_gives_the_referent_group_exactly_the_clerks_permissions():
    assert granted() == EXPECTED


def test_migrate_puts_the_group_right_again_after_changes_by_hand():
    group = Group.objects.get(name=CLERK_GROUP)
    group.permissions.remove(Permission.objects.get(codename="change_meeting"))
    group.permissions.add(Permission.objects.get(codename="delete_user"))

    call_command("migrate", verbosity=0, stdout=io.StringIO())

    assert granted() == EXPECTED


def test_migrate_makes_the_group_again_if_it_was_deleted():
    Group.objects.filter(name=CLERK_GROUP).delete()

    call_command("migrate", verbosity=0, stdout=io.StringIO())

    assert granted() == EXPECTED
