"""KB-Whisper models from a (fake, local) Hugging Face: file list, resume, checksums, install,
and the size recommended from a calibration figure."""

from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path

import pytest

from speech import whisper_catalog
from speech.errors import ChecksumMismatch, DownloadCancelled
from speech.modelstore import ModelStore
from speech.values import WHISPER
from speech.whisper_catalog import KB_MODELS, find, install, recommend

from .fakeserver import FakeServer
from .test_cli_models import run

REPO = "KBLab/kb-whisper-tiny"
FILES = {"model.bin": os.urandom(1_500_000), "config.json": b'{"alignment_heads": []}',
         "tokenizer.json": b"{}", "vocabulary.json": b"[]",
         "preprocessor_config.json": b"{}", "model.safetensors": b"not wanted"}


def _listing(files: dict[str, bytes], *, break_sha: bool = False) -> bytes:
    items = []
    for path, data in files.items():
        item: dict[str, object] = {"type": "file", "path": path, "size": len(data)}
        if path.endswith((".bin", ".safetensors")):
            sha = hashlib.sha256(data).hexdigest()
            item["lfs"] = {"oid": "0" * 64 if break_sha else sha, "size": len(data)}
        else:
            item["oid"] = hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()
        items.append(item)
    items.append({"type": "directory", "path": "onnx"})
    return json.dumps(items).encode()


def _serve(server: FakeServer, *, break_sha: bool = False) -> None:
    server.files[f"api/models/{REPO}/tree/main"] = _listing(FILES, break_sha=break_sha)
    for path, data in FILES.items():
        server.files[f"{REPO}/resolve/main/{path}"] = data


def test_a_kb_model_is_downloaded_checked_and_installed(server: FakeServer,
                                                        models_dir: Path) -> None:
    _serve(server)
    store = ModelStore(models_dir)
    seen: list[tuple[int, int | None]] = []
    installed = install(store, find("kb-whisper-tiny"), base_url=server.base_url,
                        progress=lambda done, total: seen.append((done, total)))
    assert (installed.engine, installed.name, installed.valid) == (
        WHISPER, "kb-whisper-tiny", True)
    assert (installed.path / "model.bin").read_bytes() == FILES["model.bin"]
    assert not (installed.path / "model.safetensors").exists()  # only what faster-whisper needs
    assert not (models_dir / ".downloads" / "whisper-kb-whisper-tiny").exists()
    assert seen[-1][0] == seen[-1][1]


def test_a_broken_connection_resumes_where_it_stopped(server: FakeServer,
                                                      models_dir: Path) -> None:
    _serve(server)
    server.drop_after = 400_000  # the first file (model.bin) breaks off once
    listing = server.files[f"api/models/{REPO}/tree/main"]
    installed = install(ModelStore(models_dir), find("kb-whisper-tiny"),
                        base_url=server.base_url, retry_delay=0.0, fetch=lambda _url: listing)
    assert installed.valid
    ranges = [r["range"] for r in server.requests if r["path"].endswith("model.bin")]
    assert ranges[-1].startswith("bytes=") and ranges[-1] != "bytes=0-"


def test_a_wrong_checksum_deletes_the_file_and_says_so(server: FakeServer,
                                                       models_dir: Path) -> None:
    _serve(server, break_sha=True)
    with pytest.raises(ChecksumMismatch) as raised:
        install(ModelStore(models_dir), find("kb-whisper-tiny"), base_url=server.base_url)
    assert raised.value.message.startswith("Kontrollsumman stämmer inte")
    parts = models_dir / ".downloads" / "whisper-kb-whisper-tiny"
    assert not (parts / "model.bin").exists() and not (parts / "model.bin.part").exists()
    assert ModelStore(models_dir).installed(WHISPER) == []


def test_cancel_keeps_the_part_for_later(server: FakeServer, models_dir: Path) -> None:
    _serve(server)
    cancel = threading.Event()

    def stop_soon(done: int, _total: int | None) -> None:
        if done > 0:
            cancel.set()

    with pytest.raises(DownloadCancelled):
        install(ModelStore(models_dir), find("kb-whisper-tiny"), base_url=server.base_url,
                progress=stop_soon, cancel=cancel)
    assert any((models_dir / ".downloads").rglob("*"))


def test_the_recommended_size_follows_the_calibration() -> None:
    # Measured: base at RTF 0.12 here. small projects to ~0.40, medium to ~1.25.
    assert recommend({"kb-whisper-base": 0.12}) == "kb-whisper-small"
    assert recommend({"kb-whisper-base": 0.12}, budget_rtf=0.2) == "kb-whisper-base"
    assert recommend({"kb-whisper-base": 3.0}) == "kb-whisper-tiny"  # a slow laptop: the least
    assert [m.name for m in KB_MODELS] == [f"kb-whisper-{s}" for s in
                                           ("tiny", "base", "small", "medium")]
    timings = iter([0.0, 3.0])
    figure = whisper_catalog.calibrate(lambda _pcm: None, b"\0" * 32_000 * 30,
                                       "kb-whisper-base", lambda: next(timings))
    assert figure == {"kb-whisper-base": 0.1}


def test_the_models_cli_installs_a_kb_size(server: FakeServer, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    _serve(server)
    monkeypatch.setattr(whisper_catalog, "HF_URL", server.base_url)
    assert run(tmp_path, "models", "install", "kb-whisper-tiny", "--engine", "whisper") == 0
    assert "Installerade kb-whisper-tiny" in capsys.readouterr().out
    assert (tmp_path / "models" / "whisper" / "kb-whisper-tiny" / "model.bin").is_file()
    assert run(tmp_path, "models", "install", "kb-whisper-huge", "--engine", "whisper") == 1
    assert "finns inte" in capsys.readouterr().err
