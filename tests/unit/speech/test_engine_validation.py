"""Model folder validation before vosk sees it (vosk crashes later on a truncated graph)."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from speech.engine import _final, validate_model_dir
from speech.errors import ModelInvalid
from speech.values import Final, Word

MAGIC = 0x7EB2FDD6


def _fst_header(kind: str, states: int, arcs: int) -> bytes:
    text = b"".join(struct.pack("<i", len(t)) + t for t in (kind.encode(), b"standard"))
    return struct.pack("<I", MAGIC) + text + struct.pack("<iiQqqq", 1, 0, 0, 0, states, arcs)


def _model(root: Path, graph: bytes) -> Path:
    files = {
        "am/final.mdl": b"mdl",
        "conf/mfcc.conf": b"--x",
        "conf/model.conf": b"--x",
        "graph/words.txt": b"<eps> 0",
        "graph/HCLG.fst": graph,
    }
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def test_complete_folder_passes(tmp_path: Path) -> None:
    validate_model_dir(_model(tmp_path, _fst_header("const", 2, 3) + bytes(2 * 20 + 3 * 16)))


@pytest.mark.parametrize(
    ("graph", "message"),
    [
        (_fst_header("const", 1000, 5000) + bytes(100), "truncated"),
        (b"not an fst at all", "not an OpenFst file"),
        (b"", "HCLG.fst \\(empty\\)"),
    ],
)
def test_broken_graph_is_rejected(tmp_path: Path, graph: bytes, message: str) -> None:
    with pytest.raises(ModelInvalid, match=message):
        validate_model_dir(_model(tmp_path, graph))


def test_missing_folder_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(ModelInvalid, match="missing: nope"):
        validate_model_dir(tmp_path / "nope")
    with pytest.raises(ModelInvalid, match="final.mdl"):
        validate_model_dir(tmp_path)


def test_folder_without_graph(tmp_path: Path) -> None:
    model = _model(tmp_path, b"x")
    (model / "graph" / "HCLG.fst").unlink()
    with pytest.raises(ModelInvalid, match="graph"):
        validate_model_dir(model)


def test_result_json_becomes_final() -> None:
    final = _final('{"result": [{"word": "hej", "start": 0.5, "end": 0.9, "conf": 0.8}], "text": "hej"}')
    assert final == Final("hej", (Word("hej", 0.5, 0.9, 0.8),))
    assert _final('{"text": ""}') == Final("", ())
