from django import forms

from minutes.search import MAX_QUERY_LENGTH, Query

from .models import normalize_email


class FollowForm(forms.Form):
    """What an address follows: new minutes, new agendas, a search."""

    new_minutes = forms.BooleanField(label="Nye referater", required=False)
    new_agendas = forms.BooleanField(label="Nye dagsordener", required=False)
    search_terms = forms.CharField(
        label="Nye møder, der findes ved en søgning",
        help_text="Fx “Hvidovrevej” eller “boligsocial helhedsplan”. Lad feltet stå tomt, hvis "
        "du ikke vil følge en søgning.",
        max_length=MAX_QUERY_LENGTH,
        required=False,
        error_messages={"max_length": "Søgningen må højst være %(limit_value)d tegn."},
    )

    def clean_search_terms(self):
        query = Query.parse(self.cleaned_data["search_terms"])
        if query.text and not query.is_searchable:
            raise forms.ValidationError(query.problem)
        return query.text

    def clean(self):
        data = super().clean()
        if not self.errors and not (
            data.get("new_minutes") or data.get("new_agendas") or data.get("search_terms")
        ):
            raise forms.ValidationError(
                "Vælg mindst én ting, du vil følge: nye referater, nye dagsordener eller en "
                "søgning.",
                code="nothing",
            )
        return data

    @property
    def choices(self):
        return {name: self.cleaned_data[name] for name in ("new_minutes", "new_agendas")} | {
            "search_terms": self.cleaned_data["search_terms"]
        }


class SubscribeForm(FollowForm):
    email = forms.EmailField(
        label="Din e-mailadresse",
        max_length=254,
        error_messages={
            "required": "Skriv din e-mailadresse.",
            "invalid": "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.",
            "max_length": "E-mailadressen er for lang.",
        },
    )

    field_order = ["email", "new_minutes", "new_agendas", "search_terms"]

    def clean_email(self):
        return normalize_email(self.cleaned_data["email"])
