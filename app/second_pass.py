"""The second pass ("Förbättra utskriften"): KB-Whisper over a stored recording, kept as its
"accuracy" transcript, and merged into a note draft without touching the caseworker's edits.

Provenance: a note keeps, per recording, the machine words as they stand in it
(``models.provenance.NoteSpeechSource``); ``machine_spans`` finds them in the note's text, so
the editor can link words to the audio, keep uncertainty marks and say "Skriven med stöd av
taligenkänning"; the merge starts from them. Every merge is an audit event (counts, places,
reasons: never the text).
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit, recording, transcripts
from app.access import require_recording
from app.context import Context
from app.dto import TranscriptInfo
from app.errors import ModelError, NotFound, speech_as_user_errors, to_user_error
from app.transcription import model_store
from app.word_merge import MergeResult, merge, normalize
from models.journal import JournalNote
from models.provenance import NoteSpeechSource
from models.visits import Recording, Transcript
from speech import whisper_catalog
from speech.engine import CancelCheck, FileTranscriber, load_file_transcriber
from speech.errors import SpeechError
from speech.values import WHISPER, InstalledModel, Segment, Word

Progress = Callable[[float], None]
# Smaller is faster; on a caseworker's laptop "base" is the balance the research points to
# (6–9 % WER, RTF well under real time), then small, tiny, medium.
PREFERRED_SIZES = ("base", "small", "tiny", "medium")
_TOKEN = re.compile(r"\S+")
NO_MODEL = ("Ingen modell för att förbättra utskriften är installerad. Installera en "
            "KB-Whisper-modell under Talmodeller.")


@dataclass(frozen=True)
class MachineWords:
    """The machine words of one recording as they stand in a note."""

    recording_id: str
    transcript_id: str | None
    engine: str
    model_id: str
    pass_kind: str
    words: tuple[Word, ...]
    passes: tuple[str, ...]  # per word: "live", "file" or "accuracy"


@dataclass(frozen=True)
class MachineSpan:
    """Where a machine word stands in a note's text: click it to hear ``start``–``end``."""

    start: int
    end: int
    recording_id: str
    word: Word
    pass_kind: str


def second_pass_model(ctx: Context) -> InstalledModel:
    """The KB-Whisper model to use: the one in settings, else the size the calibration
    recommended here, else the preferred installed size."""
    installed = [m for m in model_store(ctx).installed(WHISPER) if m.valid]
    for wanted in (ctx.settings.second_pass_model, ctx.settings.second_pass_recommended):
        for m in installed:
            if wanted and m.name == wanted:
                return m

    def rank(m: InstalledModel) -> int:
        sizes = [k for k, size in enumerate(PREFERRED_SIZES) if size in m.name]
        return sizes[0] if sizes else len(PREFERRED_SIZES)

    if not installed:
        raise ModelError(NO_MODEL)
    return min(installed, key=lambda m: (rank(m), m.name))


def installed_models(ctx: Context) -> list[str]:
    """Names of the valid KB-Whisper models installed here (for the settings)."""
    return sorted(m.name for m in model_store(ctx).installed(WHISPER) if m.valid)


def install_kb_model(ctx: Context, name: str, progress: Callable[[int, int | None], None]
                     | None = None, cancel: threading.Event | None = None) -> InstalledModel:
    """Download and install a KB-Whisper size (resumes; checksums checked; Swedish errors)."""
    with speech_as_user_errors():
        return whisper_catalog.install(model_store(ctx), whisper_catalog.find(name),
                                       progress=progress, cancel=cancel)


def recommended_size(ctx: Context, recording_id: str, transcriber: FileTranscriber | None = None,
                     *, seconds: float = 30.0, clock: Callable[[], float] = time.monotonic,
                     ) -> str:
    """A short calibration run: the installed model on the first ``seconds`` of a recording,
    timed here; the most accurate KB-Whisper size that keeps within half real time."""
    transcriber = transcriber or load_transcriber(ctx)
    pcm = recording.read_audio(ctx, recording_id, 0.0, seconds)
    name = transcriber.model_id if transcriber.model_id in {
        m.name for m in whisper_catalog.KB_MODELS} else "kb-whisper-base"

    def run(audio: bytes) -> None:
        with speech_as_user_errors():
            transcriber.transcribe(audio, lambda _f: None, threading.Event())

    return whisper_catalog.recommend(whisper_catalog.calibrate(run, pcm, name, clock))


