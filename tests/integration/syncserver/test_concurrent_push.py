"""Nothing doubled: the same batch sent at once over several connections (a client retrying
while its first attempt is still running) is stored once, and every answer says it is safe."""

from __future__ import annotations

import threading

import pytest

from tests.integration.syncserver.helpers import World, item, revision


@pytest.mark.slow
def test_the_same_batch_pushed_concurrently_is_stored_once(world: World) -> None:
    anna = world.login("anna")
    items = [item(revision(world.cases["N-1"], anna.user_id)) for _ in range(50)]
    answers: list[list[str]] = []
    lock = threading.Lock()

    def send() -> None:
        statuses = anna.statuses(items)
        with lock:
            answers.append(statuses)

    threads = [threading.Thread(target=send) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(answers) == 4
    assert all(set(a) <= {"accepted", "duplicate"} for a in answers)
    # Each item was accepted by exactly one of the four requests.
    for index in range(len(items)):
        assert [a[index] for a in answers].count("accepted") == 1
    assert world.count("records WHERE kind = 'revision'") == 50
    assert world.count("changes") == world.count("records")
