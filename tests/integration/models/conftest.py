"""Fixtures for model download/import tests: a fake Vosk model and a local HTTP server."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.integration.models.fakeserver import FakeServer, build_model, make_handler, zip_folder


@pytest.fixture(scope="session")
def model_zip(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = build_model(tmp_path_factory.mktemp("fake") / "vosk-model-small-sv-test-0.1")
    return zip_folder(folder, "vosk-model-small-sv-test-0.1/")


@pytest.fixture
def server() -> Iterator[FakeServer]:
    fake = FakeServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(fake))
    httpd.daemon_threads = True
    fake.base_url = f"http://127.0.0.1:{httpd.server_address[1]}"
    # A short select timeout so shutdown() returns quickly at teardown.
    thread = threading.Thread(target=httpd.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture
def models_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "models"
    folder.mkdir()
    return folder


@pytest.fixture
def make_model() -> Callable[[Path], Path]:
    return build_model


@pytest.fixture
def make_zip() -> Callable[[Path, str], bytes]:
    return zip_folder
