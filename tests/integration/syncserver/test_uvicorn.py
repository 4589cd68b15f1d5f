"""The real server over a loopback socket with TLS (uvicorn, as ``samskriv-server serve`` runs it)."""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from server.app import create_app
from server.settings import ServerSettings
from tests.integration.syncserver.helpers import (
    World,
    batch,
    item,
    key_of,
    make_world,
    public_text,
    revision,
)


def _self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=1))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .sign(key, hashes.SHA256()))
    certfile, keyfile = folder / "cert.pem", folder / "key.pem"
    certfile.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    keyfile.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                          serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    return certfile, keyfile


@pytest.fixture
def tls_server(db_url: str, tmp_path: Path) -> Iterator[tuple[str, ssl.SSLContext, World]]:
    world = make_world(db_url)  # seeds the database; the server below is a second process' view
    certfile, keyfile = _self_signed(tmp_path)
    app = create_app(ServerSettings(database_url=db_url))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, ssl_certfile=str(certfile),
                                           ssl_keyfile=str(keyfile), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    ctx = ssl.create_default_context(cafile=str(certfile))
    try:
        deadline = dt.datetime.now() + dt.timedelta(seconds=30)
        while not server.started:
            assert dt.datetime.now() < deadline, "uvicorn did not start"
            threading.Event().wait(0.05)
        yield f"https://127.0.0.1:{port}", ctx, world
    finally:
        server.should_exit = True
        thread.join(30)
        sock.close()
        app.state.engine.dispose()
        world.close()


@pytest.mark.slow
def test_push_and_pull_over_tls_on_loopback(tls_server: tuple[str, ssl.SSLContext, World]) -> None:
    base, ctx, world = tls_server
    with httpx.Client(base_url=base, verify=ctx, timeout=30) as client:
        assert client.get("/healthz").json() == {"status": "ok"}
        assert client.get("/readyz").status_code == 200
        assert "/api/v1/sync/push" in client.get("/openapi.json").json()["paths"]
        assert client.get("/docs").status_code == 200
        login = client.post("/api/v1/auth/device", json={
            "username": "anna", "password": "ett-långt-lösenord-1", "device_id": "laptop-1",
            "sign_pub": public_text(key_of(world.users["anna"]))})
        assert login.status_code == 200
        headers = {"Authorization": f"Bearer {login.json()['token']}"}
        note = item(revision(world.cases["N-1"], login.json()["user_id"]))
        pushed = client.post("/api/v1/sync/push", json=batch("laptop-1", [note]),
                             headers=headers)
        assert [r["status"] for r in pushed.json()["results"]] == ["accepted"]
        pulled = client.get("/api/v1/sync/pull", params={"cursor": 0}, headers=headers).json()
        assert note.id in {e["item_id"] for e in pulled["entries"]}
    with pytest.raises(httpx.ConnectError), httpx.Client(base_url=base, timeout=5) as plain:
        plain.get("/healthz")  # the system trust store does not know the self-signed cert
