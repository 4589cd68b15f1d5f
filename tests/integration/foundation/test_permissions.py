"""Every cell of the roles-and-permissions table (``app.access.RULES``), driven through the real
services: a user of each role tries each action on their own record, on a colleague's record in
a case they share, and on a colleague's record in a case they are not assigned to. Every refusal
changes nothing and leaves one ``access.denied`` audit event."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app import (
    accounts,
    assignments,
    audit_log,
    cases,
    culling,
    export,
    notes,
    persons,
    recording,
    staffing,
    stats,
    transcripts,
    visits,
)
from app.access import RULES, Permission, Scope, markdown_table
from app.context import Context
from app.dto import Actor, PersonInput
from app.errors import PermissionDenied
from models.audit import AuditEvent
from speech.values import Segment, Word
from tests.integration.recording.helpers import record_pcm, tone_pcm
from tests.support.store import CASEWORKER, FixedClock

ROLE_FIXTURE = {"caseworker": "caseworker", "supervisor": "supervisor", "admin": "admin"}
COLLEAGUE, COLLEAGUE_PASSWORD = "kollega", "kollegans-lösenord-3"
_numbers = itertools.count(1)


@dataclass
class Target:
    """A case of ``owner`` (with ``viewer`` assigned too when shared) and, made on demand, the
    owner's records in it."""

    owner: Context
    case_id: str

    @cached_property
    def visit_id(self) -> str:
        visit = visits.create_visit(self.owner, self.case_id, "hembesok",
                                    persons=[_first_person(self.owner, self.case_id)])
        visits.record_consent(self.owner, visit.id, informed=["Påhittad Vårdnadshavare"],
                              agreed=["Påhittad Vårdnadshavare"])
        return visit.id

    @cached_property
    def draft_id(self) -> str:
        return notes.create_draft(self.owner, self.case_id, "Utkast av ägaren.").id

    @cached_property
    def signed_id(self) -> str:
        note = notes.create_draft(self.owner, self.case_id, "Signerad av ägaren.")
        return notes.sign(self.owner, note.id).id

    @cached_property
    def recording_id(self) -> str:
        return record_pcm(self.owner, self.visit_id, tone_pcm(5))[0].id


def _segment() -> list[Segment]:
    return [Segment(0.0, 0.4, "hej", (Word("hej", 0.0, 0.4, 1.0),))]


PERSONS = [PersonInput("guardian", "Påhittad Vårdnadshavare")]


def _first_person(owner: Context, case_id: str) -> str:
    return cases.get_case(owner, case_id).persons[0].id


# What each permission does, through the service a user's action calls.
ACTIONS: dict[Permission, Callable[[Context, Target], object]] = {
    Permission.READ_CASE: lambda ctx, t: cases.get_case(ctx, t.case_id),
    Permission.EDIT_CASE: lambda ctx, t: persons.add_person(
        ctx, t.case_id, PersonInput("other", "Påhittad Person")),
    Permission.ASSIGN: lambda ctx, t: assignments.assign(ctx, t.case_id, COLLEAGUE),
    Permission.PLAN_VISIT: lambda ctx, t: visits.create_visit(
        ctx, t.case_id, "kontor", persons=[_first_person(t.owner, t.case_id)]),
    Permission.RECORD: lambda ctx, t: transcripts.add_transcript(
        ctx, t.recording_id, _segment(), engine="vosk", model_id="m", pass_kind="file"),
    Permission.WRITE_NOTE: lambda ctx, t: notes.create_draft(ctx, t.case_id, "Ny anteckning."),
    Permission.EDIT_DRAFT: lambda ctx, t: notes.save_draft(ctx, t.draft_id, "Ändrat utkast."),
    Permission.SIGN: lambda ctx, t: notes.sign(ctx, t.draft_id),
    Permission.CORRECT: lambda ctx, t: notes.correct(ctx, t.signed_id, "Rättad text.",
                                                     reason="Fel datum"),
}
# What makes the target's records before the attempt (so only the attempt is counted).
PREPARE: dict[Permission, Callable[[Target], object]] = {
    Permission.RECORD: lambda t: t.recording_id,
    Permission.EDIT_DRAFT: lambda t: t.draft_id,
    Permission.SIGN: lambda t: t.draft_id,
    Permission.CORRECT: lambda t: t.signed_id,
}
SITUATIONS = ("own", "shared", "unassigned")


def _allowed(granted: Scope, situation: str) -> bool:
    return {"own": granted is not Scope.NONE,
            "shared": granted in (Scope.ASSIGNED, Scope.ALL),
            "unassigned": granted is Scope.ALL}[situation]


def _denials(ctx: Context) -> list[dict[str, object]]:
    with ctx.uow() as uow:
        return [dict(e.details) | {"user": e.username, "object": e.object_id}
                for e in uow.session.scalars(select(AuditEvent)
                                             .where(AuditEvent.action == "access.denied"))]


def _event_count(ctx: Context) -> int:
    with ctx.uow() as uow:
        return uow.session.scalar(select(func.count()).select_from(AuditEvent)) or 0


@pytest.fixture
def colleague(admin: Context, login: Callable[[str, str], Context],
              clock: FixedClock) -> Context:
    accounts.add_user(admin, COLLEAGUE, "Kim Kollega", "caseworker", COLLEAGUE_PASSWORD)
    ctx = login(COLLEAGUE, COLLEAGUE_PASSWORD)
    ctx.clock = clock
    return ctx


def _target(situation: str, actor: Context, colleague: Context, admin: Context) -> Target:
    owner = actor if situation == "own" else colleague
    case = cases.create_case(owner, f"2026-{next(_numbers):04d}", "Påhittat ärende", PERSONS)
    if situation == "shared":
        assignments.assign(admin, case.id, actor.actor.username)
    return Target(owner, case.id)


CELLS = [(p, role) for p in RULES for role in ROLE_FIXTURE]


@pytest.mark.parametrize(("permission", "role"), CELLS,
                         ids=[f"{p.name}-{r}" for p, r in CELLS])
def test_each_cell_of_the_table_holds(
    permission: Permission, role: str, request: pytest.FixtureRequest, admin: Context,
    colleague: Context,
) -> None:
    actor: Context = request.getfixturevalue(ROLE_FIXTURE[role])
    granted = RULES[permission][role]
    if permission not in ACTIONS:  # an action on no case: the role alone decides
        _check_attempt(actor, admin, granted is not Scope.NONE,
                       lambda: _caseless_action(permission, actor))
        return
    for situation in SITUATIONS:
        target = _target(situation, actor, colleague, admin)
        if permission in PREPARE:
            PREPARE[permission](target)
        _check_attempt(actor, admin, _allowed(granted, situation),
                       functools.partial(ACTIONS[permission], actor, target), situation)


def _caseless_action(permission: Permission, ctx: Context) -> object:
    n = next(_numbers)
    if permission is Permission.CREATE_CASE:
        return cases.create_case(ctx, f"2026-9{n:03d}", "Nytt ärende", PERSONS)
    if permission is Permission.MANAGE_USERS:
        return accounts.add_user(ctx, f"ny{n}", "Ny Användare", "caseworker", "ett-långt-lösen-9")
    today = date(2026, 3, 2)
    others = [u.id for u in accounts.list_users(ctx) if u.id != ctx.actor.user_id]
    caseless: dict[Permission, Callable[[], object]] = {
        Permission.EXPORT_UNIT: lambda: export.read_export(ctx, export.ExportRequest("json")),
        Permission.STATS_ALL: lambda: stats.compute(ctx, today, today, user_ids=others),
        Permission.WORKING_TIME: lambda: staffing.set_absence(ctx, ctx.actor.user_id, today, 1),
        Permission.FOLLOW_UP: lambda: audit_log.follow_up(ctx, audit_log.LogFilter()),
        Permission.CULL: lambda: culling.report(ctx, today),
    }
    return caseless[permission]()


def _check_attempt(actor: Context, admin: Context, allowed: bool,
                   attempt: Callable[[], object], situation: str = "") -> None:
    before_events, before_denials = _event_count(admin), len(_denials(admin))
    if allowed:
        attempt()
        assert len(_denials(admin)) == before_denials, situation
        return
    with pytest.raises(PermissionDenied):
        attempt()
    # Nothing of the refused action was kept; exactly its refusal was recorded.
    assert _event_count(admin) == before_events + 1, situation
    denial = _denials(admin)[-1]
    assert denial["user"] == actor.actor.username, situation
    assert denial["permission"], situation


# -- the cases the issue names ---------------------------------------------------------------

