"""Logging in as staff in tests: the second factor that superusers must give."""


def otp_code(user):
    """The code the user's authenticator app shows now."""
    from django_otp.oath import totp

    from almenbolig.logins import authenticator_of

    device = authenticator_of(user)
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):0{device.digits}d}"


def verify_second_factor(client, user):
    """Mark a test client's session, logged in with force_login, as past the second factor."""
    from django_otp import DEVICE_ID_SESSION_KEY

    from almenbolig.logins import authenticator_of

    session = client.session
    session[DEVICE_ID_SESSION_KEY] = authenticator_of(user).persistent_id
    session.save()


def log_in_through_the_form(app, user, password="password"):
    """Log a django-webtest app in through the admin's login form, with the authenticator code."""
    login = app.get("/admin/login/").forms["login-form"]
    login["username"], login["password"] = user.username, password
    login["otp_token"] = otp_code(user)
    assert login.submit().status_code == 302
    return app
