"""Settings: declared defaults, round trip, hand-broken files falling back to defaults, and the
context's cache with the save command that refreshes it."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

import pytest

from app import preferences
from app import settings as settings_module
from app.context import Context
from app.dto import Actor
from app.errors import ValidationError
from app.keys import KeyFile
from app.paths import DataPaths
from app.settings import Settings, load, save
from app.store import Store


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load(tmp_path / "settings.json") == Settings()


def test_saved_settings_load_back(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "settings.json"
    value = replace(
        Settings(),
        language="en",
        idle_lock_minutes=30,
        audio_policy="keep",
        model_name="vosk-model-small-sv-rhasspy-0.15",
        review_font_pt=48,
    )
    save(path, value)
    assert load(path) == value
    assert not path.with_suffix(".tmp").exists()


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"", b"\xff\xfe\x00garbage", b'{"language": "sv"'],
)
def test_unreadable_file_gives_defaults(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    assert load(path) == Settings()


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"language": "fi"}, "language"),
        ({"idle_lock_minutes": 0}, "idle_lock_minutes"),
        ({"idle_lock_minutes": 100000}, "idle_lock_minutes"),
        ({"idle_lock_minutes": "10"}, "idle_lock_minutes"),
        ({"audio_policy": "never"}, "audio_policy"),
        ({"review_font_pt": 2}, "review_font_pt"),
        ({"review_font_pt": None}, "review_font_pt"),
        ({"low_confidence": "hög"}, "low_confidence"),
    ],
)
def test_bad_values_fall_back_one_by_one(
    tmp_path: Path, raw: dict[str, object], field: str
) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({**raw, "language": raw.get("language", "en")}))
    loaded = load(path)
    assert getattr(loaded, field) == getattr(Settings(), field)
    if field != "language":
        assert loaded.language == "en"  # the good values survive


def test_unknown_keys_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"theme": "dark", "idle_lock_minutes": 5}))
    assert load(path) == replace(Settings(), idle_lock_minutes=5)


@pytest.mark.parametrize("content", ["[]", '"sv"', "null", "42"])
def test_json_that_is_not_an_object_gives_defaults(tmp_path: Path, content: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content)
    assert load(path) == Settings()


def test_validated_repairs_values_set_in_code() -> None:
    broken = replace(Settings(), language="de", review_font_pt=500)
    assert broken.validated() == Settings()


# -- cached on the context, refreshed by the save command --------------------------------------

def _context(root: Path) -> Context:
    """A context without a store: the settings never touch it."""
    return Context(DataPaths(root), cast(Store, None), cast(KeyFile, None),
                   Actor("u1", "anna", "Anna", "caseworker"), b"")


def test_the_context_reads_the_settings_file_once(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = _context(tmp_path)
    save(ctx.paths.settings, replace(Settings(), idle_lock_minutes=7))
    reads: list[Path] = []
    real_load = settings_module.load

    def counting_load(path: Path) -> Settings:
        reads.append(path)
        return real_load(path)

    monkeypatch.setattr(settings_module, "load", counting_load)
    assert all(ctx.settings.idle_lock_minutes == 7 for _ in range(100))
    assert reads == [ctx.paths.settings]


def test_a_saved_value_is_seen_at_once_and_stored(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = _context(tmp_path)
    assert ctx.settings == Settings()
    monkeypatch.setattr(settings_module, "load", _no_reads)
    saved = preferences.save_settings(ctx, replace(ctx.settings, language="en",
                                                   idle_lock_minutes=30))
    assert ctx.settings == saved == replace(Settings(), language="en", idle_lock_minutes=30)
    monkeypatch.undo()
    assert load(ctx.paths.settings) == saved  # on disk for the next start
    assert _context(tmp_path).settings == saved


@pytest.mark.parametrize(("change", "field"), [
    ({"language": "fi"}, "language"),
    ({"idle_lock_minutes": 0}, "idle_lock_minutes"),
    ({"review_font_pt": 500}, "review_font_pt"),
    ({"audio_policy": "never"}, "audio_policy"),
    ({"low_confidence": 1.5}, "low_confidence"),
])
def test_the_save_command_refuses_bad_values_and_keeps_the_old(
    tmp_path: Path, change: dict[str, Any], field: str
) -> None:
    ctx = _context(tmp_path)
    with pytest.raises(ValidationError) as refused:
        preferences.save_settings(ctx, replace(Settings(), **change))
    assert refused.value.field == field
    assert ctx.settings == Settings()
    assert not ctx.paths.settings.exists()


def _no_reads(path: Path) -> Settings:
    raise AssertionError("the settings file was read again")


@pytest.mark.parametrize(("name", "low", "high"), [
    ("idle_lock_minutes", 1, 240),
    ("review_font_pt", 16, 96),  # what the review settings page has always let one choose
    ("low_confidence", 0.0, 1.0),
])
def test_a_declared_range_is_what_check_and_validated_keep(name: str, low: float,
                                                           high: float) -> None:
    step = 1 if isinstance(low, int) else 0.01
    for inside in (low, high):
        kept = replace(Settings(), **cast(dict[str, Any], {name: inside}))
        kept.check()
        assert kept.validated() == kept
    for outside in (low - step, high + step):
        broken = replace(Settings(), **cast(dict[str, Any], {name: outside}))
        with pytest.raises(ValidationError) as refused:
            broken.check()
        assert refused.value.field == name
        assert f"{low:g} och {high:g}" in refused.value.message
        assert broken.validated() == Settings()


def test_spin_boxes_read_whole_number_ranges() -> None:
    assert settings_module.int_range("idle_lock_minutes") == (1, 240)
    assert settings_module.int_range("review_font_pt") == (16, 96)
    with pytest.raises(TypeError):
        settings_module.int_range("low_confidence")


# -- the file's problems, said in Swedish ------------------------------------------------------

def _problems(tmp_path: Path, content: str | bytes) -> tuple[str, ...]:
    path = tmp_path / "settings.json"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    before = path.read_bytes()
    loaded = settings_module.read(path)
    assert path.read_bytes() == before  # reading never changes the file
    assert loaded.settings == loaded.settings.validated()
    return loaded.problems


@pytest.mark.parametrize(("content", "said"), [
    ("{not json", "är inte giltig JSON"),
    (b"\xff\xfe\x00garbage", "kunde inte läsas"),
    ("[1, 2]", "ska innehålla ett JSON-objekt"),
    ('{"color": "red"}', "Okänd inställning ”color”"),
    ('{"idle_lock_minutes": "10"}', "”idle_lock_minutes” ska vara ett heltal; standardvärdet 10"),
    ('{"idle_lock_minutes": true}', "”idle_lock_minutes” ska vara ett heltal"),
    ('{"idle_lock_minutes": 0}', "Låstiden ska vara mellan 1 och 240 minuter; standardvärdet 10"),
    ('{"language": "fi"}', "”language” ska vara sv eller en"),
    ('{"audio_policy": "never"}', "”audio_policy” ska vara delete-on-sign eller keep"),
    ('{"model_name": "' + "m" * 501 + '"}', "”model_name” är för lång"),
    ('{"low_confidence": 7.5}', "Gränsen för osäkra ord ska vara mellan 0 och 1"),
])
def test_each_problem_of_a_hand_edited_file_is_said_clearly(
        tmp_path: Path, content: str | bytes, said: str) -> None:
    problems = _problems(tmp_path, content)
    assert any(said in line for line in problems), problems


def test_a_huge_file_is_not_read(tmp_path: Path) -> None:
    huge = '{"language": "en", "model_name": "' + "m" * (100 * 1024) + '"}'
    problems = _problems(tmp_path, huge)
    assert len(problems) == 1 and "är för stor" in problems[0]
    assert load(tmp_path / "settings.json") == Settings()


def test_a_good_file_has_no_problems_and_the_valid_values_survive_a_bad_one(
        tmp_path: Path) -> None:
    assert _problems(tmp_path, '{"language": "en", "idle_lock_minutes": 30}') == ()
    assert _problems(tmp_path, '{"language": "en", "idle_lock_minutes": -1}') != ()
    assert load(tmp_path / "settings.json") == replace(Settings(), language="en")


def test_the_cli_checks_the_settings_file(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from app import cli

    data = tmp_path / "data"
    data.mkdir()
    assert cli.main(["--data-dir", str(data), "settings", "check"]) == 0
    (data / "settings.json").write_text('{"language": "fi"}', encoding="utf-8")
    assert cli.main(["--data-dir", str(data), "settings", "check"]) == 2
    assert "”language” ska vara sv eller en" in capsys.readouterr().err
