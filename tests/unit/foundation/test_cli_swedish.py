"""The command line speaks Swedish: argparse's own words too, and counts in the right form."""

from __future__ import annotations

import pytest

from app import cli
from app.cli_text import plural


def test_help_is_swedish() -> None:
    text = cli.build_parser().format_help()
    assert text.startswith("användning: samskriv")
    assert "flaggor:" in text and "visa den här hjälpen och avsluta" in text
    for english in ("usage:", "options:", "show this help", "positional arguments"):
        assert english not in text


def test_an_error_is_swedish(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.build_parser().parse_args(["user", "add"])
    err = capsys.readouterr().err
    assert "fel: de här argumenten behövs: username" in err
    assert "required" not in err and "error" not in err


def test_counts() -> None:
    assert plural(1, "{n} träff.", "{n} träffar.") == "1 träff."
    assert plural(3, "{n} träff.", "{n} träffar.") == "3 träffar."