def load_transcriber(ctx: Context) -> FileTranscriber:
    model = second_pass_model(ctx)
    with speech_as_user_errors():
        return load_file_transcriber(WHISPER, model.path, threads=0)


def improve_recording(
    ctx: Context, recording_id: str, transcriber: FileTranscriber, *,
    progress: Progress | None = None, cancel: CancelCheck | None = None,
) -> tuple[TranscriptInfo | None, tuple[Segment, ...]]:
    """Run the second pass over a stored recording and keep it as its "accuracy" transcript
    (the live one stays as it was made). A cancel or a failure changes nothing."""
    pcm = recording.read_audio(ctx, recording_id)
    try:
        segments = transcriber.transcribe(pcm, progress or (lambda _f: None),
                                          cancel or threading.Event())
    except SpeechError as exc:
        raise to_user_error(exc) from exc
    info = transcripts.add_transcript(ctx, recording_id, segments, engine=transcriber.engine,
                                      model_id=transcriber.model_id, pass_kind="accuracy")
    return info, tuple(segments)


def run_second_pass(ctx: Context, recording_id: str, progress: Progress | None = None,
                    cancel: CancelCheck | None = None) -> TranscriptInfo | None:
    """"Förbättra utskriften": load the chosen KB-Whisper model and run it (minutes: the UI
    runs this on its long-work queue; the worker process does the decoding)."""
    transcriber = load_transcriber(ctx)
    info, _segments = improve_recording(ctx, recording_id, transcriber, progress=progress,
                                        cancel=cancel)
    return info


def inserted_words(text: str, segments: Sequence[Segment]) -> tuple[Word, ...]:
    """The words of ``text`` that are the transcript's words (as the dictation rules wrote
    them: capitals, punctuation), with the transcript word's times and confidence."""
    heard = [w for seg in segments for w in seg.words]
    tokens = [m.group() for m in _tokens(text)]
    matcher = SequenceMatcher(None, [normalize(w.text) for w in heard],
                              [normalize(t) for t in tokens], autojunk=False)
    out: list[Word] = []
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            w = heard[block.a + k]
            out.append(Word(tokens[block.b + k], w.start, w.end, w.conf))
    return tuple(out)


def link_note_to_visit_speech(ctx: Context, note_id: str, visit_id: str, text: str) -> bool:
    """After a draft made from a visit's transcript is first saved: remember its machine words
    (of the visit's latest recording). False when none of the text is the transcript's."""
    with ctx.uow() as uow:
        s = uow.session
        rec = s.scalars(select(Recording).where(Recording.visit_id == visit_id)
                        .order_by(Recording.started_at.desc())).first()
        if rec is None:
            return False
        recording_id = rec.id
        shown = _shown(s, recording_id)
        segments = transcripts.segments_of(s, shown.id) if shown else []
        pass_kind = shown.pass_kind if shown else "live"
    words = inserted_words(text, segments)
    if not words:
        return False
    record_inserted(ctx, note_id, recording_id, words, pass_kind)
    return True


def record_inserted(ctx: Context, note_id: str, recording_id: str,
                    words: Sequence[Word], pass_kind: str = "live") -> None:
    """Remember that ``words`` (of the recording's shown transcript) went into the note."""
    with ctx.uow(write=True) as uow:
        s = uow.session
        rec = require_recording(s, ctx.actor, recording_id)
        if s.get(JournalNote, note_id) is None:
            raise NotFound("Anteckningen")
        shown = _shown(s, recording_id)
        row = _source_row(s, note_id, recording_id) or NoteSpeechSource(
            note_id=note_id, recording_id=recording_id)
        row.transcript_id = shown.id if shown else None
        row.engine = shown.engine if shown else rec.engine
        row.model_id = shown.model_id if shown else rec.model_id
        row.pass_kind = pass_kind
        row.words = [_word_dict(w, pass_kind) for w in words]
        row.updated_at = ctx.now()
        s.add(row)
        uow.commit()


def note_sources(ctx: Context, note_id: str) -> list[MachineWords]:
    with ctx.uow() as uow:
        rows = uow.session.scalars(select(NoteSpeechSource).where(
            NoteSpeechSource.note_id == note_id).order_by(NoteSpeechSource.updated_at)).all()
        return [_machine_words(r) for r in rows]


