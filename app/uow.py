"""Unit of work: one session per user action, rolled back unless committed."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy.orm import Session

from app import signing
from app.store import Store


class UnitOfWork:
    """``with UnitOfWork(store, write=True) as uow: ...; uow.commit()``.

    A writing unit of work holds the store's write lock for its whole life, so writes from
    the GUI's executor, the recorder's autosave and the CLI never interleave; its transaction
    begins IMMEDIATE, which holds SQLite's write lock against other processes too.
    """

    def __init__(self, store: Store, *, write: bool = False,
                 signer: signing.Signer | None = None) -> None:
        self.store = store
        self.write = write
        self.signer = signer  # signs the records this unit of work writes
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
        signing.attach(self._session, self.signer)
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
            self._session.close()
        finally:
            self._session = None
            if self.write:
                self.store.write_lock.release()

    def commit(self) -> None:
        self.session.commit()

    def flush(self) -> None:
        self.session.flush()
