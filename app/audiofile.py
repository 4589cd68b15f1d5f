"""Crash-safe encrypted recordings: PCM in AES-GCM records of about a second, fsynced one by one.

Layout (all integers big-endian)::

    header   magic "SKAUDIO\\0" | version u16 | sample rate u32 | channels u8 | sample width u8
             | file id (16 random bytes) | key check: nonce (12) + GCM tag of "" (16)
    record   length u32 | nonce (12) | ciphertext + tag   (plaintext = kind u8 + payload)

Each file gets its own key, HKDF(data key, salt=file id), so random nonces never meet across
files. Every record's associated data is the header fields plus its index, so records cannot
be reordered, dropped from the middle or spliced in from another file. The last record is a
"final" marker holding the PCM byte count; a file without it was not closed (crash).

A write that fails (a full disk) ends the file where the last whole record ended: the torn
record is cut off, the space reserve (``app.diskspace``) is given back, the final marker is
written if it fits, and the writer raises ``RecordingDiskFull`` — what was recorded up to then
stays a valid, complete (or at worst crash-shaped, still readable) file.
"""

from __future__ import annotations

import bisect
import os
import struct
import wave
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, NoReturn

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.diskspace import SpaceReserve
from app.errors import AudioError, DiskFull, environment_error

MAGIC = b"SKAUDIO\x00"
VERSION = 1
_FIELDS = struct.Struct(">8sHIBB16s")
_LENGTH = struct.Struct(">I")
_INDEX = struct.Struct(">Q")
NONCE_SIZE = 12
TAG_SIZE = 16
HEADER_SIZE = _FIELDS.size + NONCE_SIZE + TAG_SIZE
KIND_PCM = 0
KIND_FINAL = 1


class AudioFileCorrupt(AudioError):
    def __init__(self, detail: str) -> None:
        super().__init__("Ljudfilen är skadad och kan inte läsas.", detail=detail)


class RecordingDiskFull(DiskFull):
    """The disk filled while recording: the recording stopped, the audio until then is kept."""

    def __init__(self, seconds: float) -> None:
        whole = int(seconds)
        super().__init__(
            "Disken blev full, så inspelningen stoppades. Ljudet fram till dess är sparat "
            f"({whole // 60}:{whole % 60:02d}). Frigör utrymme på datorn innan du spelar in igen.")
        self.seconds = seconds


class AudioWriteFailed(AudioError):
    def __init__(self, seconds: float, detail: str) -> None:
        whole = int(seconds)
        super().__init__(
            "Ljudet kunde inte skrivas till disken, så inspelningen stoppades. Ljudet fram till "
            f"dess är sparat ({whole // 60}:{whole % 60:02d}).", detail=detail)
        self.seconds = seconds


class AudioKeyMismatch(AudioError):
    def __init__(self) -> None:
        super().__init__("Ljudfilen kan inte låsas upp med den här nyckeln.")


def _file_cipher(key: bytes, file_id: bytes) -> AESGCM:
    if len(key) != 32:
        raise ValueError("audio key must be 32 bytes")
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=file_id, info=b"samskriv-audio-v1")
    return AESGCM(hkdf.derive(key))


def _record_aad(fields: bytes, index: int) -> bytes:
    return fields + b"R" + _INDEX.pack(index)


