"""Office administration: units, users, cases, assignments and device tokens (used by the
``samskriv-server`` subcommands; each function runs in the caller's transaction and audits)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.base import new_id, utcnow
from server import audit
from server.changes import NewRecord, case_record, set_assignment, store
from server.db import ROLES, Case, DeviceTokenRow, Unit, User
from server.security import hash_password

ADMIN_ACTOR = "cli"


class AdminError(ValueError):
    """A refused administration command (message in Swedish, no personal data)."""


def _unit(session: Session, name: str) -> Unit:
    unit = session.scalar(select(Unit).where(Unit.name == name))
    if unit is None:
        raise AdminError("Enheten finns inte.")
    return unit


def _user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise AdminError("Användaren finns inte.")
    return user


def _case(session: Session, case_number: str) -> Case:
    found = session.scalars(select(Case).where(Case.case_number == case_number)).all()
    if not found:
        found = [c for c in [session.get(Case, case_number)] if c is not None]
    if len(found) != 1:
        raise AdminError("Ärendet finns inte." if not found else
                         "Flera ärenden har det numret; ange ärendets id.")
    return found[0]


def create_unit(session: Session, name: str) -> str:
    if session.scalar(select(Unit).where(Unit.name == name)) is not None:
        raise AdminError("Det finns redan en enhet med det namnet.")
    unit = Unit(name=name)
    session.add(unit)
    session.flush()
    audit.append(session, "admin.unit_create", actor=ADMIN_ACTOR, object_type="unit",
                 object_id=unit.id)
    return unit.id


def create_user(session: Session, username: str, unit_name: str, role: str,
                password: str) -> str:
    if role not in ROLES:
        raise AdminError("Okänd roll (caseworker, supervisor eller admin).")
    if len(password) < 10:
        raise AdminError("Lösenordet måste ha minst 10 tecken.")
    if session.scalar(select(User).where(User.username == username)) is not None:
        raise AdminError("Det finns redan en användare med det namnet.")
    user = User(username=username, unit_id=_unit(session, unit_name).id, role=role,
                password_hash=hash_password(password))
    session.add(user)
    session.flush()
    audit.append(session, "admin.user_create", actor=ADMIN_ACTOR, object_type="user",
                 object_id=user.id, details={"role": role})
    return user.id


def reset_password(session: Session, username: str, password: str) -> str:
    if len(password) < 10:
        raise AdminError("Lösenordet måste ha minst 10 tecken.")
    user = _user(session, username)
    user.password_hash, user.password_changed_at = hash_password(password), utcnow()
    audit.append(session, "admin.password_reset", actor=ADMIN_ACTOR, object_type="user",
                 object_id=user.id)
    return user.id


def deactivate_user(session: Session, username: str) -> int:
    """Deactivate and revoke every token of the user; returns how many were revoked."""
    user = _user(session, username)
    user.active = False
    tokens = session.scalars(select(DeviceTokenRow).where(
        DeviceTokenRow.user_id == user.id, DeviceTokenRow.revoked_at.is_(None))).all()
    for token in tokens:
        token.revoked_at = utcnow()
    revoked = len(tokens)
    audit.append(session, "admin.user_deactivate", actor=ADMIN_ACTOR, object_type="user",
                 object_id=user.id, details={"tokens_revoked": revoked})
    return int(revoked)


def create_case(session: Session, case_number: str, unit_name: str, title: str,
                case_id: str | None = None) -> str:
    """A case made at the office; its record reaches the laptops of whoever may see it."""
    unit = _unit(session, unit_name)
    case = Case(id=case_id or new_id(), unit_id=unit.id, case_number=case_number)
    if session.get(Case, case.id) is not None:
        raise AdminError("Det finns redan ett ärende med det id:t.")
    session.add(case)
    session.flush()
    store(session, [case_record(case.id, unit.id, case_number, title, ADMIN_ACTOR, utcnow())])
    audit.append(session, "admin.case_create", actor=ADMIN_ACTOR, object_type="case",
                 object_id=case.id)
    return case.id


def assign(session: Session, case_number: str, username: str, active: bool = True) -> bool:
    """Assign (or unassign) a caseworker of the case's unit; False when nothing changed."""
    case, user = _case(session, case_number), _user(session, username)
    if user.role != "caseworker":
        raise AdminError("Bara handläggare tilldelas ärenden (en arbetsledare ser enhetens).")
    if user.unit_id != case.unit_id:
        raise AdminError("Användaren och ärendet hör till olika enheter.")
    change: NewRecord | None = set_assignment(session, case, user.id, active)
    if change is None:
        return False
    store(session, [change])
    audit.append(session, "admin.assign" if active else "admin.unassign", actor=ADMIN_ACTOR,
                 object_type="case", object_id=case.id, details={"user": user.id})
    return True


@dataclass(frozen=True)
class TokenInfo:
    id: str
    user_id: str
    username: str
    device_id: str
    label: str
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None
    last_used_at: datetime | None


def list_tokens(session: Session, username: str | None = None) -> list[TokenInfo]:
    stmt = select(DeviceTokenRow, User.username).join(User, User.id == DeviceTokenRow.user_id)
    if username is not None:
        stmt = stmt.where(User.username == username)
    return [TokenInfo(t.id, t.user_id, name, t.device_id, t.label, t.created_at, t.expires_at,
                      t.revoked_at, t.last_used_at)
            for t, name in session.execute(stmt.order_by(DeviceTokenRow.created_at)).tuples()]


def revoke_token(session: Session, token_id: str) -> str:
    row = session.get(DeviceTokenRow, token_id)
    if row is None:
        raise AdminError("Token finns inte.")
    if row.revoked_at is None:
        row.revoked_at = utcnow()
    audit.append(session, "admin.token_revoke", actor=ADMIN_ACTOR, object_type="token",
                 object_id=token_id)
    return token_id


def list_units(session: Session) -> list[tuple[str, str]]:
    return [(u.id, u.name) for u in session.scalars(select(Unit).order_by(Unit.name))]
