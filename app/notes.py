"""Journal notes: drafts, signing, corrections (rättelser) and the case timeline.

Every change is a new immutable, content-hashed revision chained to its parent; the database
triggers refuse any change to a signed note that is not a proper correction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app import accounts, audit, limits, outbox, signing, speech_provenance
from app.access import Permission, require, require_case, self_ids
from app.context import Context
from app.dto import Actor, NoteInfo, RevisionInfo
from app.errors import AuthenticationError, ImmutableError, NotFound, ValidationError
from app.recording import apply_audio_policy_after_sign
from app.speech_provenance import NoteSpeech
from app.sync_apply import MERGE_PREFIX
from app.sync_conflicts import conflicted_notes, in_conflict
from app.uow import UnitOfWork
from models.base import new_id
from models.journal import JournalNote, NoteRevision
from models.people import User
from models.records import record_hash
from models.visits import Visit

MAX_BODY = limits.NOTE_TEXT.chars


def _check_text(body: str, child_voice: str, section: str = "") -> None:
    if not body.strip() and not child_voice.strip():
        raise ValidationError("Anteckningen är tom.", field="body")
    limits.NOTE_TEXT.check(body + child_voice, "body")
    limits.SECTION.check(section, "section")


EARLIEST_EVENT_YEAR = 1900
# A note tells what happened; a little ahead is allowed for a clock or time zone that is off.
FUTURE_SLACK = timedelta(days=1)


def check_event_time(when: datetime, now: datetime) -> None:
    """Refuse an event time that cannot be right (a mistyped year), in words that say why."""
    if when.year < EARLIEST_EVENT_YEAR:
        raise ValidationError(f"Händelsetiden kan inte vara före år {EARLIEST_EVENT_YEAR}.",
                              field="event_time")
    if when > now + FUTURE_SLACK:
        raise ValidationError("Händelsetiden ligger i framtiden. Skriv när det hände.",
                              field="event_time")


def _add_revision(
    s: Session, ctx: Context, note: JournalNote, kind: str, *, body: str, section: str,
    child_voice: str, event_time: datetime, reason: str = "",
) -> NoteRevision:
    parent = s.get(NoteRevision, note.current_revision_id) if note.current_revision_id else None
    rev = NoteRevision(
        id=new_id(), note_id=note.id, seq=(parent.seq + 1) if parent else 1, kind=kind,
        parent_hash=parent.hash if parent else None, section=section, body=body,
        child_voice=child_voice, event_time=event_time, author_id=ctx.actor.user_id,
        created_at=ctx.now(), reason=reason,
    )
    record = rev.to_record(note)
    rev.hash = record_hash(record)
    rev.signature, rev.signer_id = signing.sign(s, record)
    s.add(rev)
    s.flush()
    outbox.enqueue(s, record)
    return rev


def covers(rev: NoteRevision) -> dict[str, object]:
    """What the audit event of a revision's unit of work says about it: its content hash and
    its signature. The event is signed by the same author, so ``audit verify`` can take the
    event's signature and the revision's recomputed hash as proof of the revision
    (``app.trust_cover``) instead of checking a second signature per save."""
    return {"hash": rev.hash, "sig": rev.signature}


def _finish(uow: UnitOfWork, note: JournalNote) -> NoteInfo:
    """Commit the action's unit of work and return the note as it now is."""
    uow.flush()
    info = _info_for(uow.session, note, uow.actor)
    uow.commit()
    return info


def _commit(
    uow: UnitOfWork, ctx: Context, note: JournalNote, action: str, details: dict[str, object]
) -> NoteInfo:
    """Audit the change, commit it with the audit event, and return the note as it now is."""
    audit.record(uow.session, ctx.actor, action, "note", note.id, details, now=ctx.now())
    return _finish(uow, note)


def _load_note(s: Session, ctx: Context, note_id: str,
               permission: Permission = Permission.READ_CASE) -> JournalNote:
    note = s.get(JournalNote, note_id)
    if note is None:
        raise NotFound("Anteckningen")
    _allow(s, ctx, note, permission)
    return note


