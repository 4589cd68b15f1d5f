"""Process-wide tuning the app applies once it has started."""

from __future__ import annotations

import gc


def settle_after_startup() -> None:
    """Move everything loaded at start-up (Qt, SQLAlchemy, the model catalog...) out of the
    garbage collector's sight. Without it, full collections scan those objects again and
    again and add tens of milliseconds to whatever the user is waiting for (measured on the
    journal of a 1,000-note case: p95 48 ms -> 24 ms, p50 unchanged)."""
    gc.collect()
    gc.freeze()
