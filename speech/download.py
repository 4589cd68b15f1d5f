"""Resumable HTTP(S) download with progress, cancel and MD5 check, using only urllib.

The file grows in ``<name>.part``. A broken connection is retried with a ``Range`` request
from where the file ends; a server that ignores ``Range`` (answers 200) makes us start over.
Cancelling keeps the ``.part`` file so the next attempt resumes.
"""

from __future__ import annotations

import hashlib
import http.client
import re
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from speech.catalog import MODEL_LIST_URL
from speech.errors import ChecksumMismatch, DownloadCancelled, DownloadFailed

ProgressCallback = Callable[[int, int | None], None]
"""Called with (bytes done, total bytes or None) from the downloading thread."""

CHUNK_SIZE = 256 * 1024
USER_AGENT = "Samskriv model downloader"
_CONTENT_RANGE = re.compile(r"bytes (\d+)-(\d+)/(\d+|\*)")
_RETRY_HTTP = {408, 429, 500, 502, 503, 504}
_NETWORK_ERRORS = (urllib.error.URLError, http.client.HTTPException, OSError)


class _Retry(Exception):
    """This attempt broke off; try again (``progressed`` says whether bytes arrived)."""

    def __init__(self, reason: str, progressed: bool = False) -> None:
        super().__init__(reason)
        self.progressed = progressed


def md5_of(path: Path) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with open(path, "rb") as handle:
        while block := handle.read(1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


def download_file(
    url: str,
    part_path: Path,
    *,
    expected_md5: str | None = None,
    expected_size: int | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    timeout: float = 30.0,
    max_failures: int = 5,
    retry_delay: float = 1.0,
) -> Path:
    """Download ``url`` into ``part_path`` (resuming what is there) and verify it.

    Blocking; run it on a worker thread. Setting ``cancel`` stops within one chunk and raises
    ``DownloadCancelled``. After ``max_failures`` attempts in a row without progress it raises
    ``DownloadFailed`` and keeps the ``.part`` file. A wrong MD5 deletes the file and raises
    ``ChecksumMismatch``. Between failed attempts it waits ``retry_delay * failures`` seconds
    on the cancel event, so cancelling also ends the wait.
    """
    cancel = cancel or threading.Event()
    part_path.parent.mkdir(parents=True, exist_ok=True)
    failures = 0
    while True:
        if cancel.is_set():
            raise DownloadCancelled()
        try:
            _attempt(url, part_path, expected_size, progress, cancel, timeout)
            break
        except _Retry as retry:
            failures = 1 if retry.progressed else failures + 1
            if failures >= max_failures:
                raise DownloadFailed(f"download of {url} failed: {retry}") from retry
            cancel.wait(retry_delay * failures)
    if expected_md5 is not None:
        _verify(part_path, expected_md5)
    return part_path


def _verify(part_path: Path, expected_md5: str) -> None:
    actual = md5_of(part_path)
    if actual != expected_md5.lower():
        part_path.unlink(missing_ok=True)
        raise ChecksumMismatch(expected_md5, actual)


def _attempt(
    url: str,
    part: Path,
    expected_size: int | None,
    progress: ProgressCallback | None,
    cancel: threading.Event,
    timeout: float,
) -> None:
    offset = part.stat().st_size if part.exists() else 0
    if expected_size is not None and offset >= expected_size:
        if offset == expected_size:
            return
        part.unlink()  # longer than the published size: cannot be a prefix of the file
        offset = 0
    headers = {"User-Agent": USER_AGENT}
    if offset:
        headers["Range"] = f"bytes={offset}-"
    response = _open(urllib.request.Request(url, headers=headers), part, timeout)
    with response:
        offset, total = _resume_point(response, part, offset, expected_size)
        offset = _receive(response, part, offset, total, progress, cancel)
    if total is not None and offset != total:
        if offset > total:
            part.unlink()
            raise DownloadFailed(f"server sent more than the {total} bytes it announced")
        raise _Retry(f"connection closed after {offset} of {total} bytes", progressed=True)


def _open(request: urllib.request.Request, part: Path, timeout: float) -> http.client.HTTPResponse:
    try:
        response: http.client.HTTPResponse = urllib.request.urlopen(request, timeout=timeout)
        return response
    except urllib.error.HTTPError as exc:
        exc.close()
        if exc.code == 416:
            # Our .part does not fit the file on the server (it changed); start again.
            part.unlink(missing_ok=True)
            raise _Retry("range not satisfiable; restarting") from exc
        if exc.code in _RETRY_HTTP:
            raise _Retry(f"HTTP {exc.code}") from exc
        raise DownloadFailed(f"HTTP {exc.code} {exc.reason} for {request.full_url}") from exc
    except _NETWORK_ERRORS as exc:
        raise _Retry(f"cannot connect: {exc}") from exc


def _resume_point(
    response: http.client.HTTPResponse, part: Path, offset: int, expected_size: int | None
) -> tuple[int, int | None]:
    """(offset to write at, total size) from the response; offset 0 means start over."""
    if response.status == 206:
        match = _CONTENT_RANGE.match(response.headers.get("Content-Range", ""))
        if not match or int(match.group(1)) != offset:
            # A range we did not ask for: drop what we have and ask for the whole file.
            part.unlink(missing_ok=True)
            raise _Retry("server sent an unexpected range; restarting")
        total = match.group(3)
        return offset, int(total) if total != "*" else expected_size
    length = response.headers.get("Content-Length")
    return 0, int(length) if length and length.isdigit() else expected_size


def _receive(
    response: http.client.HTTPResponse,
    part: Path,
    offset: int,
    total: int | None,
    progress: ProgressCallback | None,
    cancel: threading.Event,
) -> int:
    """Append the body to ``part`` from ``offset`` (0 truncates); returns the new size."""
    start = offset
    with open(part, "ab" if offset else "wb") as out:
        if progress:
            progress(offset, total)
        while True:
            if cancel.is_set():
                raise DownloadCancelled()
            try:
                block = response.read(CHUNK_SIZE)
            except _NETWORK_ERRORS as exc:
                raise _Retry(f"connection broken: {exc}", offset > start) from exc
            if not block:
                return offset
            out.write(block)
            offset += len(block)
            if progress:
                progress(offset, total)


def fetch_model_list(url: str = MODEL_LIST_URL, timeout: float = 30.0) -> bytes:
    """The published ``model-list.json`` (a few hundred kB); raises ``DownloadFailed``."""
    limit = 10 * 1024 * 1024
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data: bytes = response.read(limit + 1)
    except _NETWORK_ERRORS as exc:
        raise DownloadFailed(f"cannot fetch model list from {url}: {exc}") from exc
    if len(data) > limit:
        raise DownloadFailed(f"model list at {url} is unreasonably large")
    return data
