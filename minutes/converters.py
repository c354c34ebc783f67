import datetime


class IsoDateConverter:
    """`2018-05-29` in a URL as a date; malformed or impossible dates simply don't match (404)."""

    regex = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"

    def to_python(self, value):
        return datetime.date.fromisoformat(value)

    def to_url(self, value):
        if isinstance(value, datetime.date):
            return value.isoformat()
        return datetime.date.fromisoformat(value).isoformat()
