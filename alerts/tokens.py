"""The signed links in the mails: confirm (expires), manage and unsubscribe (last as long as the
subscription). A link names the subscription and a digest of its address, never the address."""

import datetime
import hashlib

from django.core import signing

CONFIRMATION_MAX_AGE = datetime.timedelta(days=7)
CONFIRM_SALT = "alerts.confirm"
MANAGE_SALT = "alerts.manage"


class InvalidLink(Exception):
    """A link that was not made by the site, or was changed on the way."""


class ExpiredLink(InvalidLink):
    """A confirmation link older than CONFIRMATION_MAX_AGE."""


def address_digest(email):
    return hashlib.sha256(email.lower().encode()).hexdigest()[:16]


def confirmation_token(subscription, choices):
    """A link that confirms `subscription` with the `choices` made in the form (a dict)."""
    payload = {"id": subscription.pk, "h": address_digest(subscription.email), **choices}
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign_object(payload, compress=True)


def read_confirmation_token(token):
    """The payload of a confirmation link; raises ExpiredLink or InvalidLink."""
    signer = signing.TimestampSigner(salt=CONFIRM_SALT)
    try:
        return signer.unsign_object(token, max_age=CONFIRMATION_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ExpiredLink from error
    except (signing.BadSignature, ValueError) as error:
        raise InvalidLink from error


def manage_token(subscription):
    payload = {"id": subscription.pk, "h": address_digest(subscription.email)}
    return signing.Signer(salt=MANAGE_SALT).sign_object(payload)


def read_manage_token(token):
    try:
        return signing.Signer(salt=MANAGE_SALT).unsign_object(token)
    except (signing.BadSignature, ValueError) as error:
        raise InvalidLink from error
