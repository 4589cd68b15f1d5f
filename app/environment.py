"""Switches read from the process environment, for the composition root (GUI and CLI alike)."""

from __future__ import annotations

import os

from app.keys import FAST_TEST_KDF, KdfParams

FAST_KDF_VARIABLE = "SAMSKRIV_FAST_KDF"


def kdf_from_env() -> KdfParams | None:
    """Only for the test suite: ``SAMSKRIV_FAST_KDF=1`` selects a cheap Argon2id so thousands
    of logins stay fast; otherwise None (the store's own, slow parameters)."""
    return FAST_TEST_KDF if os.environ.get(FAST_KDF_VARIABLE) == "1" else None
