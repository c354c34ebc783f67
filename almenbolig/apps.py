from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig


class AdminConfig(DjangoAdminConfig):
    """Django's admin, on a site that asks staff for their second factor (almenbolig.logins)."""

    default_site = "almenbolig.logins.AdminSite"
