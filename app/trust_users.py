"""Which users' keys are trusted: user rows signed along a path of admins to the pinned root.

A row is trusted when (a) it is the pinned first admin's own row, self-signed with the pinned
key; or (b) it is signed by another user whose row is trusted and who is an admin; or (c) it
is a row from before personal keys, unchanged since (its pinned legacy hash), that its user
self-signed at their first login with the key ``keys.json`` publishes for them, and that no
admin has signed yet. Anything else (a role raised by its holder, a key swapped in by someone
else) is a problem and gives its user no trusted key. A colleague's stand-in account made by
sync (``sync_apply.is_shadow``: no key, no password, inactive) is no problem and holds no key.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app import signing
from app.keys import Root
from app.sync_apply import is_shadow
from models.people import User
from models.records import encode, record_hash


@dataclass
class TrustedUsers:
    rows: dict[str, User]
    root: Root | None
    published: dict[str, str]  # username -> sign_pub, from keys.json
    legacy: dict[str, str]  # user id -> pinned hash of the row before keys
    trusted: dict[str, tuple[Ed25519PublicKey, ...]] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    _state: dict[str, bool] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session, root: Root | None, published: dict[str, str],
             legacy: dict[str, str]) -> TrustedUsers:
        # A key list edited into something that is not JSON cannot be loaded: damaged.
        unreadable = [r[0] for r in session.execute(text(
            "SELECT id FROM users WHERE old_sign_pubs IS NOT NULL "
            "AND NOT json_valid(old_sign_pubs)"))]
        rows = {u.id: u for u in session.scalars(select(User).where(User.id.not_in(unreadable)))}
        users = cls(rows, root, published, legacy)
        for user_id in unreadable:
            users.problems.append((user_id, "cannot be read as a record (damaged)"))
            users._state[user_id] = False
        # SQLite would keep any integer in a boolean column and the ORM reads 2 as True: a
        # stored value other than 0 or 1 was not written by Samskriv.
        for (user_id,) in session.execute(text("SELECT id FROM users WHERE active NOT IN (0, 1)")):
            users.problems.append((user_id, "cannot be read as a record (damaged)"))
            users._state[user_id] = False
        for user_id in rows:
            users._resolve(user_id, set())
        session.expunge_all()
        return users

    def keys_of(self, user_id: str | None) -> tuple[Ed25519PublicKey, ...]:
        return self.trusted.get(user_id or "", ())

    def is_admin(self, user_id: str | None) -> bool:
        row = self.rows.get(user_id or "")
        return row is not None and row.role == "admin" and self._state.get(row.id, False)

    def _resolve(self, user_id: str, visiting: set[str]) -> bool:
        if user_id in self._state:
            return self._state[user_id]
        if user_id in visiting:
            return False  # a loop of users vouching for each other leads to no root
        visiting.add(user_id)
        problem = self._check(self.rows[user_id], visiting)
        ok = problem is None
        if problem:
            self.problems.append((user_id, problem))
        self._state[user_id] = ok
        user = self.rows[user_id]
        if ok and user.sign_pub:
            pubs = [user.sign_pub, *(user.old_sign_pubs or [])]
            self.trusted[user_id] = tuple(signing.public_key(p) for p in pubs)
        return ok

    def _check(self, user: User, visiting: set[str]) -> str | None:
        if is_shadow(user):
            return None  # a colleague's stand-in from sync: a name only, trusted with no key
        try:
            record = user.to_record()
            encode(record)
            if user.sign_pub:
                for pub in [user.sign_pub, *(user.old_sign_pubs or [])]:
                    signing.public_key(pub)
        except (KeyError, TypeError, ValueError, AttributeError):
            return "cannot be read as a record (damaged)"
        before_keys = record_hash(replace(record, sign_pub=None, old_sign_pubs=()))
        unchanged = self.legacy.get(user.id) == before_keys
        if user.signature is None:
            if unchanged and user.sign_pub is None:
                return None  # from before personal keys, untouched; no key, signs nothing
            return "not signed by an admin"
        published = self.published.get(user.username)
        if published is not None and published != user.sign_pub:
            return "the key in the store differs from the key in keys.json"
        data = encode(record)
        if user.signer_id == user.id:
            if not user.sign_pub or not signing.valid(signing.public_key(user.sign_pub),
                                                      user.signature, data):
                return "signature does not verify (altered or forged)"
            if self.root is not None and self.root.user_id == user.id:
                return None if self.root.sign_pub == user.sign_pub else (
                    "the first admin's key differs from the pinned key")
            if unchanged and published == user.sign_pub:
                self.notices.append(f"user {user.id}: key not yet confirmed by an admin")
                return None
            return "role or key not signed by an admin"
        signer = self.rows.get(user.signer_id or "")
        if signer is None:
            return "signed by an unknown user"
        if not self._resolve(signer.id, visiting) or signer.role != "admin":
            return "role or key not signed by an admin"
        if not any(signing.valid(k, user.signature, data) for k in self.trusted[signer.id]):
            return "signature does not verify (altered or forged)"
        return None
