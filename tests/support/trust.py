"""A store with every kind of signed record by two caseworkers, an admin and a supervisor, and
the attacker's tool: raw SQL through the store's own key path, with only one user's password."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import sqlcipher3

from app import accounts, assignments, cases, notes, review, trust_report, visits
from app.context import Context
from app.dto import PersonInput
from app.keys import FAST_TEST_KDF, KeyFile
from app.paths import DataPaths
from app.review import PresentPerson
from app.trust import TrustReport
from tests.support.store import raw_connection

OTHER = "bertil"
OTHER_PASSWORD = "bertils-lösenord-9"


@dataclass(frozen=True)
class World:
    """Ids of what caseworker A (``handlaggare``) wrote, for attacks by B (``bertil``)."""

    case_id: str
    note_id: str  # A's signed and corrected note
    review_id: str
    visit_id: str


def build_world(admin: Context, caseworker: Context, other: Context) -> World:
    case = cases.create_case(admin, "IFO-2026-0101", "Utredning Trastvinge",
                             [PersonInput("child", "Tindra")])
    for who in (caseworker, other):
        assignments.assign(admin, case.id, who.actor.username)
    visit = visits.create_visit(caseworker, case.id, "hembesok",
                                persons=[case.persons[0].id])
    visits.record_consent(caseworker, visit.id, informed=["Tindra"], agreed=["Tindra"])
    note = notes.create_draft(caseworker, case.id, "Första stycket.\n\nAndra stycket.",
                              visit_id=visit.id)
    notes.save_draft(caseworker, note.id, "Första stycket.\n\nAndra stycket, ändrat.")
    notes.sign(caseworker, note.id)
    notes.correct(caseworker, note.id, "Första stycket.\n\nAndra stycket, rättat.",
                  reason="Fel namn")
    session = review.start(caseworker, note.id, audience="child",
                           present=[PresentPerson("Tindra", "child")])
    review.record_outcome(caseworker, session.review_id, 0, "agrees", "Det stämmer.")
    review.complete(caseworker, session.review_id)
    other_note = notes.create_draft(other, case.id, "Bertils anteckning.")
    notes.sign(other, other_note.id)
    return World(case.id, note.id, session.review_id, visit.id)


def add_other(admin: Context, paths: DataPaths) -> Context:
    accounts.add_user(admin, OTHER, "Bertil Bortom", "caseworker", OTHER_PASSWORD)
    return accounts.login(paths, OTHER, OTHER_PASSWORD, kdf=FAST_TEST_KDF)


def verify(ctx: Context) -> TrustReport:
    return trust_report.check(ctx)


@contextmanager
def as_attacker(paths: DataPaths) -> Iterator[sqlcipher3.Connection]:
    """B's own password opens the data key; with it, raw SQL on the file with the guards off."""
    key = KeyFile(paths.keyfile, FAST_TEST_KDF).unwrap(OTHER, OTHER_PASSWORD)
    with raw_connection(paths.database, key) as db:
        for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                  "AND name LIKE '%no_%'").fetchall():
            db.execute(f"DROP TRIGGER {name}")
        yield db


def problems(report: TrustReport) -> set[tuple[str, str]]:
    return {(f.kind, f.id) for f in report.findings}
