"""
Full-text search over the public text of published meetings, in four parts that each read alone:

- `query`: what a visitor typed, cleaned, with a Danish answer when it cannot be searched;
- `indexing`: the denormalised table `SearchEntry`, rebuilt from the models' public accessors
  whenever a meeting, item or attachment is saved (see `minutes.signals`);
- `backends`: PostgreSQL's own Danish text search, or a fallback for SQLite;
- `results`: the hits as the page shows them, with highlighted titles and snippets.
"""

from .backends import search
from .indexing import index_attachment, index_item, index_meeting
from .query import MAX_QUERY_LENGTH, Query
from .results import hits

__all__ = [
    "MAX_QUERY_LENGTH",
    "Query",
    "hits",
    "index_attachment",
    "index_item",
    "index_meeting",
    "search",
]
