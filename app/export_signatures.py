"""Whether a revision's personal signature verifies, for the journal export.

The export says per signature "verified", "invalid" or "not-available" (a revision written
before personal keys). It checks the revision's bytes against its stored hash and its signature
against its author's signing keys as the store holds them (the current one and earlier ones
after a password reset, or for a colleague's pulled note the keys sync received for them); the
full trust check of who holds which key is ``samskriv audit verify``'s (``app.trust``).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import signing
from app.export_model import SIGNATURE_INVALID, SIGNATURE_NOT_AVAILABLE, SIGNATURE_VERIFIED
from app.sync_apply import is_shadow
from models.journal import JournalNote, NoteRevision
from models.people import User
from models.records import encode
from models.sync import RemoteSigner


def verify_revision_signature(session: Session, revision_id: str, author_id: str,
                              revision_hash: str) -> str:
    rev = session.get(NoteRevision, revision_id)
    note = session.get(JournalNote, rev.note_id) if rev is not None else None
    if rev is None or note is None:
        return SIGNATURE_INVALID
    if rev.signature is None:
        return SIGNATURE_NOT_AVAILABLE
    if rev.signer_id != author_id or rev.hash != revision_hash:
        return SIGNATURE_INVALID
    data = encode(rev.to_record(note))
    if signing.sha256_hex(data) != revision_hash:
        return SIGNATURE_INVALID
    user = session.get(User, author_id)
    keys = [k for k in ([user.sign_pub, *(user.old_sign_pubs or [])] if user else []) if k]
    if user is None or is_shadow(user):  # a colleague's pulled note: the keys sync received
        keys = list(session.scalars(select(RemoteSigner.sign_pub).where(
            RemoteSigner.author_id == author_id)))
    for key in keys:
        try:
            if signing.valid(signing.public_key(key), rev.signature, data):
                return SIGNATURE_VERIFIED
        except ValueError:  # a damaged key in the row: no match
            continue
    return SIGNATURE_INVALID
