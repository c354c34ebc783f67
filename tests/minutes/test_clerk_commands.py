"""`create_clerk` makes clerk accounts; `loaddemo` fills a fresh database with demo meetings."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from minutes.models import AgendaItem, Meeting

pytestmark = pytest.mark.django_db

PASSWORD = "Referat-kodeord-2018"


class Terminal(io.StringIO):
    """Standard input as an interactive terminal, for the password prompt."""

    def isatty(self):
        return True


def create_clerk(username, *, stdin, **options):
    out = io.StringIO()
    call_command("create_clerk", username, stdin=stdin, stdout=out, **options)
    return out.getvalue()


def loaddemo(*args):
    out = io.StringIO()
    call_command("loaddemo", *args, stdout=out)
    return out.getvalue()


def test_create_clerk_makes_a_staff_user_in_the_referent_group():
    output = create_clerk(
        "anna",
        email="anna@example.invalid",
        password_from_stdin=True,
        stdin=io.StringIO(PASSWORD + "\n"),
    )

    user = get_user_model().objects.get(username="anna")
    assert user.is_staff
    assert not user.is_superuser
    assert user.email == "anna@example.invalid"
    assert list(user.groups.values_list("name", flat=True)) == ["Referent"]
    assert user.check_password(PASSWORD)
    assert user.has_perm("minutes.add_meeting")
    assert not user.has_perm("auth.view_user")
    assert "Referenten “anna” er oprettet" in output


def test_create_clerk_asks_for_the_password_twice_in_a_terminal(monkeypatch):
    prompts = []
    monkeypatch.setattr("getpass.getpass", lambda prompt: prompts.append(prompt) or PASSWORD)

    create_clerk("anna", stdin=Terminal())

    assert prompts == ["Adgangskode: ", "Adgangskode igen: "]
    assert get_user_model().objects.get(username="anna").check_password(PASSWORD)


def test_create_clerk_refuses_two_different_passwords(monkeypatch):
    answers = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))

    with pytest.raises(CommandError, match="De to adgangskoder er ikke ens"):
        create_clerk("anna", stdin=Terminal())

    assert not get_user_model().objects.exists()


def test_create_clerk_refuses_a_username_that_exists_in_any_case():
    get_user_model().objects.create_user("Anna")

    with pytest.raises(CommandError, match="Brugernavnet “anna” findes allerede"):
        create_clerk("anna", password_from_stdin=True, stdin=io.StringIO(PASSWORD + "\n"))

    assert get_user_model().objects.count() == 1


def test_create_clerk_refuses_a_weak_password_in_danish():
    with pytest.raises(CommandError, match="for kort"):
        create_clerk("anna", password_from_stdin=True, stdin=io.StringIO("kort\n"))

    assert not get_user_model().objects.exists()


def test_create_clerk_refuses_a_bad_email():
    with pytest.raises(CommandError, match="gyldig e-mail-adresse"):
        create_clerk(
            "anna",
            email="ikke en adresse",
            password_from_stdin=True,
            stdin=io.StringIO(PASSWORD + "\n"),
        )

    assert not get_user_model().objects.exists()


def test_create_clerk_without_a_terminal_says_how_to_give_the_password():
    with pytest.raises(CommandError, match="--password-from-stdin"):
        create_clerk("anna", stdin=io.StringIO(PASSWORD + "\n"))

    assert not get_user_model().objects.exists()


# The rest of loaddemo is in test_loaddemo.py, on one load shared by its tests; these two need
# a database of their own.


def test_loaddemo_is_the_same_every_time(committee, media_root):
    def snapshot():
        return list(
            AgendaItem.objects.order_by("meeting__date", "number").values_list(
                "meeting__date", "number", "title", "decision"
            )
        )

    loaddemo()
    first = snapshot()
    Meeting.objects.all().delete()
    loaddemo()

    assert len(first) > 100
    assert snapshot() == first


def test_loaddemo_keeps_out_of_a_database_with_real_meetings(make_meeting):
    make_meeting("2018-05-30")

    with pytest.raises(CommandError, match="ikke er demodata"):
        loaddemo()

    assert Meeting.objects.count() == 1
    loaddemo("--force")
    assert Meeting.objects.count() > 1
