import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_server_refuses_to_start_without_secret_key_when_debug_is_off():
    result = run_manage("check")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_deploy_check_is_clean_with_production_settings(tmp_path):
    production = {
        "DJANGO_SECRET_KEY": "k" * 20 + "production-like-secret-key-with-enough-entropy-8f3a9c1d",
        "DJANGO_ALLOWED_HOSTS": "almenbolig.hvidovre.dk",
        "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
    }
    # README's "Production" writes nginx's pages before the check (here with the static files'
    # own names: collectstatic, which would give their hashed ones, takes long).
    done = run_manage("write_error_pages", DJANGO_PLAIN_STATIC="1", **production)
    assert done.returncode == 0, done.stderr

    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **production)

    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout
