"""Who may do what, stated once (``RULES``) and enforced here; every denial is audited.

Each permission gives each role a scope over the case the action touches:

- ``ALL``: any case in the store;
- ``ASSIGNED``: a case the user is assigned to;
- ``OWN``: a record the user made themself, on a case they may read;
- ``NONE``: never.

The README's "Roles and permissions" table is this table (``markdown_table`` prints it), and
``tests/integration/foundation/test_permissions.py`` drives the real services for every cell.
A denial raises ``PermissionDenied`` carrying what was refused; the unit of work records it as
an ``access.denied`` audit event after rolling the action back (``app.uow``).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

from sqlalchemy import Select, false, select
from sqlalchemy.orm import Session

from app.dto import Actor
from app.errors import NotFound, PermissionDenied
from models.people import Case, CaseAssignment
from models.sync import SyncAlias
from models.visits import Recording, Visit

ROLES = ("caseworker", "supervisor", "admin")


class Scope(Enum):
    NONE = "no"
    OWN = "own"
    ASSIGNED = "assigned cases"
    ALL = "all cases"


class Permission(Enum):
    """What a user may want to do; the value is the README's wording."""

    READ_CASE = "Read a case: its persons, visits, journal, recordings and transcripts"
    CREATE_CASE = "Create a case (its creator is assigned to it)"
    EDIT_CASE = "Add a person to a case"
    ASSIGN = "Assign a user to a case"
    PLAN_VISIT = "Create a visit, mark its times, record consent"
    RECORD = "Record a visit and write its transcripts (live, file, accuracy pass)"
    WRITE_NOTE = "Write a new journal note (a draft of one's own)"
    EDIT_DRAFT = "Change a draft"
    SIGN = "Sign a draft"
    CORRECT = "Correct (rättelse) a signed note, with a reason, shown as one's own"
    MANAGE_USERS = "Add, deactivate and change users"
    EXPORT_UNIT = ("Export every journal of the unit for a period (one case's journal: as "
                   "reading the case)")
    STATS_ALL = "See every caseworker's statistics (everyone sees their own)"
    WORKING_TIME = "Enter caseworkers' contracted hours and absence"
    FOLLOW_UP = "Log follow-up: who opened, searched, exported, signed what"
    CULL = "Cull closed cases past their retention age"


_CW, _SV, _AD = ROLES
_A, _S, _O, _N = Scope.ALL, Scope.ASSIGNED, Scope.OWN, Scope.NONE


def _row(caseworker: Scope, supervisor: Scope, admin: Scope) -> Mapping[str, Scope]:
    return {_CW: caseworker, _SV: supervisor, _AD: admin}


RULES: Mapping[Permission, Mapping[str, Scope]] = {
    Permission.READ_CASE: _row(_S, _A, _A),
    Permission.CREATE_CASE: _row(_A, _A, _A),
    Permission.EDIT_CASE: _row(_S, _A, _A),
    Permission.ASSIGN: _row(_N, _A, _A),
    Permission.PLAN_VISIT: _row(_S, _A, _A),
    # Audio and the words spoken in a visit come only from someone working the case.
    Permission.RECORD: _row(_S, _S, _S),
    Permission.WRITE_NOTE: _row(_S, _A, _A),
    # A draft is its author's alone: nobody edits or signs it in their name.
    Permission.EDIT_DRAFT: _row(_O, _O, _O),
    Permission.SIGN: _row(_O, _O, _O),
    # A supervisor may correct any signed note; the correction is a revision of their own.
    Permission.CORRECT: _row(_O, _A, _O),
    Permission.MANAGE_USERS: _row(_N, _N, _A),
    # Supervision: the unit's figures and logs are for supervisors (and admins, who run them).
    Permission.EXPORT_UNIT: _row(_N, _A, _A),
    Permission.STATS_ALL: _row(_N, _A, _A),
    Permission.WORKING_TIME: _row(_N, _A, _A),
    Permission.FOLLOW_UP: _row(_N, _A, _A),
    Permission.CULL: _row(_N, _N, _A),
}

# Actions on no case: the role alone decides (any scope but NONE means yes).
CASELESS = frozenset({Permission.CREATE_CASE, Permission.MANAGE_USERS, Permission.EXPORT_UNIT,
                      Permission.STATS_ALL, Permission.WORKING_TIME, Permission.FOLLOW_UP,
                      Permission.CULL})

# The Swedish sentence a denied user reads.
_DENIED: Mapping[Permission, str] = {
    Permission.READ_CASE: "Du är inte tilldelad det här ärendet.",
    Permission.CREATE_CASE: "Du har inte behörighet att skapa ärenden.",
    Permission.EDIT_CASE: "Du är inte tilldelad det här ärendet.",
    Permission.ASSIGN: "Bara enhetschefer och administratörer kan tilldela ärenden.",
    Permission.PLAN_VISIT: "Du är inte tilldelad det här ärendet.",
    Permission.RECORD: "Bara den som är tilldelad ärendet kan spela in och skriva utskrifter.",
    Permission.WRITE_NOTE: "Du är inte tilldelad det här ärendet.",
    Permission.EDIT_DRAFT: "Bara den som skrev utkastet kan ändra det.",
    Permission.SIGN: "Bara den som skrev anteckningen kan signera den.",
    Permission.CORRECT: "Bara den som skrev anteckningen eller en enhetschef kan rätta den.",
    Permission.MANAGE_USERS: "Bara en administratör kan hantera användare.",
    Permission.EXPORT_UNIT: ("Bara enhetschefer kan exportera enhetens journaler. Du kan "
                             "exportera journalen för ett ärende du är tilldelad."),
    Permission.STATS_ALL: "Du kan bara se din egen statistik.",
    Permission.WORKING_TIME: "Bara en enhetschef eller administratör kan ändra arbetstid.",
    Permission.FOLLOW_UP: "Logguppföljning är till för enhetschefer och administratörer.",
    Permission.CULL: "Bara en administratör kan gallra.",
}


def scope(actor: Actor, permission: Permission) -> Scope:
    """The actor's scope for ``permission`` (an unknown role gets none)."""
    return RULES[permission].get(actor.role, Scope.NONE)


def denied(actor: Actor, permission: Permission, object_type: str = "",
           object_id: str = "", action: str = "") -> PermissionDenied:
    """The error for a refused action, carrying what the audit event records."""
    return PermissionDenied(_DENIED[permission], actor=actor, permission=permission.name,
                            object_type=object_type, object_id=object_id, action=action)


def require_role(actor: Actor, permission: Permission) -> None:
    """For actions on no case (users, new cases): the role must have some scope."""
    if scope(actor, permission) is Scope.NONE:
        raise denied(actor, permission)


def is_assigned(session: Session, actor: Actor, case_id: str) -> bool:
    return session.get(CaseAssignment, (case_id, actor.user_id)) is not None


def is_self(session: Session, actor: Actor, user_id: str | None) -> bool:
    """``user_id`` is the actor, here or on another of their laptops (linked by sync)."""
    if user_id is None:
        return False
    if user_id == actor.user_id:
        return True
    return session.scalar(select(SyncAlias.author_id).where(
        SyncAlias.author_id == user_id, SyncAlias.local_user_id == actor.user_id)) is not None


def self_ids(session: Session, actor: Actor) -> frozenset[str]:
    """The actor's own id and their author ids on their other laptops."""
    return frozenset({actor.user_id, *session.scalars(select(SyncAlias.author_id).where(
        SyncAlias.local_user_id == actor.user_id))})


def allows(session: Session, actor: Actor, permission: Permission, case_id: str,
           owner_id: str | None = None) -> bool:
    """Whether ``actor`` may do ``permission`` on ``case_id`` (on a record made by
    ``owner_id``, for ``OWN`` scopes)."""
    granted = scope(actor, permission)
    if granted is Scope.ALL:
        return True
    if granted is Scope.ASSIGNED:
        return is_assigned(session, actor, case_id)
    if granted is Scope.OWN:
        return is_self(session, actor, owner_id) and allows(session, actor,
                                                            Permission.READ_CASE, case_id)
    return False


def require(session: Session, actor: Actor, permission: Permission, case_id: str, *,
            owner_id: str | None = None, object_type: str = "case",
            object_id: str | None = None) -> Case:
    """The case, if ``actor`` may do ``permission`` on it; else ``NotFound`` or an audited
    ``PermissionDenied``. An unreadable case is refused as unreadable whatever was asked."""
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound("Ärendet")
    target = object_id if object_id is not None else case_id
    if permission is not Permission.READ_CASE and not allows(
            session, actor, Permission.READ_CASE, case_id):
        raise denied(actor, Permission.READ_CASE, object_type, target)
    if not allows(session, actor, permission, case_id, owner_id):
        raise denied(actor, permission, object_type, target)
    return case


def visible_case_ids(actor: Actor) -> Select[tuple[str]] | None:
    """A subquery of visible case ids, or None when the actor sees every case."""
    return case_ids_for(actor, Permission.READ_CASE)


def case_ids_for(actor: Actor, permission: Permission) -> Select[tuple[str]] | None:
    """A subquery of the ids of cases where ``actor`` may do ``permission`` (their assigned
    cases; none for ``NONE``), or None when every case is allowed. For lists of work to offer;
    ``OWN`` records are the caller's to filter by their maker."""
    granted = scope(actor, permission)
    if granted is Scope.ALL:
        return None
    if granted is Scope.NONE:
        return select(CaseAssignment.case_id).where(false())
    return select(CaseAssignment.case_id).where(CaseAssignment.user_id == actor.user_id)


def require_case(session: Session, actor: Actor, case_id: str,
                 permission: Permission = Permission.READ_CASE) -> Case:
    return require(session, actor, permission, case_id)


def require_recording(session: Session, actor: Actor, recording_id: str,
                      permission: Permission = Permission.READ_CASE) -> Recording:
    """The recording, if ``actor`` may do ``permission`` on the case of its visit."""
    rec = session.get(Recording, recording_id)
    visit = session.get(Visit, rec.visit_id) if rec else None
    if rec is None or visit is None:
        raise NotFound("Inspelningen")
    require(session, actor, permission, visit.case_id, owner_id=rec.created_by,
            object_type="recording", object_id=rec.id)
    return rec


def markdown_table() -> str:
    """The README's table of roles and permissions, from ``RULES``."""
    lines = ["| Action | " + " | ".join(ROLES) + " |", "|---" * (len(ROLES) + 1) + "|"]
    for permission, row in RULES.items():
        cells = [("yes" if row[role] is not Scope.NONE else "no") if permission in CASELESS
                 else row[role].value for role in ROLES]
        lines.append(f"| {permission.value} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
