"""The FastAPI application: ``create_app(settings)`` builds it over one database.

The process keeps no state but the database, so several processes may serve one PostgreSQL.
Every handler that writes commits explicitly before it answers (never in a dependency's
teardown): a client that has an answer may rely on what it says being stored."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from models.sync_wire import (
    AuditHead,
    AuditHeadAck,
    DeviceLogin,
    DeviceToken,
    ErrorBody,
    PullPage,
    PushRefused,
    PushRequest,
    PushResponse,
    SignerList,
)
from server import audio, audit
from server.auth import login
from server.database import make_engine, migrate, ping, session_factory
from server.errors import ApiError, unauthorized
from server.pull import acknowledge_audit_head, audit_head, pull
from server.push import push
from server.security import Caller, authenticate
from server.settings import ServerSettings
from server.signers import signers

log = logging.getLogger("samskriv.server")
T = TypeVar("T")
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (400, 401, 403, 409, 413, 422, 429)}
# A push batch refused because of some of its items lists them (403/404/409/422).
PUSH_ERRORS: dict[int | str, dict[str, Any]] = {
    **ERRORS, **{code: {"model": PushRefused | ErrorBody} for code in (403, 404, 409, 422)}}


def _remote(request: Request) -> str:
    return request.client.host if request.client else ""


def _bearer(request: Request) -> str:
    """The bearer token, or "" (refused, and audited, like any unknown token)."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


class Service:
    """Sessions, the caller of a token, and a transaction that commits before it returns."""

    def __init__(self, sessions: sessionmaker[Session], settings: ServerSettings) -> None:
        self.sessions, self.settings = sessions, settings

    def caller(self, session: Session, token: str, remote: str) -> Caller:
        caller = authenticate(session, token)
        if caller is None:
            raise unauthorized()
        return caller

    def refusal(self, action: str, remote: str, caller: Caller | None, status: int,
                details: dict[str, Any] | None = None) -> None:
        """A refused request is logged in its own transaction (the request's rolls back)."""
        with self.sessions() as session:
            audit.append(session, action, actor=caller.user_id if caller else None,
                         token_id=caller.token_id if caller else None, outcome=str(status),
                         remote=remote, details=details)
            session.commit()

    def run(self, token: str, remote: str, action: str,
            work: Callable[[Session, Caller], T], retries: int = 3) -> T:
        """``work`` in one transaction, committed here before the answer is built. A unique
        clash with a concurrent request storing the same item is retried: the retry then
        finds it stored and answers ``duplicate``."""
        for attempt in range(retries):
            caller: Caller | None = None
            with self.sessions() as session:
                try:
                    caller = self.caller(session, token, remote)
                    result = work(session, caller)
                    session.commit()
                    return result
                except IntegrityError:
                    session.rollback()
                    if attempt == retries - 1:
                        raise
                    log.info("%s: retried after a concurrent write of the same rows", action)
                except ApiError as exc:
                    # Rolled back first: on SQLite the refusal's own transaction would
                    # otherwise wait for this one's write lock.
                    session.rollback()
                    self.refusal("auth.token_rejected" if exc.status == 401 else action,
                                 remote, caller, exc.status, exc.audit_details())
                    raise
        raise AssertionError("unreachable")


def create_app(settings: ServerSettings, *, engine: Engine | None = None,
               run_migrations: bool = True) -> FastAPI:
    engine = engine or make_engine(settings.database_url, settings.pool_size)
    if run_migrations:
        migrate(engine)
    service = Service(session_factory(engine), settings)
    app = FastAPI(title="Samskriv sync server", version="1", docs_url="/docs")
    app.state.engine, app.state.service, app.state.settings = engine, service, settings
    _error_handlers(app)
    _health_routes(app, engine)
    _sync_routes(app, service, settings)
    audio.add_routes(app, service)
    return app


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # Never echo the input back (FastAPI's default does): it may hold note text.
        return JSONResponse({"code": "invalid", "detail": _invalid_detail(exc.errors())},
                            status_code=422)


def _invalid_detail(errors: Any) -> str:
    places = sorted({".".join(str(p) for p in e.get("loc", ()) if p != "body")
                     for e in errors})[:5]
    return "Begäran har fel format (" + ", ".join(p or "innehållet" for p in places) + ")."