def _allow(s: Session, ctx: Context, note: JournalNote, permission: Permission) -> None:
    """Refuse (audited) unless the user may do ``permission`` on ``note``: whose note it is
    counts for the author-only permissions (``app.access.RULES``)."""
    require(s, ctx.actor, permission, note.case_id, owner_id=note.author_id,
            object_type="note", object_id=note.id)


def create_draft(
    ctx: Context, case_id: str, body: str, *, section: str = "", child_voice: str = "",
    event_time: datetime | None = None, visit_id: str | None = None,
) -> NoteInfo:
    _check_text(body, child_voice, section)
    with ctx.uow(write=True) as uow:
        note = _new_note(uow.session, ctx, case_id, visit_id, event_time)
        _revise_draft(uow.session, ctx, note, None, body=body, section=section,
                      child_voice=child_voice, event_time=event_time)
        return _finish(uow, note)


def save_draft(
    ctx: Context, note_id: str, body: str, *, section: str = "", child_voice: str = "",
    event_time: datetime | None = None, expected_revision_id: str | None = None,
) -> NoteInfo:
    """Save a new draft revision. ``expected_revision_id`` guards against lost updates."""
    _check_text(body, child_voice, section)
    with ctx.uow(write=True) as uow:
        note = _load_note(uow.session, ctx, note_id)
        if note.state == "draft":  # a signed note is refused as immutable, whoever asks
            _allow(uow.session, ctx, note, Permission.EDIT_DRAFT)
        _revise_draft(uow.session, ctx, note, expected_revision_id, body=body, section=section,
                      child_voice=child_voice, event_time=event_time)
        return _finish(uow, note)


def sign(ctx: Context, note_id: str) -> NoteInfo:
    """Seal the current draft as a signed revision. Only the author signs their note."""
    with ctx.uow(write=True) as uow:
        note = _load_note(uow.session, ctx, note_id)
        _seal(uow.session, ctx, note)
        info = _finish(uow, note)
    # After the signature is safely stored: the organisation's audio retention policy.
    apply_audio_policy_after_sign(ctx, note_id)
    return info


def correct(
    ctx: Context, note_id: str, body: str, *, reason: str, section: str | None = None,
    child_voice: str | None = None,
) -> NoteInfo:
    """A rättelse: a new revision of a signed note; the old text stays readable."""
    _check_text(body, child_voice or "", section or "")
    if not reason.strip():
        raise ValidationError("Skriv varför anteckningen rättas.", field="reason")
    limits.CORRECTION_REASON.check(reason.strip(), "reason")
    with ctx.uow(write=True) as uow:
        s = uow.session
        note = _load_note(s, ctx, note_id)
        if note.state != "signed":
            raise ValidationError("Bara signerade anteckningar rättas; ändra utkastet direkt.")
        _allow(s, ctx, note, Permission.CORRECT)
        current = s.get(NoteRevision, note.current_revision_id)
        assert current is not None
        rev = _add_revision(
            s, ctx, note, "correction", body=body,
            section=current.section if section is None else section,
            child_voice=current.child_voice if child_voice is None else child_voice,
            event_time=current.event_time, reason=reason.strip(),
        )
        note.current_revision_id = rev.id
        return _commit(uow, ctx, note, "note.correct", covers(rev))


def get_note(ctx: Context, note_id: str) -> NoteInfo:
    with ctx.uow(write=True) as uow:
        note = _load_note(uow.session, ctx, note_id)
        info = _info_for(uow.session, note, ctx.actor)
        audit.record(uow.session, ctx.actor, "note.read", "note", note.id, now=ctx.now())
        uow.commit()
        return info


def revisions(ctx: Context, note_id: str) -> list[RevisionInfo]:
    """Every revision, drafts included (the note's history); reading it is audited."""
    with ctx.uow(write=True) as uow:
        _load_note(uow.session, ctx, note_id)
        names = _user_names(uow.session)
        revs = uow.session.scalars(
            select(NoteRevision).where(NoteRevision.note_id == note_id).order_by(NoteRevision.seq)
        ).all()
        out = [_rev_info(_fields(r, _REV_COLS), names) for r in revs]
        audit.record(uow.session, ctx.actor, "note.revisions", "note", note_id,
                     {"revisions": len(out)}, now=ctx.now())
        uow.commit()
        return out