def merge_into_note(ctx: Context, note_id: str, recording_id: str, doc: str) -> MergeResult:
    """Merge the recording's newest accuracy transcript into a note's text (``doc``, as the
    editor has it now). The result is for the editor to apply as one undo step; the note's
    machine words become the merged ones and the merge is an audit event."""
    with ctx.uow(write=True) as uow:
        s = uow.session
        require_recording(s, ctx.actor, recording_id)
        row = _source_row(s, note_id, recording_id)
        if row is None:
            raise NotFound("Talunderlaget för anteckningen")
        accuracy = s.scalars(select(Transcript).where(
            Transcript.recording_id == recording_id, Transcript.pass_kind == "accuracy",
            Transcript.hash.is_not(None)).order_by(Transcript.created_at.desc())).first()
        if accuracy is None:
            raise NotFound("Den förbättrade utskriften")
        hyp = transcripts.segments_of(s, accuracy.id)
        source = _machine_words(row)
        result = merge(source.words, doc, hyp)
        applied = {(c.base_range, c.words) for c in result.applied}
        passes = _passes_after(source, result, applied)
        row.words = [_word_dict(w, p) for w, p in zip(result.base, passes, strict=True)]
        row.transcript_id, row.engine, row.model_id = accuracy.id, accuracy.engine, accuracy.model_id
        row.pass_kind, row.updated_at = "accuracy", ctx.now()
        audit.record(s, ctx.actor, "note.speech_merge", "note", note_id, {
            "recording_id": recording_id, "transcript_id": accuracy.id,
            "engine": accuracy.engine, "model_id": accuracy.model_id,
            "applied": [_audit_change(c) for c in result.applied],
            "suggested": [_audit_change(c) for c in result.suggestions],
        }, now=ctx.now())
        uow.commit()
        return result


def machine_spans(text: str, sources: Sequence[MachineWords]) -> list[MachineSpan]:
    """The machine words still standing in ``text`` (same word, in order); edited or typed
    text has none. Pure: the editor calls it as the text changes."""
    tokens = [(m.start(), m.end(), m.group()) for m in _tokens(text)]
    spans: list[MachineSpan] = []
    for source in sources:
        matcher = SequenceMatcher(None, [w.text for w in source.words], [t[2] for t in tokens],
                                  autojunk=False)
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                start, end, _ = tokens[block.b + k]
                spans.append(MachineSpan(start, end, source.recording_id,
                                         source.words[block.a + k], source.passes[block.a + k]))
    return sorted(spans, key=lambda sp: sp.start)


def _tokens(text: str) -> Iterator[re.Match[str]]:
    return _TOKEN.finditer(text)


def _passes_after(source: MachineWords, result: MergeResult,
                  applied: set[tuple[tuple[int, int], tuple[Word, ...]]]) -> list[str]:
    passes: list[str] = []
    pos = 0
    for (b1, b2), words in sorted(applied, key=lambda a: a[0]):
        passes.extend(source.passes[pos:b1])
        passes.extend("accuracy" for _ in words)
        pos = b2
    passes.extend(source.passes[pos:])
    return passes


def _audit_change(change: Any) -> dict[str, Any]:
    return {"base": list(change.base_range), "start_s": round(change.start_s, 3),
            "end_s": round(change.end_s, 3), "words": len(change.words),
            "reasons": list(change.reasons)}


def _shown(s: Session, recording_id: str) -> Transcript | None:
    return transcripts.shown_transcript(s, recording_id)


def _source_row(s: Session, note_id: str, recording_id: str) -> NoteSpeechSource | None:
    return s.scalars(select(NoteSpeechSource).where(
        NoteSpeechSource.note_id == note_id,
        NoteSpeechSource.recording_id == recording_id)).first()


def _word_dict(w: Word, pass_kind: str) -> dict[str, Any]:
    return {"word": w.text, "start": w.start, "end": w.end, "conf": w.conf, "pass": pass_kind}


def _machine_words(row: NoteSpeechSource) -> MachineWords:
    words = tuple(Word(d["word"], d["start"], d["end"], d["conf"]) for d in row.words)
    passes = tuple(str(d.get("pass", row.pass_kind)) for d in row.words)
    return MachineWords(row.recording_id, row.transcript_id, row.engine, row.model_id,
                        row.pass_kind, words, passes)
