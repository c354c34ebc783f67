"""The search never answers 500, whatever is typed: too many words get a Danish message."""

import random

import pytest
from django.test import Client

from minutes.search import Query
from minutes.search.query import MAX_QUERY_LENGTH, MAX_TERMS
from tests.markup import element, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(make_meeting):
    # Every one-letter word matches something, so that every condition is really evaluated.
    words = " ".join("abcdefghijklmnopqrstuvwxyzæøå")
    return make_meeting(
        "2018-05-29", items=[{"title": f"Budget {words}", "decision": f"Godkendt {words}"}]
    )


def search(client, q):
    return client.get("/referater/soeg/", {"q": q})


def test_86_one_letter_words_get_a_danish_message_not_a_500(client, meeting):
    response = search(client, " ".join(["a"] * 86))

    assert response.status_code == 200
    assert text(element(response, id="soeg-fejl")) == (
        f"Fejl: Din søgning har for mange ord (86). Skriv højst {MAX_TERMS} ord – de vigtigste er "
        "nok, fx “Hvidovrevej” eller “almene boliger”."
    )


def test_excluded_words_and_phrases_count_towards_the_limit():
    query = Query.parse(" ".join(["-a"] * 6 + ['"b c"'] * 6))

    assert not query.is_searchable
    assert "for mange ord (12)" in query.problem


def test_as_many_words_as_allowed_are_all_searched(meeting, search_hits):
    words = " ".join("abcdefghijklmnopqrstuvwxyz"[:MAX_TERMS])

    hits = search_hits(words)

    assert len(hits) == 1 and hits[0].startswith("Punkt 1:")


def test_no_query_up_to_the_longest_allowed_answers_500(meeting):
    client = Client(raise_request_exception=False)
    pieces = ["a", "ø", "-a", '"a b"', '"', "-", "*", "%", "_", "\\", "(", ")", "'", "1", "a.b"]
    draw = random.Random(11)
    failures = []
    for _ in range(150):
        q = ""
        while len(q) < draw.randint(1, MAX_QUERY_LENGTH):
            q += draw.choice(pieces) + draw.choice([" ", "", "  "])
        q = q[:MAX_QUERY_LENGTH]
        response = search(client, q)
        if response.status_code != 200:
            failures.append((q, response.status_code))

    assert failures == []
