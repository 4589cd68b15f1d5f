"""Colleagues' keys for ``samskriv audit verify``: the ``RemoteSigner`` rows that a trusted user
of this laptop received from the server and signed.

A key row trusts a key for the pulled records of its ``author_id`` only when the user it names
as receiver is trusted here and their signature over the row holds. A row that fails (inserted
or altered by someone else on this laptop), or that names one of this laptop's own accounts
(whose keys are the local, admin-signed ones), is reported and trusts nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import signing
from app.sync_apply import is_shadow
from app.trust_users import TrustedUsers
from models.sync import RemoteSigner


@dataclass
class RemoteKeys:
    keys: dict[str, tuple[Ed25519PublicKey, ...]] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (row id, problem)

    def of(self, author_id: str | None) -> tuple[Ed25519PublicKey, ...]:
        return self.keys.get(author_id or "", ())

    @classmethod
    def load(cls, session: Session, users: TrustedUsers) -> RemoteKeys:
        out = cls()
        for row in session.scalars(select(RemoteSigner).order_by(RemoteSigner.author_id,
                                                                 RemoteSigner.sign_pub)):
            problem = out._check(row, users)
            if problem is not None:
                out.problems.append((f"{row.author_id}/{row.sign_pub[:12]}", problem))
        session.expunge_all()
        return out

    def _check(self, row: RemoteSigner, users: TrustedUsers) -> str | None:
        local = users.rows.get(row.author_id)
        if local is not None and not is_shadow(local):
            return "a colleague's key names an account of this laptop"
        if row.signature is None or row.signer_id != row.received_by:
            return "a colleague's key not signed by the user who received it"
        receiver_keys = users.keys_of(row.received_by)
        if not receiver_keys:
            return "a colleague's key received by a user this laptop does not trust"
        try:
            data = row.signed_bytes()
            key = signing.public_key(row.sign_pub)
        except (ValueError, TypeError, AttributeError):
            return "cannot be read as a record (damaged)"
        if not any(signing.valid(k, row.signature, data) for k in receiver_keys):
            return "signature does not verify (altered or forged)"
        self.keys[row.author_id] = (*self.keys.get(row.author_id, ()), key)
        return None
