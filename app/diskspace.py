"""Disk space for recordings: how many minutes fit, and a reserve that lets a recording end
properly when the disk fills.

A recording that meets a full disk must still write its audio file's final record and commit
its row as finished (duration, transcript hash, audit event). Both need a little room, which a
full disk no longer has; so each recording holds ``RESERVE_BYTES`` in a reserve file from its
start and gives them back the moment the disk fills.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

SAMPLE_RATE = 16_000
# 16 kHz mono int16, plus one AES-GCM record (length, nonce, kind, tag: 33 bytes) a second.
BYTES_PER_MINUTE = (SAMPLE_RATE * 2 + 33) * 60
# Room to finish a recording on a full disk: the audio's final record, and the database's
# commit of the finished recording (its WAL frames: the recording, the transcript with all its
# segments in the outbox, the audit event). Measured well under 1 MB for a two-hour recording.
RESERVE_BYTES = 2 * 1024 * 1024
# Below this many minutes of room the caseworker is warned before recording: a home visit
# often takes an hour.
LOW_MINUTES = 60
RESERVE_SUFFIX = ".reserve"


@dataclass(frozen=True)
class RecordingRoom:
    free_bytes: int
    minutes: int  # whole minutes of audio that fit, the reserve kept aside

    @property
    def low(self) -> bool:
        return self.minutes < LOW_MINUTES


def recording_room(folder: Path) -> RecordingRoom:
    """Free space where recordings go (the nearest existing folder of ``folder``)."""
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    free = shutil.disk_usage(probe).free
    return RecordingRoom(free, max(0, (free - RESERVE_BYTES) // BYTES_PER_MINUTE))


class SpaceReserve:
    """A file of ``size`` real bytes held until ``release`` (idempotent). Creating it raises
    ``OSError`` (ENOSPC) when there is not even that much room."""

    def __init__(self, path: Path, size: int = RESERVE_BYTES) -> None:
        self.path = path
        try:
            with open(path, "wb") as handle:
                block = bytes(64 * 1024)
                for offset in range(0, size, len(block)):
                    handle.write(block[: size - offset])
                handle.flush()
                os.fsync(handle.fileno())
        except OSError:
            path.unlink(missing_ok=True)
            raise
        self.held = True

    def release(self) -> None:
        if self.held:
            self.held = False
            self.path.unlink(missing_ok=True)


def remove_stale_reserves(folder: Path) -> None:
    """Reserves a crashed recording left behind (one recording runs at a time)."""
    if folder.exists():
        for path in folder.glob("*" + RESERVE_SUFFIX):
            path.unlink(missing_ok=True)
