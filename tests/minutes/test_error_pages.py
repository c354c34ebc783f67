"""The pages nginx answers with itself are the site's own, in Danish (`write_error_pages`), and
`check --deploy` says when they have not been written. tests/deploy serves them through nginx."""

import io

from django.core import checks
from django.core.management import call_command

from tests.markup import element, text


def deploy_warnings():
    return [
        message.id
        for message in checks.run_checks(include_deployment_checks=True)
        if message.id == "minutes.W001"
    ]


def test_the_pages_are_the_sites_danish_pages_and_check_deploy_misses_them_until_written(
    settings, tmp_path
):
    settings.STATIC_ROOT = tmp_path / "static"

    before = deploy_warnings()
    out = io.StringIO()
    call_command("write_error_pages", stdout=out)
    after = deploy_warnings()

    assert before == ["minutes.W001"]
    assert after == []
    assert "Skrev 4 fejlsider" in out.getvalue()
    headings = {
        path.name: text(element(path.read_text(), "h1"))
        for path in sorted((tmp_path / "static" / "fejl").iterdir())
    }
    assert headings == {
        "413.html": "Det, du sendte, er for stort",
        "429.html": "For mange forespørgsler på kort tid",
        "500.html": "Der opstod en fejl",
        "503.html": "Siden er midlertidigt utilgængelig",
    }
    page = (tmp_path / "static" / "fejl" / "413.html").read_text()
    assert '<html lang="da">' in page
    assert f"højst fylde {settings.MINUTES_MAX_UPLOAD_MB} MB" in page
