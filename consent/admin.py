from cookie_consent.admin import CookieAdmin as PackageCookieAdmin
from cookie_consent.models import Cookie
from django.contrib import admin

from .models import CookieLifetime


class CookieLifetimeInline(admin.StackedInline):
    model = CookieLifetime
    can_delete = False


# django-cookie-consent registers its own Cookie admin; ours adds the lifetime it declares.
admin.site.unregister(Cookie)


@admin.register(Cookie)
class CookieAdmin(PackageCookieAdmin):
    list_display = ("name", "cookiegroup", "lifetime_text", "path", "domain", "get_version")
    list_select_related = ("cookiegroup", "lifetime")
    inlines = [CookieLifetimeInline]

    @admin.display(description="levetid")
    def lifetime_text(self, obj):
        return getattr(obj, "lifetime", None) or "–"
