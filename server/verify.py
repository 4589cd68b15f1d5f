"""The one place where the server decides whether a pushed record's bytes may be trusted: its
content hash, and its author's personal Ed25519 signature by a key that author registered with
a password login (``server.signers``)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from models.sync_wire import SIGNED_KINDS


@dataclass(frozen=True)
class Verdict:
    ok: bool
    code: str = ""
    reason: str = ""  # Swedish, shown to the user


OK = Verdict(True)


HASH_MISMATCH = Verdict(False, "hash_mismatch",
                        "Innehållet stämmer inte med sin kontrollsumma (posten kan vara skadad).")
INCOMPLETE = Verdict(False, "signature_incomplete",
                     "Posten har en ofullständig signatur (signerare eller signatur saknas).")
MISSING = Verdict(False, "signature_missing",
                  "Posten är inte signerad av sin författare och kan inte tas emot.")
UNEXPECTED = Verdict(False, "signature_unexpected",
                     "Posten har en signatur fast den här sortens poster inte signeras.")
WRONG_SIGNER = Verdict(False, "wrong_signer",
                       "Posten är signerad av någon annan än den som står som dess författare.")
UNKNOWN_KEY = Verdict(False, "key_not_registered",
                      "Författarens signeringsnyckel är inte registrerad på servern. Anslut till "
                      "servern igen under Inställningar → Server, så registreras den.")
BAD_SIGNATURE = Verdict(False, "bad_signature",
                        "Signaturen stämmer inte med posten (den kan vara ändrad eller "
                        "förfalskad).")


def check_content_hash(payload: bytes, content_hash: str) -> Verdict:
    """The bytes are what the hash names (checked first, before the payload is even parsed)."""
    return OK if hashlib.sha256(payload).hexdigest() == content_hash else HASH_MISMATCH


def verify_signature(*, kind: str, payload: bytes, content_hash: str, signer_id: str | None,
                     signature: bytes | None, author_id: str | None,
                     keys: Sequence[Ed25519PublicKey] | None,
                     unsigned_ok: bool = False) -> Verdict:
    """Whether ``payload`` is what ``content_hash`` names and what ``signer_id`` signed.

    ``author_id`` is the id the record names as its writer: the signer must be that id.
    ``keys`` are the keys registered for ``signer_id`` (for an authored record only those the
    pushing user registered; empty: none), or None when the signer is not known to the server
    at all, which the caller allows only for an audit event (written on the laptop by an
    account that never syncs, such as its administrator): its signature is then kept
    unchecked. ``unsigned_ok`` admits a record from before personal keys (a legacy event)."""
    if not check_content_hash(payload, content_hash).ok:
        return HASH_MISMATCH
    if (signer_id is None) != (signature is None):
        return INCOMPLETE
    if signature is None:
        return MISSING if kind in SIGNED_KINDS and not unsigned_ok else OK
    if kind not in SIGNED_KINDS:
        return UNEXPECTED
    if author_id is not None and signer_id != author_id:
        return WRONG_SIGNER
    if keys is None:
        return OK
    if not keys:
        return UNKNOWN_KEY
    return OK if any(_valid(k, signature, payload) for k in keys) else BAD_SIGNATURE


def _valid(key: Ed25519PublicKey, signature: bytes, payload: bytes) -> bool:
    try:
        key.verify(signature, payload)
    except InvalidSignature:
        return False
    return True


def audit_link_ok(prev_event_hash: str, event_prev_hash: str) -> bool:
    """Whether a laptop audit event links to the one before it (keyed chains change this)."""
    return prev_event_hash == event_prev_hash
