"""The model manager's use cases (app.model_admin) on a real data folder with a fake model:
list with the active model, import, remove, choose; speech errors come out in Swedish."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from app import model_admin
from app.context import Context
from app.errors import ModelError, ValidationError
from app.settings import Settings
from speech.values import VOSK
from tests.integration.models.fakeserver import FakeServer

NAME = "vosk-model-small-sv-test-0.1"


def test_import_list_choose_and_remove(admin: Context, tmp_path: Path,
                                       make_model: Callable[[Path], Path]) -> None:
    empty = model_admin.list_models(admin)
    assert empty.installed == () and empty.active is None
    assert empty.catalog[0].name == "vosk-model-small-sv-rhasspy-0.15"
    installed = model_admin.import_model(admin, make_model(tmp_path / NAME))
    assert installed.name == NAME and installed.valid
    listing = model_admin.list_models(admin)
    assert [m.name for m in listing.installed] == [NAME] and listing.active == NAME
    assert listing.is_installed(NAME) and not listing.is_installed("vosk-model-en-us-0.22")
    assert model_admin.choose_model(Settings(), listing, NAME).model_name == NAME
    with pytest.raises(ValidationError, match="är inte installerad"):
        model_admin.choose_model(Settings(), listing, "vosk-model-en-us-0.22")
    model_admin.remove_model(admin, VOSK, NAME)
    assert model_admin.list_models(admin).installed == ()


def test_a_corrupt_folder_is_a_swedish_model_error(admin: Context, tmp_path: Path) -> None:
    broken = tmp_path / "trasig-modell"
    (broken / "conf").mkdir(parents=True)
    with pytest.raises(ModelError, match="^Modellen är ogiltig – följande saknas"):
        model_admin.import_model(admin, broken)


def test_a_cancelled_download_is_a_swedish_model_error(admin: Context, server: FakeServer,
                                                       model_zip: bytes) -> None:
    server.files["m.zip"] = model_zip
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ModelError, match="^Nedladdningen avbröts"):
        model_admin.download_model(admin, server.entry("m.zip", NAME),
                                   lambda _done, _total: None, cancel)
    assert model_admin.list_models(admin).installed == ()
