#!/usr/bin/env python3
"""
Write deploy/nginx/almenbolig.conf.in (the site), or with --main deploy/nginx/nginx.conf.in
(nginx's main configuration), with its @NAME@ placeholders filled in, to standard output.

    python deploy/render.py --server-name almenbolig.hvidovre.dk \
        --certificate /etc/ssl/certs/almenbolig.pem \
        --certificate-key /etc/ssl/private/almenbolig.key \
        > /etc/nginx/sites-available/almenbolig
    python deploy/render.py --main > /etc/nginx/nginx.conf

The admin's body limit is sized from MINUTES_MAX_UPLOAD_MB (the environment's, as the site reads
it, or --max-upload-mb). Only the standard library: it runs before the site is installed.
"""

import argparse
import os
import re
import sys
from pathlib import Path

NGINX = Path(__file__).resolve().parent / "nginx"
SITE_TEMPLATE = NGINX / "almenbolig.conf.in"
MAIN_TEMPLATE = NGINX / "nginx.conf.in"
# The rest of the admin's form (fields, inlines, multipart boundaries) around the largest file.
FORM_ROOM_MB = 5
# Connections one address may hold at a time, counted as they are accepted (nginx.conf.in).
SOCKETS_PER_ADDRESS = 128

# The security headers Django gives every page of the site (almenbolig/settings.py, django-csp),
# for the pages nginx answers itself; tests/deploy compares them with a page of the site's.
SECURITY_HEADERS = {
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
        "microphone=(), payment=(), usb=()"
    ),
}


def _fill(template, values):
    text = template.read_text()
    missing = set(re.findall(r"@([A-Z_]+)@", text)) - set(values)
    if missing:
        raise SystemExit(f"no value for {', '.join(sorted(missing))}")
    return re.sub(r"@([A-Z_]+)@", lambda match: values[match.group(1)], text)


def render(
    *,
    server_name,
    certificate,
    certificate_key,
    upstream="127.0.0.1:8000",
    static_root="/srv/almenbolig/staticfiles",
    inner_http_port=10080,
    inner_https_port=10443,
    max_upload_mb=25,
):
    """The site: its http servers, on loopback behind the stream proxy of render_main()."""
    headers = "\n".join(
        f'        add_header {name} "{value}" always;' for name, value in SECURITY_HEADERS.items()
    )
    return _fill(
        SITE_TEMPLATE,
        {
            "SERVER_NAME": server_name,
            "TLS_CERTIFICATE": certificate,
            "TLS_CERTIFICATE_KEY": certificate_key,
            "UPSTREAM": upstream,
            "STATIC_ROOT": str(static_root).rstrip("/"),
            "INNER_HTTP_PORT": str(inner_http_port),
            "INNER_HTTPS_PORT": str(inner_https_port),
            "ADMIN_BODY_LIMIT": f"{max_upload_mb + FORM_ROOM_MB}m",
            "SECURITY_HEADERS": headers,
        },
    )


def render_main(
    *,
    http_port=80,
    https_port=443,
    inner_http_port=10080,
    inner_https_port=10443,
    user="www-data",
    pid_file="/run/nginx.pid",
    error_log="/var/log/nginx/error.log",
    access_log="/var/log/nginx/access.log",
    sites="/etc/nginx/sites-enabled/*",
    temp_root=None,
):
    """nginx's main configuration: workers, the stream proxy in front, the http block.

    `temp_root` puts nginx's temporary files in a folder of its own (the tests' prefix); nginx's
    built-in folders otherwise.
    """
    temp_paths = ""
    if temp_root:
        temp_paths = "".join(
            f"    {kind}_temp_path {temp_root}/{folder};\n"
            for kind, folder in (
                ("client_body", "body"),
                ("proxy", "proxy"),
                ("fastcgi", "fastcgi"),
                ("uwsgi", "uwsgi"),
                ("scgi", "scgi"),
            )
        )
    return _fill(
        MAIN_TEMPLATE,
        {
            "USER": user,
            "PID_FILE": str(pid_file),
            "ERROR_LOG": str(error_log),
            "ACCESS_LOG": str(access_log),
            "SITES": str(sites),
            "TEMP_PATHS": temp_paths.rstrip("\n"),
            "HTTP_PORT": str(http_port),
            "HTTPS_PORT": str(https_port),
            "INNER_HTTP_PORT": str(inner_http_port),
            "INNER_HTTPS_PORT": str(inner_https_port),
            "SOCKETS_PER_ADDRESS": str(SOCKETS_PER_ADDRESS),
        },
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--main", action="store_true", help="nginx's main configuration (/etc/nginx/nginx.conf)"
    )
    parser.add_argument("--server-name", help="e.g. almenbolig.hvidovre.dk")
    parser.add_argument("--certificate", help="TLS certificate (chain), PEM")
    parser.add_argument("--certificate-key", help="its private key, PEM")
    parser.add_argument("--upstream", default="127.0.0.1:8000", help="where gunicorn listens")
    parser.add_argument("--static-root", default="/srv/almenbolig/staticfiles")
    parser.add_argument("--http-port", type=int, default=80)
    parser.add_argument("--https-port", type=int, default=443)
    parser.add_argument(
        "--inner-http-port",
        type=int,
        default=10080,
        help="the loopback port of the site's plain http server, behind the stream proxy",
    )
    parser.add_argument(
        "--inner-https-port",
        type=int,
        default=10443,
        help="the loopback port of the site's https server, behind the stream proxy",
    )
    parser.add_argument(
        "--max-upload-mb",
        type=int,
        default=int(os.environ.get("MINUTES_MAX_UPLOAD_MB", "25")),
        help="MINUTES_MAX_UPLOAD_MB (default: the environment's, else 25)",
    )
    options = parser.parse_args(argv)
    ports = {
        "inner_http_port": options.inner_http_port,
        "inner_https_port": options.inner_https_port,
    }
    if options.main:
        sys.stdout.write(
            render_main(http_port=options.http_port, https_port=options.https_port, **ports)
        )
        return
    for required in ("server_name", "certificate", "certificate_key"):
        if getattr(options, required) is None:
            parser.error(f"--{required.replace('_', '-')} is required for the site")
    sys.stdout.write(
        render(
            server_name=options.server_name,
            certificate=options.certificate,
            certificate_key=options.certificate_key,
            upstream=options.upstream,
            static_root=options.static_root,
            max_upload_mb=options.max_upload_mb,
            **ports,
        )
    )


if __name__ == "__main__":
    main()
