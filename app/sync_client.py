"""The laptop's HTTP client of the sync protocol (``models.sync_wire``): plain calls, Swedish
errors. No database here; ``app.sync`` decides what to store."""

from __future__ import annotations

from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from app.errors import UserError
from models.sync_wire import (
    CHUNK_SHA_HEADER,
    AudioManifest,
    AudioStatus,
    AuditHead,
    AuditHeadAck,
    DeviceLogin,
    DeviceToken,
    PullPage,
    PushItem,
    PushRefused,
    PushRequest,
    PushResponse,
    RefusedItem,
    SignerList,
)

M = TypeVar("M", bound=BaseModel)
TIMEOUT_S = 60.0


class ServerUnreachable(UserError):
    """No answer (network down, server off, connection cut): nothing is lost, try later."""

    def __init__(self) -> None:
        super().__init__("Servern kan inte nås. Allt sparas på datorn och skickas senare.")


class ServerRefused(UserError):
    """The server answered with a 4xx/5xx; ``code`` is the protocol's machine-readable one.
    ``refused`` lists the items of a push batch the server refused (empty when it refused the
    request as a whole): the rest of that batch may be sent again."""

    def __init__(self, status: int, code: str, detail: str,
                 refused: tuple[RefusedItem, ...] = ()) -> None:
        super().__init__(detail or "Servern vägrade begäran.")
        self.status, self.code, self.refused = status, code, refused


class SyncClient:
    """One server, one device token. ``transport`` lets tests run the server in-process or cut
    the connection at chosen points."""

    def __init__(self, base_url: str, token: str = "", *,
                 transport: httpx.BaseTransport | None = None,
                 timeout: float = TIMEOUT_S) -> None:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._http = httpx.Client(base_url=base_url.rstrip("/"), headers=headers,
                                  transport=transport, timeout=timeout)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _call(self, method: str, path: str, model: type[M], **kwargs: Any) -> M:
        try:
            resp = self._http.request(method, path, **kwargs)
        except httpx.HTTPError as exc:  # connect, read, write or protocol errors alike
            raise ServerUnreachable() from exc
        if resp.status_code >= 400:
            raise _refused(resp)
        try:
            return model.model_validate_json(resp.content)
        except ValidationError as exc:
            raise ServerRefused(resp.status_code, "bad_answer",
                                "Servern svarade med något oväntat.") from exc

    def reachable(self) -> bool:
        try:
            return self._http.get("/healthz").status_code == 200
        except httpx.HTTPError:
            return False

    def login(self, body: DeviceLogin) -> DeviceToken:
        return self._call("POST", "/api/v1/auth/device", DeviceToken,
                          content=body.model_dump_json(),
                          headers={"Content-Type": "application/json"})

    def push(self, device_id: str, items: list[PushItem],
             sign_pub: str | None = None) -> PushResponse:
        body = PushRequest(device_id=device_id, items=items,
                           sign_pub=sign_pub).model_dump_json()
        return self._call("POST", "/api/v1/sync/push", PushResponse, content=body,
                          headers={"Content-Type": "application/json"})

    def pull(self, cursor: int, case_id: str | None = None) -> PullPage:
        params: dict[str, Any] = {"cursor": cursor}
        if case_id is not None:
            params["case_id"] = case_id
        return self._call("GET", "/api/v1/sync/pull", PullPage, params=params)

    def signers(self) -> SignerList:
        return self._call("GET", "/api/v1/sync/signers", SignerList)

    def audit_head(self, head: AuditHead) -> AuditHeadAck:
        return self._call("POST", "/api/v1/sync/audit-head", AuditHeadAck,
                          content=head.model_dump_json(),
                          headers={"Content-Type": "application/json"})

    def audio_start(self, recording_id: str, manifest: AudioManifest) -> AudioStatus:
        return self._call("PUT", f"/api/v1/recordings/{recording_id}/audio", AudioStatus,
                          content=manifest.model_dump_json(),
                          headers={"Content-Type": "application/json"})

    def audio_chunk(self, recording_id: str, index: int, data: bytes,
                    digest: str) -> AudioStatus:
        return self._call("PUT", f"/api/v1/recordings/{recording_id}/audio/chunks/{index}",
                          AudioStatus, content=data,
                          headers={"Content-Type": "application/octet-stream",
                                   CHUNK_SHA_HEADER: digest})

    def audio_status(self, recording_id: str) -> AudioStatus:
        return self._call("GET", f"/api/v1/recordings/{recording_id}/audio", AudioStatus)


def _refused(resp: httpx.Response) -> ServerRefused:
    try:
        body = resp.json()
        code, detail = str(body.get("code", "")), str(body.get("detail", ""))
    except (ValueError, AttributeError):
        body, code, detail = None, "", ""
    if resp.status_code >= 500:
        return ServerRefused(resp.status_code, code or "server_error",
                             "Servern har ett fel just nu. Försök igen senare.")
    if isinstance(body, dict) and "refused" in body:
        try:
            batch = PushRefused.model_validate(body)
        except ValidationError:
            return ServerRefused(resp.status_code, "bad_answer",
                                 "Servern svarade med något oväntat.")
        return ServerRefused(resp.status_code, batch.code, batch.detail, tuple(batch.refused))
    return ServerRefused(resp.status_code, code, detail)