def _fsync_dir(folder: Path) -> None:
    """Make the new file's directory entry durable too (POSIX; Windows has no dir fsync)."""
    if os.name == "posix":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class EncryptedAudioWriter:
    """The AudioSink that stores a recording. Not thread-safe: the capture thread owns it.

    ``write`` buffers and, for each full chunk (``chunk_seconds``), encrypts, writes and fsyncs
    one record, so it blocks on the disk about once a second; a crash loses at most the
    buffered chunk. ``close`` writes the tail and the final marker; it is idempotent. A
    failed write ends the file properly and raises (see the module docstring); ``reserve`` is
    released then, and at close.
    """

    def __init__(
        self,
        path: Path | str,
        key: bytes,
        sample_rate: int,
        channels: int = 1,
        sample_width: int = 2,
        *,
        chunk_seconds: float = 1.0,
        reserve: SpaceReserve | None = None,
    ) -> None:
        if sample_rate <= 0 or not 0 < channels < 256 or sample_width not in (1, 2, 3, 4):
            raise ValueError("bad audio format")
        self.path = Path(path)
        self.sample_rate, self.channels, self.sample_width = sample_rate, channels, sample_width
        frame = channels * sample_width
        self._chunk_bytes = max(frame, int(sample_rate * chunk_seconds) * frame)
        self.file_id = os.urandom(16)
        self._fields = _FIELDS.pack(
            MAGIC, VERSION, sample_rate, channels, sample_width, self.file_id
        )
        self._cipher = _file_cipher(key, self.file_id)
        self._buffer = bytearray()
        self._index = 0
        self.pcm_bytes_written = 0
        self._reserve = reserve
        # Unbuffered: after a failed write no stale buffer may reach the file later.
        self._file = open(self.path, "xb", buffering=0)  # noqa: SIM115 - kept until close()
        self._good_size = 0  # where the last whole record ends
        self.closed = False
        nonce = os.urandom(NONCE_SIZE)
        check = self._cipher.encrypt(nonce, b"", self._fields + b"H")
        try:
            self._durable_write(self._fields + nonce + check)
            _fsync_dir(self.path.parent)
        except BaseException:
            self._file.close()
            self.path.unlink(missing_ok=True)  # no audio yet: nothing to keep
            if reserve is not None:
                reserve.release()
            raise

    def write(self, pcm: bytes) -> None:
        if self.closed:
            raise ValueError("write to a closed audio file")
        self._buffer += pcm
        while len(self._buffer) >= self._chunk_bytes:
            chunk = bytes(self._buffer[: self._chunk_bytes])
            del self._buffer[: self._chunk_bytes]
            try:
                self._write_record(KIND_PCM, chunk)
            except OSError as exc:
                self._end_after_failure(exc)
            self.pcm_bytes_written += len(chunk)

    def close(self) -> None:
        if self.closed:
            return
        try:
            if self._buffer:
                self._write_record(KIND_PCM, bytes(self._buffer))
                self.pcm_bytes_written += len(self._buffer)
                self._buffer.clear()
            self._write_record(KIND_FINAL, _INDEX.pack(self.pcm_bytes_written))
        except OSError as exc:
            self._end_after_failure(exc)
        self.closed = True
        self._file.close()
        if self._reserve is not None:
            self._reserve.release()

    def _end_after_failure(self, exc: OSError) -> NoReturn:
        """Cut the torn record off, give the reserve back, write the final marker if it fits
        (else the file ends like a crash, still readable), close, and raise the user's error."""
        self.closed = True
        self._buffer.clear()
        try:
            self._cut_to_good_size()
            if self._reserve is not None:
                self._reserve.release()
            try:
                self._write_record(KIND_FINAL, _INDEX.pack(self.pcm_bytes_written))
            except OSError:
                self._cut_to_good_size()
        except OSError:
            pass  # the reader skips a torn tail; what was whole stays readable
        finally:
            self._file.close()
        seconds = self.pcm_bytes_written / (self.channels * self.sample_width * self.sample_rate)
        if isinstance(environment_error(exc), DiskFull):
            raise RecordingDiskFull(seconds) from exc
        raise AudioWriteFailed(seconds, f"{type(exc).__name__} errno={exc.errno}") from exc

    def _cut_to_good_size(self) -> None:
        self._file.truncate(self._good_size)
        self._file.seek(self._good_size)
        os.fsync(self._file.fileno())

    @property
    def duration_s(self) -> float:
        """Seconds accepted so far, including the buffered part not yet on disk."""
        frame = self.channels * self.sample_width * self.sample_rate
        return (self.pcm_bytes_written + len(self._buffer)) / frame

    def _write_record(self, kind: int, payload: bytes) -> None:
        nonce = os.urandom(NONCE_SIZE)
        sealed = self._cipher.encrypt(
            nonce, bytes([kind]) + payload, _record_aad(self._fields, self._index)
        )
        self._durable_write(_LENGTH.pack(len(sealed)) + nonce + sealed)
        self._index += 1

    def _durable_write(self, data: bytes) -> None:
        # One record at a time, then fsync: what is on disk is whole records plus at most one
        # torn record at the end, which the reader skips (and a failure cuts off).
        view = memoryview(data)
        while view:
            view = view[self._file.write(view):]
        os.fsync(self._file.fileno())
        self._good_size += len(data)

    def __enter__(self) -> EncryptedAudioWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


@dataclass(frozen=True)
class _Record:
    offset: int  # of the length field in the file
    sealed_size: int
    pcm_start: int
    pcm_size: int


