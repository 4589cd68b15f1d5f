"""Re-keying the store without other users' passwords, and removing a user's key.

``rekey_store`` makes a new random data key, re-encrypts every audio file under keys derived
from it, re-keys the database (SQLCipher ``PRAGMA rekey``) and seals the new key to every
remaining user's box public key (``keys.json``), so a copy of a removed user's key file entry
opens nothing written afterwards. For the admin use cases (deactivate, remove a user):

    rekey.remove_user_key(ctx, "bertil")   # their wrapped keys leave keys.json
    rekey.rekey_store(ctx)                 # and the data key they could open is retired

Crash safety, step by step: (1) new audio files are written beside the old ones
(``<id>.sam.rekey``); (2) the new key is sealed to every user as ``next``; (3) the database is
re-keyed (atomic in SQLCipher); (4) ``next`` becomes the data key; (5) the audio files are moved
into place. A crash anywhere is finished or undone at the next login by ``open_store``: the
database opens with exactly one of the two keys, and that says which side of (3) it was on.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3
from sqlalchemy import func, select

from app import audit
from app.audiofile import EncryptedAudioReader, EncryptedAudioWriter
from app.context import Context
from app.errors import StoreError, UserError, ValidationError
from app.keys import KeyFile, Unlocked, new_data_key, subkey
from app.paths import DataPaths
from app.store import Store
from models.visits import Recording

_PENDING = ".rekey"


@dataclass(frozen=True)
class RekeyResult:
    """What a re-key did. ``dropped`` are first-format key entries (users who have not logged
    in since personal keys came): they could not be resealed and were removed, so those users
    need a password reset (``identities.reset_user_keys``)."""

    audio_files: int
    dropped: tuple[str, ...]


def remove_user_key(ctx: Context, username: str) -> None:
    """Admin: remove ``username``'s wrapped keys from ``keys.json`` (their public key stays in
    the store so their signatures still verify). Follow with ``rekey_store``."""
    ctx.require_role("admin")
    if username == ctx.actor.username:
        raise ValidationError("Du kan inte ta bort din egen nyckel.", field="username")
    ctx.keyfile.remove(username)
    with ctx.uow(write=True) as uow:
        audit.record(uow.session, ctx.actor, "user.key.remove", "user", username, now=ctx.now())
        uow.commit()


def _audio_key(data_key: bytes, recording_id: str) -> bytes:
    return subkey(data_key, f"audio:{recording_id}")  # as Context.audio_key


def rekey_store(ctx: Context) -> RekeyResult:
    """Admin: a new data key for the database, the audio files and every remaining user."""
    ctx.require_role("admin")
    with ctx.uow() as uow:
        if uow.session.scalar(select(func.count()).select_from(Recording)
                              .where(Recording.state == "recording")):
            raise UserError("En inspelning pågår eller behöver återställas. Avsluta den först.")
    new_key = new_data_key()
    with ctx.store.write_lock:
        files = _write_new_audio(ctx.paths, ctx.data_key, new_key)
        ctx.keyfile.reseal_all(new_key, as_next=True)
        ctx.store.close()
        _rekey_database(ctx.paths.database, ctx.data_key, new_key)
        dropped = ctx.keyfile.reseal_all(new_key, as_next=False)
        for username in dropped:
            ctx.keyfile.remove(username)
        _move_new_audio(ctx.paths)
        ctx.store = Store.open(ctx.paths.database, new_key)
        ctx.data_key = new_key
    with ctx.uow(write=True) as uow:
        audit.record(uow.session, ctx.actor, "store.rekey", "store", "",
                     {"audio_files": files, "dropped_keys": len(dropped)}, now=ctx.now())
        uow.commit()
    return RekeyResult(files, tuple(dropped))


def open_store(paths: DataPaths, keyfile: KeyFile, unlocked: Unlocked) -> tuple[Store, bytes]:
    """Open the store with what a login unlocked, finishing or undoing a re-key a crash cut
    short (see the module docstring)."""
    try:
        store = Store.open(paths.database, unlocked.data_key)
    except StoreError:
        if unlocked.next_key is None:
            raise
        store = Store.open(paths.database, unlocked.next_key)  # the database was re-keyed
        for username in keyfile.reseal_all(unlocked.next_key, as_next=False):
            keyfile.remove(username)
        _move_new_audio(paths)
        return store, unlocked.next_key
    if unlocked.next_key is not None:  # the re-key never reached the database
        keyfile.drop_next()
        for pending in paths.audio.glob(f"*.sam{_PENDING}"):
            pending.unlink()
    return store, unlocked.data_key


def _write_new_audio(paths: DataPaths, old_key: bytes, new_key: bytes) -> int:
    count = 0
    for path in sorted(paths.audio.glob("*.sam")) if paths.audio.exists() else []:
        recording_id = path.stem
        reader = EncryptedAudioReader(path, _audio_key(old_key, recording_id))
        target = path.with_name(path.name + _PENDING)
        target.unlink(missing_ok=True)
        with EncryptedAudioWriter(target, _audio_key(new_key, recording_id),
                                  reader.sample_rate, reader.channels,
                                  reader.sample_width) as writer:
            writer.write(reader.read_pcm(0.0, reader.duration_s))
        count += 1
    return count


def _move_new_audio(paths: DataPaths) -> None:
    if not paths.audio.exists():
        return
    for pending in paths.audio.glob(f"*.sam{_PENDING}"):
        os.replace(pending, pending.with_name(pending.name[: -len(_PENDING)]))


def _rekey_database(path: Path, old_key: bytes, new_key: bytes) -> None:
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{old_key.hex()}'\"")
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
    finally:
        conn.close()
