"""The client's address as the site sees it behind nginx, for what is counted per client: failed
logins (django-axes), new visitors in the statistics, subscriptions to the email alerts."""

import ipaddress

from django.conf import settings


def client_ip(request):
    """
    The visitor's address.

    Behind nginx (deploy/nginx), the address nginx saw is in X-Real-IP, which nginx always sets
    itself; it is believed only from the proxies in GUNICORN_FORWARDED_ALLOW_IPS, so that a
    client talking straight to gunicorn cannot choose its own address.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    if remote in settings.TRUSTED_PROXIES:
        return request.META.get("HTTP_X_REAL_IP", remote).strip() or remote
    return remote


def client_network(request):
    """
    What one client is counted as: its IPv4 address, or its IPv6 address's /64 network, which
    one household or office is given whole (a client could otherwise take a new address for
    every request).
    """
    address = client_ip(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)
