"""``samskriv models …`` against a temporary data folder and a local HTTP server."""

from __future__ import annotations

import argparse
import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from app.cli_models import ProgressBar, register
from app.errors import ModelError, to_user_error
from speech.errors import (
    CatalogInvalid,
    ChecksumMismatch,
    CorruptArchive,
    DownloadCancelled,
    DownloadFailed,
    ModelInvalid,
    ModelNotFound,
    NotEnoughSpace,
    SpeechError,
    UnsafeArchive,
)
from tests.integration.models.fakeserver import FakeServer

NAME = "vosk-model-small-sv-test-0.1"


def run(data_dir: Path, *argv: str) -> int:
    parser = argparse.ArgumentParser(prog="samskriv")
    parser.add_argument("--data-dir")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["--data-dir", str(data_dir), *argv])
    result: int = args.func(args)
    return result


def publish(server: FakeServer, data: bytes, md5: str | None = None) -> None:
    server.files["m.zip"] = data
    entry = {
        "lang": "sv",
        "lang_text": "Swedish",
        "md5": md5 or hashlib.md5(data).hexdigest(),
        "name": NAME,
        "obsolete": "false",
        "size": len(data),
        "type": "small",
        "url": server.url("m.zip"),
        "version": "0.1",
    }
    server.files["model-list.json"] = json.dumps([entry]).encode()


def test_list_builtin_catalog_swedish_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tmp_path, "models", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert "vosk-model-small-sv-rhasspy-0.15" in lines[0]
    assert "303,5 MB" in lines[0]
    assert lines[-1].startswith("* = installerad")


def test_refresh_install_list_remove(
    tmp_path: Path, server: FakeServer, model_zip: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    publish(server, model_zip)
    assert run(tmp_path, "models", "refresh", "--url", server.url("model-list.json")) == 0
    assert run(tmp_path, "models", "install", NAME) == 0
    captured = capsys.readouterr()
    assert "100 %" in captured.err and f"Installerade {NAME}" in captured.out
    assert (tmp_path / "models" / "vosk" / NAME / "am" / "final.mdl").is_file()

    assert run(tmp_path, "models", "install", NAME) == 0
    assert "redan installerad" in capsys.readouterr().out

    assert run(tmp_path, "models", "list") == 0
    assert capsys.readouterr().out.splitlines()[0].split()[:2] == ["*", NAME]

    assert run(tmp_path, "models", "remove", NAME) == 0
    assert not (tmp_path / "models" / "vosk" / NAME).exists()


def test_install_bad_checksum_message(
    tmp_path: Path, server: FakeServer, model_zip: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    publish(server, model_zip, md5="0" * 32)
    run(tmp_path, "models", "refresh", "--url", server.url("model-list.json"))
    assert run(tmp_path, "models", "install", NAME) == 1
    assert "Kontrollsumman stämmer inte" in capsys.readouterr().err
    assert not (tmp_path / "models" / NAME).exists()
    assert not (tmp_path / "models" / "vosk" / NAME).exists()


def test_install_corrupt_zip_message(
    tmp_path: Path, server: FakeServer, model_zip: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    publish(server, model_zip[:1000])
    run(tmp_path, "models", "refresh", "--url", server.url("model-list.json"))
    assert run(tmp_path, "models", "install", NAME) == 1
    assert "Zip-filen är trasig eller ofullständig." in capsys.readouterr().err


def test_install_unknown_model(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, "models", "install", "vosk-model-klingon") == 1
    assert "finns inte" in capsys.readouterr().err


def test_import_folder_and_invalid_folder(
    tmp_path: Path, make_model: Callable[[Path], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    source = make_model(tmp_path / "usb" / NAME)
    assert run(tmp_path / "data", "models", "import", str(source.parent)) == 0
    assert f"Importerade {NAME}" in capsys.readouterr().out

    (tmp_path / "junk").mkdir()
    assert run(tmp_path / "data", "models", "import", str(tmp_path / "junk")) == 1
    err = capsys.readouterr().err
    assert err.startswith("Modellen är ogiltig – följande saknas: am/final.mdl")


def test_import_unsafe_zip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with zipfile.ZipFile(tmp_path / "evil.zip", "w") as archive:
        archive.writestr("../evil", "x")
    assert run(tmp_path, "models", "import", str(tmp_path / "evil.zip")) == 1
    assert "otillåtna sökvägar" in capsys.readouterr().err


def test_list_marks_broken_imported_model(
    tmp_path: Path, make_model: Callable[[Path], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    model = make_model(tmp_path / "models" / "egen-modell")
    (model / "conf" / "model.conf").unlink()
    assert run(tmp_path, "models", "list") == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if "egen-modell" in x)
    assert line.split()[:2] == ["!", "egen-modell"] and "saknas: conf/model.conf" in line


def test_remove_unknown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, "models", "remove", "nope") == 1
    assert "finns inte" in capsys.readouterr().err


def test_progress_bar_redraws_only_on_change() -> None:
    class Sink:
        def __init__(self) -> None:
            self.parts: list[str] = []

        def write(self, text: str) -> None:
            self.parts.append(text)

        def flush(self) -> None:
            pass

    sink = Sink()
    bar = ProgressBar(sink)  # type: ignore[arg-type]
    for done in range(0, 1001):
        bar(done, 1000)
    bar.finish()
    assert len(sink.parts) == 102  # 0..100 % and the final newline
    assert sink.parts[-2].startswith("\r[" + "#" * 30 + "] 100 %")


@pytest.mark.parametrize("argv", [["models"], ["models", "bogus"]])
def test_subcommand_required(tmp_path: Path, argv: list[str]) -> None:
    with pytest.raises(SystemExit):
        run(tmp_path, *argv)


@pytest.mark.parametrize(
    ("error", "swedish"),
    [
        (ModelInvalid(["am/final.mdl", "conf/mfcc.conf"]), "följande saknas: am/final.mdl, conf/"),
        (ChecksumMismatch("a", "b"), "Kontrollsumman stämmer inte"),
        (CorruptArchive("x"), "Zip-filen är trasig eller ofullständig."),
        (UnsafeArchive("x"), "otillåtna sökvägar"),
        (DownloadFailed("x"), "Nedladdningen misslyckades"),
        (DownloadCancelled(), "Nedladdningen avbröts"),
        (ModelNotFound("m"), "Modellen ”m” finns inte."),
        (NotEnoughSpace(2_000_000, 1_000_000), "behövs 2,0 MB, ledigt 1,0 MB"),
        (CatalogInvalid("x"), "Modellistan kunde inte läsas."),
    ],
)
def test_every_speech_error_has_a_swedish_message(error: SpeechError, swedish: str) -> None:
    user_error = to_user_error(error)
    assert isinstance(user_error, ModelError)
    assert swedish in user_error.message
    assert user_error.detail == str(error)
