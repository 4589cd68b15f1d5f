"""Resolving a sync conflict: keep this laptop's version, take the other one, or write the
merged text. A note's resolution is a new draft revision that names the other version, so the
other laptop sees the conflict resolved; a row's is the chosen version, queued again."""

from __future__ import annotations

from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit, notes, outbox
from app.context import Context
from app.errors import NotFound, ValidationError
from app.sync_apply import Applier
from models.audit import OutboxItem
from models.journal import JournalNote, NoteRevision
from models.people import Case, Person
from models.records import RevisionRecord, decode
from models.sync import SyncAccount, SyncConflict
from models.visits import Visit

Choice = Literal["mine", "theirs", "merged"]
REPLACED = "replaced when a sync conflict was resolved"


def resolve(ctx: Context, conflict_id: str, choice: Choice, merged_body: str | None = None) -> None:
    with ctx.uow(write=True) as uow:
        s = uow.session
        row = s.get(SyncConflict, conflict_id)
        if row is None or row.resolved_at is not None:
            raise NotFound("Konflikten")
        theirs = decode(row.theirs_payload)
        if isinstance(theirs, RevisionRecord):
            note = s.get(JournalNote, row.object_id)
            assert note is not None
            notes.require_note_case(s, ctx, note)
            head = s.get(NoteRevision, note.current_revision_id)
            assert head is not None
            if choice == "merged":
                if not (merged_body or "").strip():
                    raise ValidationError("Skriv den sammanfogade texten.", field="body")
                body, section, voice = merged_body or "", head.section, head.child_voice
            elif choice == "theirs":
                body, section, voice = theirs.body, theirs.section, theirs.child_voice
            else:
                body, section, voice = head.body, head.section, head.child_voice
            notes.merge_revision(s, ctx, note, body=body, section=section, child_voice=voice,
                                 merges=row.theirs_hash)
        else:
            if choice == "merged":
                raise ValidationError("Välj en av versionerna.")
            if choice == "theirs":
                _take_theirs(ctx, s, row)
        row.resolved_at, row.resolution = ctx.now(), choice
        audit.record(s, ctx.actor, "sync.resolve", row.kind, row.object_id,
                     {"choice": choice}, now=ctx.now())
        uow.commit()


def _take_theirs(ctx: Context, s: Session, row: SyncConflict) -> None:
    """Write the other version over the row. Our unsent versions of it stay in the outbox,
    marked acknowledged as replaced (so they are not pushed over the chosen one); the chosen
    version is queued again (the server has it already: it answers duplicate)."""
    for item in s.scalars(select(OutboxItem).where(
            OutboxItem.kind == row.kind, OutboxItem.object_id == row.object_id,
            OutboxItem.acked_at.is_(None))):
        item.acked_at, item.last_error = ctx.now(), REPLACED
    account = s.get(SyncAccount, ctx.actor.user_id)
    if account is None:
        raise ValidationError("Datorn är inte ansluten till någon server.")
    applier = Applier(s, account, ctx.actor.display_name)
    applier.attempt(f"resolve-{row.id}", row.kind, row.object_id, None, None, row.theirs_hash,
                    row.theirs_payload)
    model: Any = {"case": Case, "person": Person, "visit": Visit}[row.kind]
    obj = s.get(model, row.object_id)
    assert obj is not None
    outbox.enqueue(s, obj.to_record())
