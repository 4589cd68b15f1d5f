"""Colleagues' signing keys and names from the server, stored after each pull.

Each new key becomes a ``RemoteSigner`` row signed by the local user whose sync received it, so
``app.trust`` can verify pulled records by it and report a key row that someone else on this
laptop slipped in. Keys are only ever added (a colleague's password reset adds one; their
older records keep verifying). A colleague's shadow account gets the name the server gives."""

from __future__ import annotations

import base64
import binascii

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select

from app import audit
from app.context import Context
from app.sync_apply import is_shadow
from models.people import User
from models.sync import RemoteSigner
from models.sync_wire import SignerList

NAME_MAX = 200


def _usable(key: str) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(key, validate=True))
    except (ValueError, binascii.Error):
        return False
    return True


def store_signers(ctx: Context, listing: SignerList) -> int:
    """Store the keys not yet here and the names of colleagues; returns how many keys were
    added. Keys naming one of this laptop's own accounts are never taken: those accounts'
    keys are the local ones, vouched for by an admin."""
    signer = ctx.signer
    with ctx.uow(write=True) as uow:
        s = uow.session
        users = {u.id: u for u in s.scalars(select(User))}
        have = set(s.execute(select(RemoteSigner.author_id, RemoteSigner.sign_pub)).tuples())
        added = 0
        for info in listing.signers:
            local = users.get(info.author_id)
            if local is not None and not is_shadow(local):
                continue
            name = info.display_name.strip()[:NAME_MAX]
            if local is not None and name and local.display_name != name:
                local.display_name = name  # a name may change between pulls
            if signer is None:
                continue  # an account from before personal keys cannot vouch for keys
            for key in info.keys:
                if (info.author_id, key.public_key) in have or not _usable(key.public_key):
                    continue
                row = RemoteSigner(author_id=info.author_id, sign_pub=key.public_key,
                                   server_user_id=info.user_id, received_by=ctx.actor.user_id,
                                   received_at=ctx.now())
                row.signature, row.signer_id = signer.sign_bytes(row.signed_bytes()), signer.user_id
                s.add(row)
                have.add((info.author_id, key.public_key))
                added += 1
        if added:
            audit.record(s, ctx.actor, "sync.signers", details={"keys": added}, now=ctx.now())
        uow.commit()
    return added
