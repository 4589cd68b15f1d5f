"""Installed speech models: list, download-and-install, import from zip/folder, remove, validate.

The engine is a dimension of the store: a model lives in ``<models>/<engine>/<name>`` and is
looked up by (engine, name). Models installed by the first version sit directly in
``<models>/<name>``; they are Vosk models and are read where they are (never moved: a model in
use must not disappear under a running app) until they are replaced or removed.

Nothing is ever half-installed: a model is unpacked or copied into a hidden staging folder in
the models directory, validated there, and only then renamed into place (same file system, so
the rename is atomic). Blocking calls; the app runs them on a worker, one at a time per folder.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from speech.archive import extract_zip, find_model_root
from speech.catalog import ModelCatalog, is_safe_model_name, language_rank
from speech.download import ProgressCallback, download_file
from speech.errors import CorruptArchive, ModelInvalid, ModelNotFound, NotEnoughSpace
from speech.values import ENGINES, VOSK, CatalogEntry, InstalledModel

REQUIRED_FILES = ("am/final.mdl", "conf/mfcc.conf", "conf/model.conf")
# Vosk uses i-vectors when ivector/ exists and then needs all of these (see vosk model.cc).
IVECTOR_FILES = (
    "final.ie",
    "final.mat",
    "final.dubm",
    "global_cmvn.stats",
    "online_cmvn.conf",
    "splice.conf",
)
_LANG_IN_NAME = re.compile(r"^vosk-model-(?:small-)?([a-z]{2,3}(?:-[a-z]{2})?)(?=-)")


def _check_file(model: Path, relative: str, missing: list[str]) -> None:
    path = model / relative
    if not path.is_file():
        missing.append(relative)
    elif path.stat().st_size == 0:
        missing.append(f"{relative} (empty)")


def validate_model(path: Path) -> list[str]:
    """What a folder lacks to be a Vosk model (empty list: it looks fine).

    A fast structural check that does not load Vosk: acoustic model, feature and decoder
    configuration, a decoding graph (static ``HCLG.fst`` with ``words.txt``, or lookahead
    ``HCLr.fst`` + ``Gr.fst``) and, when ``ivector/`` is present, all the i-vector files.
    """
    if not path.is_dir():
        return [f"{path.name or path} (folder)"]
    missing: list[str] = []
    for relative in REQUIRED_FILES:
        _check_file(path, relative, missing)
    graph = path / "graph"
    if (graph / "HCLG.fst").is_file():
        _check_file(path, "graph/HCLG.fst", missing)
        _check_file(path, "graph/words.txt", missing)
    elif (graph / "HCLr.fst").exists() or (graph / "Gr.fst").exists():
        _check_file(path, "graph/HCLr.fst", missing)
        _check_file(path, "graph/Gr.fst", missing)
    else:
        missing.append("graph/HCLG.fst (eller graph/HCLr.fst + graph/Gr.fst)")  # shown to users
    if (path / "ivector").is_dir():
        for name in IVECTOR_FILES:
            _check_file(path, f"ivector/{name}", missing)
    return missing


def ensure_valid(path: Path) -> None:
    missing = validate_model(path)
    if missing:
        raise ModelInvalid(missing, str(path))


def folder_size(path: Path) -> int:
    total = 0
    for folder, _dirs, files in os.walk(path):
        total += sum((Path(folder) / name).stat().st_size for name in files)
    return total


def guess_language(name: str) -> str | None:
    """Language code from an official model name, e.g. ``sv`` from ``vosk-model-small-sv-…``."""
    match = _LANG_IN_NAME.match(name)
    return match.group(1) if match else None


def safe_name(candidate: str) -> str:
    """A folder name for an imported model: unsafe characters become ``-``."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", candidate).strip("-.")
    return name if is_safe_model_name(name) else "imported-model"


