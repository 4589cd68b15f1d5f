"""Safe zip unpacking and finding the model folder inside what was unpacked or imported."""

from __future__ import annotations

import shutil
import stat
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from speech.errors import CorruptArchive, NotEnoughSpace, UnsafeArchive

# Folders some zip tools add that are never part of a model.
IGNORED_NAMES = frozenset({"__MACOSX", ".DS_Store"})
_MODEL_MARKERS = ("am", "conf", "graph")


def _member_target(dest: Path, member: zipfile.ZipInfo) -> Path | None:
    """Where a member goes under ``dest``; None to skip it; raises on anything unsafe."""
    name = member.filename.replace("\\", "/")
    parts = PurePosixPath(name).parts
    if not parts or name.startswith("/") or ":" in parts[0] or ".." in parts:
        raise UnsafeArchive(f"unsafe path in zip: {member.filename!r}")
    if stat.S_ISLNK(member.external_attr >> 16):
        raise UnsafeArchive(f"symbolic link in zip: {member.filename!r}")
    if parts[0] in IGNORED_NAMES or parts[-1] in IGNORED_NAMES:
        return None
    target = dest.joinpath(*parts)
    if not target.resolve().is_relative_to(dest.resolve()):
        raise UnsafeArchive(f"unsafe path in zip: {member.filename!r}")
    return target


def _check_space(dest: Path, members: list[zipfile.ZipInfo]) -> None:
    needed = sum(m.file_size for m in members)
    free = shutil.disk_usage(dest).free
    if needed > free:
        raise NotEnoughSpace(needed, free)


def extract_zip(zip_path: Path, dest: Path) -> None:
    """Unpack ``zip_path`` into the existing folder ``dest``.

    Every member path is checked before anything is written, so an archive with one unsafe
    path (absolute, ``..``, symlink) writes nothing. A truncated or damaged archive raises
    ``CorruptArchive``; the caller removes the half-filled ``dest``.
    """
    try:
        with zipfile.ZipFile(zip_path) as archive:
            members = archive.infolist()
            planned = [(_member_target(dest, m), m) for m in members]
            _check_space(dest, members)
            for target, member in planned:
                if target is not None:
                    _extract_member(archive, member, target)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise CorruptArchive(f"zip file is damaged or incomplete: {exc}") from exc
    except (RuntimeError, NotImplementedError) as exc:
        # zipfile raises these for encrypted members and unknown compression methods.
        raise CorruptArchive(f"zip file cannot be unpacked: {exc}") from exc


def _extract_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, target: Path) -> None:
    if member.is_dir():
        target.mkdir(parents=True, exist_ok=True)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    # Reading to the end makes zipfile check the CRC, so damaged data raises BadZipFile.
    with archive.open(member) as source, open(target, "wb") as out:
        shutil.copyfileobj(source, out, 1024 * 1024)


def looks_like_model(folder: Path) -> bool:
    """A Vosk model (its ``am``/``graph``-style folders) or a CTranslate2 Whisper export."""
    if (folder / "model.bin").is_file() and (folder / "config.json").is_file():
        return True
    return any((folder / marker).is_dir() for marker in _MODEL_MARKERS)


def find_model_root(folder: Path, depth: int = 2) -> Path:
    """The model folder in ``folder``: itself, or down through single-subfolder wrappers.

    Handles a zip whose single top folder is the model and a model nested one level deeper
    (``export/vosk-model-x/...``). When nothing looks like a model, returns ``folder`` so that
    validation can say what is missing there.
    """
    if looks_like_model(folder) or depth == 0:
        return folder
    subfolders = [
        child
        for child in folder.iterdir()
        if child.is_dir() and child.name not in IGNORED_NAMES and not child.name.startswith(".")
    ]
    if len(subfolders) == 1:
        found = find_model_root(subfolders[0], depth - 1)
        if looks_like_model(found):
            return found
    return folder
