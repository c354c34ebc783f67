"""
The visitor's cookie decision, on django-cookie-consent: the banner, the policy page /cookies/,
accept and decline, and `request.consent` for the apps whose cookies it governs (visits).
"""