# The columns a note and a revision are shown from, in the order ``_note_info`` and
# ``_rev_info`` read them: a row of a column query, or ``_fields`` of a loaded object.
_NOTE_COLS = (JournalNote.id, JournalNote.case_id, JournalNote.visit_id, JournalNote.author_id,
              JournalNote.created_at, JournalNote.event_time, JournalNote.state,
              JournalNote.signed_at, JournalNote.signed_by, JournalNote.current_revision_id)
_REV_COLS = (NoteRevision.note_id, NoteRevision.id, NoteRevision.seq, NoteRevision.kind,
             NoteRevision.hash, NoteRevision.parent_hash, NoteRevision.section,
             NoteRevision.body, NoteRevision.child_voice, NoteRevision.event_time,
             NoteRevision.author_id, NoteRevision.created_at, NoteRevision.reason)


def timeline(ctx: Context, case_id: str) -> list[NoteInfo]:
    """The case journal in event-time order; reading it is an audited event."""
    with ctx.uow(write=True) as uow:
        out = journal_in(uow.session, ctx, case_id)
        uow.commit()
        return out


def _user_names(s: Session) -> dict[str, str]:
    return {uid: name for uid, name in s.execute(select(User.id, User.display_name))}


def _fields(obj: object, cols: tuple[InstrumentedAttribute[Any], ...]) -> tuple[Any, ...]:
    """A loaded object's values of ``cols``, as a row of those columns holds them. (The loaded
    object, not a fresh query: it holds what this unit of work has just written.)"""
    return tuple(getattr(obj, c.key) for c in cols)


def _rev_info(r: Sequence[Any], names: dict[str, str]) -> RevisionInfo:
    """A revision from its ``_REV_COLS`` values."""
    return RevisionInfo(
        id=r[1], seq=r[2], kind=r[3], hash=r[4], parent_hash=r[5], section=r[6], body=r[7],
        child_voice=r[8], event_time=r[9], author=names.get(r[10], "?"), created_at=r[11],
        reason=r[12])


def _note_info(n: Sequence[Any], shown: list[RevisionInfo], names: dict[str, str],
               conflicted: frozenset[str] = frozenset(),
               selves: frozenset[str] = frozenset(),
               speech: NoteSpeech | None = None) -> NoteInfo:
    """A note from its ``_NOTE_COLS`` values and its shown revisions (every one that is not a
    draft, and the current one) in order; ``speech``: its machine words, if any."""
    current = next(r for r in shown if r.id == n[9])
    if speech is not None:
        current = replace(current, speech=speech_provenance.provenance(current.body, speech))
    return NoteInfo(
        n[0], n[1], n[2], names.get(n[3], "?"), n[4], n[5], n[6], n[7],
        names.get(n[8]) if n[8] else None, current,
        tuple(r for r in shown if r.id != current.id and r.kind != "draft"), current.seq,
        n[3], n[0] in conflicted, n[3] in selves)


def _info_for(s: Session, note: JournalNote, actor: Actor | None = None) -> NoteInfo:
    names = _user_names(s)
    revs = s.scalars(
        select(NoteRevision).where(NoteRevision.note_id == note.id)
        .where(or_(NoteRevision.kind != "draft", NoteRevision.id == note.current_revision_id))
        .order_by(NoteRevision.seq)
    ).all()
    speech = speech_provenance.load_sources(s, [JournalNote.id == note.id]).get(note.id)
    return _note_info(_fields(note, _NOTE_COLS),
                      [_rev_info(_fields(r, _REV_COLS), names) for r in revs], names,
                      conflicted_notes(s, note.case_id),
                      self_ids(s, actor) if actor else frozenset(), speech)


