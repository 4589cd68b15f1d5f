"""The trust check as a use case (``check``) and its Swedish description for the CLI and GUI."""

from __future__ import annotations

from pathlib import Path

from app import trust_cache
from app.context import Context
from app.trust import TrustReport, verify_store

_KINDS = {
    "user": "konto", "remote_signer": "kollegas nyckel", "revision": "version", "review": "genomgång", "review_entry":
    "genomgångssvar", "consent": "samtycke", "audit_event": "händelse", "note": "anteckning",
    "store": "databasen",
}
MAX_LINES = 50


def checkpoint_path(ctx: Context) -> Path:
    return ctx.paths.root / "verified" / f"{ctx.actor.username}.json"


def check(ctx: Context, *, full: bool = False) -> TrustReport:
    """Verify the store against the users' public keys (read only but for the user's own
    checkpoint file). Unless ``full``, rows this user's signed checkpoint vouches for are
    only followed, not re-verified (``app.trust_cache``); a clean result moves the
    checkpoint forward."""
    root, published = ctx.keyfile.root(), ctx.keyfile.public_keys()
    keys, path = ctx.user_keys, checkpoint_path(ctx)
    with ctx.uow() as uow:
        previous = None if full or keys is None else trust_cache.load(path, keys, root,
                                                                       published)
        trusted = trust_cache.trusted_keys(uow.session, previous) if previous else None
        report = verify_store(uow.session, root, published, trusted)
        if report.ok and keys is not None:
            trust_cache.save(path, keys, trust_cache.measure(uow.session, report.measured),
                             root, published)
    return report


def summary(report: TrustReport) -> str:
    """One Swedish sentence for the main window's warning."""
    if report.ok:
        return ""
    return (f"Varning: {len(report.findings) or 1} poster i databasen stämmer inte med sina "
            "signaturer eller med granskningsloggen. De kan ha ändrats utanför Samskriv. "
            "Kontakta en administratör (kör samskriv audit verify).")


def describe(report: TrustReport) -> list[str]:
    """Lines for ``samskriv audit verify``: what is wrong (kind, id, problem), no content."""
    lines = []
    if report.chain.ok:
        lines.append(f"Granskningsloggen är hel: {report.chain.events} händelser.")
    else:
        lines.append(f"Granskningsloggen är bruten vid händelse {report.chain.first_broken_seq}: "
                     f"{report.chain.reason}")
    lines.append(f"{report.signed} signaturer kontrollerade.")
    if report.legacy:
        lines.append(f"{report.legacy} poster signerades före personliga nycklar "
                     "(signed before personal keys); deras hashar stämmer.")
    for notice in report.notices:
        lines.append(f"Obs: {notice}")
    for f in report.findings[:MAX_LINES]:
        lines.append(f"FEL {_KINDS.get(f.kind, f.kind)} ({f.kind}) {f.id}: {f.problem}")
    if len(report.findings) > MAX_LINES:
        lines.append(f"… och {len(report.findings) - MAX_LINES} fel till.")
    if report.ok:
        lines.append("Alla signaturer och hashar stämmer.")
    return lines
