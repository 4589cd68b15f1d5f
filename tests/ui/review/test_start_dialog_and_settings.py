"""Consent on the start dialog, and the review PIN in settings."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app import notes, review, review_unlock, visits
from app.settings import int_range
from tests.ui.review.conftest import CaseData, FakeSpeaker
from tests.ui.review.helpers import open_dialog
from ui.review import ReviewSettingsWidget
from ui.review.pin_widget import ReviewPinWidget
from ui.tasks import TaskManager


def test_consent_missing_is_recorded_from_the_dialog(host: QWidget, data: CaseData, tasks: TaskManager,
                                                     speaker: FakeSpeaker) -> None:
    flow, dialog = open_dialog(host, data.ctx, data.note.id, tasks, speaker)
    consent = dialog.consent
    assert "Inget samtycke" in consent.info_label.text()
    assert not consent.form.isHidden()
    consent.informed_edit.setText("Maria Testsson, Kim Testsson")
    consent.agreed_edit.setText("Maria Testsson, Okänd Person")
    consent.save_button.click()
    assert "Bara den som har informerats" in consent.error_label.text()
    consent.agreed_edit.setText("Maria Testsson")
    consent.refused_edit.setText("Kim Testsson")
    consent.save_button.click()
    assert consent.form.isHidden()
    assert "Samtycker: Maria Testsson" in consent.info_label.text()
    assert "Avböjer: Kim Testsson" in consent.info_label.text()
    stored = visits.latest_consent(data.ctx, data.visit.id)
    assert stored is not None and stored.agreed == ("Maria Testsson",)
    dialog.reject()


def test_existing_consent_is_shown(host: QWidget, data: CaseData, tasks: TaskManager,
                                   speaker: FakeSpeaker) -> None:
    visits.record_consent(data.ctx, data.visit.id, informed=["Maria Testsson"],
                          agreed=["Maria Testsson"])
    flow, dialog = open_dialog(host, data.ctx, data.note.id, tasks, speaker)
    assert "Informerade: Maria Testsson" in dialog.consent.info_label.text()
    assert dialog.consent.form.isHidden()
    dialog.reject()


def test_note_without_visit(host: QWidget, data: CaseData, tasks: TaskManager,
                            speaker: FakeSpeaker) -> None:
    note = notes.create_draft(data.ctx, data.case_id, "Telefonsamtal med skolan.")
    flow, dialog = open_dialog(host, data.ctx, note.id, tasks, speaker)
    assert "inte till något besök" in dialog.consent.info_label.text()
    assert dialog.consent.form.isHidden()
    dialog.reject()


def test_review_pin_widget(qtbot: QtBot, data: CaseData, tasks: TaskManager) -> None:
    widget = ReviewPinWidget(data.ctx, tasks)
    qtbot.addWidget(widget)
    assert "Ingen PIN-kod" in widget.state_label.text()
    assert not widget.clear_button.isEnabled()
    widget.pin_edit.setText("1234")
    widget.repeat_edit.setText("1235")
    widget.save_button.click()
    assert widget.error_label.text() == "PIN-koderna är inte lika."
    widget.pin_edit.setText("12")
    widget.repeat_edit.setText("12")
    widget.save_button.click()
    assert "minst fyra siffror" in widget.error_label.text()
    widget.pin_edit.setText("2580")
    widget.repeat_edit.setText("2580")
    with qtbot.waitSignal(widget.pin_changed) as blocker:
        widget.save_button.click()
    assert blocker.args == [True]
    assert review.verify_unlock(data.ctx, "2580")
    assert "En PIN-kod är satt" in widget.state_label.text() and widget.pin_edit.text() == ""
    widget.clear_button.click()
    assert not review_unlock.pin_state(data.ctx).has_pin
    assert not review.verify_unlock(data.ctx, "2580")


def test_the_text_size_spin_box_offers_the_declared_range(qtbot: QtBot, data: CaseData,
                                                          tasks: TaskManager) -> None:
    page = ReviewSettingsWidget(data.ctx, tasks)
    qtbot.addWidget(page)
    spin = page.font_spin
    assert (spin.minimum(), spin.maximum()) == int_range("review_font_pt") == (16, 96)
    assert spin.value() == data.ctx.settings.review_font_pt