class ModelStore:
    """The models folder. Not for concurrent use: the app serialises model operations."""

    def __init__(self, models_dir: Path, catalog: ModelCatalog | None = None) -> None:
        self.models_dir = Path(models_dir)
        self.catalog = catalog or ModelCatalog(self.models_dir)

    def engine_dir(self, engine: str) -> Path:
        if engine not in ENGINES:
            raise ModelNotFound(f"{engine}/")
        return self.models_dir / engine

    def installed(self, engine: str | None = None) -> list[InstalledModel]:
        """Installed models of one engine or all, Swedish first (staging and downloads hidden)."""
        found: dict[tuple[str, str], Path] = {}
        for eng in ENGINES if engine is None else (engine,):
            for child in _model_folders(self.engine_dir(eng)):
                found[(eng, child.name)] = child
        if engine in (None, VOSK):
            for child in self._legacy_folders():
                found.setdefault((VOSK, child.name), child)
        models = [self._describe(eng, path) for (eng, _name), path in found.items()]
        return sorted(models, key=lambda m: (language_rank(m.lang), m.name, m.engine))

    def get(self, engine: str, name: str) -> InstalledModel:
        if not is_safe_model_name(name):
            raise ModelNotFound(name)
        path = self.folder_of(engine, name)
        if not path.is_dir():
            raise ModelNotFound(name)
        return self._describe(engine, path)

    def path_of(self, engine: str, name: str) -> Path:
        return self.get(engine, name).path

    def folder_of(self, engine: str, name: str) -> Path:
        """Where the model (engine, name) is, or would be installed; no check that it exists."""
        path = self.engine_dir(engine) / name
        legacy = self.models_dir / name
        if engine == VOSK and not path.is_dir() and _is_legacy_folder(legacy):
            return legacy
        return path

    def _legacy_folders(self) -> list[Path]:
        return [child for child in _model_folders(self.models_dir) if _is_legacy_folder(child)]

    def _describe(self, engine: str, path: Path) -> InstalledModel:
        entry = self.catalog.find(engine, path.name)
        return InstalledModel(
            name=path.name,
            path=path,
            size_bytes=folder_size(path),
            lang=entry.lang if entry else guess_language(path.name),
            lang_text=entry.lang_text if entry else None,
            missing=tuple(validate_model(path)),
            engine=engine,
        )

    validate = staticmethod(validate_model)

    def part_path(self, entry: CatalogEntry) -> Path:
        """The resumable download. Vosk's stay where the first version kept them (so a
        ``.part`` left by it resumes); nothing of a failed download lands in an engine folder."""
        if entry.engine == VOSK:
            return self.models_dir / f"{entry.name}.zip.part"
        return self.models_dir / f"{entry.engine}-{entry.name}.zip.part"

    def install(
        self,
        entry: CatalogEntry,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
        *,
        timeout: float = 30.0,
        retry_delay: float = 1.0,
    ) -> InstalledModel:
        """Download (resuming a ``.part``), verify, unpack and install a catalog entry."""
        self.engine_dir(entry.engine)  # an unknown engine fails before any download
        self.models_dir.mkdir(parents=True, exist_ok=True)
        part = download_file(
            entry.url,
            self.part_path(entry),
            expected_md5=entry.md5,
            expected_size=entry.size,
            progress=progress,
            cancel=cancel,
            timeout=timeout,
            retry_delay=retry_delay,
        )
        try:
            installed = self._install_zip(part, entry.name, entry.engine)
        except (CorruptArchive, ModelInvalid):
            part.unlink(missing_ok=True)  # checksum matched, so retrying the same bytes is futile
            raise
        part.unlink(missing_ok=True)
        return installed

    def import_path(
        self, source: Path, name: str | None = None, *, engine: str = VOSK
    ) -> InstalledModel:
        """Install a model from a zip file or a folder (e.g. from IT on a USB stick)."""
        source = Path(source)
        self.engine_dir(engine)  # an unknown engine fails before any copying
        if source.is_dir():
            return self._install_folder(source, name, engine)
        if source.is_file():
            return self._install_zip(source, name, engine)
        raise ModelNotFound(str(source))

    def remove(self, engine: str, name: str) -> None:
        """Delete an installed model; it disappears from the list at once (rename first)."""
        path = self.get(engine, name).path
        trash = Path(tempfile.mkdtemp(dir=self.models_dir, prefix=".removing-"))
        os.rename(path, trash / name)
        shutil.rmtree(trash)

    def cleanup(self) -> None:
        """Remove staging folders a crash left behind (``.part`` downloads are kept)."""
        if self.models_dir.is_dir():
            for child in self.models_dir.glob(".staging-*"):
                shutil.rmtree(child, ignore_errors=True)
            for child in self.models_dir.glob(".removing-*"):
                shutil.rmtree(child, ignore_errors=True)

    def _install_zip(self, zip_path: Path, name: str | None, engine: str) -> InstalledModel:
        with self._staging() as staging:
            unpacked = staging / "unpacked"
            unpacked.mkdir()
            extract_zip(zip_path, unpacked)
            root = find_model_root(unpacked)
            fallback = zip_path.name.removesuffix(".part").removesuffix(".zip")
            chosen = name or (root.name if root != unpacked else fallback)
            return self._place(root, safe_name(chosen), engine)

    def _install_folder(self, source: Path, name: str | None, engine: str) -> InstalledModel:
        root = find_model_root(source)
        ensure_valid(root)  # fail before copying gigabytes
        needed, free = folder_size(root), shutil.disk_usage(self.models_dir).free
        if needed > free:
            raise NotEnoughSpace(needed, free)
        with self._staging() as staging:
            copy = staging / "copy"
            shutil.copytree(root, copy)
            return self._place(copy, safe_name(name or root.name), engine)

    @contextmanager
    def _staging(self) -> Iterator[Path]:
        self.models_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=self.models_dir, prefix=".staging-"))
        try:
            yield staging
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def _place(self, root: Path, name: str, engine: str) -> InstalledModel:
        """Validate ``root`` (inside staging) and rename it to ``<models>/<engine>/<name>``."""
        ensure_valid(root)
        target = self.engine_dir(engine) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        legacy = self.models_dir / name
        replaced = [old for old in (target, legacy)
                    if old.exists() and (old == target or engine == VOSK and _is_legacy_folder(old))]
        if replaced:
            # Replacing: move the old model(s) aside first; a rename cannot overwrite a folder.
            trash = Path(tempfile.mkdtemp(dir=self.models_dir, prefix=".removing-"))
            for index, old in enumerate(replaced):
                os.rename(old, trash / f"{index}-{name}")
            os.rename(root, target)
            shutil.rmtree(trash, ignore_errors=True)
        else:
            os.rename(root, target)
        return self._describe(engine, target)


def _model_folders(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return [child for child in folder.iterdir() if child.is_dir() and not child.name.startswith(".")]


def _is_legacy_folder(path: Path) -> bool:
    """A model folder the first version placed directly in ``<models>`` (not an engine's)."""
    return path.is_dir() and path.name not in ENGINES and not path.name.startswith(".")
