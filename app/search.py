"""Full-text search over every note the user may see (SQLite FTS5): its current text, the text
a correction replaced (still readable in the journal) and the family's own words from reviews
(synpunkter). The index is kept by triggers (migration 0010)."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import text

from app import access, audit, limits
from app.context import Context
from app.dto import SearchHit
from models.base import UTCDateTime

_WORD = re.compile(r"\w+", re.UNICODE)
HIT_START, HIT_END = "\x02", "\x03"  # snippet markers; the UI turns them into emphasis

_SQL = """
SELECT n.id, n.case_id, c.case_number, c.title, n.event_time, n.state,
       snippet(notes_fts, -1, '\x02', '\x03', '…', 14),
       snippet(notes_fts, 0, '\x02', '\x03', '…', 14),
       snippet(notes_fts, 1, '\x02', '\x03', '…', 14),
       snippet(notes_fts, 2, '\x02', '\x03', '…', 14),
       snippet(notes_fts, 4, '\x02', '\x03', '…', 14),
       snippet(notes_fts, 3, '\x02', '\x03', '…', 14)
FROM notes_fts
JOIN journal_notes n ON n.rowid = notes_fts.rowid
JOIN cases c ON c.id = n.case_id
WHERE notes_fts MATCH :query {visibility}
ORDER BY notes_fts.rowid DESC
LIMIT :limit
"""

# Index columns by snippet position above: where a hit is shown from, best first. The note's
# own text wins over the family's words, which win over text a correction replaced.
_FOUND_IN = ("note", "note", "note", "comment", "corrected")

_VISIBLE = "AND n.case_id IN (SELECT case_id FROM case_assignments WHERE user_id = :user)"


def fts_query(user_text: str) -> str:
    """Every word must occur; each word also matches as a prefix (Swedish compounds,
    inflections: "skola" finds "skolan"). Quoting keeps FTS syntax out of user input."""
    words = _WORD.findall(user_text.lower())
    return " ".join(f'"{w}"*' for w in words)


def search(ctx: Context, user_text: str, *, limit: int = 50) -> list[SearchHit]:
    """Newest notes first. Reading search results is an audited event."""
    limits.SEARCH.check(user_text, "query")
    query = fts_query(user_text)
    if not query:
        return []
    sees_all = access.scope(ctx.actor, access.Permission.READ_CASE) is access.Scope.ALL
    sql = _SQL.format(visibility="" if sees_all else _VISIBLE)
    params = {"query": query, "limit": limit, "user": ctx.actor.user_id}
    # The column's type is declared so SQLAlchemy turns the stored text into an aware datetime.
    query_sql = text(sql).columns(event_time=UTCDateTime)
    with ctx.uow(write=True) as uow:
        rows = uow.session.execute(query_sql, params).all()
        hits = [_hit(r) for r in rows]
        audit.record(uow.session, ctx.actor, "search", "", "",
                     {"query": user_text[:200], "hits": len(hits)}, now=ctx.now())
        uow.commit()
    return hits


def _hit(row: Any) -> SearchHit:
    """The hit with the snippet of the best column that matched (every word may be spread
    over columns; then FTS's own best snippet)."""
    found_in, snippet = "note", row[6]
    for kind, column_snippet in zip(_FOUND_IN, row[7:12], strict=True):
        if HIT_START in column_snippet:
            found_in, snippet = kind, column_snippet
            break
    return SearchHit(row[0], row[1], row[2], row[3], row[4], row[5], snippet, found_in)
