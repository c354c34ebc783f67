"""deploy/: the systemd units run commands that exist, timers start services that exist, gunicorn
listens on loopback, and nginx's upload limit follows MINUTES_MAX_UPLOAD_MB. (tests/deploy runs
nginx and gunicorn themselves.)"""

import configparser
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]
UNITS = ROOT / "deploy" / "systemd"
sys.path.insert(0, str(ROOT / "deploy"))
from render import render, render_main  # noqa: E402


def exec_starts(path):
    lines = path.read_text().splitlines()
    return [line.split("=", 1)[1] for line in lines if line.startswith("ExecStart=")]


def manage_commands(path):
    found = []
    for command in exec_starts(path):
        words = shlex.split(command)
        if words[:2] == ["/bin/sh", "-c"]:
            words = shlex.split(words[2])
        if "manage.py" in words:
            found.append(words[words.index("manage.py") + 1])
    return found


@pytest.mark.parametrize("path", sorted(UNITS.glob("*.service")), ids=lambda p: p.name)
def test_every_command_a_unit_runs_exists(path):
    known = set(get_commands())

    assert [name for name in manage_commands(path) if name not in known] == []


@pytest.mark.parametrize("path", sorted(UNITS.glob("*.timer")), ids=lambda p: p.name)
def test_every_timer_starts_a_service_that_is_shipped(path):
    timer = configparser.ConfigParser()
    timer.read(path)

    assert (UNITS / path.name.replace(".timer", ".service")).exists()
    assert timer["Timer"]["OnCalendar"]
    assert timer["Timer"]["Persistent"] == "true"


def test_the_statistics_are_pruned_daily():
    assert "prune_visits" in manage_commands(UNITS / "almenbolig-housekeeping.service")


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze")
def test_systemd_finds_nothing_wrong_with_the_units_but_the_missing_production_paths():
    result = subprocess.run(
        ["systemd-analyze", "verify", *map(str, sorted(UNITS.iterdir()))],
        capture_output=True,
        text=True,
    )
    complaints = [
        line
        for line in result.stderr.splitlines()
        # The production checkout (/srv/almenbolig) is not on this machine.
        if "/srv/almenbolig" not in line and line.strip()
    ]
    assert complaints == []


def test_gunicorn_listens_on_loopback_unless_told_otherwise():
    config = (ROOT / "gunicorn.conf.py").read_text()
    example = (ROOT / "deploy" / "env.example").read_text()

    assert 'os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")' in config
    assert "GUNICORN_BIND=127.0.0.1:8000" in example


def rendered(**options):
    return render(
        server_name="almenbolig.hvidovre.dk",
        certificate="/etc/ssl/certs/almenbolig.pem",
        certificate_key="/etc/ssl/private/almenbolig.key",
        **options,
    )


def test_uploads_are_allowed_only_in_the_admin_sized_from_the_upload_limit(settings):
    config = rendered(max_upload_mb=settings.MINUTES_MAX_UPLOAD_MB)
    admin = re.search(r"location /admin/ \{(.*?)\}", config, re.S).group(1)

    assert f"client_max_body_size {settings.MINUTES_MAX_UPLOAD_MB + 5}m;" in admin
    assert re.search(r"\n    client_max_body_size 64k;", config)
    assert "client_max_body_size 40m;" in rendered(max_upload_mb=35)


def test_the_rendered_configuration_leaves_no_placeholder():
    assert not re.search(r"@[A-Z_]+@", rendered())
    assert not re.search(r"@[A-Z_]+@", render_main())


def test_nginx_is_sized_for_thousands_of_connections_and_counts_them_as_they_are_accepted():
    main = render_main()
    site = rendered()

    assert re.search(r"\n    worker_connections 16384;", main)
    assert "\nworker_rlimit_nofile 65536;" in main
    assert (
        "limit_conn almenbolig_sockets 128;" in re.search(r"stream \{.*?\n\}", main, re.S).group()
    )
    # The site's servers listen only behind the stream proxy, on loopback.
    listens = re.findall(r"^\s*listen (\S+)", site, re.M)
    assert listens and all(address.startswith("127.0.0.1:") for address in listens)
    # The header timeout is set where every connection is accepted, not only in the site's server.
    assert site.index("client_header_timeout 10s;") < site.index("server {")


def test_the_confirmation_mails_and_alerts_are_sent_every_minute():
    timer = configparser.ConfigParser()
    timer.read(UNITS / "almenbolig-alerts.timer")

    assert manage_commands(UNITS / "almenbolig-alerts.service") == ["send_alerts"]
    assert timer["Timer"]["OnCalendar"] == "minutely"
