"""
Which counted pages belong to which meeting, for the report's "Mest læste møder".

Statistics never read a path themselves: a stored path is resolved by the URL resolver, and its
URL name says whether the page belongs to a meeting. The app that owns meeting pages declares
their URL names on its AppConfig, the meeting's own page first:

    class MinutesConfig(AppConfig):
        meeting_url_names = ["minutes:meeting", "minutes:item"]

Every one of them takes the meeting's date (a datetime.date) as its `date` argument.
"""

from django.apps import apps
from django.urls import Resolver404, get_script_prefix, resolve, reverse


def meeting_url_names():
    """The declared URL names of meeting pages, the meeting's own page first."""
    declared = [
        name
        for config in apps.get_app_configs()
        for name in getattr(config, "meeting_url_names", ())
    ]
    return declared


def meeting_date(path, url_names):
    """The date of the meeting that the page at path belongs to, or None."""
    # Stored paths are request.path, with the script prefix of a site deployed below the root.
    try:
        match = resolve("/" + path.removeprefix(get_script_prefix()))
    except Resolver404:
        return None
    return match.kwargs.get("date") if match.view_name in url_names else None


def meeting_url(date, url_names):
    return reverse(url_names[0], kwargs={"date": date})
