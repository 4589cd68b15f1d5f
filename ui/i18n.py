"""Translations: Swedish is the source language; other languages come from ``i18n/*_<lang>.ts``.

Every feature package ships its own file (``samskriv_en.ts`` for the shell, ``review_en.ts``,
``visit_en.ts``, ...); all files for the chosen language are installed. The ``.qm`` files are
build products (git-ignored): at start each ``.ts`` is compiled with ``pyside6-lrelease`` into
a cache folder when the ``.qm`` there is missing or older than the ``.ts``. Qt's own Swedish
strings (standard buttons) come from ``qtbase_sv.qm``.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

LANGUAGES = ("sv", "en")
TS_DIR = Path(__file__).parent / "i18n"


def cache_dir() -> Path:
    override = os.environ.get("SAMSKRIV_CACHE_DIR")
    return Path(override) if override else Path(platformdirs.user_cache_dir("Samskriv", False))


def lrelease_command() -> list[str] | None:
    """Qt's lrelease: on PATH, or the copy inside the PySide6 wheel (always there)."""
    found = shutil.which("pyside6-lrelease")
    if found:
        return [found]
    import PySide6

    for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease"):
        candidate = Path(PySide6.__file__).parent / name
        if candidate.exists():
            return [str(candidate)]
    return None


def sources(lang: str, ts_dir: Path = TS_DIR) -> list[Path]:
    """Every ``<name>_<lang>.ts`` of the application, the shell's ``samskriv`` first."""
    shell = f"samskriv_{lang}"
    found = [p for p in ts_dir.glob(f"*_{lang}.ts") if p.is_file()]
    return sorted(found, key=lambda p: (p.stem != shell, p.name))


def compiled_all(lang: str, target_dir: Path | None = None, ts_dir: Path = TS_DIR) -> list[Path]:
    """Up-to-date ``.qm`` files for every translation source of ``lang`` that compiles."""
    out: list[Path] = []
    for ts in sources(lang, ts_dir):
        qm = compile_ts(ts, target_dir)
        if qm is not None:
            out.append(qm)
    return out


def compile_ts(ts: Path, target_dir: Path | None = None) -> Path | None:
    """Path of an up-to-date ``.qm`` for ``ts``, compiling it if needed; None if impossible."""
    if not ts.exists():
        return None
    shipped = ts.with_suffix(".qm")
    if shipped.exists() and shipped.stat().st_mtime >= ts.stat().st_mtime:
        return shipped
    target_dir = target_dir or cache_dir() / "i18n"
    qm = target_dir / f"{ts.stem}.qm"
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    tool = lrelease_command()
    if tool is None:
        log.warning("pyside6-lrelease not found; the UI stays in Swedish")
        return None
    target_dir.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([*tool, "-silent", str(ts), "-qm", str(qm)],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0 or not qm.exists():
        log.warning("lrelease failed: %s", result.stderr.strip())
        return None
    return qm


class Translations:
    """Owns the installed translators so the language can be switched while running."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "sv"

    def apply(self, lang: str) -> None:
        app = QCoreApplication.instance()
        assert app is not None, "create the QApplication first"
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        self.language = lang if lang in LANGUAGES else "sv"
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if self.language == "sv":
            QLocale.setDefault(QLocale("sv_SE"))
            self._load(app, "qtbase_sv", qt_dir)
            for qm in compiled_all("sv"):  # the plural forms (Swedish is the source language)
                self._load(app, qm.stem, str(qm.parent))
        else:
            QLocale.setDefault(QLocale("en_GB"))
            for qm in compiled_all(self.language):
                self._load(app, qm.stem, str(qm.parent))

    def _load(self, app: QCoreApplication, name: str, folder: str) -> None:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            self._installed.append(translator)
        else:
            log.info("translation %s not found in %s", name, folder)
