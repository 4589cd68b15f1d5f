"""Request-level refusals: an HTTP status, a code for the program and a Swedish detail."""

from __future__ import annotations

from collections import Counter
from typing import Any

from models.sync_wire import PushRefused, RefusedItem

# The statuses a refused push item gives its batch, most serious first (see models.sync_wire).
BATCH_STATUS_ORDER = (403, 404, 409, 422)


class ApiError(Exception):
    def __init__(self, status: int, code: str, detail: str) -> None:
        super().__init__(code)
        self.status, self.code, self.detail = status, code, detail

    def body(self) -> dict[str, Any]:
        return {"code": self.code, "detail": self.detail}

    def audit_details(self) -> dict[str, Any]:
        """What the server's audit log keeps of the refusal (codes and counts, no content)."""
        return {"code": self.code}


class BatchRefused(ApiError):
    """A push batch refused whole because of some of its items (every one of them listed)."""

    def __init__(self, refused: list[tuple[RefusedItem, int]], items: int) -> None:
        status = min((s for _r, s in refused), key=BATCH_STATUS_ORDER.index)
        first = next(r for r, s in refused if s == status)
        detail = (f"Sändningen togs inte emot: {len(refused)} av {items} poster vägrades "
                  f"(till exempel: {first.reason}). Inget av sändningen sparades.")
        super().__init__(status, first.code, detail)
        self.refused = [r for r, _s in refused]
        self.items = items

    def body(self) -> dict[str, Any]:
        return PushRefused(code=self.code, detail=self.detail, refused=self.refused).model_dump()

    def audit_details(self) -> dict[str, Any]:
        return {"code": self.code, "items": self.items, "refused": len(self.refused),
                "codes": dict(sorted(Counter(r.code for r in self.refused).items()))}


def unauthorized() -> ApiError:
    return ApiError(401, "unauthorized",
                    "Enhetens inloggning gäller inte längre (okänd, utgången eller återkallad). "
                    "Anslut till servern igen.")


def forbidden(code: str, detail: str) -> ApiError:
    return ApiError(403, code, detail)
