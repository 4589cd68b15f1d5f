"""Every record a person writes carries their signature; verify checks them all."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable

import pytest
from sqlalchemy import select

from app import accounts, assignments, cases, notes, rekey, trust_cache, trust_report
from app.audiofile import AudioKeyMismatch, EncryptedAudioReader, EncryptedAudioWriter
from app.context import Context
from app.dto import PersonInput
from app.errors import AuthenticationError, StoreError
from app.identities import reset_user_keys
from app.keys import KeyFile
from app.paths import DataPaths
from app.store import Store
from models.audit import AuditEvent
from models.journal import NoteRevision, Review, ReviewEntry
from models.people import User
from models.signed import Signed
from models.visits import Consent
from tests.support.store import (
    ADMIN,
    ADMIN_PASSWORD,
    CASEWORKER,
    CASEWORKER_PASSWORD,
    raw_connection,
)
from tests.support.trust import OTHER, OTHER_PASSWORD, add_other, build_world, verify


def test_every_signed_row_names_its_author_and_the_store_verifies(
    admin: Context, caseworker: Context, data_paths: DataPaths
) -> None:
    other = add_other(admin, data_paths)
    try:
        build_world(admin, caseworker, other)
        report = verify(admin)
        assert report.ok, report.findings
        # Every signed row is accounted for: its own signature checked, or (a revision) proven
        # by its unit of work's event, or (an event) by the next event of its session.
        assert report.legacy == 0 and report.signed > 0
        with admin.uow() as uow:
            s = uow.session
            checks: tuple[tuple[type[Signed], str], ...] = (
                (NoteRevision, "author_id"), (Review, "started_by"),
                (ReviewEntry, "recorded_by"), (Consent, "recorded_by"), (AuditEvent, "user_id"))
            signed_rows = 0
            for model, author in checks:
                rows = s.scalars(select(model)).all()
                assert rows and all(r.signature and r.signer_id == getattr(r, author)
                                    for r in rows), model
                signed_rows += len(rows)
            assert report.signed + report.covered + report.chained == signed_rows > 20
            users = {u.username: u for u in s.scalars(select(User))}
            assert users[ADMIN].signer_id == users[ADMIN].id  # the pinned root signs itself
            assert users[CASEWORKER].signer_id == users[ADMIN].id
    finally:
        other.close()


def test_the_session_keeps_the_signing_key_and_the_key_file_publishes_it(
    caseworker: Context,
) -> None:
    assert caseworker.user_keys is not None and caseworker.signer is not None
    entry = json.loads(caseworker.paths.keyfile.read_text())["users"][CASEWORKER]
    assert entry["v"] == 2 and entry["sign_pub"] == caseworker.user_keys.sign_pub
    root = json.loads(caseworker.paths.keyfile.read_text())["root"]
    assert root["username"] == ADMIN
    assert len(base64.b64decode(entry["box_pub"])) == 32


def test_a_password_change_keeps_the_keys(
    caseworker: Context, login: Callable[[str, str], Context]
) -> None:
    accounts.change_password(caseworker, CASEWORKER_PASSWORD, "nytt-lösenord-42")
    again = login(CASEWORKER, "nytt-lösenord-42")
    assert again.user_keys is not None and caseworker.user_keys is not None
    assert again.user_keys.sign_pub == caseworker.user_keys.sign_pub
    assert verify(again).ok


def test_a_reset_gives_new_keys_and_old_signatures_still_verify(
    admin: Context, caseworker: Context, login: Callable[[str, str], Context]
) -> None:
    case_id = notes.create_draft(admin, _case(admin, caseworker), "Text.").case_id
    notes.create_draft(caseworker, case_id, "Före återställningen.")
    reset_user_keys(admin, CASEWORKER, "återställt-lösen-1")
    again = login(CASEWORKER, "återställt-lösen-1")
    notes.create_draft(again, case_id, "Efter återställningen.")
    report = verify(admin)
    assert report.ok, report.findings


def _case(admin: Context, caseworker: Context) -> str:
    case = cases.create_case(admin, "IFO-2026-0202", "Utredning",
                             [PersonInput("child", "Kim Testsson")])
    assignments.assign(admin, case.id, caseworker.actor.username)
    return case.id


def _audio(ctx: Context, recording_id: str) -> bytes:
    """An audio file as the recorder writes it, under the recording's key of ``ctx``."""
    pcm = bytes(range(256)) * 125
    ctx.paths.audio.mkdir(parents=True, exist_ok=True)
    with EncryptedAudioWriter(ctx.paths.audio / f"{recording_id}.sam",
                              ctx.audio_key(recording_id), 16_000) as writer:
        writer.write(pcm)
    return pcm


def _read(ctx: Context, recording_id: str) -> bytes:
    reader = EncryptedAudioReader(ctx.paths.audio / f"{recording_id}.sam",
                                  ctx.audio_key(recording_id))
    return reader.read_pcm(0.0, reader.duration_s)


