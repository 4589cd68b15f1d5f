"""Review answers: only in a review the user started (denials audited), each attributed to the
child or the guardian who gave it when they review together, numbered as the family saw them."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app import notes, review, review_text
from app.context import Context
from app.dto import PersonInput
from app.errors import PermissionDenied, ValidationError
from app.review import PresentPerson
from models.audit import AuditEvent, OutboxItem
from models.journal import Review, ReviewEntry
from models.records import AttributedReviewEntryRecord, ReviewEntryRecord, decode, record_hash
from tests.support.store import make_case, raw_connection

CHILD = PresentPerson("Tindra Trastvinge", "child")
GUARDIAN = PresentPerson("Göran Trastvinge", "guardian")
BODY = "Ett.\n\nTvå.\n\nTre.\n\nFyra."


def _start(ctx: Context, audience: str = "both", shown: set[int] | None = None,
           present: list[PresentPerson] | None = None) -> review.ReviewSession:
    case = make_case(ctx, persons=[PersonInput("child", CHILD.name),
                                   PersonInput("guardian", GUARDIAN.name)])
    note = notes.create_draft(ctx, case.id, BODY)
    return review.start(ctx, note.id, audience=audience, shown=shown,
                        present=present or [CHILD, GUARDIAN])


def test_a_colleague_cannot_record_answers_and_the_denial_is_audited(
        caseworker: Context, supervisor: Context) -> None:
    session = _start(caseworker, audience="child", present=[CHILD])
    with pytest.raises(PermissionDenied):
        review.record_outcome(supervisor, session.review_id, 0, "disagrees", "Påhittat.")
    with pytest.raises(PermissionDenied):
        review.complete(supervisor, session.review_id)
    summary = review.summary(caseworker, session.review_id)
    assert summary.outcomes[0].outcome is None and not summary.completed
    with caseworker.uow() as uow:
        denied = [(e.username, dict(e.details)) for e in uow.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "access.denied"))]
    assert denied == [
        ("enhetschef", {"action": "review.outcome", "reason": "not_started_by_user"}),
        ("enhetschef", {"action": "review.complete", "reason": "not_started_by_user"}),
    ]


def test_child_and_guardian_answer_each_for_themselves(caseworker: Context) -> None:
    session = _start(caseworker)
    assert session.respondents == (CHILD, GUARDIAN)
    review.record_outcome(caseworker, session.review_id, 1, "agrees", respondent=CHILD)
    review.record_outcome(caseworker, session.review_id, 1, "disagrees", "Nej, inte så.",
                          respondent=GUARDIAN)
    summary = review.summary(caseworker, session.review_id)
    second = [o for o in summary.outcomes if o.index == 1]
    assert [(o.respondent, o.outcome, o.comment) for o in second] == [
        (CHILD, "agrees", ""), (GUARDIAN, "disagrees", "Nej, inte så.")]
    html = review_text.summary_html(summary)
    assert "Tindra Trastvinge (barnet): " in html
    assert "Göran Trastvinge (vårdnadshavare): " in html


def test_an_answer_moved_to_its_respondent_leaves_no_unattributed_copy(
        caseworker: Context) -> None:
    session = _start(caseworker)
    review.record_outcome(caseworker, session.review_id, 0, "agrees")  # before "who?"
    review.record_outcome(caseworker, session.review_id, 0, "agrees", respondent=CHILD)
    review.record_outcome(caseworker, session.review_id, 0, None, "")  # the loose one emptied
    first = [o for o in review.summary(caseworker, session.review_id).outcomes if o.index == 0]
    assert [(o.respondent, o.outcome) for o in first] == [(CHILD, "agrees")]


def test_the_respondent_must_be_present_in_a_review_together(caseworker: Context) -> None:
    session = _start(caseworker)
    with pytest.raises(ValidationError):
        review.record_outcome(caseworker, session.review_id, 0, "agrees",
                              respondent=PresentPerson("Okänd Person", "guardian"))
    alone = _start_other(caseworker)
    assert alone.respondents == ()
    with pytest.raises(ValidationError):
        review.record_outcome(caseworker, alone.review_id, 0, "agrees", respondent=CHILD)


def _start_other(ctx: Context) -> review.ReviewSession:
    case = make_case(ctx, "2026-0002", persons=[PersonInput("child", CHILD.name)])
    note = notes.create_draft(ctx, case.id, BODY)
    return review.start(ctx, note.id, audience="child", present=[CHILD])


def test_attributed_entries_are_version_2_records_and_older_ones_keep_their_hash(
        caseworker: Context) -> None:
    session = _start(caseworker)
    review.record_outcome(caseworker, session.review_id, 0, "agrees")
    review.record_outcome(caseworker, session.review_id, 1, "agrees", respondent=GUARDIAN)
    with caseworker.uow() as uow:
        s = uow.session
        rev = s.get(Review, session.review_id)
        assert rev is not None
        entries = s.scalars(select(ReviewEntry).order_by(ReviewEntry.seq)).all()
        records = [e.to_record(rev) for e in entries]
        assert [e.hash for e in entries] == [record_hash(r) for r in records]
        ids = [e.id for e in entries]
        queued = {i.object_id: (i.version, decode(i.payload)) for i in s.scalars(
            select(OutboxItem).where(OutboxItem.kind == "review_entry"))}
    plain, attributed = records
    assert type(plain) is ReviewEntryRecord and plain.VERSION == 1
    assert isinstance(attributed, AttributedReviewEntryRecord) and attributed.VERSION == 2
    assert attributed.respondent.name == GUARDIAN.name
    assert queued[ids[0]] == (1, plain) and queued[ids[1]] == (2, attributed)


def test_the_journal_numbers_passages_as_the_family_saw_them(caseworker: Context) -> None:
    session = _start(caseworker, audience="child", shown={0, 3}, present=[CHILD])
    review.record_outcome(caseworker, session.review_id, 3, "disagrees")
    summary = review.summary(caseworker, session.review_id)
    assert [(o.index, o.position) for o in summary.outcomes] == [(0, 0), (3, 1)]
    html = review_text.summary_html(summary)
    assert "Stycke 1 av 2 " in html  # the kiosk said "Stycke 1 av 2" and "Stycke 2 av 2"
    assert "Stycke 2 av 2 (stycke 4 i anteckningen)" in html


def test_review_entries_stay_append_only_after_the_migration(caseworker: Context) -> None:
    session = _start(caseworker)
    review.record_outcome(caseworker, session.review_id, 0, "agrees", respondent=CHILD)
    with (raw_connection(caseworker.paths.database, caseworker.data_key) as conn,
          pytest.raises(Exception, match="append-only")):
        conn.execute("UPDATE review_entries SET respondent = NULL")
