"""The recording controls: Record (F9), Pause/Resume, Stop, a red "Spelar in" indicator,
elapsed time and a live level meter (GUI thread only; fed by ``LiveRecorder``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

METER_FLOOR_DB = -60


class RecordingBarWidget(QWidget):
    """Buttons emit ``record_clicked``, ``pause_clicked`` (pause or resume), ``stop_clicked``."""

    record_clicked = Signal()
    pause_clicked = Signal()
    stop_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record_button = QPushButton(self.tr("● Spela in (F9)"))
        self.record_button.setToolTip(self.tr("Starta och stoppa inspelningen med F9"))
        self.record_button.setStyleSheet("QPushButton { font-weight: 600; padding: 6px 14px; }")
        self.pause_button = QPushButton(self.tr("Pausa"))
        self.stop_button = QPushButton(self.tr("Stoppa"))
        self.indicator = QLabel()
        self.indicator.setAccessibleName(self.tr("Inspelningsstatus"))
        self.indicator.setTextFormat(Qt.TextFormat.RichText)
        self.elapsed = QLabel("00:00")
        self.elapsed.setAccessibleName(self.tr("Inspelad tid"))
        self.elapsed.setStyleSheet("font-size: 14pt; font-family: monospace;")
        self.meter = QProgressBar()
        self.meter.setRange(METER_FLOOR_DB, 0)
        self.meter.setValue(METER_FLOOR_DB)
        self.meter.setTextVisible(False)
        self.meter.setFixedWidth(180)
        self.meter.setMaximumHeight(14)
        self.meter.setAccessibleName(self.tr("Ljudnivå"))
        self.meter.setStyleSheet(
            "QProgressBar { border: 1px solid #999; border-radius: 3px; background: #eee; }"
            "QProgressBar::chunk { background: #2e8b57; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.record_button, self.pause_button, self.stop_button):
            layout.addWidget(widget)
        layout.addSpacing(16)
        layout.addWidget(self.indicator)
        layout.addWidget(self.elapsed)
        layout.addWidget(self.meter)
        layout.addStretch(1)
        self.record_button.clicked.connect(self.record_clicked)
        self.pause_button.clicked.connect(self.pause_clicked)
        self.stop_button.clicked.connect(self.stop_clicked)
        self.set_state("idle")

    @Slot(str)
    def set_state(self, state: str) -> None:
        recording = state in ("recording", "paused")
        self.record_button.setEnabled(state in ("idle", "saved"))
        self.pause_button.setEnabled(recording)
        self.stop_button.setEnabled(recording)
        self.pause_button.setText(self.tr("Fortsätt") if state == "paused" else self.tr("Pausa"))
        texts = {
            "idle": "",
            "starting": self.tr("Startar…"),
            "recording": "<span style='color:#d00000; font-size:16pt'>●</span> "
                         "<b style='color:#d00000'>" + self.tr("Spelar in") + "</b>",
            "paused": "<span style='color:#b07000; font-size:16pt'>❚❚</span> <b>"
                      + self.tr("Pausad") + "</b>",
            "stopping": self.tr("Sparar…"),
            "saved": "<span style='color:#2e7d32'>✔</span> " + self.tr("Sparad"),
        }
        self.indicator.setText(texts.get(state, ""))
        self.meter.setVisible(recording)
        if state == "idle":
            self.elapsed.setText("00:00")

    @Slot(int)
    def set_elapsed(self, seconds: int) -> None:
        hours, rest = divmod(seconds, 3600)
        text = f"{rest // 60:02d}:{rest % 60:02d}"
        self.elapsed.setText(f"{hours}:{text}" if hours else text)

    @Slot(float)
    def set_level(self, dbfs: float) -> None:
        self.meter.setValue(max(METER_FLOOR_DB, min(0, round(dbfs))))
