"""The client's address as the site sees it behind nginx, for what is counted per client: failed
logins (django-axes), new visitors in the statistics, subscriptions to the email alerts."""

import ipaddress

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac


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


def count_for_client(request, what, period, *, limit, timeout, unknown):
    """
    Count one more `what` ("alerts:subscribe") for this client in `period` (the hour's or the
    day's name) and say whether the count stays within `limit`.

    The count lives in the shared cache under a key made from the period and the client's
    network with the secret key, so no address is stored (each process's own memory without
    Redis: then each worker counts for itself). Without the cache's answer it says `unknown`.
    """
    digest = salted_hmac(what, f"{period}:{client_network(request)}").hexdigest()
    key = f"{what}:{digest}"
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key) <= limit
    except ValueError:
        return unknown
