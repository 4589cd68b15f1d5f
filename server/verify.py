"""The one place where the server decides whether a pushed record's bytes may be trusted.

TODO at the merge with personal signatures (branch trustsign): ``verify_signature`` must check
``signature`` as the Ed25519 signature of ``payload`` by the public key of ``signer_id`` (who
must be the record's author, linked to the pushing user), and refuse a missing signature for
the kinds that are signed (revision, review, review_entry, consent, audit_event). Today it
checks the content hash and accepts a missing signature; a present one is stored unchecked.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    ok: bool
    code: str = ""
    reason: str = ""  # Swedish, shown to the user


OK = Verdict(True)


HASH_MISMATCH = Verdict(False, "hash_mismatch",
                        "Innehållet stämmer inte med sin kontrollsumma (posten kan vara skadad).")


def check_content_hash(payload: bytes, content_hash: str) -> Verdict:
    """The bytes are what the hash names (checked first, before the payload is even parsed)."""
    return OK if hashlib.sha256(payload).hexdigest() == content_hash else HASH_MISMATCH


def verify_signature(*, kind: str, payload: bytes, content_hash: str, signer_id: str | None,
                     signature: bytes | None, author_user_id: str | None) -> Verdict:
    """Whether ``payload`` is what ``content_hash`` names and (later) what ``signer_id`` signed.

    Called by ``judge.Judge`` for every item it is about to accept, once the server user who
    wrote the record (``author_user_id``) is known."""
    if not check_content_hash(payload, content_hash).ok:
        return HASH_MISMATCH
    if (signer_id is None) != (signature is None):
        return Verdict(False, "signature_incomplete",
                       "Posten har en ofullständig signatur (signerare eller signatur saknas).")
    return OK


def audit_link_ok(prev_event_hash: str, event_prev_hash: str) -> bool:
    """Whether a laptop audit event links to the one before it (keyed chains change this)."""
    return prev_event_hash == event_prev_hash
