from django.shortcuts import render


def policy(request):
    """The cookie policy."""
    return render(request, "consent/policy.html")