def journal_in(s: Session, ctx: Context, case_id: str) -> list[NoteInfo]:
    """The case journal in event-time order, inside the caller's writing unit of work (the
    read is audited; the caller commits). For ``timeline`` and the case view's one query.

    Built from plain column rows rather than ORM objects: a case may hold thousands of notes
    and the journal must open at once."""
    require_case(s, ctx.actor, case_id)
    names = _user_names(s)
    revs: dict[str, list[RevisionInfo]] = defaultdict(list)
    for r in s.execute(
        select(*_REV_COLS).join(JournalNote, JournalNote.id == NoteRevision.note_id)
        .where(JournalNote.case_id == case_id)
        .where(or_(NoteRevision.kind != "draft",
                   NoteRevision.id == JournalNote.current_revision_id))
        .order_by(NoteRevision.note_id, NoteRevision.seq)
    ):
        revs[r[0]].append(_rev_info(r, names))
    conflicted, selves = conflicted_notes(s, case_id), self_ids(s, ctx.actor)
    speech = speech_provenance.load_sources(s, [JournalNote.case_id == case_id])
    out = [_note_info(n, revs[n[0]], names, conflicted, selves, speech.get(n[0]))
           for n in s.execute(select(*_NOTE_COLS).where(JournalNote.case_id == case_id)
                              .order_by(JournalNote.event_time, JournalNote.created_at))]
    audit.record(s, ctx.actor, "journal.read", "case", case_id, {"notes": len(out)},
                 now=ctx.now())
    return out


# -- signing from the editor --------------------------------------------------------------------

def sign_text(
    ctx: Context, case_id: str, note_id: str | None, body: str, *, section: str = "",
    child_voice: str = "", event_time: datetime | None = None,
    expected_revision_id: str | None = None, visit_id: str | None = None,
) -> NoteInfo:
    """"Signera" in the editor: store the text as it stands and sign it in one unit of work,
    so a refused signature leaves no half-saved draft behind. ``note_id`` None creates the
    note; a changed draft gets its draft revision first (guarded by ``expected_revision_id``
    like ``save_draft``). The audit trail is the same as saving, then signing."""
    _check_text(body, child_voice, section)
    with ctx.uow(write=True) as uow:
        s = uow.session
        if note_id is None:
            note = _new_note(s, ctx, case_id, visit_id, event_time)
        else:
            note = _load_note(s, ctx, note_id)
        if note.state == "draft":  # a signed note is refused by _seal, in sign's words
            _allow(s, ctx, note, Permission.EDIT_DRAFT)
            _revise_draft(s, ctx, note, expected_revision_id, body=body, section=section,
                          child_voice=child_voice, event_time=event_time)
        _seal(s, ctx, note)
        info = _finish(uow, note)
    # After the signature is safely stored: the organisation's audio retention policy.
    apply_audio_policy_after_sign(ctx, info.id)
    return info


def sign_text_confirmed(
    ctx: Context, password: str | None, case_id: str, note_id: str | None, body: str, *,
    section: str = "", child_voice: str = "", event_time: datetime | None = None,
    expected_revision_id: str | None = None, visit_id: str | None = None,
) -> NoteInfo:
    """``sign_text`` as the editor's "Signera" calls it: when the installation asks for it
    (``confirm_password_on_sign``), the user's password first — checked, throttled and
    audited like a login (``accounts.verify_password``); a wrong one signs and saves nothing."""
    if ctx.settings.confirm_password_on_sign and not (
            password and accounts.verify_password(ctx, password)):
        raise AuthenticationError("Fel lösenord. Anteckningen är inte signerad.")
    return sign_text(ctx, case_id, note_id, body, section=section, child_voice=child_voice,
                     event_time=event_time, expected_revision_id=expected_revision_id,
                     visit_id=visit_id)


def require_note_case(s: Session, ctx: Context, note: JournalNote) -> None:
    require_case(s, ctx.actor, note.case_id)


