"""Log follow-up (logguppföljning) for supervisors and admins: who opened, searched, exported,
signed, corrected or reviewed what and when; filters; unusual patterns flagged; the result of
the audit chain's verification beside it.

Two patterns are flagged, as Socialstyrelsen's guidance on log follow-up suggests looking for:
* ``burst``: one user opening many different journals in a short time (default 10 cases within
  15 minutes), the typical trace of browsing out of curiosity;
* ``unassigned``: a user opening or exporting a case they are not assigned to. Assignments are
  read as they are now (the store keeps no history of them), so a case handed over since shows
  up here too: a flag asks for a look, it is not a verdict.
Reading the log is itself an audited event.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import access, audit
from app.access import Permission
from app.context import Context
from app.dto import AuditCheck
from app.export_load import period_bounds
from models.audit import AuditEvent
from models.journal import JournalNote, Review
from models.people import Case, CaseAssignment, User
from models.visits import Visit

# Categories a supervisor filters on, with the actions in each.
CATEGORIES: dict[str, tuple[str, ...]] = {
    "opened": ("journal.read", "note.read", "note.revisions"),
    "searched": ("search",),
    "exported": ("journal.export", "journal.export_denied", "audit.export"),
    "signed": ("note.sign",),
    "corrected": ("note.correct",),
    "reviewed": ("review.start", "review.outcome", "review.complete"),
    "refused": ("access.denied", "journal.export_denied"),
}
CATEGORY_LABELS = {"opened": "Öppnade", "searched": "Sökte", "exported": "Exporterade",
                   "signed": "Signerade", "corrected": "Rättade", "reviewed": "Genomgång",
                   "refused": "Nekades"}
ACTION_LABELS = {
    "journal.read": "Öppnade journalen", "note.read": "Öppnade en anteckning",
    "note.revisions": "Läste versionshistorik", "search": "Sökte i anteckningar",
    "journal.export": "Exporterade journal", "journal.export_denied": "Nekades export",
    "audit.export": "Exporterade loggen", "note.sign": "Signerade", "note.correct": "Rättade",
    "review.start": "Startade genomgång", "review.outcome": "Svar i genomgång",
    "review.complete": "Avslutade genomgång", "audit.read": "Läste loggen",
    "access.denied": "Nekades åtkomst",
}
READ_ACTIONS = frozenset(CATEGORIES["opened"]) | {"journal.export"}
FLAG_LABELS = {"burst": "Många journaler på kort tid", "unassigned": "Inte tilldelad ärendet"}


@dataclass(frozen=True)
class LogFilter:
    username: str = ""
    case_number: str = ""
    period_from: date | None = None
    period_to: date | None = None
    categories: tuple[str, ...] = tuple(CATEGORIES)
    burst_cases: int = 10
    burst_minutes: int = 15


@dataclass(frozen=True)
class LogEntry:
    seq: int
    ts: datetime
    username: str
    user_name: str
    action: str
    case_number: str
    object_type: str
    object_id: str
    details: str
    flags: tuple[str, ...] = ()
    assigned: bool | None = None  # was the user assigned the case (now); None: no case

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)


@dataclass(frozen=True)
class LogFlag:
    kind: str  # burst | unassigned
    username: str
    first: datetime
    last: datetime
    cases: tuple[str, ...]  # case numbers
    seqs: tuple[int, ...]

    @property
    def label(self) -> str:
        return FLAG_LABELS.get(self.kind, self.kind)

    @property
    def description(self) -> str:
        if self.kind == "burst":
            return (f"{self.username} öppnade {len(self.cases)} olika journaler på "
                    f"{max(1, round((self.last - self.first).total_seconds() / 60))} minuter")
        return (f"{self.username} öppnade eller exporterade ärende {', '.join(self.cases)} "
                "utan att vara tilldelad det")


@dataclass(frozen=True)
class LogReport:
    entries: tuple[LogEntry, ...]
    flags: tuple[LogFlag, ...]
    chain: AuditCheck
    filter: LogFilter
    generated_at: datetime
    generated_by: str
    users: tuple[str, ...] = field(default=())  # every username, for the filter's choices


def follow_up(ctx: Context, flt: LogFilter) -> LogReport:
    """The filtered log with its flags and the chain check; refused (and audited) for anyone
    but supervisors and admins. Reading it is audited as ``audit.read``."""
    require_follow_up(ctx)
    with ctx.uow() as uow:
        s = uow.session
        chain = audit.verify(s)
        entries = _entries(s, flt)
        users = tuple(s.scalars(select(User.username).order_by(User.username)))
    flags = _flags(entries, flt)
    flagged: dict[int, list[str]] = defaultdict(list)
    for f in flags:
        for seq in f.seqs:
            if f.kind not in flagged[seq]:
                flagged[seq].append(f.kind)
    entries = [LogEntry(**{**e.__dict__, "flags": tuple(flagged.get(e.seq, ()))})
               for e in entries]
    with ctx.uow(write=True) as uow:
        audit.record(uow.session, ctx.actor, "audit.read", "audit", "", {
            "user": flt.username, "case": flt.case_number, "entries": len(entries),
            "from": flt.period_from.isoformat() if flt.period_from else "",
            "to": flt.period_to.isoformat() if flt.period_to else ""}, now=ctx.now())
        uow.commit()
    return LogReport(tuple(entries), tuple(flags), chain, flt, ctx.now(),
                     f"{ctx.actor.display_name} ({ctx.actor.username})", users)


def require_follow_up(ctx: Context) -> None:
    """Refused (and audited as ``access.denied``) for anyone but supervisors and admins."""
    with ctx.uow():
        access.require_role(ctx.actor, Permission.FOLLOW_UP)


def _entries(s: Session, flt: LogFilter) -> list[LogEntry]:
    actions = [a for c in flt.categories for a in CATEGORIES.get(c, ())]
    stmt = select(AuditEvent).where(AuditEvent.action.in_(actions)).order_by(AuditEvent.seq)
    low, high = period_bounds(flt.period_from, flt.period_to)
    if low is not None:
        stmt = stmt.where(AuditEvent.ts >= low)
    if high is not None:
        stmt = stmt.where(AuditEvent.ts < high)
    if flt.username.strip():
        stmt = stmt.where(AuditEvent.username == flt.username.strip())
    events = s.scalars(stmt).all()
    cases = _CaseResolver(s, events)
    names = {u: n for u, n in s.execute(select(User.username, User.display_name))}
    out = []
    for e in events:
        case_id = cases.case_of(e)
        number = cases.numbers.get(case_id, "") if case_id else ""
        if flt.case_number.strip() and number != flt.case_number.strip():
            continue
        assigned = (case_id, e.username) in cases.assigned if case_id else None
        out.append(LogEntry(e.seq, e.ts, e.username, names.get(e.username, e.username),
                            e.action, number, e.object_type, e.object_id,
                            _details(e.action, e.details), (), assigned))
    return out


class _CaseResolver:
    """Which case each event concerns, looked up in bulk for the events at hand."""

    def __init__(self, s: Session, events: Any) -> None:
        ids: dict[str, set[str]] = defaultdict(set)
        for e in events:
            ids[e.object_type].add(e.object_id)
        self.by_note = _lookup(s, JournalNote.id, JournalNote.case_id, ids["note"])
        self.by_visit = _lookup(s, Visit.id, Visit.case_id, ids["visit"])
        review_note = _lookup(s, Review.id, Review.note_id, ids["review"])
        self.by_note.update(_lookup(s, JournalNote.id, JournalNote.case_id,
                                    set(review_note.values()) - set(self.by_note)))
        self.by_review = {r: self.by_note.get(n, "") for r, n in review_note.items()}
        self.numbers = dict(s.execute(select(Case.id, Case.case_number)).tuples().all())
        self.assigned = {(c, u) for c, u in s.execute(
            select(CaseAssignment.case_id, User.username)
            .join(User, User.id == CaseAssignment.user_id))}

    def case_of(self, e: AuditEvent) -> str:
        if e.object_type == "case":
            return e.object_id
        if e.object_type == "note":
            return self.by_note.get(e.object_id, "")
        if e.object_type == "review":
            return self.by_review.get(e.object_id, "")
        if e.object_type == "visit":
            return self.by_visit.get(e.object_id, "")
        return ""


def _lookup(s: Session, key: Any, value: Any, ids: set[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    chunk = sorted(ids)
    for i in range(0, len(chunk), 500):
        out.update(s.execute(select(key, value).where(key.in_(chunk[i:i + 500]))).tuples().all())
    return out


def _details(action: str, d: dict[str, Any]) -> str:
    if action == "search":
        return f"sökord: {d.get('query', '')} · {d.get('hits', 0)} träffar"
    if action == "journal.export":
        return f"{str(d.get('format', '')).upper()} · {d.get('notes', 0)} anteckningar"
    if action == "journal.export_denied":
        return f"{str(d.get('format', '')).upper()} · nekad"
    if action == "review.outcome":
        return f"stycke {int(d.get('passage', 0)) + 1}: {d.get('outcome') or 'inget svar'}"
    if action == "review.start":
        return f"gäller {d.get('audience', '')}, {d.get('hidden', 0)} dolda stycken"
    if action == "journal.read":
        return f"{d.get('notes', 0)} anteckningar"
    return ""


def _flags(entries: list[LogEntry], flt: LogFilter) -> list[LogFlag]:
    """Bursts of journal openings per user, and reads of cases the user is not assigned to."""
    return _bursts(entries, flt) + _unassigned(entries)


def _bursts(entries: list[LogEntry], flt: LogFilter) -> list[LogFlag]:
    window = timedelta(minutes=flt.burst_minutes)
    out: list[LogFlag] = []
    by_user: dict[str, list[LogEntry]] = defaultdict(list)
    for e in entries:
        if e.action in CATEGORIES["opened"] and e.case_number:
            by_user[e.username].append(e)
    for username, reads in by_user.items():
        recent: deque[LogEntry] = deque()
        current: list[LogEntry] = []
        for e in reads:
            recent.append(e)
            while e.ts - recent[0].ts > window:
                recent.popleft()
            if len({r.case_number for r in recent}) >= flt.burst_cases:
                current = _merge(current, list(recent))
            elif current and e.ts - current[-1].ts > window:
                out.append(_burst_flag(username, current))
                current = []
        if current:
            out.append(_burst_flag(username, current))
    return out


def _merge(current: list[LogEntry], more: list[LogEntry]) -> list[LogEntry]:
    seen = {e.seq for e in current}
    return current + [e for e in more if e.seq not in seen]


def _burst_flag(username: str, reads: list[LogEntry]) -> LogFlag:
    cases = tuple(dict.fromkeys(e.case_number for e in reads))
    return LogFlag("burst", username, reads[0].ts, reads[-1].ts, cases,
                   tuple(e.seq for e in reads))


def _unassigned(entries: list[LogEntry]) -> list[LogFlag]:
    """One flag per user and case opened or exported without being assigned to it."""
    groups: dict[tuple[str, str], list[LogEntry]] = defaultdict(list)
    for e in entries:
        if e.action in READ_ACTIONS and e.assigned is False:
            groups[(e.username, e.case_number)].append(e)
    return [LogFlag("unassigned", user, reads[0].ts, reads[-1].ts, (number,),
                    tuple(e.seq for e in reads))
            for (user, number), reads in groups.items()]
