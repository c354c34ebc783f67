#!/usr/bin/env python3
"""
Write deploy/nginx/almenbolig.conf.in with its @NAME@ placeholders filled in, to standard output.

    python deploy/render.py --server-name almenbolig.hvidovre.dk \
        --certificate /etc/ssl/certs/almenbolig.pem \
        --certificate-key /etc/ssl/private/almenbolig.key \
        > /etc/nginx/sites-available/almenbolig

The admin's body limit is sized from MINUTES_MAX_UPLOAD_MB (the environment's, as the site reads
it, or --max-upload-mb). Only the standard library: it runs before the site is installed.
"""

import argparse
import os
import re
import sys
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "nginx" / "almenbolig.conf.in"
# The rest of the admin's form (fields, inlines, multipart boundaries) around the largest file.
FORM_ROOM_MB = 5


def render(
    *,
    server_name,
    certificate,
    certificate_key,
    upstream="127.0.0.1:8000",
    static_root="/srv/almenbolig/staticfiles",
    http_port=80,
    https_port=443,
    max_upload_mb=25,
):
    values = {
        "SERVER_NAME": server_name,
        "TLS_CERTIFICATE": certificate,
        "TLS_CERTIFICATE_KEY": certificate_key,
        "UPSTREAM": upstream,
        "STATIC_ROOT": str(static_root).rstrip("/"),
        "HTTP_PORT": str(http_port),
        "HTTPS_PORT": str(https_port),
        "MAX_UPLOAD_MB": str(max_upload_mb),
        "ADMIN_BODY_LIMIT": f"{max_upload_mb + FORM_ROOM_MB}m",
    }
    text = TEMPLATE.read_text()
    missing = set(re.findall(r"@([A-Z_]+)@", text)) - set(values)
    if missing:
        raise SystemExit(f"no value for {', '.join(sorted(missing))}")
    return re.sub(r"@([A-Z_]+)@", lambda match: values[match.group(1)], text)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server-name", required=True, help="e.g. almenbolig.hvidovre.dk")
    parser.add_argument("--certificate", required=True, help="TLS certificate (chain), PEM")
    parser.add_argument("--certificate-key", required=True, help="its private key, PEM")
    parser.add_argument("--upstream", default="127.0.0.1:8000", help="where gunicorn listens")
    parser.add_argument("--static-root", default="/srv/almenbolig/staticfiles")
    parser.add_argument("--http-port", type=int, default=80)
    parser.add_argument("--https-port", type=int, default=443)
    parser.add_argument(
        "--max-upload-mb",
        type=int,
        default=int(os.environ.get("MINUTES_MAX_UPLOAD_MB", "25")),
        help="MINUTES_MAX_UPLOAD_MB (default: the environment's, else 25)",
    )
    options = parser.parse_args(argv)
    sys.stdout.write(render(**vars(options)))


if __name__ == "__main__":
    main()
