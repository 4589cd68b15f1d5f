"""Signatures hold end to end: what two laptops sync verifies on both, a forged record or key
row is reported, and a new key after a password reset is registered only by connecting again."""

from __future__ import annotations

import base64
from dataclasses import replace

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select, update

from app import accounts, identities, notes, persons, sync, trust_report, visits
from app.context import Context
from app.dto import PersonInput
from app.keys import FAST_TEST_KDF
from app.sync_client import ServerRefused
from models.base import utcnow
from models.journal import NoteRevision
from models.people import User
from models.records import RevisionRecord, decode, encode, record_hash
from models.sync import RemoteSigner
from server.db import AuthorLink, StoredRecord
from tests.integration.sync.conftest import URL, Laptop, transport
from tests.integration.sync.helpers import assert_no_loss, outbox_state
from tests.integration.syncserver.helpers import PASSWORD, World


def _sync(ctx: Context, world: World) -> sync.SyncResult:
    return sync.sync_now(ctx, transport=transport(world))


def _problems(ctx: Context) -> list[tuple[str, str]]:
    report = trust_report.check(ctx, full=True)
    return [(f.kind, f.problem) for f in report.findings] + (
        [] if report.chain.ok else [("chain", report.chain.reason)])


def _anna_writes(anna: Context, world: World) -> str:
    """A visit with consent and a signed note by Anna on N-1; returns the note id."""
    _sync(anna, world)  # the office's case arrives
    n1 = world.cases["N-1"]
    kim = persons.add_person(anna, n1, PersonInput("child", "Kim Testsson"))
    visit = visits.create_visit(anna, n1, "hembesok", persons=[kim.id])
    visits.record_consent(anna, visit.id, informed=["Kim Testsson"], agreed=["Kim Testsson"])
    note = notes.create_draft(anna, n1, "Hembesök: familjen var hemma.")
    notes.sign(anna, note.id)
    return note.id


def test_two_laptops_sync_a_case_and_both_verify_clean(world: World, laptop: Laptop) -> None:
    anna, bo = laptop("anna"), laptop("bo")
    note_id = _anna_writes(anna, world)
    _sync(bo, world)
    b_note = notes.create_draft(bo, world.cases["N-1"], "Samma besök, mina iakttagelser.")
    for ctx in (anna, bo, anna):
        assert _sync(ctx, world).rejected == 0
    assert_no_loss(world, anna, bo)
    with bo.uow() as uow:
        pulled = uow.session.scalars(select(NoteRevision).where(
            NoteRevision.note_id == note_id)).all()
        assert pulled and all(r.signature and r.signer_id == r.author_id for r in pulled)
        assert uow.session.scalar(select(RemoteSigner.received_by).where(
            RemoteSigner.author_id == anna.actor.user_id)) == bo.actor.user_id
    # Colleagues are shown by name, not as "Kollega".
    assert {n.id: n.author for n in notes.timeline(bo, world.cases["N-1"])}[note_id] \
        == "Anna Testsson"
    assert {n.id: n.author for n in notes.timeline(anna, world.cases["N-1"])}[b_note.id] \
        == "Bo Testsson"
    assert _problems(anna) == [] and _problems(bo) == []


def test_a_name_changed_at_the_office_side_arrives_on_a_later_pull(
        world: World, laptop: Laptop) -> None:
    anna, bo = laptop("anna"), laptop("bo")
    note_id = _anna_writes(anna, world)
    _sync(anna, world)
    _sync(bo, world)
    with world.session() as s:
        s.execute(update(AuthorLink).where(AuthorLink.author_id == anna.actor.user_id)
                  .values(display_name="Anna Nynamn"))
        s.commit()
    _sync(bo, world)
    assert {n.id: n.author for n in notes.timeline(bo, world.cases["N-1"])}[note_id] \
        == "Anna Nynamn"