def merge_revision(s: Session, ctx: Context, note: JournalNote, *, body: str, section: str,
                   child_voice: str, merges: str) -> NoteRevision:
    """A draft revision that resolves a sync conflict: its reason names the other version's
    hash, so the laptop that wrote that version takes this one as resolving it."""
    if note.state != "draft":
        raise ImmutableError()
    _check_text(body, child_voice)
    current = s.get(NoteRevision, note.current_revision_id)
    assert current is not None
    rev = _add_revision(s, ctx, note, "draft", body=body, section=section,
                        child_voice=child_voice, event_time=current.event_time,
                        reason=MERGE_PREFIX + merges)
    note.current_revision_id = rev.id
    audit.record(s, ctx.actor, "note.merge", "note", note.id,
                 {"revision": rev.seq, **covers(rev)}, now=ctx.now())
    return rev


def _seal(s: Session, ctx: Context, note: JournalNote) -> None:
    """Sign the note's current draft as a new revision, audited as ``note.sign``. Only the
    author signs their note."""
    if note.state == "signed":
        raise ImmutableError("Anteckningen är redan signerad.")
    _allow(s, ctx, note, Permission.SIGN)
    if in_conflict(s, note.id):
        raise ValidationError("Utkastet har ändrats på två datorer. Välj en version eller "
                              "skriv ihop dem innan du signerar.")
    draft = s.get(NoteRevision, note.current_revision_id)
    assert draft is not None
    rev = _add_revision(s, ctx, note, "signed", body=draft.body, section=draft.section,
                        child_voice=draft.child_voice, event_time=draft.event_time)
    note.current_revision_id, note.state = rev.id, "signed"
    note.signed_at, note.signed_by = ctx.now(), ctx.actor.user_id
    audit.record(s, ctx.actor, "note.sign", "note", note.id, covers(rev), now=ctx.now())


def _new_note(s: Session, ctx: Context, case_id: str, visit_id: str | None,
              when: datetime | None) -> JournalNote:
    """An empty note of the case (its first revision follows), audited as ``note.create``.
    Without ``when`` the note happened when its visit did (a note made from a visit's
    transcript), else now."""
    require_case(s, ctx.actor, case_id, Permission.WRITE_NOTE)
    visit_time: datetime | None = None
    if visit_id is not None:
        visit = s.get(Visit, visit_id)
        if visit is None or visit.case_id != case_id:
            raise ValidationError("Besöket hör inte till ärendet.", field="visit")
        visit_time = visit.actual_start or visit.planned_start
    when = when or visit_time or ctx.now()
    note = JournalNote(case_id=case_id, visit_id=visit_id, author_id=ctx.actor.user_id,
                       created_at=ctx.now(), event_time=when)
    s.add(note)
    s.flush()  # its ``note.create`` event follows its first revision (``_revise_draft``)
    return note


def _revise_draft(s: Session, ctx: Context, note: JournalNote, expected_revision_id: str | None,
                  *, body: str, section: str, child_voice: str,
                  event_time: datetime | None) -> None:
    """Give a draft (or a new note) a draft revision with this text unless it holds it."""
    if note.state != "draft":
        raise ImmutableError()
    if expected_revision_id and note.current_revision_id != expected_revision_id:
        raise ValidationError(
            "Utkastet har ändrats någon annanstans sedan du öppnade det. "
            "Öppna det igen och för över dina ändringar.", field="body")
    current = s.get(NoteRevision, note.current_revision_id) if note.current_revision_id else None
    when = event_time or (current.event_time if current else note.event_time)
    if current is not None and (current.body, current.section, current.child_voice,
                                current.event_time) == (body, section, child_voice, when):
        return
    if current is None or when != current.event_time:
        check_event_time(when, ctx.now())
    rev = _add_revision(s, ctx, note, "draft", body=body, section=section,
                        child_voice=child_voice, event_time=when)
    note.current_revision_id, note.event_time = rev.id, when
    if current is None:
        audit.record(s, ctx.actor, "note.create", "note", note.id,
                     {"case": note.case_id, **covers(rev)}, now=ctx.now())
    else:
        audit.record(s, ctx.actor, "note.edit", "note", note.id,
                     {"revision": rev.seq, **covers(rev)}, now=ctx.now())
