"""``python -m tests.support.fast_kdf_main ...``: the ``samskriv`` command with the cheap test
Argon2id, for end-to-end tests that run many commands. The shipped command has no way to ask
for it (issue 9: an environment variable used to, and wrote weak parameters into keys.json)."""

from __future__ import annotations

import sys

from app.keys import FAST_TEST_KDF
from ui.main import main

if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:], kdf=FAST_TEST_KDF))
