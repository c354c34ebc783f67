from django.contrib import admin

from .models import Committee, Member, Task


class TaskInline(admin.TabularInline):
    model = Task
    extra = 0


class MemberInline(admin.TabularInline):
    model = Member
    extra = 0


@admin.register(Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ["name", "mandate_adopted_on", "updated_at"]
    inlines = [TaskInline, MemberInline]
    view_on_site = True


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    list_display = ["name", "party", "role", "committee", "start_date", "end_date"]
    list_filter = ["committee", "role", "party"]
    search_fields = ["name"]
