"""Which text of a note came from speech recognition, for the journal and the exports.

A note's machine words (``models.provenance.NoteSpeechSource``, per recording) are found in a
text with ``app.second_pass.machine_spans``: a word still standing as recognised is machine text,
anything else the caseworker typed or changed. Each word keeps the pass it came from; the engine
and model of that pass are the recording's transcript of that pass. Loading is two queries for
any number of notes (sources, then the transcripts they name), so a journal of thousands of
notes opens as fast as before.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.dto import SpeechOrigin, SpeechProvenance
from app.second_pass import MachineWords, machine_spans
from models.journal import JournalNote
from models.provenance import NoteSpeechSource
from models.visits import Transcript
from speech.values import Word

ASSISTED = "Skriven med stöd av taligenkänning"
ENGINE_LABELS = {"vosk": "Vosk", "whisper": "KB-Whisper (faster-whisper)"}
PASS_LABELS = {"live": "direktutskrift", "file": "utskrift av inspelning",
               "accuracy": "förbättrad utskrift"}

# Per recording: (engine, model id) of each pass its machine words came from.
PassOrigins = Mapping[str, Mapping[str, tuple[str, str]]]


@dataclass(frozen=True)
class NoteSpeech:
    """A note's machine words, per recording, and who made each pass of them."""

    sources: tuple[MachineWords, ...]
    origins: PassOrigins


def load_sources(s: Session, where: Sequence[Any]) -> dict[str, NoteSpeech]:
    """The machine words of every note matching ``where`` (conditions on ``JournalNote``), by
    note id. Two queries in all, however many notes."""
    rows = s.execute(
        select(NoteSpeechSource.note_id, NoteSpeechSource.recording_id,
               NoteSpeechSource.transcript_id, NoteSpeechSource.engine,
               NoteSpeechSource.model_id, NoteSpeechSource.pass_kind, NoteSpeechSource.words)
        .join(JournalNote, JournalNote.id == NoteSpeechSource.note_id)
        .where(*where).order_by(NoteSpeechSource.note_id, NoteSpeechSource.updated_at)).all()
    if not rows:
        return {}
    origins = _pass_origins(s, {r.recording_id for r in rows})
    by_note: dict[str, list[MachineWords]] = defaultdict(list)
    for r in rows:
        words = tuple(Word(d["word"], d["start"], d["end"], d["conf"]) for d in r.words)
        kinds = tuple(str(d.get("pass", r.pass_kind)) for d in r.words)
        by_note[r.note_id].append(MachineWords(r.recording_id, r.transcript_id, r.engine,
                                               r.model_id, r.pass_kind, words, kinds))
        # The row itself names the engine and model of its own (latest) pass.
        origins[r.recording_id][r.pass_kind] = (r.engine, r.model_id)
    return {note_id: NoteSpeech(tuple(sources), origins) for note_id, sources in by_note.items()}


def _pass_origins(s: Session, recording_ids: Iterable[str]) -> dict[str, dict[str, tuple[str, str]]]:
    """Per recording: the engine and model of its newest finished transcript of each pass."""
    out: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
    for t in s.execute(select(Transcript.recording_id, Transcript.pass_kind, Transcript.engine,
                              Transcript.model_id)
                       .where(Transcript.recording_id.in_(list(recording_ids)),
                              Transcript.hash.is_not(None))
                       .order_by(Transcript.created_at)):
        out[t.recording_id][t.pass_kind] = (t.engine, t.model_id)  # newest last, wins
    return out


def provenance(text: str, speech: NoteSpeech | None) -> SpeechProvenance | None:
    """What of ``text`` is machine text (None: none of it, or no machine words at all)."""
    if speech is None or not speech.sources or not text.strip():
        return None
    spans = machine_spans(text, speech.sources)
    if not spans:
        return None
    counts: Counter[tuple[str, str, str]] = Counter()
    for sp in spans:
        engine, model = speech.origins.get(sp.recording_id, {}).get(sp.pass_kind, ("", ""))
        counts[(engine, model, sp.pass_kind)] += 1
    origins = sorted((SpeechOrigin(e, m, p, n) for (e, m, p), n in counts.items()),
                     key=lambda o: (_pass_rank(o.pass_kind), o.engine, o.model_id))
    return SpeechProvenance(tuple(origins), len(spans), len(text.split()),
                            tuple((sp.start, sp.end) for sp in spans))


def _pass_rank(pass_kind: str) -> int:
    order = ("live", "file", "accuracy")
    return order.index(pass_kind) if pass_kind in order else len(order)


def origin_label(o: SpeechOrigin) -> str:
    """"KB-Whisper (faster-whisper), modell kb-whisper-base, förbättrad utskrift: 12 ord"."""
    engine = ENGINE_LABELS.get(o.engine, o.engine or "okänd motor")
    model = f", modell {o.model_id}" if o.model_id else ""
    return f"{engine}{model}, {PASS_LABELS.get(o.pass_kind, o.pass_kind)}: {o.words} ord"


def summary(p: SpeechProvenance) -> str:
    """The provenance in one Swedish sentence, as the exports print it."""
    origins = "; ".join(origin_label(o) for o in p.origins)
    return (f"{ASSISTED}. {p.machine_words} av {p.total_words} ord kommer från "
            f"taligenkänning ({origins}); {p.typed_words} ord är skrivna eller ändrade av "
            f"handläggaren.")
