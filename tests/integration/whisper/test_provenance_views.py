"""Provenance in the journal and the exports: which text came from speech recognition (engine,
model, pass) and which the caseworker typed or changed, read in a fixed number of queries."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from docx import Document
from sqlalchemy import event
from sqlalchemy.orm import Session

from app import export, notes, second_pass
from app.context import Context
from app.dto import SpeechProvenance
from app.speech_provenance import ASSISTED
from tests.support.speech_notes import MERGED, TYPED, SpeechNote, speech_note

TYPED_NOTE = "Telefonsamtal med skolan, skrivet för hand."


def _machine_text(body: str, p: SpeechProvenance) -> list[str]:
    return [body[a:b] for a, b in p.spans]


def _check(p: SpeechProvenance | None) -> None:
    assert p is not None
    assert p.total_words == len(MERGED.split()) and p.typed_words == 1
    machine = _machine_text(MERGED, p)
    assert TYPED not in machine and "Anna" in machine and "göteborg" in machine
    by_pass = {(o.engine, o.model_id, o.pass_kind): o.words for o in p.origins}
    # "Anna" and the words around it were improved by KB-Whisper; "göteborg" (next to the
    # edit) is still what Vosk heard in the file pass.
    assert by_pass[("whisper", "kb-whisper-base", "accuracy")] >= 1
    assert by_pass[("vosk", "vosk-model-small-sv-rhasspy-0.15", "file")] >= 1
    assert sum(by_pass.values()) == p.machine_words


def test_the_journal_says_which_words_came_from_speech(admin: Context, tmp_path: Path) -> None:
    made = speech_note(admin, tmp_path)
    typed = notes.create_draft(admin, made.case_id, TYPED_NOTE)
    journal = {n.id: n for n in notes.timeline(admin, made.case_id)}
    assert journal[made.note_id].current.body == MERGED
    _check(journal[made.note_id].current.speech)
    assert journal[typed.id].current.speech is None
    _check(notes.get_note(admin, made.note_id).current.speech)


def test_text_typed_over_every_machine_word_is_not_speech(admin: Context,
                                                          tmp_path: Path) -> None:
    made = speech_note(admin, tmp_path)
    note = notes.save_draft(admin, made.note_id, TYPED_NOTE,
                            expected_revision_id=notes.get_note(admin, made.note_id).current.id)
    assert note.current.speech is None
    assert notes.timeline(admin, made.case_id)[0].current.speech is None


@contextmanager
def _counting_statements() -> Iterator[list[str]]:
    seen: list[str] = []

    def count(state: Any) -> None:
        seen.append(str(state.statement)[:40])

    event.listen(Session, "do_orm_execute", count)
    try:
        yield seen
    finally:
        event.remove(Session, "do_orm_execute", count)


def test_the_journal_and_the_export_read_speech_in_a_fixed_number_of_queries(
        admin: Context, tmp_path: Path) -> None:
    made = speech_note(admin, tmp_path)
    request = export.ExportRequest("json", case_id=made.case_id)
    with _counting_statements() as one:
        notes.timeline(admin, made.case_id)
        export.read_export(admin, request)
    for k in range(3):  # three more notes made with speech, from the same recording
        note = notes.create_draft(admin, made.case_id, MERGED, visit_id=made.visit_id)
        assert second_pass.link_note_to_visit_speech(admin, note.id, made.visit_id, MERGED), k
    with _counting_statements() as four:
        journal = notes.timeline(admin, made.case_id)
        doc = export.read_export(admin, request)
    assert len(four) == len(one)
    assert all(n.current.speech is not None for n in journal)
    assert all(n.current.speech is not None for n in doc.cases[0].notes)


def _export(ctx: Context, made: SpeechNote, fmt: str, tmp_path: Path) -> Path:
    target = tmp_path / f"journal.{fmt}"
    export.export_journal(ctx, export.ExportRequest(fmt, case_id=made.case_id), target)
    return target


def test_csv_and_json_carry_engine_model_pass_and_the_machine_ranges(
        admin: Context, tmp_path: Path) -> None:
    made = speech_note(admin, tmp_path)
    typed = notes.create_draft(admin, made.case_id, TYPED_NOTE)
    raw = _export(admin, made, "csv", tmp_path).read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(raw, newline=""), delimiter=";"))
    note = next(r for r in rows if r["record_type"] == "note" and r["note_id"] == made.note_id)
    assert note["body"] == MERGED and note["speech_assisted"] == "ja"
    machine, total = (int(x) for x in note["speech_words"].split("/"))
    assert (machine, total) == (len(MERGED.split()) - 1, len(MERGED.split()))
    assert "whisper kb-whisper-base accuracy" in note["speech_origins"]
    assert "vosk vosk-model-small-sv-rhasspy-0.15 file" in note["speech_origins"]
    ranges = [tuple(int(x) for x in span.split("-")) for span in note["speech_spans"].split()]
    words = [MERGED[a:b] for a, b in ranges]
    assert len(words) == machine and TYPED not in words and "Anna" in words
    plain = next(r for r in rows if r["record_type"] == "note" and r["note_id"] == typed.id)
    assert plain["speech_assisted"] == "nej" and plain["speech_spans"] == ""
    revision = next(r for r in rows if r["record_type"] == "revision"
                    and r["note_id"] == made.note_id)
    assert revision["speech_spans"] == note["speech_spans"]  # the draft's current text

    doc = json.loads(_export(admin, made, "json", tmp_path).read_bytes())
    records = doc["cases"][0]["records"]
    jnote = next(r for r in records if r["record_type"] == "note"
                 and r["note_id"] == made.note_id)
    assert (jnote["speech_assisted"], jnote["speech_spans"]) == ("ja", note["speech_spans"])


def _pdftext(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return " ".join(unicodedata.normalize("NFC", out).split())


def test_pdf_and_docx_say_written_with_speech_recognition(admin: Context,
                                                          tmp_path: Path) -> None:
    made = speech_note(admin, tmp_path)
    notes.create_draft(admin, made.case_id, TYPED_NOTE)
    text = _pdftext(_export(admin, made, "pdf", tmp_path))
    assert MERGED in text
    after = text[text.index(MERGED):]
    assert after.count(ASSISTED) == 1  # once: the typed note has none
    summary = after[after.index(ASSISTED):]
    assert f"{len(MERGED.split()) - 1} av {len(MERGED.split())} ord kommer från taligenkänning" \
        in summary
    assert "KB-Whisper (faster-whisper), modell kb-whisper-base, förbättrad utskrift" in summary
    # (the PDF may break the model's name at a hyphen)
    assert "Vosk, modell vosk-model-" in summary and "utskrift av inspelning" in summary
    assert "1 ord är skrivna eller ändrade av handläggaren" in summary
    assert text.index(TYPED_NOTE) > text.index(ASSISTED)  # the typed note comes later, bare

    document = Document(str(_export(admin, made, "docx", tmp_path)))
    paragraphs = [p.text for p in document.paragraphs]
    assert sum(ASSISTED in p for p in paragraphs) == 1
    assert paragraphs.index(MERGED) + 1 == next(
        k for k, p in enumerate(paragraphs) if ASSISTED in p)
