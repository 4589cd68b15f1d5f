"""Authors' personal signing keys on the server.

A key is registered only by a login with the password (``register``, from ``auth.login``): a
device token alone cannot add one, since anyone who can read the laptop's store (a colleague on
the same installation) can read its token. Keys are a history per author link, never replaced:
a password reset on the laptop makes a new key and records signed with the old one stay
verifiable. ``KeyRing`` looks keys up for a push batch; ``signers`` serves them, with display
names, to the colleagues who share a case, so their laptops can verify pulled records."""

from __future__ import annotations

import base64
import binascii

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.base import iso
from models.sync_wire import SignerInfo, SignerKey, SignerList
from server import audit
from server.db import Assignment, AuthorLink, Case, SigningKey, StoredRecord, User
from server.errors import ApiError
from server.security import Caller

KEY_NOT_REGISTERED = ("Din signeringsnyckel är inte registrerad på servern (lösenordet på "
                      "datorn har bytts sedan datorn anslöts). Anslut till servern igen under "
                      "Inställningar → Server; inget skickas förrän dess.")


def register(session: Session, user: User, author_id: str, display_name: str,
             keys: list[str], token_id: str) -> int:
    """Add ``keys`` to the history of ``author_id`` (linked to ``user`` by the caller); returns
    how many were new. The display name is updated when one is given."""
    link = session.get(AuthorLink, author_id)
    assert link is not None and link.user_id == user.id
    if display_name.strip():
        link.display_name = display_name.strip()
    known = set(session.scalars(select(SigningKey.public_key).where(
        SigningKey.author_id == author_id)))
    added = 0
    for key in dict.fromkeys(keys):
        if key in known or _public_key(key) is None:
            continue
        session.add(SigningKey(author_id=author_id, public_key=key, user_id=user.id,
                               token_id=token_id))
        added += 1
    session.flush()
    return added


def check_current_key(session: Session, caller: Caller, sign_pub: str | None) -> None:
    """Refuse a push (409) whose account signs with a key it has not registered."""
    if sign_pub is None:
        return
    found = session.scalar(select(SigningKey.public_key).where(
        SigningKey.user_id == caller.user_id, SigningKey.public_key == sign_pub))
    if found is None:
        raise ApiError(409, "key_not_registered", KEY_NOT_REGISTERED)


def _public_key(text: str) -> Ed25519PublicKey | None:
    try:
        return Ed25519PublicKey.from_public_bytes(base64.b64decode(text, validate=True))
    except (ValueError, binascii.Error):
        return None


class KeyRing:
    """The registered keys of the signers a batch names, loaded once per signer."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._cache: dict[str, tuple[str | None, tuple[Ed25519PublicKey, ...]]] = {}

    def of(self, signer_id: str) -> tuple[str | None, tuple[Ed25519PublicKey, ...]]:
        """(the server user the signer is linked to, or None if unknown; their keys)."""
        if signer_id not in self._cache:
            owner = self.session.scalar(select(AuthorLink.user_id).where(
                AuthorLink.author_id == signer_id))
            texts = self.session.scalars(select(SigningKey.public_key).where(
                SigningKey.author_id == signer_id)).all()
            keys = tuple(k for k in (_public_key(t) for t in texts) if k is not None)
            self._cache[signer_id] = (owner, keys)
        return self._cache[signer_id]


def signers(session: Session, caller: Caller, remote: str) -> SignerList:
    """The authors (and their keys) of the people on the cases the caller may see: a
    caseworker's assigned cases, a supervisor's unit; an admin sees no one."""
    users: set[str] = set()
    if caller.role != "admin":
        if caller.role == "supervisor":
            cases = select(Case.id).where(Case.unit_id == caller.unit_id)
        else:
            cases = select(Assignment.case_id).where(Assignment.user_id == caller.user_id,
                                                     Assignment.active.is_(True))
        users = {caller.user_id}
        users.update(session.scalars(select(Assignment.user_id).where(
            Assignment.case_id.in_(cases))))
        users.update(u for u in session.scalars(
            select(StoredRecord.author_user_id).distinct().where(
                StoredRecord.case_id.in_(cases), StoredRecord.author_user_id.is_not(None)))
            if u is not None)
        if caller.role == "supervisor":
            users.update(session.scalars(select(User.id).where(User.unit_id == caller.unit_id)))
    out: list[SignerInfo] = []
    if users:
        links = session.scalars(select(AuthorLink).where(AuthorLink.user_id.in_(users))
                                .order_by(AuthorLink.author_id)).all()
        keys: dict[str, list[SignerKey]] = {}
        for row in session.scalars(select(SigningKey).where(
                SigningKey.author_id.in_([link.author_id for link in links])).order_by(
                SigningKey.registered_at, SigningKey.public_key)):
            keys.setdefault(row.author_id, []).append(
                SignerKey(public_key=row.public_key, registered_at=iso(row.registered_at)))
        out = [SignerInfo(author_id=link.author_id, user_id=link.user_id,
                          display_name=link.display_name, keys=keys.get(link.author_id, []))
               for link in links]
    audit.append(session, "sync.signers", actor=caller.user_id, token_id=caller.token_id,
                 object_type="device", object_id=caller.device_id, remote=remote,
                 details={"signers": len(out)})
    return SignerList(signers=out)
