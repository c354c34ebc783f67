import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.formats import date_format

from . import buffer
from .charts import bar_chart
from .forms import StatisticsPeriodForm
from .models import DailyVisitor, PageView


@admin.register(PageView)
class PageViewAdmin(admin.ModelAdmin):
    """The statistics page: the counters are read here, never edited."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        default_start, default_end = StatisticsPeriodForm.default_period()
        form = StatisticsPeriodForm(
            request.GET or None, initial={"fra": default_start, "til": default_end}
        )
        start, end = form.period()
        # This process's views are written before they are read; the other processes' within
        # VISITS_FLUSH_SECONDS, which the page says.
        buffer.flush()

        page_views = PageView.objects.between(start, end)
        views_per_day = page_views.per_day()
        visitors_per_day = DailyVisitor.objects.between(start, end).per_day()
        days = [
            {
                "day": day,
                "visitors": visitors_per_day.get(day, 0),
                "views": views_per_day.get(day, 0),
            }
            for day in (start + datetime.timedelta(days=n) for n in range((end - start).days + 1))
        ]
        presets = [
            (label, "?" + urlencode({"fra": first.isoformat(), "til": last.isoformat()}))
            for label, first, last in StatisticsPeriodForm.presets()
        ]

        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Statistik over sidevisninger",
            "form": form,
            "start": start,
            "end": end,
            "presets": presets,
            "days": days,
            "total_views": sum(views_per_day.values()),
            "total_visitors": sum(visitors_per_day.values()),
            "visitor_retention_days": settings.VISITS_VISITOR_RETENTION_DAYS,
            "page_retention_days": settings.VISITS_PAGE_RETENTION_DAYS,
            "flush_seconds": settings.VISITS_FLUSH_SECONDS,
            "top_pages": list(page_views.top_pages()),
            "top_meetings": page_views.top_meetings(),
            "chart": bar_chart(
                [(d["day"], d["visitors"]) for d in days],
                tick_label=lambda day: date_format(day, "j. b Y"),
            ),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "visits/admin/statistics.html", context)
