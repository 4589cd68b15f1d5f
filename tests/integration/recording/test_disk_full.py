"""A full disk, for real: the data folder on a small tmpfs that the test mounts (as root; CI runs
as root) and fills. A recording stops with its audio kept, whole and playable, and finished in
the store; a note that does not fit is refused in Swedish and nothing committed is lost."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import accounts, audit, notes, recording
from app.audiofile import EncryptedAudioReader, RecordingDiskFull
from app.context import Context
from app.diskspace import BYTES_PER_MINUTE, RESERVE_BYTES, RESERVE_SUFFIX, recording_room
from app.errors import DiskFull
from app.keys import FAST_TEST_KDF
from app.paths import DataPaths
from app.transcription import LiveRecording
from speech.values import ErrorEvent, Event, LevelEvent
from tests.integration.recording.conftest import new_visit
from tests.integration.recording.helpers import BLOCK_BYTES, tone_pcm
from tests.support.audio import ManualSource
from tests.support.store import ADMIN, ADMIN_PASSWORD, make_case

DISK_MB = 24


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A ``DISK_MB`` tmpfs mounted for this test, unmounted after it."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("the full-disk tests mount a small tmpfs, which needs root (CI runs as "
                    "root); run them as root to test a full disk")
    mount = shutil.which("mount")
    folder = tmp_path / "disk"
    folder.mkdir()
    done = subprocess.run([mount or "mount", "-t", "tmpfs", "-o", f"size={DISK_MB}m", "tmpfs",
                           str(folder)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"could not mount a tmpfs here ({done.stderr.strip()}); the full-disk "
                    "tests need root with the right to mount")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.fixture
def on_small_disk(small_disk: Path) -> Iterator[Context]:
    ctx = accounts.initialise(DataPaths(small_disk / "data"), ADMIN, "Astrid Administratör",
                              ADMIN_PASSWORD, kdf=FAST_TEST_KDF)
    yield ctx
    ctx.close()


class PacedEvents(list[Event]):
    """The session's events; lets the test wait until the pipeline has taken its blocks."""

    def __init__(self) -> None:
        super().__init__()
        self._blocks = 0
        self._changed = threading.Condition()

    def append(self, event: Event) -> None:
        with self._changed:
            super().append(event)
            if isinstance(event, LevelEvent):
                self._blocks += 1
                self._changed.notify_all()

    def wait_for_blocks(self, count: int) -> None:
        with self._changed:
            assert self._changed.wait_for(lambda: self._blocks >= count, timeout=30)


def fill(disk: Path, leave: int) -> Path:
    """Fill ``disk`` with a file, then give back about ``leave`` bytes of it."""
    filler = disk / "filler"
    block = b"\xa5" * (1 << 20)
    with open(filler, "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(block)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
        size = handle.seek(0, os.SEEK_END)
        handle.truncate(max(0, size - leave))
    return filler


def test_a_recording_that_fills_the_disk_stops_whole_and_finished(
        on_small_disk: Context, small_disk: Path) -> None:
    ctx = on_small_disk
    visit_id = new_visit(ctx)
    filler = fill(small_disk, RESERVE_BYTES + BYTES_PER_MINUTE * 3 // 2)
    warning = recording.prepare_to_record(ctx, visit_id)
    assert warning.startswith("Lite ledigt utrymme") and "ungefär 1 minuters" in warning
    events = PacedEvents()
    source = ManualSource()
    live = LiveRecording(ctx, visit_id, source, events.append)
    info = live.start()
    assert (ctx.paths.audio / (info.id + RESERVE_SUFFIX)).exists()
    pcm = tone_pcm(1800)  # 3 minutes: far more than fits
    for n, offset in enumerate(range(0, len(pcm), BLOCK_BYTES), start=1):
        source.push(pcm[offset:offset + BLOCK_BYTES])
        events.wait_for_blocks(n - 100)  # the queue holds 200: drop nothing
    info = live.stop()

    errors = [e.exc for e in events if isinstance(e, ErrorEvent)]
    assert len(errors) == 1 and isinstance(errors[0], RecordingDiskFull)
    assert "Disken blev full" in errors[0].message and "inspelningen stoppades" in errors[0].message
    assert info.state == "complete" and recording.unfinished(ctx) == []
    assert 60.0 <= info.duration_s < 100.0
    reader = EncryptedAudioReader(recording.audio_path(ctx, info.id), ctx.audio_key(info.id))
    assert reader.complete  # the final marker made it: a whole file, not a torn one
    assert reader.duration_s == info.duration_s
    kept = recording.read_audio(ctx, info.id)
    assert kept == pcm[:len(kept)]  # everything up to the full disk, exactly
    assert not list(ctx.paths.audio.glob("*" + RESERVE_SUFFIX))
    filler.unlink()
    with ctx.uow() as uow:
        assert audit.verify(uow.session).ok


def test_recording_is_refused_when_not_a_minute_fits(on_small_disk: Context,
                                                     small_disk: Path) -> None:
    ctx = on_small_disk
    visit_id = new_visit(ctx)
    fill(small_disk, RESERVE_BYTES + BYTES_PER_MINUTE // 2)
    assert recording_room(ctx.paths.audio).minutes == 0
    with pytest.raises(DiskFull, match="för lite ledigt utrymme"):
        recording.prepare_to_record(ctx, visit_id)


def test_a_note_that_does_not_fit_is_refused_in_swedish_and_nothing_is_lost(
        on_small_disk: Context, small_disk: Path) -> None:
    ctx = on_small_disk
    case = make_case(ctx)
    signed = notes.sign(ctx, notes.create_draft(ctx, case.id, "Sparad före.").id)
    draft = notes.create_draft(ctx, case.id, "Utkast före.")
    filler = fill(small_disk, 0)
    big = "Mycket text om besöket. " * 8000  # ~190 kB: cannot fit anywhere
    with pytest.raises(DiskFull) as refused:
        notes.save_draft(ctx, draft.id, big)
    assert refused.value.message.startswith("Disken är full.")
    with pytest.raises(DiskFull):
        notes.create_draft(ctx, case.id, big)
    filler.unlink()
    journal = {n.id: n.current.body for n in notes.timeline(ctx, case.id)}
    assert journal == {signed.id: "Sparad före.", draft.id: "Utkast före."}
    with ctx.uow() as uow:
        assert audit.verify(uow.session).ok
    assert notes.save_draft(ctx, draft.id, big).current.body == big  # room again: it saves