class EncryptedAudioReader:
    """Reads a recording written by :class:`EncryptedAudioWriter`, also after a crash.

    Opening authenticates every record (and keeps only an index), stopping cleanly at a torn
    last record. ``complete`` says whether the final marker was seen. A wrong key raises
    ``AudioKeyMismatch``; a record that fails authentication before the end, or a damaged
    header, raises ``AudioFileCorrupt``. (A damaged *last* record looks exactly like a crash
    and is treated as one.) Safe to share between threads: reads open the file anew.
    """

    def __init__(self, path: Path | str, key: bytes) -> None:
        self.path = Path(path)
        with open(self.path, "rb") as handle:
            header = handle.read(HEADER_SIZE)
            self._read_header(header, key)
            self._records: list[_Record] = []
            self.complete = False
            self._scan(handle)

    def _read_header(self, header: bytes, key: bytes) -> None:
        if len(header) < HEADER_SIZE or not header.startswith(MAGIC):
            raise AudioFileCorrupt(f"{self.path}: not a Samskriv audio file or no header")
        self._fields = header[: _FIELDS.size]
        _magic, version, rate, channels, width, file_id = _FIELDS.unpack(self._fields)
        if version != VERSION:
            raise AudioFileCorrupt(f"{self.path}: unknown version {version}")
        self.sample_rate: int = int(rate)
        self.channels: int = int(channels)
        self.sample_width: int = int(width)
        self.file_id: bytes = bytes(file_id)
        self._cipher = _file_cipher(key, file_id)
        nonce = header[_FIELDS.size : _FIELDS.size + NONCE_SIZE]
        try:
            self._cipher.decrypt(nonce, header[_FIELDS.size + NONCE_SIZE :], self._fields + b"H")
        except InvalidTag:
            raise AudioKeyMismatch() from None

    def _scan(self, handle: BinaryIO) -> None:
        size = self.path.stat().st_size
        offset, pcm = HEADER_SIZE, 0
        while offset < size:
            found = self._open_record(handle, offset, size, len(self._records))
            if found is None:
                return  # torn last record: the writer crashed while writing it
            sealed_size, plain = found
            end = offset + _LENGTH.size + NONCE_SIZE + sealed_size
            if plain[0] == KIND_FINAL:
                self._check_final(plain, pcm, end, size)
                return
            if plain[0] != KIND_PCM:
                raise AudioFileCorrupt(f"{self.path}: unknown record kind {plain[0]}")
            self._records.append(_Record(offset, sealed_size, pcm, len(plain) - 1))
            pcm += len(plain) - 1
            offset = end

    def _open_record(
        self, handle: BinaryIO, offset: int, size: int, index: int
    ) -> tuple[int, bytes] | None:
        """(sealed size, plaintext) of the record at ``offset``; None when it is torn."""
        handle.seek(offset)
        head = handle.read(_LENGTH.size)
        if len(head) < _LENGTH.size:
            return None
        (sealed_size,) = _LENGTH.unpack(head)
        body = handle.read(NONCE_SIZE + sealed_size)
        if len(body) < NONCE_SIZE + sealed_size:
            return None
        try:
            plain: bytes = self._cipher.decrypt(
                body[:NONCE_SIZE], body[NONCE_SIZE:], _record_aad(self._fields, index)
            )
        except InvalidTag:
            if offset + _LENGTH.size + len(body) == size:
                return None
            raise AudioFileCorrupt(f"{self.path}: record {index} fails authentication") from None
        if not plain:
            raise AudioFileCorrupt(f"{self.path}: empty record {index}")
        return sealed_size, plain

    def _check_final(self, plain: bytes, pcm: int, end: int, size: int) -> None:
        if plain[1:] != _INDEX.pack(pcm) or end != size:
            raise AudioFileCorrupt(f"{self.path}: final record does not match the audio")
        self.complete = True

    @property
    def frame_size(self) -> int:
        return self.channels * self.sample_width

    @property
    def pcm_size(self) -> int:
        last = self._records[-1] if self._records else None
        return last.pcm_start + last.pcm_size if last else 0

    @property
    def duration_s(self) -> float:
        return self.pcm_size / (self.frame_size * self.sample_rate)

    def read_pcm(self, start_s: float = 0.0, end_s: float | None = None) -> bytes:
        """PCM between two times (clamped to the recording), e.g. to play a word's span."""
        start = self._byte_at(start_s)
        end = self.pcm_size if end_s is None else self._byte_at(end_s)
        return self.read_range(start, end)

    def read_range(self, start: int, end: int) -> bytes:
        """PCM bytes ``start``..``end`` (offsets into the PCM, clamped), e.g. one upload chunk."""
        start, end = max(0, start), min(end, self.pcm_size)
        if end <= start:
            return b""
        starts = [record.pcm_start for record in self._records]
        first = bisect.bisect_right(starts, start) - 1
        pieces: list[bytes] = []
        with open(self.path, "rb") as handle:
            for index in range(first, len(self._records)):
                record = self._records[index]
                if record.pcm_start >= end:
                    break
                pcm = self._decrypt(handle, index)
                pieces.append(pcm[max(0, start - record.pcm_start) : end - record.pcm_start])
        return b"".join(pieces)

    def _byte_at(self, seconds: float) -> int:
        frames = round(max(0.0, seconds) * self.sample_rate)
        return min(frames * self.frame_size, self.pcm_size)

    def _decrypt(self, handle: BinaryIO, index: int) -> bytes:
        found = self._open_record(handle, self._records[index].offset, -1, index)
        if found is None:
            raise AudioFileCorrupt(f"{self.path}: record {index} changed since it was opened")
        return found[1][1:]

    def export_wav(self, dest: Path | str) -> None:
        """Write the readable audio as a plain (unencrypted) WAV file; the caller owns it."""
        with wave.open(str(dest), "wb") as out, open(self.path, "rb") as handle:
            out.setnchannels(self.channels)
            out.setsampwidth(self.sample_width)
            out.setframerate(self.sample_rate)
            for index in range(len(self._records)):
                out.writeframes(self._decrypt(handle, index))
