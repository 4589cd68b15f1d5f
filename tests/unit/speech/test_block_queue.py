"""BlockQueue: copying, drop counting, blocking consumers and closing."""

from __future__ import annotations

import threading

from speech.audio import Block, BlockQueue


def test_put_block_copies_and_stamps_arrival() -> None:
    queue = BlockQueue(4, clock=lambda: 12.5)
    data = bytearray(b"\x01\x00\x02\x00")
    queue.put_block(memoryview(data))
    data[0] = 99  # the audio driver reuses its buffer; our block must not change
    block = queue.get()
    assert block == Block(b"\x01\x00\x02\x00", 12.5)


def test_full_queue_drops_and_counts_without_blocking() -> None:
    queue = BlockQueue(2)
    results = [queue.put_block(b"\x00\x00") for _ in range(5)]
    assert results == [True, True, False, False, False]
    assert queue.dropped == 3
    assert len(queue) == 2


def test_control_items_bypass_the_bound() -> None:
    queue = BlockQueue(1, clock=lambda: 1.0)
    queue.put_block(b"ab")
    queue.put_control("marker")
    assert [queue.get(), queue.get()] == [Block(b"ab", 1.0), "marker"]
    assert queue.dropped == 0


def test_consumer_blocks_until_an_item_arrives() -> None:
    queue = BlockQueue(4)
    got: list[object] = []
    consumer = threading.Thread(target=lambda: got.append(queue.get()))
    consumer.start()
    queue.put_nowait("item")
    consumer.join(timeout=5)
    assert got == ["item"]


def test_close_drains_then_returns_none() -> None:
    queue = BlockQueue(4)
    queue.put_nowait("a")
    queue.close()
    assert queue.put_nowait("late") is False
    assert queue.dropped == 0  # refusing after close is not a drop
    assert [queue.get(), queue.get(), queue.get()] == ["a", None, None]


def test_get_times_out_with_none() -> None:
    assert BlockQueue(1).get(timeout=0.01) is None
