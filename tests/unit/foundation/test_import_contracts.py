"""The boundary contracts in pyproject.toml cover what they claim to cover."""

from __future__ import annotations

import pkgutil
import tomllib
from pathlib import Path
from typing import Any

import speech

PYPROJECT = Path(__file__).resolve().parents[3] / "pyproject.toml"
UI_MAY_IMPORT = {"speech.values", "speech.errors"}


def _contracts() -> list[dict[str, Any]]:
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    contracts: list[dict[str, Any]] = config["tool"]["importlinter"]["contracts"]
    return contracts


def _forbidden_for_ui() -> set[str]:
    return {module for c in _contracts() if c["type"] == "forbidden" and c["source_modules"] == ["ui"]
            for module in c["forbidden_modules"]}


def test_every_speech_module_but_values_and_errors_is_forbidden_to_the_ui() -> None:
    modules = {f"speech.{m.name}" for m in pkgutil.iter_modules(speech.__path__)}
    assert modules >= UI_MAY_IMPORT
    forbidden = _forbidden_for_ui()
    assert modules - UI_MAY_IMPORT <= forbidden, "list the new speech module in pyproject.toml"
    assert not UI_MAY_IMPORT & forbidden


def test_the_ui_may_not_import_models_or_sqlalchemy() -> None:
    assert {"models", "sqlalchemy"} <= _forbidden_for_ui()


def test_no_contract_ignores_an_import() -> None:
    assert [c["name"] for c in _contracts() if c.get("ignore_imports")] == []
