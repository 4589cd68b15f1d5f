"""Audit events proven by the next event of the same login session (``audit.PREV_MINE``).

A session's event that follows the session's own previous event names that event's signature
in its signed details, and its ``prev_hash`` is that event's keyed hash. Once the later event is
proven, the earlier one is as authentic as if its author had signed it again: the same user
signed a commitment to its exact content (through the hash) and to its exact signature. So
``audit verify`` checks one signature per run of a session's events, the run's last, and walks
back: an event E is proven without its own check when its successor N

- is the next event of the chain (seq + 1) and links to E's stored hash, which E's content
  recomputes to;
- names the same user as E, is signed by that user (so is E: verify refuses an event signed by
  anyone but the user it names), and names E's stored signature as the session's own;
- is itself proven (its own signature, or in turn its successor).

Anything else — an event of another user, an unsigned, legacy, already checkpointed or
unreadable neighbour, a broken link, a successor whose signature fails — leaves E to its own
signature, checked in a second round. An event inserted into or edited inside a run breaks the
link or the hash (reported as before) and cannot be vouched for; a forged successor cannot be
signed. The first event of a session, and an event after a new signing key, name no
predecessor (``signing.Run``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from app.audit import PREV_MINE
from app.trust_workers import Job

# Queues one event's own signature check (its row: to rebuild the job's bytes if the job was
# made without them).
Queue = Callable[[int, Job, Any], None]


class _Last(NamedTuple):
    seq: int
    user_id: str | None
    signature: str
    hash: str
    hash_ok: bool  # its content recomputes to its stored hash
    job: Job
    row: Any


class Runs:
    """Fed each event in chain order; queues the own check of every event that no successor
    can vouch for, and remembers which successor vouches for the others."""

    def __init__(self, queue: Queue) -> None:
        self._queue = queue
        self._last: _Last | None = None
        self.vouched: dict[int, int] = {}  # event seq -> the successor that vouches for it

    def add(self, seq: int, user_id: str | None, signature: str, hash_: str, hash_ok: bool,
            prev_hash: str, details: Mapping[str, Any], job: Job, row: Any = None) -> None:
        """An event whose signature would be checked: ``job`` is that check."""
        last = self._last
        if last is not None:
            if (last.seq + 1 == seq and last.hash_ok and prev_hash == last.hash
                    and user_id is not None and user_id == last.user_id
                    and details.get(PREV_MINE) == last.signature):
                self.vouched[last.seq] = seq
            else:
                self._queue(last.seq, last.job, last.row)
        self._last = _Last(seq, user_id, signature, hash_, hash_ok, job, row)

    def cut(self) -> None:
        """An event that cannot vouch for its predecessor (or the end of the chain)."""
        if self._last is not None:
            self._queue(self._last.seq, self._last.job, self._last.row)
            self._last = None

    def unproven(self, bad: set[int]) -> list[int]:
        """Once every queued check is done (``bad``: the events whose check failed), the events
        whose vouching successor is not proven: each needs its own check. Walked backwards, so
        a failure reaches every earlier event of its run."""
        need: set[int] = set()
        for seq in sorted(self.vouched, reverse=True):
            successor = self.vouched[seq]
            if successor in bad or successor in need:
                need.add(seq)
        return sorted(need)
