from django.utils.functional import SimpleLazyObject

from .models import Committee


def committee(request):
    """`site_committee`: the committee the site is for, looked up only by a page that names it."""
    return {"site_committee": SimpleLazyObject(Committee.objects.current)}
