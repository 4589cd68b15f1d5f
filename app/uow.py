"""Unit of work: one session per user action, rolled back unless committed."""

from __future__ import annotations

import logging
from types import TracebackType

from sqlalchemy.orm import Session

from app import audit
from app.dto import Actor
from app.errors import PermissionDenied, UserError, environment_error
from app.store import Store

_log = logging.getLogger(__name__)


class UnitOfWork:
    """``with UnitOfWork(store, write=True) as uow: ...; uow.commit()``.

    A writing unit of work holds the store's write lock for its whole life, so writes from
    the GUI's executor, the recorder's autosave and the CLI never interleave; its transaction
    begins IMMEDIATE, which holds SQLite's write lock against other processes too.

    A ``PermissionDenied`` leaving the block is audited (``access.denied``) after the action is
    rolled back, so every refusal leaves a trace and nothing of the refused action does. A
    full disk or a locked database leaves it as ``DiskFull``/``StoreBusy`` (Swedish, the
    driver's error kept as the cause).
    """

    def __init__(self, store: Store, *, write: bool = False, actor: Actor | None = None) -> None:
        self.store = store
        self.write = write
        self.actor = actor  # whose refusals this unit of work audits (when the error names none)
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("UnitOfWork used outside its with-block")
        return self._session

    def __enter__(self) -> UnitOfWork:
        if self.write:
            self.store.write_lock.acquire()
        self._session = self.store.session(write=self.write)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            assert self._session is not None
            self._session.rollback()
            if isinstance(exc, PermissionDenied):
                self._audit_denial(exc)
            self._session.close()
        finally:
            self._session = None
            if self.write:
                self.store.write_lock.release()
        if exc is not None and not isinstance(exc, UserError):
            # A full disk or a busy database is the user's to act on, not a bug to report.
            environmental = environment_error(exc)
            if environmental is not None:
                raise environmental from exc

    def commit(self) -> None:
        self.session.commit()

    def flush(self) -> None:
        self.session.flush()

    def _audit_denial(self, exc: PermissionDenied) -> None:
        """Record the refusal in a transaction of its own (the action's was rolled back)."""
        if exc.audited:
            return
        if exc.actor is None:
            exc.actor = self.actor
        if exc.actor is None:
            return
        try:
            if self.write:
                audit_denial(self.session, exc)
                self.session.commit()
            else:
                with self.store.write_lock, self.store.session(write=True) as session:
                    audit_denial(session, exc)
                    session.commit()
            exc.audited = True
        except Exception:  # the refusal stands even when its trace cannot be written (an
            # enclosing unit of work tries again)
            self.session.rollback()
            _log.warning("could not audit a denied %s", exc.permission, exc_info=True)


def audit_denial(session: Session, exc: PermissionDenied) -> None:
    """Append the ``access.denied`` event for ``exc``; the caller commits."""
    details = {"permission": exc.permission or "unnamed"}
    if exc.action:
        details["action"] = exc.action
    audit.record(session, exc.actor, "access.denied", exc.object_type, exc.object_id, details)
