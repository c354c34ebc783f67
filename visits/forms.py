import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

DEFAULT_DAYS = 30
MAX_DAYS = 2 * 366


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class StatisticsPeriodForm(forms.Form):
    """The period the staff statistics cover; without a valid choice, the last 30 days."""

    fra = forms.DateField(label="Fra og med", widget=DateInput())
    til = forms.DateField(label="Til og med", widget=DateInput())

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("fra"), cleaned.get("til")
        if start and end:
            if start > end:
                raise ValidationError("Startdatoen skal ligge før slutdatoen.")
            if (end - start).days >= MAX_DAYS:
                raise ValidationError("Vælg en periode på højst to år.")
        return cleaned

    @staticmethod
    def default_period():
        today = timezone.localdate()
        return today - datetime.timedelta(days=DEFAULT_DAYS - 1), today

    def period(self):
        """(start, end), both included."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["fra"], self.cleaned_data["til"]
        return self.default_period()

    @classmethod
    def presets(cls):
        """Quick choices as (label, start, end)."""
        today = timezone.localdate()
        return [
            ("Seneste 7 dage", today - datetime.timedelta(days=6), today),
            ("Seneste 30 dage", today - datetime.timedelta(days=29), today),
            ("Seneste 12 måneder", today - datetime.timedelta(days=364), today),
            ("I år", today.replace(month=1, day=1), today),
        ]
