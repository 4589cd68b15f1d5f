"""The journal's reviews of a case load in a fixed number of queries, however many reviews."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from app import notes, review
from app.context import Context
from tests.support.store import make_case


def _case_with_reviews(ctx: Context, number: str, reviews: int) -> str:
    case = make_case(ctx, number)
    for n in range(2):  # reviews spread over two notes
        note = notes.create_draft(ctx, case.id, f"Första stycket {n}.\n\nAndra stycket.")
        for i in range(reviews // 2 if n else reviews - reviews // 2):
            session = review.start(ctx, note.id, audience="child",
                                   present=[review.PresentPerson("Tindra", "child")])
            review.record_outcome(ctx, session.review_id, 0, "agrees", f"Svar {i}.")
            review.complete(ctx, session.review_id)
    return case.id


@contextmanager
def _statements(ctx: Context) -> Iterator[list[str]]:
    seen: list[str] = []

    def _count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    event.listen(ctx.store.engine, "before_cursor_execute", _count)
    try:
        yield seen
    finally:
        event.remove(ctx.store.engine, "before_cursor_execute", _count)


def test_for_case_runs_the_same_queries_for_one_review_and_for_ten(admin: Context) -> None:
    one = _case_with_reviews(admin, "2026-0001", 1)
    ten = _case_with_reviews(admin, "2026-0002", 10)
    with _statements(admin) as for_one:
        by_note = review.for_case(admin, one)
    assert sum(len(v) for v in by_note.values()) == 1
    with _statements(admin) as for_ten:
        by_note = review.for_case(admin, ten)
    assert sum(len(v) for v in by_note.values()) == 10
    assert all(s.completed and s.outcomes[0].comment.startswith("Svar ")
               for v in by_note.values() for s in v)
    assert len(for_ten) == len(for_one), (for_one, for_ten)
