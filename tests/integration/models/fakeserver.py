"""Test helpers for model tests: a fake Vosk model and a breakable local HTTP server."""

from __future__ import annotations

import contextlib
import hashlib
import io
import random
import re
import socket
import zipfile
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from speech.values import CatalogEntry

MODEL_FILES = {
    "am/final.mdl": 600_000,
    "conf/mfcc.conf": 20,
    "conf/model.conf": 20,
    "graph/HCLr.fst": 500,
    "graph/Gr.fst": 500,
    "graph/phones/word_boundary.int": 10,
    "ivector/final.ie": 100,
    "ivector/final.mat": 100,
    "ivector/final.dubm": 100,
    "ivector/global_cmvn.stats": 100,
    "ivector/online_cmvn.conf": 10,
    "ivector/splice.conf": 10,
    "README": 10,
}


def build_model(folder: Path) -> Path:
    """A minimal folder with the structure of a Vosk model (contents are random bytes)."""
    rnd = random.Random(7)
    for relative, size in MODEL_FILES.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(rnd.randbytes(size))
    return folder


def zip_folder(folder: Path, prefix: str) -> bytes:
    """Zip ``folder`` with every member under ``prefix`` (``""`` for the zip root)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, prefix + path.relative_to(folder).as_posix())
    return buffer.getvalue()


@dataclass
class FakeServer:
    """Serves ``files`` by path. Behaviour switches let tests break it in specific ways."""

    base_url: str = ""
    files: dict[str, bytes] = field(default_factory=dict)
    honour_range: bool = True
    drop_after: int | None = None  # close the connection after this many body bytes, once
    requests: list[dict[str, str]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"{self.base_url}/{path}"

    def entry(self, path: str, name: str, md5: str | None = None) -> CatalogEntry:
        data = self.files[path]
        return CatalogEntry(
            name=name,
            lang="sv",
            lang_text="Swedish",
            url=self.url(path),
            size=len(data),
            md5=md5 or hashlib.md5(data).hexdigest(),
        )


def make_handler(fake: FakeServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            fake.requests.append({"path": self.path, "range": self.headers.get("Range", "")})
            data = fake.files.get(self.path.lstrip("/"))
            if data is None:
                self.send_error(404)
                return
            start = self._range_start(len(data))
            body = data[start:]
            self.send_response(206 if start else 200)
            if start:
                self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if fake.drop_after is not None:
                cut, fake.drop_after = fake.drop_after, None
                self.wfile.write(body[:cut])
                self.wfile.flush()
                self.connection.shutdown(socket.SHUT_RDWR)
                self.close_connection = True
                return
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)  # the client may cancel mid-way

        def _range_start(self, size: int) -> int:
            match = re.fullmatch(r"bytes=(\d+)-", self.headers.get("Range", ""))
            if not fake.honour_range or not match or int(match.group(1)) >= size:
                return 0
            return int(match.group(1))

    return Handler
