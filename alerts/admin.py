from django.contrib import admin

from .models import Alert, Confirmation, Subscription


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    """Addresses and what they follow. Staff may delete one on request; nothing more is stored."""

    list_display = ["email", "new_minutes", "new_agendas", "search_terms", "is_confirmed"]
    list_filter = ["is_confirmed", "new_minutes", "new_agendas"]
    search_fields = ["email", "search_terms"]
    readonly_fields = ["confirmation_sent_at"]


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    """The queue of mails, to see what was sent and what failed; sent by `send_alerts`."""

    list_display = ["meeting", "kind", "subscription", "status", "attempts", "next_attempt_at"]
    list_filter = ["status", "kind"]
    list_select_related = ["meeting__committee", "subscription"]
    readonly_fields = [field.name for field in Alert._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Confirmation)
class ConfirmationAdmin(admin.ModelAdmin):
    """The confirmation mails the subscribe form queued, sent by `send_alerts`."""

    list_display = ["subscription", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    list_select_related = ["subscription"]
    readonly_fields = [field.name for field in Confirmation._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