def test_rekey_without_other_passwords_keeps_every_user_and_retires_the_old_key(
    admin: Context, caseworker: Context, data_paths: DataPaths,
    login: Callable[[str, str], Context],
) -> None:
    add_other(admin, data_paths).close()
    pcm = _audio(admin, "rec1")
    old_key, old_audio_key = admin.data_key, admin.audio_key("rec1")
    rekey.remove_user_key(admin, OTHER)
    result = rekey.rekey_store(admin)
    assert (result.audio_files, result.dropped) == (1, ())
    assert admin.data_key != old_key
    assert OTHER not in json.loads(data_paths.keyfile.read_text())["users"]
    # Everyone left opens the new key with their own password; the old key opens nothing.
    assert login(CASEWORKER, CASEWORKER_PASSWORD).data_key == admin.data_key
    assert login(ADMIN, ADMIN_PASSWORD).data_key == admin.data_key
    with pytest.raises(StoreError):
        Store.open(data_paths.database, old_key)
    with pytest.raises(AudioKeyMismatch):
        EncryptedAudioReader(data_paths.audio / "rec1.sam", old_audio_key)
    assert _read(admin, "rec1") == pcm
    with pytest.raises(AuthenticationError):
        login(OTHER, OTHER_PASSWORD)
    report = verify(admin)
    assert report.ok, report.findings


def test_a_rekey_cut_short_after_the_database_is_finished_at_the_next_login(
    admin: Context, caseworker: Context, data_paths: DataPaths,
    login: Callable[[str, str], Context], monkeypatch: pytest.MonkeyPatch,
) -> None:
    pcm = _audio(admin, "rec2")
    real = KeyFile.reseal_all

    def crash_when_promoting(self: KeyFile, data_key: bytes, *, as_next: bool) -> list[str]:
        if not as_next:
            raise OSError("power cut")
        return real(self, data_key, as_next=as_next)

    monkeypatch.setattr(KeyFile, "reseal_all", crash_when_promoting)
    with pytest.raises(OSError):
        rekey.rekey_store(admin)
    monkeypatch.undo()
    again = login(CASEWORKER, CASEWORKER_PASSWORD)  # opens with the sealed "next" key
    assert "next" not in json.loads(data_paths.keyfile.read_text())["users"][CASEWORKER]
    assert _read(again, "rec2") == pcm
    assert login(ADMIN, ADMIN_PASSWORD).data_key == again.data_key
    assert verify(again).ok


def test_a_rekey_cut_short_before_the_database_is_undone_at_the_next_login(
    admin: Context, caseworker: Context, data_paths: DataPaths,
    login: Callable[[str, str], Context], monkeypatch: pytest.MonkeyPatch,
) -> None:
    pcm = _audio(admin, "rec3")

    def crash(*_args: object) -> None:
        raise OSError("power cut")

    monkeypatch.setattr(rekey, "_rekey_database", crash)
    with pytest.raises(OSError):
        rekey.rekey_store(admin)
    again = login(CASEWORKER, CASEWORKER_PASSWORD)
    assert again.data_key == admin.data_key  # the old key still holds
    assert not list(data_paths.audio.glob("*.rekey"))
    assert _read(again, "rec3") == pcm


def test_a_checkpoint_saves_work_but_hides_no_later_change(
    admin: Context, caseworker: Context, data_paths: DataPaths
) -> None:
    other = add_other(admin, data_paths)
    try:
        world = build_world(admin, caseworker, other)
    finally:
        other.close()
    first = trust_report.check(caseworker)
    again = trust_report.check(caseworker)
    assert first.ok and again.ok
    assert again.signed < first.signed / 4  # only what is new since the checkpoint
    key = caseworker.data_key
    with raw_connection(data_paths.database, key) as db:
        db.execute("DROP TRIGGER consents_no_update")
        db.execute("UPDATE consents SET agreed = '[]' WHERE visit_id = ?", (world.visit_id,))
    assert not trust_report.check(caseworker).ok


def test_a_checkpoint_signed_by_someone_else_is_ignored(
    admin: Context, caseworker: Context, data_paths: DataPaths
) -> None:
    other = add_other(admin, data_paths)
    try:
        build_world(admin, caseworker, other)
        with raw_connection(data_paths.database, caseworker.data_key) as db:
            db.execute("DROP TRIGGER note_revisions_no_update")
            db.execute("UPDATE note_revisions SET body = 'Annat.' WHERE kind = 'signed'")
        # B measures the altered store and writes it as A's checkpoint, signed with B's key.
        assert other.user_keys is not None
        with other.uow() as uow:
            tables = trust_cache.measure(uow.session)
        trust_cache.save(trust_report.checkpoint_path(caseworker), other.user_keys, tables,
                         caseworker.keyfile.root(), caseworker.keyfile.public_keys())
    finally:
        other.close()
    assert not trust_report.check(caseworker).ok