@pytest.mark.parametrize("forgery", ["edited_text", "swapped_signer"])
def test_a_forged_pulled_record_is_reported(world: World, laptop: Laptop, forgery: str) -> None:
    anna, bo = laptop("anna"), laptop("bo")
    _anna_writes(anna, world)
    _sync(anna, world)
    # The server's copy is forged after it verified it (a tampered server database).
    with world.session() as s:
        row = s.scalars(select(StoredRecord).where(StoredRecord.kind == "revision")
                        .order_by(StoredRecord.received_seq)).first()
        assert row is not None
        if forgery == "edited_text":
            record = decode(row.payload)
            assert isinstance(record, RevisionRecord)
            forged = replace(record, body="Förfalskad text.")
            row.payload, row.content_hash = encode(forged), record_hash(forged)
        else:
            row.signer_id = bo.actor.user_id
        s.commit()
    _sync(bo, world)
    problems = _problems(bo)
    expected = "signature does not verify (altered or forged)" if forgery == "edited_text" \
        else "signed by someone other than the user it names"
    assert ("revision", expected) in problems
    assert _problems(anna) == []


def test_a_key_row_slipped_in_by_someone_else_is_reported(world: World, laptop: Laptop) -> None:
    anna, bo = laptop("anna"), laptop("bo")
    _anna_writes(anna, world)
    _sync(anna, world)
    _sync(bo, world)
    assert _problems(bo) == []
    fake = Ed25519PrivateKey.generate()
    fake_pub = base64.b64encode(fake.public_key().public_bytes_raw()).decode()
    with bo.uow(write=True) as uow:
        row = RemoteSigner(author_id=anna.actor.user_id, sign_pub=fake_pub,
                           server_user_id="x", received_by=bo.actor.user_id,
                           received_at=utcnow())
        # Signed by someone with the store's key but not Bo's signing key.
        row.signature = base64.b64encode(fake.sign(row.signed_bytes())).decode()
        row.signer_id = bo.actor.user_id
        uow.session.add(row)
        # A key for one of this laptop's own accounts is never a colleague's.
        own = RemoteSigner(author_id=bo.actor.user_id, sign_pub=fake_pub, server_user_id="x",
                           received_by=bo.actor.user_id, received_at=utcnow())
        assert bo.signer is not None
        own.signature, own.signer_id = bo.signer.sign_bytes(own.signed_bytes()), bo.actor.user_id
        uow.session.add(own)
        uow.commit()
    problems = _problems(bo)
    assert ("remote_signer", "signature does not verify (altered or forged)") in problems
    assert ("remote_signer", "a colleague's key names an account of this laptop") in problems


def test_a_local_password_reset_needs_connecting_again(world: World, laptop: Laptop,
                                                       ) -> None:
    anna, bo = laptop("anna"), laptop("bo")
    _anna_writes(anna, world)
    _sync(anna, world)
    paths = anna.paths
    anna.close()
    admin = accounts.login(paths, "admin", "lokalt-lösenord-123", kdf=FAST_TEST_KDF)
    identities.reset_user_keys(admin, "anna", "nytt-lokalt-lösenord-1")
    admin.close()
    anna = accounts.login(paths, "anna", "nytt-lokalt-lösenord-1", kdf=FAST_TEST_KDF)
    try:
        after = notes.create_draft(anna, world.cases["N-1"], "Skrivet efter återställningen.")
        with pytest.raises(ServerRefused) as refused:
            _sync(anna, world)
        assert refused.value.code == "key_not_registered"
        assert "Anslut till servern igen" in str(refused.value)
        st = sync.status(anna)
        assert "Anslut till servern igen" in st.last_error
        assert outbox_state(anna)[1:] == (st.pending, 0) and st.pending > 0  # nothing failed
        sync.connect(anna, URL, "anna", PASSWORD, transport=transport(world))
        assert _sync(anna, world).rejected == 0
        assert sync.status(anna).pending == 0
        _sync(bo, world)
        assert after.id in {n.id for n in notes.timeline(bo, world.cases["N-1"])}
        assert _problems(bo) == []
        with bo.uow() as uow:  # both keys of Anna's, the old one still verifying her earlier notes
            assert len(uow.session.scalars(select(RemoteSigner).where(
                RemoteSigner.author_id == anna.actor.user_id)).all()) == 2
            shadow = uow.session.get(User, anna.actor.user_id)
            assert shadow is not None and shadow.display_name == "Anna Testsson"
    finally:
        anna.close()
