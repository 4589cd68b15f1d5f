"""Shared pytest configuration: only fixtures every layer may use (nothing Qt here)."""

pytest_plugins = ["tests.support.store"]
