"""The calm, high-contrast look of the review kiosk, scaled from one font size."""

from __future__ import annotations

from app.settings import int_range

BACKGROUND = "#fbf8f1"
TEXT = "#111111"
MUTED = "#4a4a4a"
AGREE = "#1e6b34"
DISAGREE = "#9a3d00"
NAVY = "#1f3a5f"
HIGHLIGHT = "#ffe27a"

# The kiosk's text, the child variant and the zoom steps included, stays inside the sizes a
# caseworker may set.
MIN_PT, MAX_PT = int_range("review_font_pt")
STEP_PT = 4
CHILD_FACTOR = 1.3


def clamp_pt(pt: int) -> int:
    return max(MIN_PT, min(MAX_PT, pt))


def control_pt(pt: int) -> int:
    return max(14, round(pt * 0.6))


def kiosk_stylesheet(pt: int) -> str:
    """Style for the whole kiosk; ``pt`` is the passage text size, controls follow from it."""
    ctl = control_pt(pt)
    small = max(12, round(pt * 0.45))
    return f"""
    QWidget#reviewKiosk {{ background: {BACKGROUND}; }}
    QWidget#reviewKiosk QLabel, QWidget#reviewKiosk QCheckBox {{ color: {TEXT}; font-size: {ctl}pt; }}
    QLabel#progress {{ color: {MUTED}; font-size: {small}pt; }}
    QLabel#status {{ color: {MUTED}; font-size: {small}pt; }}
    QLabel#heading {{ font-size: {round(pt * 0.9)}pt; font-weight: bold; }}
    QTextBrowser#passageText, QTextBrowser#summaryText {{
        background: #ffffff; color: {TEXT}; border: 2px solid #d9d2c3; border-radius: 12px;
        padding: 10px 14px; font-size: {pt}pt;
        selection-background-color: {HIGHLIGHT}; selection-color: {TEXT}; }}
    QTextBrowser#summaryText {{ font-size: {ctl}pt; }}
    QScrollBar:vertical {{ width: 28px; background: #efe9dc; border-radius: 10px; }}
    QScrollBar::handle:vertical {{ background: #8c8373; border-radius: 10px; min-height: 48px; }}
    QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
    QPlainTextEdit#ownWords {{
        background: #ffffff; color: {TEXT}; border: 2px solid #b8ae9c; border-radius: 10px;
        padding: 8px; font-size: {ctl}pt; }}
    QPushButton {{
        font-size: {ctl}pt; color: #ffffff; background: {NAVY}; border: none;
        border-radius: 14px; padding: {round(ctl * 0.6)}px {round(ctl * 1.1)}px; }}
    QPushButton:disabled {{ background: #b9b9b9; color: #f4f4f4; }}
    QPushButton:focus {{ outline: none; border: 4px solid {HIGHLIGHT}; }}
    QPushButton#agree {{ background: #ffffff; color: {AGREE}; border: 4px solid {AGREE}; }}
    QPushButton#agree:checked {{ background: {AGREE}; color: #ffffff; }}
    QPushButton#disagree {{ background: #ffffff; color: {DISAGREE}; border: 4px solid {DISAGREE}; }}
    QPushButton#disagree:checked {{ background: {DISAGREE}; color: #ffffff; }}
    QPushButton#secondary {{ background: #ffffff; color: {NAVY}; border: 3px solid {NAVY}; }}
    QPushButton#respondent {{ background: #ffffff; color: {NAVY}; border: 3px solid {NAVY};
        padding: {round(ctl * 0.35)}px {round(ctl * 0.8)}px; }}
    QPushButton#respondent:checked {{ background: {NAVY}; color: #ffffff; }}
    QLabel#respondentQuestion[asking="true"] {{ color: {NAVY}; font-weight: bold; }}
    QPushButton#exitKiosk {{
        background: transparent; color: #6f6f6f; font-size: 12pt; padding: 6px 12px;
        border: 1px solid #d6d0c4; border-radius: 6px; }}
    QWidget#unlockOverlay {{ background: rgba(20, 28, 40, 215); }}
    QFrame#unlockPanel {{ background: {BACKGROUND}; border-radius: 18px; }}
    QFrame#unlockPanel QLabel {{ font-size: 16pt; }}
    QFrame#unlockPanel QLineEdit {{ font-size: 16pt; padding: 8px; }}
    QFrame#unlockPanel QPushButton {{ font-size: 14pt; padding: 10px 22px; }}
    QLabel#unlockError {{ color: #b00020; }}
    """
