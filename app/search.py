"""Full-text search over the current text of every note the user may see (SQLite FTS5)."""

from __future__ import annotations

import re

from sqlalchemy import text

from app import access, audit, limits
from app.context import Context
from app.dto import SearchHit
from models.base import UTCDateTime

_WORD = re.compile(r"\w+", re.UNICODE)
HIT_START, HIT_END = "\x02", "\x03"  # snippet markers; the UI turns them into emphasis

_SQL = """
SELECT n.id, n.case_id, c.case_number, c.title, n.event_time, n.state,
       snippet(notes_fts, -1, '\x02', '\x03', '…', 14)
FROM notes_fts
JOIN journal_notes n ON n.rowid = notes_fts.rowid
JOIN cases c ON c.id = n.case_id
WHERE notes_fts MATCH :query {visibility}
ORDER BY notes_fts.rowid DESC
LIMIT :limit
"""

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
        hits = [SearchHit(r[0], r[1], r[2], r[3], r[4], r[5], r[6]) for r in rows]
        audit.record(uow.session, ctx.actor, "search", "", "",
                     {"query": user_text[:200], "hits": len(hits)}, now=ctx.now())
        uow.commit()
    return hits
