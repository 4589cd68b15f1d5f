"""A session's run of audit events: what its memory names (``signing.Run``) and which events
verify sends back to their own signature (``trust_runs.Runs``)."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.audit import PREV_MINE
from app.signing import Run, hmac_hasher, hmac_hex
from app.trust_runs import Runs
from app.trust_workers import Job


def test_a_run_names_only_the_event_it_wrote_with_the_same_key_and_user() -> None:
    key, run = Ed25519PrivateKey.generate(), Run()
    assert run.follows(key, "u1", 1, "h1") is None  # a new session names nothing
    run.remember(key, "u1", 1, "h1", "sig1")
    assert run.follows(key, "u1", 1, "h1") == "sig1"
    assert run.follows(key, "u1", 1, "other hash") is None  # someone else's event there
    assert run.follows(key, "u1", 2, "h1") is None
    assert run.follows(key, "u2", 1, "h1") is None
    assert run.follows(Ed25519PrivateKey.generate(), "u1", 1, "h1") is None  # a new key
    run.forget()
    assert run.follows(key, "u1", 1, "h1") is None


def _job(seq: int) -> Job:
    return ((b"k",), f"sig{seq}", b"")


def _feed(events: list[tuple[int, str, bool]]) -> tuple[Runs, list[int]]:
    """(seq, user, names its predecessor) in order, each linked to the one before."""
    queued: list[int] = []
    runs = Runs(lambda seq, _job, _row: queued.append(seq))
    for seq, user, mine in events:
        details = {PREV_MINE: f"sig{seq - 1}"} if mine else {}
        runs.add(seq, user, f"sig{seq}", f"h{seq}", True, f"h{seq - 1}", details, _job(seq))
    runs.cut()
    return runs, queued


def test_only_the_last_event_of_each_run_is_queued() -> None:
    runs, queued = _feed([(1, "a", False), (2, "a", True), (3, "a", True), (4, "b", True),
                          (5, "b", False), (6, "a", True)])
    # 4 names 3 but is another user's; 5 names nothing; 6 names 5 but is another user's.
    assert queued == [3, 4, 5, 6]
    assert runs.vouched == {1: 2, 2: 3}
    assert runs.unproven(set()) == []


def test_a_failed_end_sends_its_whole_run_back_to_its_own_signatures() -> None:
    runs, _queued = _feed([(1, "a", False), (2, "a", True), (3, "a", True), (4, "a", True)])
    assert runs.unproven({4}) == [1, 2, 3]


def test_a_broken_link_or_hash_vouches_for_nothing() -> None:
    queued: list[int] = []
    runs = Runs(lambda seq, _job, _row: queued.append(seq))
    runs.add(1, "a", "sig1", "h1", False, "h0", {}, _job(1))  # its content was altered
    runs.add(2, "a", "sig2", "h2", True, "h1", {PREV_MINE: "sig1"}, _job(2))
    runs.add(3, "a", "sig3", "h3", True, "hX", {PREV_MINE: "sig2"}, _job(3))  # wrong link
    runs.add(4, "a", "sig4", "h4", True, "h3", {PREV_MINE: "sigX"}, _job(4))  # wrong sig
    runs.add(6, "a", "sig6", "h6", True, "h4", {PREV_MINE: "sig4"}, _job(6))  # a gap
    runs.cut()
    assert queued == [1, 2, 3, 4, 6] and runs.vouched == {}
    runs.add(7, None, "sig7", "h7", True, "h6", {}, _job(7))
    runs.add(8, None, "sig8", "h8", True, "h7", {PREV_MINE: "sig7"}, _job(8))  # no user
    assert runs.vouched == {}


def test_the_chain_hasher_is_the_keyed_link() -> None:
    for key in (b"k" * 32, b"", b"x" * 64, b"y" * 100):
        for data in (b"", b"record bytes", bytes(range(256)) * 3):
            assert hmac_hasher(key)(data) == hmac_hex(key, data)
