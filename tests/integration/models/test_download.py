"""Downloading a model zip from a local HTTP server: progress, resume, cancel, checksum."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Any

import pytest

from speech.download import download_file, fetch_model_list
from speech.errors import ChecksumMismatch, DownloadCancelled, DownloadFailed
from tests.integration.models.fakeserver import FakeServer


def fetch(server: FakeServer, tmp_path: Path, **options: Any) -> Path:
    data = server.files["model.zip"]
    return download_file(
        server.url("model.zip"),
        tmp_path / "model.zip.part",
        expected_md5=hashlib.md5(data).hexdigest(),
        expected_size=len(data),
        retry_delay=0,
        **options,
    )


def test_progress_is_reported_up_to_the_total(
    server: FakeServer, tmp_path: Path, model_zip: bytes
) -> None:
    server.files["model.zip"] = model_zip
    seen: list[tuple[int, int | None]] = []
    part = fetch(server, tmp_path, progress=lambda done, total: seen.append((done, total)))
    assert part.read_bytes() == model_zip
    assert len(seen) > 2
    assert seen[-1] == (len(model_zip), len(model_zip))
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_resumes_with_range_after_connection_drop(
    server: FakeServer, tmp_path: Path, model_zip: bytes
) -> None:
    server.files["model.zip"] = model_zip
    server.drop_after = 100_000
    part = fetch(server, tmp_path)
    assert part.read_bytes() == model_zip
    assert [r["range"] for r in server.requests] == ["", "bytes=100000-"]


def test_server_ignoring_range_restarts_from_zero(
    server: FakeServer, tmp_path: Path, model_zip: bytes
) -> None:
    server.files["model.zip"] = model_zip
    server.honour_range = False
    server.drop_after = 100_000
    part = fetch(server, tmp_path)
    assert part.read_bytes() == model_zip
    assert len(server.requests) == 2


def test_existing_part_file_is_resumed(
    server: FakeServer, tmp_path: Path, model_zip: bytes
) -> None:
    server.files["model.zip"] = model_zip
    (tmp_path / "model.zip.part").write_bytes(model_zip[:12345])
    assert fetch(server, tmp_path).read_bytes() == model_zip
    assert server.requests[0]["range"] == "bytes=12345-"


def test_cancel_keeps_part_for_a_later_resume(
    server: FakeServer, tmp_path: Path, model_zip: bytes
) -> None:
    server.files["model.zip"] = model_zip
    cancel = threading.Event()

    def progress(done: int, total: int | None) -> None:
        if done > 0:
            cancel.set()

    with pytest.raises(DownloadCancelled):
        fetch(server, tmp_path, progress=progress, cancel=cancel)
    kept = (tmp_path / "model.zip.part").stat().st_size
    assert 0 < kept < len(model_zip)
    assert fetch(server, tmp_path).read_bytes() == model_zip
    assert server.requests[-1]["range"] == f"bytes={kept}-"


def test_checksum_mismatch_deletes_part(
    server: FakeServer, tmp_path: Path, model_zip: bytes
) -> None:
    server.files["model.zip"] = model_zip
    with pytest.raises(ChecksumMismatch) as caught:
        download_file(
            server.url("model.zip"), tmp_path / "m.part", expected_md5="0" * 32, retry_delay=0
        )
    assert caught.value.actual == hashlib.md5(model_zip).hexdigest()
    assert not (tmp_path / "m.part").exists()


def test_http_404_fails_at_once(server: FakeServer, tmp_path: Path) -> None:
    with pytest.raises(DownloadFailed, match="404"):
        download_file(server.url("missing.zip"), tmp_path / "m.part", retry_delay=0)
    assert len(server.requests) == 1


def test_unreachable_server_fails_after_retries(tmp_path: Path) -> None:
    with pytest.raises(DownloadFailed):
        download_file(
            "http://127.0.0.1:9/none.zip", tmp_path / "m.part", retry_delay=0, max_failures=2
        )


def test_fetch_model_list(server: FakeServer) -> None:
    server.files["model-list.json"] = b"[]"
    assert fetch_model_list(server.url("model-list.json")) == b"[]"
    with pytest.raises(DownloadFailed):
        fetch_model_list(server.url("nothing.json"))
