"""Ed25519 checks (and record bytes, ``app.trust_encode``) for ``audit verify`` in worker
processes once a store is large.

``cryptography`` (49) holds the GIL while it verifies, so threads add no second core, and one
verification (~100-140 µs) costs several times what reading and hashing a row does. A large
check therefore hands its signatures, in batches of plain bytes, to a small pool of processes
(started with ``spawn``: safe beside Qt's threads, and they get only public keys, signatures,
rows and the chain key, never the data key) while the main process reads the next rows. A small check (and every test store) stays in process: starting the pool costs more than
it saves. If the pool cannot start, the check falls back to verifying in process.
"""

from __future__ import annotations

import base64
import binascii
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

# A job: the signer's trusted raw public keys, the base64 signature, the signed bytes.
Job = tuple[tuple[bytes, ...], str, bytes]
T = TypeVar("T")
POOL_AFTER = 20_000  # signatures queued in process before a check starts its pool
_keys: dict[bytes, Ed25519PublicKey] = {}


def verify_all(jobs: Sequence[Job]) -> list[bool]:
    """Whether each job's signature verifies under one of its keys (also run in a worker)."""
    out = []
    for raw_keys, signature, data in jobs:
        try:
            sig = base64.b64decode(signature, validate=True)
        except (binascii.Error, ValueError):
            out.append(False)
            continue
        out.append(any(_valid(_key(raw), sig, data) for raw in raw_keys))
    return out


def _key(raw: bytes) -> Ed25519PublicKey:
    key = _keys.get(raw)
    if key is None:
        key = _keys[raw] = Ed25519PublicKey.from_public_bytes(raw)
    return key


def _valid(key: Ed25519PublicKey, sig: bytes, data: bytes) -> bool:
    try:
        key.verify(sig, data)
    except (InvalidSignature, ValueError):
        return False
    return True


class Verifier:
    """Runs batches of jobs: in process until ``pool_after`` jobs were seen, then in a pool."""

    def __init__(self, pool_after: int = POOL_AFTER, workers: int | None = None) -> None:
        self.pool_after = pool_after
        self.workers = workers or max(1, min(4, os.cpu_count() or 1))
        self.seen = 0
        self._pool: Executor | None = None
        self._failed = False

    def run(self, jobs: list[Job]) -> list[Future[list[bool]]]:
        """Futures of the jobs' results, in slices (one per worker)."""
        self.seen += len(jobs)
        pool = self._ensure_pool() if self.seen >= self.pool_after else None
        if pool is not None:
            # One task per worker, not per signature: a task costs more than a verification.
            step = -(-len(jobs) // self.workers) if jobs else 1
            try:
                return [pool.submit(verify_all, jobs[i:i + step])
                        for i in range(0, len(jobs), step)]
            except (BrokenProcessPool, RuntimeError):
                self._failed = True  # a worker died: go on in process
                self.close()
        done: Future[list[bool]] = Future()
        done.set_result(verify_all(jobs))
        return [done]

    def submit(self, call: Callable[[], T]) -> Future[T]:
        """``call`` (picklable) in the pool once the pool has started (or a large check starts
        it at once), else in process."""
        pool = self._ensure_pool() if self.seen >= self.pool_after else None
        if pool is not None:
            try:
                return pool.submit(call)
            except (BrokenProcessPool, RuntimeError):
                self._failed = True
                self.close()
        done: Future[T] = Future()
        done.set_result(call())
        return done

    @property
    def parallel(self) -> bool:
        return self._pool is not None

    def _ensure_pool(self) -> Executor | None:
        # A pool that failed once is not tried again in this check.
        if self._pool is None and not self._failed:
            try:
                self._pool = ProcessPoolExecutor(
                    self.workers, mp_context=multiprocessing.get_context("spawn"))
            except (OSError, ValueError, NotImplementedError):
                self._failed = True  # no processes here: verify in process, only slower
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
