"""The committee a clerk's document names is compared with the site's committee, tolerantly."""

import pytest

from committee.models import Committee

OURS = Committee(name="Almenboligudvalg Hvidovre")


@pytest.mark.parametrize(
    "name",
    [
        "Almenboligudvalg Hvidovre",
        "Almenboligudvalget",
        "Almenboligudvalg",
        "Almenboligudvalget i Hvidovre Kommune",
        "ALMENBOLIGUDVALG HVIDOVRE",
        "Hvidovre Kommunes Almenboligudvalg",
    ],
)
def test_the_committees_own_names_are_ours(name):
    assert OURS.is_named_by(name)


@pytest.mark.parametrize(
    "name",
    ["Økonomiudvalget", "Social- og Sundhedsudvalget", "Teknik- og Miljøudvalget", "Byrådet"],
)
def test_another_committee_is_not_ours(name):
    assert not OURS.is_named_by(name)


def test_a_document_that_names_no_committee_says_nothing_against_ours():
    assert OURS.is_named_by("")
