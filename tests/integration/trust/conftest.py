"""The world the trust tests attack: the installation's users and records."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.context import Context
from app.paths import DataPaths
from tests.support.trust import World, add_other, build_world, verify


@pytest.fixture
def fresh_world(admin: Context, caseworker: Context, data_paths: DataPaths
                ) -> Iterator[tuple[World, Context]]:
    """The built world and the other caseworker's context, not yet verified (a verify writes
    the admin's checkpoint, which later checks start from)."""
    other = add_other(admin, data_paths)
    try:
        yield build_world(admin, caseworker, other), other
    finally:
        other.close()


@pytest.fixture
def world(admin: Context, fresh_world: tuple[World, Context]) -> tuple[World, Context]:
    """The world, checked clean before any attack."""
    assert verify(admin).ok
    return fresh_world
