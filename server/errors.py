"""Request-level refusals: an HTTP status, a code for the program and a Swedish detail."""

from __future__ import annotations


class ApiError(Exception):
    def __init__(self, status: int, code: str, detail: str) -> None:
        super().__init__(code)
        self.status, self.code, self.detail = status, code, detail


def unauthorized() -> ApiError:
    return ApiError(401, "unauthorized",
                    "Enhetens inloggning gäller inte längre (okänd, utgången eller återkallad). "
                    "Anslut till servern igen.")


def forbidden(code: str, detail: str) -> ApiError:
    return ApiError(403, code, detail)