def test_a_supervisor_cannot_silently_change_a_caseworkers_draft(
        caseworker: Context, supervisor: Context, admin: Context) -> None:
    case = cases.create_case(caseworker, "2026-0500", "Påhittat ärende", PERSONS)
    draft = notes.create_draft(caseworker, case.id, "Handläggarens text.")
    attempts: tuple[Callable[[], object], ...] = (
        lambda: notes.save_draft(supervisor, draft.id, "Chefens text."),
        lambda: notes.sign_text(supervisor, case.id, draft.id, "Chefens text."),
        lambda: notes.sign(supervisor, draft.id),
    )
    for attempt in attempts:
        with pytest.raises(PermissionDenied):
            attempt()
    now = notes.get_note(caseworker, draft.id)
    assert (now.current.body, now.current.author, now.state) == (
        "Handläggarens text.", "Cecilia Handläggare", "draft")
    assert [d["permission"] for d in _denials(admin)] == ["EDIT_DRAFT", "EDIT_DRAFT", "SIGN"]
    assert {d["object"] for d in _denials(admin)} == {draft.id}


def test_a_supervisors_correction_is_shown_as_theirs_with_its_reason(
        caseworker: Context, supervisor: Context) -> None:
    case = cases.create_case(caseworker, "2026-0501", "Påhittat ärende", PERSONS)
    signed = notes.sign(caseworker, notes.create_draft(caseworker, case.id, "Fel dag.").id)
    corrected = notes.correct(supervisor, signed.id, "Rätt dag.", reason="Datumet var fel")
    assert corrected.author == "Cecilia Handläggare"  # the note is still hers ...
    assert (corrected.current.author, corrected.current.kind, corrected.current.reason) == (
        "Sune Enhetschef", "correction", "Datumet var fel")  # ... the correction is his
    assert [r.body for r in corrected.superseded] == ["Fel dag."]


def test_a_caseworker_cannot_write_into_a_colleagues_transcript(
        caseworker: Context, colleague: Context, admin: Context) -> None:
    case = cases.create_case(colleague, "2026-0502", "Påhittat ärende", PERSONS)
    target = Target(colleague, case.id)
    rec_id = target.recording_id
    segment = _segment()[0]
    with pytest.raises(PermissionDenied):  # not assigned to the case
        transcripts.save_segment(caseworker, rec_id, segment)
    assignments.assign(admin, case.id, caseworker.actor.username)
    with pytest.raises(PermissionDenied):  # assigned, but the live transcript is the recorder's
        transcripts.save_segment(caseworker, rec_id, segment)
    assert transcripts.transcript(colleague, rec_id) == []
    assert [d["permission"] for d in _denials(admin)] == ["READ_CASE", "RECORD"]


def test_a_supervisor_not_assigned_records_nothing(supervisor: Context,
                                                  caseworker: Context) -> None:
    case = cases.create_case(caseworker, "2026-0503", "Påhittat ärende", PERSONS)
    target = Target(caseworker, case.id)
    with pytest.raises(PermissionDenied, match="tilldelad"):
        record_pcm(supervisor, target.visit_id, tone_pcm(3))


def test_the_readme_table_is_the_rules() -> None:
    readme = (Path(__file__).parents[3] / "README.md").read_text(encoding="utf-8")
    assert markdown_table() in readme


@pytest.mark.parametrize("role", list(ROLE_FIXTURE))
def test_the_actors_shortcut_agrees_with_the_rules(role: str) -> None:
    actor = Actor("u", "u", "U", role)
    assert actor.sees_all_cases == (RULES[Permission.READ_CASE][role] is Scope.ALL)


def test_any_refusal_inside_a_unit_of_work_is_audited_once(caseworker: Context,
                                                           admin: Context) -> None:
    before = len(_denials(admin))
    with pytest.raises(PermissionDenied), caseworker.uow(write=True), caseworker.uow():
        raise PermissionDenied()  # e.g. a service's own check that names no permission
    denials = _denials(admin)[before:]
    assert [(d["user"], d["permission"]) for d in denials] == [(CASEWORKER, "unnamed")]


def test_recordings_waiting_for_a_model_are_offered_only_where_one_may_transcribe(
        supervisor: Context, caseworker: Context, admin: Context) -> None:
    case = cases.create_case(caseworker, "2026-0504", "Påhittat ärende", PERSONS)
    target = Target(caseworker, case.id)
    rec_id = target.recording_id  # recorded without a model: it waits for one
    assert [r.id for r in recording.awaiting_transcription(caseworker)] == [rec_id]
    assert recording.awaiting_transcription(supervisor) == []  # sees it, may not transcribe
    assignments.assign(admin, case.id, supervisor.actor.username)
    assert [r.id for r in recording.awaiting_transcription(supervisor)] == [rec_id]
