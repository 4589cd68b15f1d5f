"""KB-Whisper models (National Library of Sweden, Apache-2.0) in CTranslate2 format: the
catalog, download from Hugging Face with resume and checksums, and the recommended size.

KBLab publishes each size as a Hugging Face repository (``KBLab/kb-whisper-<size>``) whose
root holds the CTranslate2 export faster-whisper loads (``model.bin``, ``config.json``,
``tokenizer.json``, ``vocabulary.json``, ``preprocessor_config.json``) beside other formats we
do not fetch. The host publishes every file's size and checksum in its tree listing
(``/api/models/<repo>/tree/main``): large (LFS) files by SHA-256, small ones by their git blob
SHA-1. Those are checked after each file is downloaded; a file is resumed from its ``.part``
in ``<models>/.downloads/whisper-<name>/`` (kept when cancelled or cut off).

Sizes below are what the host listed when this catalog was written (the base ``model.bin``
about 145 MB); the listing fetched at download time is what is checked against.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from speech.download import ProgressCallback, download_file
from speech.errors import CatalogInvalid, ChecksumMismatch, DownloadFailed, ModelNotFound
from speech.modelstore import ModelStore
from speech.values import WHISPER, InstalledModel

HF_URL = "https://huggingface.co"
WANTED = ("config.json", "model.bin", "tokenizer.json", "vocabulary.json", "vocabulary.txt",
          "preprocessor_config.json")


@dataclass(frozen=True)
class KbModel:
    """One KB-Whisper size. ``params_m`` drives the speed projection; ``wer`` is KBLab's
    published word error rate on FLEURS Swedish (per cent)."""

    name: str
    repo: str
    params_m: int
    approx_bytes: int
    wer: float


KB_MODELS = (
    KbModel("kb-whisper-tiny", "KBLab/kb-whisper-tiny", 39, 80_000_000, 13.2),
    KbModel("kb-whisper-base", "KBLab/kb-whisper-base", 74, 150_000_000, 9.1),
    KbModel("kb-whisper-small", "KBLab/kb-whisper-small", 244, 490_000_000, 7.3),
    KbModel("kb-whisper-medium", "KBLab/kb-whisper-medium", 769, 1_530_000_000, 6.6),
)


@dataclass(frozen=True)
class RemoteFile:
    path: str
    size: int
    sha256: str | None  # LFS files
    git_sha1: str | None  # small files: the git blob id


def find(name: str) -> KbModel:
    for model in KB_MODELS:
        if model.name == name:
            return model
    raise ModelNotFound(name)


def parse_tree(data: bytes) -> list[RemoteFile]:
    """The files we need from the host's tree listing (JSON list of entries)."""
    try:
        items = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise CatalogInvalid(f"model file list is not JSON: {exc}") from exc
    if not isinstance(items, list):
        raise CatalogInvalid("model file list is not a JSON array")
    files = []
    for item in items:
        if not isinstance(item, dict) or item.get("type") != "file":
            continue
        path = str(item.get("path", ""))
        if path not in WANTED:
            continue
        lfs = item.get("lfs") if isinstance(item.get("lfs"), dict) else None
        files.append(RemoteFile(path, int(item.get("size", 0)),
                                str(lfs["oid"]) if lfs else None,
                                None if lfs else str(item.get("oid", "")) or None))
    if "model.bin" not in {f.path for f in files}:
        raise CatalogInvalid("the model file list has no model.bin")
    return files


def install(
    store: ModelStore, model: KbModel, *, progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None, base_url: str | None = None,
    fetch: Callable[[str], bytes] | None = None, timeout: float = 30.0,
    retry_delay: float = 1.0,
) -> InstalledModel:
    """Download every file of ``model`` (resuming), check each checksum, then install the
    folder through the store (validated, renamed into place: never half-installed)."""
    base_url = base_url or HF_URL
    listing = (fetch or _fetch)(f"{base_url}/api/models/{model.repo}/tree/main")
    files = parse_tree(listing)
    parts = store.models_dir / ".downloads" / f"{WHISPER}-{model.name}"
    total = sum(f.size for f in files)
    done_before = 0
    for remote in files:
        part = parts / (remote.path + ".part")
        final = parts / remote.path
        if not final.exists():
            base = done_before

            def relay(done: int, _total: int | None, base: int = base) -> None:
                if progress is not None:
                    progress(base + done, total)

            download_file(f"{base_url}/{model.repo}/resolve/main/{remote.path}", part,
                          expected_size=remote.size, progress=relay, cancel=cancel,
                          timeout=timeout, retry_delay=retry_delay)
            _check(part, remote)
            part.rename(final)
        done_before += remote.size
    installed = store.import_path(parts, model.name, engine=WHISPER)
    shutil.rmtree(parts, ignore_errors=True)
    return installed


def _check(path: Path, remote: RemoteFile) -> None:
    if remote.sha256:
        digest = hashlib.sha256()
        expected = remote.sha256
    elif remote.git_sha1:
        digest = hashlib.sha1(f"blob {path.stat().st_size}\0".encode(), usedforsecurity=False)
        expected = remote.git_sha1
    else:
        return
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    if digest.hexdigest() != expected.lower():
        path.unlink(missing_ok=True)
        raise ChecksumMismatch(expected, digest.hexdigest())


def _fetch(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "Samskriv model downloader"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - https only
            data: bytes = response.read()
            return data
    except OSError as exc:
        raise DownloadFailed(f"model file list of {url} could not be read: {exc}") from exc


def recommend(measured_rtf: dict[str, float], *, budget_rtf: float = 0.5,
              models: Sequence[KbModel] = KB_MODELS) -> str:
    """The most accurate size whose real-time factor here stays within ``budget_rtf`` (half
    the recording's length: a one-hour visit improved within half an hour); sizes not
    measured are projected from the measured ones by parameter count. At least tiny."""
    if not measured_rtf:
        raise ValueError("no calibration figure")
    per_param = [rtf / find(name).params_m for name, rtf in measured_rtf.items()]
    scale = sum(per_param) / len(per_param)
    fitting = [m for m in models
               if measured_rtf.get(m.name, scale * m.params_m) <= budget_rtf]
    best = min(fitting, key=lambda m: m.wer) if fitting else min(models, key=lambda m: m.params_m)
    return best.name


def calibrate(transcribe: Callable[[bytes], Any], pcm: bytes, name: str,
              clock: Callable[[], float]) -> dict[str, float]:
    """Time one installed model on a short stretch of speech (``pcm``, 16 kHz mono int16):
    its real-time factor here, for ``recommend``."""
    started = clock()
    transcribe(pcm)
    seconds = len(pcm) / 32_000
    return {name: (clock() - started) / max(seconds, 1e-6)}
