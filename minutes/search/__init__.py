"""
Full-text search over the public text of published meetings, in four parts that each read alone:

- `query`: what a visitor typed, cleaned, with a Danish answer when it cannot be searched;
- `indexing`: the denormalised table `SearchEntry`, rebuilt from the models' public accessors
  whenever a meeting, item or attachment is saved (see `minutes.signals`);
- `backends`: PostgreSQL's own Danish text search over a stored vector, under a statement
  timeout, or a fallback for SQLite;
- `results`: the meetings that match, each with its hits as the page shows them, with
  highlighted titles and snippets, paged by Django's Paginator.
"""

from .backends import SearchTimeout, finds_meeting, time_limit
from .indexing import index_attachment, index_item, index_meeting
from .query import MAX_QUERY_LENGTH, Filters, Query
from .results import Results, forget_searches, generation

__all__ = [
    "MAX_QUERY_LENGTH",
    "Filters",
    "Query",
    "Results",
    "SearchTimeout",
    "finds_meeting",
    "forget_searches",
    "generation",
    "index_attachment",
    "index_item",
    "index_meeting",
    "time_limit",
]