def _health_routes(app: FastAPI, engine: Engine) -> None:
    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", responses={503: {"model": ErrorBody}})
    def readyz() -> JSONResponse:
        try:
            ping(engine)
        except OperationalError:
            log.warning("readyz: database not reachable")
            return JSONResponse({"code": "database", "detail": "Databasen kan inte nås."},
                                status_code=503)
        return JSONResponse({"status": "ready"})


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _too_large()
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large()
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large() -> ApiError:
    return ApiError(413, "too_large", "Sändningen är för stor; dela upp den i mindre delar.")


def _parse_push(body: bytes, settings: ServerSettings) -> PushRequest:
    try:
        request = PushRequest.model_validate_json(body)
    except ValidationError as exc:
        if any(e.get("type") == "json_invalid" for e in exc.errors()):
            raise ApiError(400, "bad_json", "Begäran är inte giltig JSON.") from None
        raise ApiError(422, "invalid", _invalid_detail(exc.errors())) from None
    if len(request.items) > settings.max_batch_items:
        raise ApiError(413, "too_many_items",
                       f"Högst {settings.max_batch_items} poster per sändning.")
    return request


def _sync_routes(app: FastAPI, service: Service, settings: ServerSettings) -> None:
    @app.post("/api/v1/auth/device", response_model=DeviceToken, responses=ERRORS)
    def auth_device(body: DeviceLogin, request: Request) -> DeviceToken:
        with service.sessions() as session:
            try:
                token = login(session, body, _remote(request), settings)
            finally:
                session.commit()  # the failed attempt counts even when refused
        log.info("device token issued (user %s)", token.user_id)
        return token

    @app.post("/api/v1/sync/push", response_model=PushResponse, responses=PUSH_ERRORS,
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/json": {"schema": PushRequest.model_json_schema()}}}})
    async def sync_push(request: Request) -> PushResponse:
        remote, token = _remote(request), _bearer(request)
        # The token is checked before the body is read: no parsing for anonymous callers.
        caller = await run_in_threadpool(service.run, token, remote, "sync.push",
                                         lambda _session, caller: caller)
        try:
            parsed = _parse_push(await _read_body(request, settings.max_body_bytes), settings)
        except ApiError as exc:
            await run_in_threadpool(service.refusal, "sync.push", remote, caller, exc.status,
                                    exc.audit_details())
            raise
        response = await run_in_threadpool(
            service.run, token, remote, "sync.push",
            lambda session, caller: push(session, caller, parsed, remote))
        log.info("push: %d items, %d accepted", len(parsed.items),
                 sum(r.status == "accepted" for r in response.results))
        return response

    @app.get("/api/v1/sync/pull", response_model=PullPage, responses=ERRORS)
    def sync_pull(request: Request, cursor: int = Query(0, ge=0),
                  limit: int = Query(settings.pull_page_size, ge=1, le=settings.pull_page_size),
                  case_id: str | None = Query(None, max_length=64)) -> PullPage:
        remote = _remote(request)
        return service.run(_bearer(request), remote, "sync.pull",
                           lambda session, caller: pull(session, caller, cursor, limit,
                                                        case_id, remote))

    @app.get("/api/v1/sync/signers", response_model=SignerList, responses=ERRORS)
    def sync_signers(request: Request) -> SignerList:
        remote = _remote(request)
        return service.run(_bearer(request), remote, "sync.signers",
                           lambda session, caller: signers(session, caller, remote))

    @app.post("/api/v1/sync/audit-head", response_model=AuditHeadAck, responses=ERRORS)
    def post_audit_head(body: AuditHead, request: Request) -> AuditHeadAck:
        remote = _remote(request)
        return service.run(_bearer(request), remote, "sync.audit_head",
                           lambda session, caller: acknowledge_audit_head(session, caller, body,
                                                                          remote))

    @app.get("/api/v1/sync/audit-head", response_model=AuditHeadAck | None, responses=ERRORS)
    def get_audit_head(request: Request) -> AuditHeadAck | None:
        return service.run(_bearer(request), _remote(request), "sync.audit_head_read",
                           audit_head)
