"""The stored search document of `SearchEntry`: what PostgreSQL indexes, and nothing elsewhere.

On PostgreSQL the document is a Danish text search vector of the entry's title (weight A) and
body (weight B), kept by the database itself in a generated column and served by a GIN index,
as djangoproject.com's documentation search does: ranking reads the stored vector and never
computes it again. SQLite has no text search: there the same column is NULL and its index a
plain one, and `minutes.search.backends` matches words in the title and body instead. Both the
generated expression and the index say so themselves, so one model and one migration serve both.

Beside it, `TitleVector` is the vector of the title alone: a few words, stored inline, that a
search ranks by. Ranking the whole document reads every matching entry's long vector again (at
10,000 meetings a common word matches 10,000-18,000 entries, and `ts_rank` over them took most
of a search's time); the title's vector costs almost nothing to read.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models

SEARCH_CONFIG = "danish"


def _is_postgres(connection):
    return connection.vendor == "postgresql"


class DocumentVector(models.Func):
    """`setweight(to_tsvector('danish', title), 'A') || setweight(…body…, 'B')`; NULL elsewhere."""

    template = "%(expressions)s"
    output_field = SearchVectorField()

    def __init__(self):
        super().__init__(
            SearchVector("title", weight="A", config=SEARCH_CONFIG)
            + SearchVector("body", weight="B", config=SEARCH_CONFIG)
        )

    def as_sql(self, compiler, connection, **extra_context):
        if not _is_postgres(connection):
            return "NULL", []
        return super().as_sql(compiler, connection, **extra_context)


class TitleVector(models.Func):
    """`to_tsvector('danish', title)` on PostgreSQL, what a search ranks by; NULL elsewhere."""

    template = "%(expressions)s"
    output_field = SearchVectorField()

    def __init__(self):
        super().__init__(SearchVector("title", config=SEARCH_CONFIG))

    def as_sql(self, compiler, connection, **extra_context):
        if not _is_postgres(connection):
            return "NULL", []
        return super().as_sql(compiler, connection, **extra_context)


class DocumentIndex(GinIndex):
    """A GIN index on PostgreSQL; a plain index on a database without GIN (never used there)."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if not _is_postgres(schema_editor.connection):
            return models.Index.create_sql(self, model, schema_editor, using=using, **kwargs)
        return super().create_sql(model, schema_editor, using=using, **kwargs)

    def check_supported(self, schema_editor):
        if _is_postgres(schema_editor.connection):
            super().check_supported(schema_editor)
