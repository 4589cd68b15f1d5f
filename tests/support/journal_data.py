"""A case journal with everything an export must carry, made through the real use cases:
signed notes, a correction, a draft, a review with a hidden passage and own words (åäö,
combining marks, an emoji, Typst markup), a visit with consent. Invented names, test-only
personnummer."""

from __future__ import annotations

from dataclasses import dataclass

from app import notes, review, visits
from app.context import Context
from app.dto import CaseDetail, PersonInput
from tests.support.store import FixedClock, make_case, personnummer

CHILD = "Märta Åkesson"
GUARDIAN = "Örjan Åkesson"
CHILD_PNR = personnummer("150412", century="20")
# What a family may write: Swedish letters, a combining ring (a + U+030A), an emoji, markup.
SYNPUNKT = "Det stämmer inte, jag var på fotbollen 😊 – a\u030angest! #fel $x$ *inte* _så_"
HOSTILE = "Rad med #set page(width: 1pt) $ \\ * _ ` < @ref [x] ] \"citat\" e\u0301 🙂 }"
BODY_1 = "Hembesök hos familjen.\n\nBarnet berättade om skolan och kompisarna."
BODY_1_FIXED = "Hembesök hos familjen Åkesson.\n\nBarnet berättade om skolan och kompisarna."
HIDDEN_PASSAGE = "Uppgift från skolan som inte delas med vårdnadshavaren."
BODY_2 = f"Samtal med vårdnadshavaren.\n\n{HIDDEN_PASSAGE}\n\n{HOSTILE}"
VOICE_2 = "Jag vill bo kvar hos pappa."
REASON = "Fel efternamn i första stycket."
BODY_3 = "Utkast om uppföljning (ännu inte signerat)."


@dataclass(frozen=True)
class Journal:
    case: CaseDetail
    note_ids: tuple[str, ...]
    review_id: str
    visit_id: str


def make_journal(ctx: Context, clock: FixedClock, number: str = "2026-0042") -> Journal:
    case = make_case(ctx, number, "Utredning Åkesson", [
        PersonInput("child", CHILD, CHILD_PNR),
        PersonInput("guardian", GUARDIAN, personnummer("800101", century="19")),
    ])
    visit = visits.create_visit(ctx, case.id, "hembesok",
                                persons=[p.id for p in case.persons], with_child=True)
    visits.record_consent(ctx, visit.id, informed=[CHILD, GUARDIAN], agreed=[CHILD, GUARDIAN])
    clock.advance(hours=1)
    n1 = notes.create_draft(ctx, case.id, BODY_1, section="Barnets utveckling – Utbildning",
                            visit_id=visit.id)
    notes.sign(ctx, n1.id)
    clock.advance(days=1)
    notes.correct(ctx, n1.id, BODY_1_FIXED, reason=REASON)
    clock.advance(days=1)
    n2 = notes.create_draft(ctx, case.id, BODY_2, child_voice=VOICE_2)
    notes.sign(ctx, n2.id)
    clock.advance(minutes=30)
    session = review.start(ctx, n2.id, audience="guardian",
                           present=[review.PresentPerson(GUARDIAN, "guardian")],
                           shown={0, 2, 3})
    review.record_outcome(ctx, session.review_id, 0, "agrees")
    review.record_outcome(ctx, session.review_id, 2, "agrees")
    clock.advance(minutes=1)
    review.record_outcome(ctx, session.review_id, 2, "disagrees", SYNPUNKT)
    review.record_outcome(ctx, session.review_id, 3, "agrees", "Ja.")
    review.complete(ctx, session.review_id)
    clock.advance(days=1)
    n3 = notes.create_draft(ctx, case.id, BODY_3)
    return Journal(case, (n1.id, n2.id, n3.id), session.review_id, visit.id)
