"""The visit page ("Besök"): consent, live recording with transcript, the saved transcript,
importing a recording. Services run on the task manager; the recording on ``LiveRecorder``."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QKeyCombination, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import live, recording, transcription, transcripts
from app.dto import ConsentInfo
from app.errors import DiskFull, NotFound
from app.live import SourceFactory
from app.recording import RecordingInfo
from app.transcription import ImportResult
from app.visit_view import VisitView, load_visit
from speech.values import Segment
from ui import formatting
from ui.errors import present_error, route_error
from ui.session import UiSession
from ui.visit.consent_dialog import ConsentDialog
from ui.visit.live_recorder import LiveRecorder
from ui.visit.live_transcript import LiveTranscriptWidget
from ui.visit.model_holder import SpeechModelHolder, no_model_message
from ui.visit.progress import ProgressRelay
from ui.visit.recording_bar import RecordingBarWidget
from ui.visit.second_pass import ImproveTranscriptWidget
from ui.visit.transcript_widget import Player, TranscriptWidget


class VisitPageWidget(QWidget):
    """One visit. Emits ``note_requested(visit_id, body)`` and ``close_requested``."""

    note_requested = Signal(str, str)
    close_requested = Signal()
    state_loaded = Signal(object)  # app.visit_view.VisitView
    transcript_shown = Signal(str)  # recording id

    def __init__(self, session: UiSession, visit_id: str, models: SpeechModelHolder, *,
                 source_factory: SourceFactory = live.microphone,
                 player: Player | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.visit_id, self.models = session, visit_id, models
        self.state: VisitView | None = None
        self.consent_dialog: ConsentDialog | None = None
        self.recorder = LiveRecorder(session, visit_id, source_factory, models, self)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.consent_label = QLabel()
        self.consent_label.setWordWrap(True)
        self.consent_button = QPushButton(self.tr("Registrera samtycke…"))
        self.consent_button.clicked.connect(self.open_consent_dialog)
        self.back_button = QPushButton(self.tr("← Tillbaka"))
        self.back_button.clicked.connect(self.close_requested)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Meddelande"))
        self.message.hide()
        self._space_warning = ""  # from the check before recording: little room on the disk
        self.bar = RecordingBarWidget()
        self.live = LiveTranscriptWidget()
        low = session.ctx.settings.low_confidence
        self.transcript = TranscriptWidget(session, low_confidence=low, player=player)
        self.transcript.hide()
        self.improve = ImproveTranscriptWidget(session)  # "Förbättra utskriften" (second pass)
        self.import_button = QPushButton(self.tr("Importera inspelning…"))
        self.import_button.clicked.connect(self.choose_import_file)
        # While stopping: how far the recognizer has come through the queued tail.
        self.tail_bar = QProgressBar()
        self.tail_bar.setAccessibleName(self.tr("Sparar slutet av inspelningen"))
        self.tail_bar.setFormat(self.tr("%p % utskrivet"))
        self.tail_label = QLabel()
        self.tail_label.setWordWrap(True)
        self.tail_bar.hide()
        self.tail_label.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setAccessibleName(self.tr("Förlopp"))
        self.progress.hide()
        self.relay = ProgressRelay(self)
        self.relay.progress_changed.connect(self.progress.setValue)
        self._build_layout()
        self.record_shortcut = QShortcut(QKeySequence(QKeyCombination(Qt.Key.Key_F9)), self,
                                         self._on_record_shortcut_activated)
        self.bar.record_clicked.connect(self._on_bar_record_clicked)
        self.bar.pause_clicked.connect(self._on_bar_pause_clicked)
        self.bar.stop_clicked.connect(self.recorder.stop)
        self.recorder.state_changed.connect(self._on_recorder_state_changed)
        self.recorder.elapsed_changed.connect(self.bar.set_elapsed)
        self.recorder.level_changed.connect(self.bar.set_level)
        self.recorder.partial_changed.connect(self.live.set_partial)
        self.recorder.segment_finalized.connect(self.live.add_segment)
        self.recorder.recording_started.connect(self._on_recorder_recording_started)
        self.recorder.recording_failed.connect(self._on_recorder_recording_failed)
        self.recorder.problem_reported.connect(self._on_recorder_problem_reported)
        self.recorder.recording_stopped.connect(self._on_recorder_recording_stopped)
        self.recorder.tail_progress.connect(self._on_recorder_tail_progress)
        self.transcript.note_requested.connect(self._on_transcript_note_requested)
        self.recorder.recording_stopped.connect(self.improve.on_recording_stopped)
        self.improve.improved.connect(self._on_improve_improved)
        models.model_loaded.connect(self._on_models_model_loaded)
        models.ensure_loaded()
        self.reload()

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.heading, 1)
        consent_row = QHBoxLayout()
        consent_row.addWidget(self.consent_label, 1)
        consent_row.addWidget(self.consent_button)
        import_row = QHBoxLayout()
        import_row.addWidget(self.import_button)
        import_row.addWidget(self.progress, 1)
        import_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(consent_row)
        layout.addWidget(self.bar)
        layout.addWidget(self.tail_label)
        layout.addWidget(self.tail_bar)
        layout.addWidget(self.message)
        layout.addWidget(self.live, 3)
        layout.addWidget(self.transcript, 2)
        layout.addWidget(self.improve)
        layout.addLayout(import_row)

    # -- loading -----------------------------------------------------------------------------

    def reload(self) -> None:
        (self.session.tasks.op(load_visit, self.session.ctx, self.visit_id)
         .success(self._on_state_loaded).owned_by(self).run())

    @Slot(object)
    def _on_state_loaded(self, state: VisitView) -> None:
        self.state = state
        visit = state.visit
        when = formatting.local(visit.actual_start or visit.planned_start)
        kind = formatting.label(formatting.VISIT_KINDS, visit.kind)
        details = " · ".join(p for p in (when, ", ".join(visit.participants)) if p)
        self.heading.setText(f"<span style='font-size:15pt; font-weight:600'>"
                             f"{html.escape(kind)}</span>&nbsp;&nbsp;<span style='color:#555'>"
                             f"{html.escape(details)}</span>")
        self._show_consent(state.consent)
        if state.recordings and not self.recorder.active:
            last = state.recordings[-1]
            self.show_transcript(last.id, list(state.segments),
                                 audio_kept=last.state != "audio-deleted",
                                 audio_elsewhere=last.remote)
        self.state_loaded.emit(state)

    def _show_consent(self, consent: ConsentInfo | None) -> None:
        if consent is None:
            text = self.tr("Samtycke till inspelning är inte registrerat.")
        elif consent.refused:
            text = self.tr("Nej till inspelning: {names}.").format(names=", ".join(consent.refused))
        else:
            text = self.tr("Samtycke: {names} ({by})").format(
                names=", ".join(consent.agreed) or "–", by=consent.recorded_by)
        self.consent_label.setText(text)

    def show_transcript(self, recording_id: str, segments: list[Segment], *,
                        audio_kept: bool = True, audio_elsewhere: bool = False) -> None:
        self.live.set_segments(segments)
        self.transcript.set_transcript(recording_id, segments, audio_kept=audio_kept,
                                       audio_elsewhere=audio_elsewhere)
        self.transcript.setVisible(bool(segments))
        self.improve.set_recording(recording_id, audio_kept and not audio_elsewhere)
        self.transcript_shown.emit(recording_id)

    # -- consent -----------------------------------------------------------------------------

    @Slot()
    def open_consent_dialog(self) -> ConsentDialog:
        people = list(self.state.visit.participants) if self.state else []
        dialog = ConsentDialog(self.session, self.visit_id, people, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.consent_recorded.connect(self._on_consent_recorded)
        dialog.open()
        self.consent_dialog = dialog
        return dialog

    @Slot(object)
    def _on_consent_recorded(self, info: ConsentInfo) -> None:
        self.consent_dialog = None
        self._show_consent(info)
        self.reload()

    # -- recording ---------------------------------------------------------------------------

    @Slot()
    def _on_record_shortcut_activated(self) -> None:
        if self.recorder.state in ("recording", "paused"):
            self.recorder.stop()
        else:
            self._on_bar_record_clicked()

    @Slot()
    def _on_bar_record_clicked(self) -> None:
        if self.recorder.active:
            return
        self.show_message("")
        (self.session.tasks.op(recording.prepare_to_record, self.session.ctx, self.visit_id)
         .success(self._on_consent_checked).failure(self._on_consent_check_failed)
         .owned_by(self).run())

    @Slot(object)
    def _on_consent_checked(self, space_warning: str) -> None:
        self.live.clear()
        self.transcript.hide()
        self._space_warning = space_warning  # shown once the recording has started
        self.recorder.start()

    @Slot(object)
    def _on_consent_check_failed(self, exc: BaseException) -> None:
        if not self.show_failure(exc):
            return
        if self.state is not None and self.state.consent is None:
            self.open_consent_dialog()

    @Slot()
    def _on_bar_pause_clicked(self) -> None:
        if self.recorder.state == "paused":
            self.recorder.resume()
        else:
            self.recorder.pause()

    @Slot(str)
    def _on_recorder_state_changed(self, state: str) -> None:
        self.bar.set_state(state)
        busy = state in ("starting", "recording", "paused", "stopping")
        # While the tail is being saved the caseworker may leave: it goes on in the background.
        self.back_button.setEnabled(not busy or state == "stopping")
        self.back_button.setText(self.tr("← Tillbaka (sparas i bakgrunden)")
                                 if state == "stopping" else self.tr("← Tillbaka"))
        if state != "stopping":
            self.tail_bar.hide()
            self.tail_label.hide()
        self.import_button.setEnabled(not busy)
        self.consent_button.setEnabled(not busy)

    @Slot(float, float)
    def _on_recorder_tail_progress(self, decoded_s: float, total_s: float) -> None:
        left = max(0, round(total_s - decoded_s))
        if left < 2 and not self.tail_bar.isVisible():
            return  # a short tail: "Sparar…" is enough
        total = max(1, round(total_s))
        self.tail_bar.setRange(0, total)
        self.tail_bar.setValue(min(total, round(decoded_s)))
        self.tail_label.setText(self.tr(
            "Sparar slutet av inspelningen: %n sekund(er) kvar att skriva ut. Du kan gå "
            "tillbaka till ärendet under tiden – det fortsätter i bakgrunden.", "", left))
        self.tail_bar.show()
        self.tail_label.show()

    @Slot(object)
    def _on_recorder_recording_started(self, _info: RecordingInfo) -> None:
        lines = [self._space_warning] if self._space_warning else []
        if not self.recorder.transcribing:
            loading = self.models.state == "loading"
            lines.append(self.tr("Talmodellen laddas fortfarande – ljudet sparas och skrivs "
                                 "ut efteråt.") if loading else no_model_message())
        if lines:
            self.show_message("\n".join(lines))

    @Slot(object)
    def _on_recorder_recording_failed(self, exc: BaseException) -> None:
        self.show_failure(exc)

    def show_failure(self, exc: BaseException) -> bool:
        """The page's failure route: a user error (Swedish) in the message line, True; a
        missing visit or a bug to the presenter (logged, "Kopiera detaljer"), False."""
        if isinstance(exc, NotFound):  # the visit is gone: the page cannot go on
            present_error(self, exc)
            return False
        return route_error(self, exc, self._show_error)

    def _show_error(self, text: str) -> None:
        self.show_message(text, error=True)

    @Slot(object)
    def _on_recorder_problem_reported(self, exc: BaseException) -> None:
        """The recording goes on. A known error keeps its Swedish text; a bug is logged and
        offers "Kopiera detaljer" (its text is never shown to the caseworker). A full disk
        stopped the recording (``LiveRecorder``): its own message says so."""
        if isinstance(exc, DiskFull):
            self._show_error(exc.message)
            return

        def said(detail: str) -> None:
            self._show_error(self.tr("Ett problem uppstod under inspelningen – ljudet sparas "
                                     "ändå. ({detail})").format(detail=detail))

        if not route_error(self, exc, said):  # a bug: the dialog, and the calm line here
            self._show_error(self.tr("Ett problem uppstod under inspelningen – ljudet sparas "
                                     "ändå."))

    @Slot(object)
    def _on_recorder_recording_stopped(self, info: RecordingInfo | None) -> None:
        if info is not None:
            (self.session.tasks.op(transcripts.transcript, self.session.ctx, info.id)
             .success(lambda segments: self._show_saved(info.id, segments))
             .owned_by(self).run())

    def _show_saved(self, recording_id: str, segments: list[Segment]) -> None:
        self.transcript.set_transcript(recording_id, segments)
        self.transcript.setVisible(bool(segments))
        self.improve.set_recording(recording_id)
        self.transcript_shown.emit(recording_id)

    @Slot(str)
    def _on_improve_improved(self, _recording_id: str) -> None:
        self.reload()  # the improved transcript is now the one shown

    @Slot(str)
    def _on_models_model_loaded(self, _model_id: str) -> None:
        if not self.recorder.active and self.message.text() == no_model_message():
            self.show_message("")

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;" if error else
                                   "color: #6a4a00; background: #fff4d6; padding: 6px;")
        self.message.setVisible(bool(text))

    # -- note and import ---------------------------------------------------------------------

    @Slot()
    def _on_transcript_note_requested(self) -> None:
        self.note_requested.emit(self.visit_id, self.note_text())

    def note_text(self) -> str:
        segments = self.live.segments()
        return transcription.draft_text(segments, commands=self.live.commands.isChecked())

    @Slot()
    def choose_import_file(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Importera inspelning"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Ljudfiler (*.wav *.mp3 *.m4a *.ogg *.flac);;Alla filer (*)"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.import_file(Path(path)))
        dialog.open()
        return dialog

    def import_file(self, path: Path) -> None:
        """Store and transcribe ``path`` in the background, with a progress bar."""
        self.relay.reset()
        self.progress.setValue(0)
        self.progress.show()
        self.import_button.setEnabled(False)
        (self.session.background.op(live.import_recording, self.session.ctx, self.visit_id,
                                    path, self.models.model, self.relay.report)
         .success(self._on_import_succeeded).failure(self._on_import_failed)
         .owned_by(self).run())

    @Slot(object)
    def _on_import_succeeded(self, result: ImportResult) -> None:
        self.progress.hide()
        self.import_button.setEnabled(True)
        self.show_transcript(result.recording.id, list(result.segments))
        if not result.segments:
            self.show_message(no_model_message())

    @Slot(object)
    def _on_import_failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.import_button.setEnabled(True)
        self._on_consent_check_failed(exc)

    def shutdown(self) -> None:
        """Stop a running recording (saving its tail) and end its thread."""
        self.recorder.shutdown()
