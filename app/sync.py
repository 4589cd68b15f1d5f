"""Sync with the office server: connect once, then push the outbox and the audit chain and
pull colleagues' records, offline-first and without losing or doubling anything.

Network calls happen outside any unit of work (the window's writes are never held up by a slow
server); every answer is stored in one local transaction: an outbox batch is acknowledged only
after the server answered it (it has committed by then), and a pull page is applied together
with its cursor, so a laptop killed at any point repeats work but never skips or loses it."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import httpx
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit
from app.cancel import CancelToken
from app.context import Context
from app.errors import PermissionDenied, UserError, ValidationError
from app.keys import subkey
from app.sync_apply import BAD, Applied, Applier
from app.sync_audio import queue_unsynced_recordings, upload_audio
from app.sync_client import ServerRefused, ServerUnreachable, SyncClient
from app.sync_push import current_key, push_audit, push_outbox
from app.sync_signers import store_signers
from models.audit import OutboxItem
from models.journal import JournalNote, NoteRevision
from models.people import User
from models.records import RevisionRecord
from models.sync import SyncAccount, SyncBackfill, SyncConflict, SyncFailed, SyncHeld
from models.sync_wire import DeviceLogin, PullEntry

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]  # done, total, phase ("push" | "pull")
# Tests and the benchmark hand in an in-process server; the app uses the network.
TransportFactory = Callable[[], httpx.BaseTransport | None]
_TOKEN_PURPOSE = "sync-device-token"


@dataclass(frozen=True)
class SyncStatus:
    connected: bool
    server_url: str = ""
    server_username: str = ""
    pending: int = 0
    failed: int = 0
    conflicts: int = 0
    held: int = 0
    last_synced_at: datetime | None = None
    reachable: bool | None = None
    last_error: str = ""
    pending_notes: int = 0  # notes with a revision among ``pending`` (what the user counts)


@dataclass(frozen=True)
class SyncResult:
    pushed: int
    duplicates: int
    rejected: int
    pulled: int
    conflicts: int
    held: int
    status: SyncStatus


def _seal(ctx: Context, token: str) -> bytes:
    nonce = os.urandom(12)
    key = subkey(ctx.data_key, _TOKEN_PURPOSE)
    return nonce + AESGCM(key).encrypt(nonce, token.encode(), ctx.actor.user_id.encode())


def _open(ctx: Context, sealed: bytes) -> str:
    key = subkey(ctx.data_key, _TOKEN_PURPOSE)
    return AESGCM(key).decrypt(sealed[:12], sealed[12:], ctx.actor.user_id.encode()).decode()


def _client(url: str, token: str, transport: httpx.BaseTransport | None) -> SyncClient:
    return SyncClient(url, token, transport=transport)


def connect(ctx: Context, server_url: str, username: str, password: str, *,
            transport: httpx.BaseTransport | None = None) -> SyncStatus:
    """Log in to the server once with the server account; the device token is kept encrypted
    in the store and this local account is linked to that server account (same author)."""
    if ctx.actor.role == "admin":
        raise PermissionDenied("En administratör synkroniserar inget ärendeinnehåll.")
    url = server_url.strip().rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise ValidationError("Skriv serverns adress, till exempel https://samskriv.kommun.se",
                              field="server_url")
    if not username.strip() or not password:
        raise ValidationError("Skriv användarnamn och lösenord för servern.", field="username")
    with ctx.uow() as uow:
        device = audit.device_id(uow.session)
        legacy_seq = audit.legacy_audit_seq(uow.session)
        me = uow.session.get(User, ctx.actor.user_id)
        old_keys = list(me.old_sign_pubs or []) if me is not None else []
    # The password login is the only way a signing key reaches the server: this account's
    # key now and its keys before password resets (its older records are signed with them).
    with _client(url, "", transport) as client:
        token = client.login(DeviceLogin(
            username=username.strip(), password=password, device_id=device,
            author_id=ctx.actor.user_id, label=f"Samskriv {ctx.actor.username}"[:100],
            sign_pub=current_key(ctx), old_sign_pubs=old_keys[-50:],
            display_name=ctx.actor.display_name[:200], legacy_audit_seq=legacy_seq))
    with ctx.uow(write=True) as uow:
        s = uow.session
        row = s.get(SyncAccount, ctx.actor.user_id)
        if row is None or row.server_user_id != token.user_id or row.server_url != url:
            if row is not None:
                s.delete(row)
                s.flush()
            row = SyncAccount(local_user_id=ctx.actor.user_id, pull_cursor=0, last_error="")
            s.add(row)
        row.server_url, row.server_user_id, row.server_username = url, token.user_id, username
        row.role, row.unit_id, row.token_id = token.role, token.unit_id, token.token_id
        row.token_cipher = _seal(ctx, token.token)
        row.expires_at = datetime.fromisoformat(token.expires_at)
        row.connected_at, row.reachable, row.last_error = ctx.now(), True, ""
        audit.record(s, ctx.actor, "sync.connect", "server", token.user_id, now=ctx.now())
        uow.commit()
    return status(ctx)


def disconnect(ctx: Context) -> None:
    """Forget the token (nothing synced or pending is touched)."""
    with ctx.uow(write=True) as uow:
        row = uow.session.get(SyncAccount, ctx.actor.user_id)
        if row is not None:
            uow.session.delete(row)
            audit.record(uow.session, ctx.actor, "sync.disconnect", now=ctx.now())
        uow.commit()


def pending_count(s: Session) -> int:
    failed = select(SyncFailed.outbox_id)
    return s.scalar(select(func.count()).select_from(OutboxItem).where(
        OutboxItem.acked_at.is_(None), OutboxItem.id.not_in(failed))) or 0


def pending_notes(s: Session) -> int:
    """How many notes have a revision still to send (several revisions of one note count once)."""
    failed = select(SyncFailed.outbox_id)
    return s.scalar(select(func.count(func.distinct(JournalNote.id))).select_from(OutboxItem)
                    .join(NoteRevision, NoteRevision.id == OutboxItem.object_id)
                    .join(JournalNote, JournalNote.id == NoteRevision.note_id).where(
        OutboxItem.kind == RevisionRecord.KIND, OutboxItem.acked_at.is_(None),
        OutboxItem.id.not_in(failed))) or 0


def status(ctx: Context) -> SyncStatus:
    with ctx.uow() as uow:
        s = uow.session
        row = s.get(SyncAccount, ctx.actor.user_id)
        pending, notes = pending_count(s), pending_notes(s)
        failed = s.scalar(select(func.count()).select_from(SyncFailed)) or 0
        conflicts = s.scalar(select(func.count()).select_from(SyncConflict)
                             .where(SyncConflict.resolved_at.is_(None))) or 0
        held = s.scalar(select(func.count()).select_from(SyncHeld)) or 0
        if row is None:
            return SyncStatus(False, pending=pending, failed=failed, conflicts=conflicts,
                              held=held, pending_notes=notes)
        return SyncStatus(True, row.server_url, row.server_username, pending, failed, conflicts,
                          held, row.last_synced_at, row.reachable, row.last_error, notes)


def sync_now(ctx: Context, progress: Progress | None = None, cancel: CancelToken | None = None,
             *, transport: httpx.BaseTransport | None = None) -> SyncResult:
    """Push everything pending, then pull every page; raises ``ServerUnreachable`` or
    ``ServerRefused`` after storing what it learnt (the status then tells the user)."""
    report = progress or (lambda _d, _t, _p: None)
    with ctx.uow() as uow:
        row = uow.session.get(SyncAccount, ctx.actor.user_id)
        if row is None:
            raise ValidationError("Datorn är inte ansluten till någon server.")
        url, token, cursor = row.server_url, _open(ctx, row.token_cipher), row.pull_cursor
        device = audit.device_id(uow.session)
    _mark(ctx, attempt=True)
    queue_unsynced_recordings(ctx)  # recordings finished before they were synced, once
    try:
        with _client(url, token, transport) as client:
            pushed = push_outbox(ctx, client, device, report, cancel)
            push_audit(ctx, client, device, cancel)
            upload_audio(ctx, client, cancel)  # after push: the server knows the recordings
            applied = _pull(ctx, client, cursor, report, cancel)
            if not (cancel and cancel.cancelled):
                store_signers(ctx, client.signers())
    except (ServerUnreachable, ServerRefused) as exc:
        _mark(ctx, error=exc)
        raise
    _mark(ctx, done=cancel is None or not cancel.cancelled)
    return SyncResult(pushed.accepted, pushed.duplicates, pushed.rejected, applied.applied,
                      applied.conflicts, applied.held, status(ctx))


def _mark(ctx: Context, *, attempt: bool = False, done: bool = False,
          error: UserError | None = None) -> None:
    with ctx.uow(write=True) as uow:
        row = uow.session.get(SyncAccount, ctx.actor.user_id)
        if row is None:
            return
        if attempt:
            row.last_attempt_at = ctx.now()
        if done:
            row.last_synced_at, row.reachable, row.last_error = ctx.now(), True, ""
            audit.record(uow.session, ctx.actor, "sync.run", "server", row.server_user_id,
                         now=ctx.now())
        if error is not None:
            row.reachable = not isinstance(error, ServerUnreachable)
            row.last_error = str(error)[:500]
        uow.commit()


def _pull(ctx: Context, client: SyncClient, cursor: int, report: Progress,
          cancel: CancelToken | None) -> Applied:
    total = Applied()
    more = True
    while more and not (cancel and cancel.cancelled):
        page = client.pull(cursor)
        _store_page(ctx, page.entries, total, cursor_after=page.next_cursor)
        cursor, more = page.next_cursor, page.more
        report(total.applied + total.skipped, 0, "pull")
    _backfill(ctx, client, total, cancel)
    return total


def _store_page(ctx: Context, entries: list[PullEntry], total: Applied, *,
                cursor_after: int | None = None, backfill: str | None = None,
                done: bool = False) -> None:
    """One page and its cursor in one transaction (the global one, or a case backfill's)."""
    with ctx.uow(write=True) as uow:
        s = uow.session
        account = s.get(SyncAccount, ctx.actor.user_id)
        assert account is not None
        applier = Applier(s, account, ctx.actor.display_name)
        applier.page(entries)
        if s.scalar(select(func.count()).select_from(SyncHeld)
                    .where(~SyncHeld.reason.startswith(BAD))):
            applier.retry_held()
        if cursor_after is not None and backfill is None:
            account.pull_cursor = cursor_after
        if backfill is not None:
            bf = s.get(SyncBackfill, (ctx.actor.user_id, backfill))
            if bf is not None:
                if done:
                    s.delete(bf)
                elif cursor_after is not None:
                    bf.cursor = cursor_after
        uow.commit()
    r = applier.result
    total.applied += r.applied
    total.skipped += r.skipped
    total.held += r.held
    total.conflicts += r.conflicts
    total.bad += r.bad


def _backfill(ctx: Context, client: SyncClient, total: Applied,
              cancel: CancelToken | None) -> None:
    """Earlier records of newly assigned cases, page by page with a case-scoped cursor."""
    with ctx.uow() as uow:
        todo = uow.session.execute(select(SyncBackfill.case_id, SyncBackfill.cursor).where(
            SyncBackfill.local_user_id == ctx.actor.user_id)).all()
    for case_id, cursor in todo:
        more = True
        while more and not (cancel and cancel.cancelled):
            try:
                page = client.pull(cursor, case_id=case_id)
            except ServerRefused as exc:
                if exc.status != 403:
                    raise
                _store_page(ctx, [], total, backfill=case_id, done=True)  # no longer visible
                break
            more = page.more
            _store_page(ctx, page.entries, total, cursor_after=page.next_cursor,
                        backfill=case_id, done=not more)
            cursor = page.next_cursor


def shadow_users(s: Session) -> int:
    return s.scalar(select(func.count()).select_from(User).where(
        User.username.startswith("server:"))) or 0


