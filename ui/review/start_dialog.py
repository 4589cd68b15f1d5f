""""Gå igenom med familjen": choose audience, who is present, variant and shown passages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import review, review_text
from app.context import Context
from app.review import PresentPerson, ReviewPlan, ReviewSession
from ui import formatting
from ui.errors import FieldErrorLabel, FormErrors
from ui.fit import limit_to_screen
from ui.review.consent_widget import ConsentWidget
from ui.review.summary_text import choice_tr
from ui.tasks import TaskManager

_ROLES_FOR_AUDIENCE = {"child": {"child"}, "guardian": {"guardian"},
                       "both": {"child", "guardian"}, "named": set()}


class ReviewStartDialog(QDialog):
    """Starts the review with ``app.review.start``; ``session`` is set when accepted."""

    def __init__(self, ctx: Context, tasks: TaskManager, plan: ReviewPlan,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks, self.plan = ctx, tasks, plan
        self.session: ReviewSession | None = None
        self.setWindowTitle(self.tr("Gå igenom med familjen"))
        self.resize(760, 820)  # bounded to the screen below (a 1366×768 laptop is lower)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(QLabel(self.tr("Anteckning {when} · {state}").format(
            when=formatting.local(plan.note.event_time),
            state=formatting.note_state(plan.note.state, plan.note.current.kind == "correction"))))
        self.consent = ConsentWidget(ctx, tasks, plan.note.visit_id, plan.consent,
                                     [p.name for p in plan.persons])
        layout.addWidget(self.consent)
        layout.addWidget(self._build_audience())
        layout.addWidget(self._build_present())
        layout.addWidget(self._build_variant())
        layout.addWidget(self._build_passages(), 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        self.error_label = FieldErrorLabel()
        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton(self.tr("Starta genomgången"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.start_button.setDefault(True)
        self.errors = FormErrors(self, general=self.error_label, reenable=[self.start_button])
        buttons.accepted.connect(self._on_start_button_clicked)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.error_label)
        outer.addWidget(buttons)
        self._on_audience_toggled()
        limit_to_screen(self)
        # Enter starts the review wherever the focus is: no other button takes the default.
        for button in content.findChildren(QPushButton):
            button.setAutoDefault(False)

    def _build_audience(self) -> QGroupBox:
        box = QGroupBox(self.tr("Vem gäller genomgången?"))
        row = QHBoxLayout(box)
        self.audience_group = QButtonGroup(self)
        self.audience_buttons: dict[str, QRadioButton] = {}
        for key, text in review_text.AUDIENCE_CHOICES.items():
            button = QRadioButton(choice_tr(text))
            self.audience_group.addButton(button)
            self.audience_buttons[key] = button
            row.addWidget(button)
        self.audience_buttons["guardian"].setChecked(True)
        self.audience_group.buttonToggled.connect(self._on_audience_toggled)
        return box

    def _build_present(self) -> QGroupBox:
        box = QGroupBox(self.tr("Vem är med?"))
        layout = QVBoxLayout(box)
        self.person_checks: list[tuple[QCheckBox, PresentPerson]] = []
        for person in self.plan.persons:
            check = QCheckBox(f"{person.name} ({formatting.label(formatting.PERSON_ROLES, person.role)})")
            layout.addWidget(check)
            self.person_checks.append((check, PresentPerson(person.name, person.role, person.id)))
        self.others_edit = QLineEdit()
        self.others_edit.setPlaceholderText(self.tr("Andra som är med: namn, skilda med komma"))
        self.others_edit.setAccessibleName(self.tr("Andra som är med"))
        layout.addWidget(self.others_edit)
        return box

    def _build_variant(self) -> QGroupBox:
        box = QGroupBox(self.tr("Visa texten"))
        row = QHBoxLayout(box)
        self.adult_radio = QRadioButton(choice_tr(review_text.VARIANTS["adult"]))
        self.child_radio = QRadioButton(choice_tr(review_text.VARIANTS["child"]))
        self.adult_radio.setChecked(True)
        row.addWidget(self.adult_radio)
        row.addWidget(self.child_radio)
        return box

    def _build_passages(self) -> QGroupBox:
        box = QGroupBox(self.tr("Vilka stycken visas?"))
        layout = QVBoxLayout(box)
        hint = QLabel(self.tr("Bocka ur stycken som inte får visas för dem som är med "
                              "(sekretess mellan barn och vårdnadshavare)."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.passage_list = QListWidget()
        self.passage_list.setWordWrap(True)
        self.passage_list.setMinimumHeight(220)
        voice = self.tr("Barnets röst")
        for p in self.plan.passages:
            prefix = f"{p.index + 1}. " + (f"[{voice}] " if p.part == "child_voice" else "")
            item = QListWidgetItem(prefix + p.text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, p.index)
            self.passage_list.addItem(item)
        self.passage_list.itemChanged.connect(self._on_passage_list_item_changed)
        layout.addWidget(self.passage_list, 1)
        row = QHBoxLayout()
        self.count_label = QLabel()
        show_all = QPushButton(self.tr("Visa alla"))
        show_all.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        hide_all = QPushButton(self.tr("Dölj alla"))
        hide_all.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))
        row.addWidget(self.count_label, 1)
        row.addWidget(show_all)
        row.addWidget(hide_all)
        layout.addLayout(row)
        self._on_passage_list_item_changed()
        return box

    # -- choices ------------------------------------------------------------------------

    def audience(self) -> str:
        return next(k for k, b in self.audience_buttons.items() if b.isChecked())

    def set_audience(self, audience: str) -> None:
        self.audience_buttons[audience].setChecked(True)

    def variant(self) -> str:
        return "child" if self.child_radio.isChecked() else "adult"

    def present(self) -> list[PresentPerson]:
        people = [person for check, person in self.person_checks if check.isChecked()]
        others = [n.strip() for n in self.others_edit.text().split(",") if n.strip()]
        return people + [PresentPerson(name) for name in others]

    def shown(self) -> set[int]:
        items = (self.passage_list.item(i) for i in range(self.passage_list.count()))
        return {int(item.data(Qt.ItemDataRole.UserRole)) for item in items
                if item.checkState() == Qt.CheckState.Checked}

    def set_shown(self, indexes: set[int]) -> None:
        for i in range(self.passage_list.count()):
            item = self.passage_list.item(i)
            on = int(item.data(Qt.ItemDataRole.UserRole)) in indexes
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _check_all(self, state: Qt.CheckState) -> None:
        for i in range(self.passage_list.count()):
            self.passage_list.item(i).setCheckState(state)

    def _on_passage_list_item_changed(self, _item: QListWidgetItem | None = None) -> None:
        total = self.passage_list.count()
        shown = len(self.shown())
        self.count_label.setText(self.tr("{shown} av {total} stycken visas").format(
            shown=shown, total=total))

    def _on_audience_toggled(self, *_args: object) -> None:
        roles = _ROLES_FOR_AUDIENCE[self.audience()]
        for check, person in self.person_checks:
            check.setChecked(person.role in roles)
        (self.child_radio if self.audience() == "child" else self.adult_radio).setChecked(True)

    # -- start --------------------------------------------------------------------------

    def _on_start_button_clicked(self) -> None:
        self.error_label.clear_message()
        self.start_button.setEnabled(False)
        (self.tasks.op(review.start, self.ctx, self.plan.note.id, audience=self.audience(),
                       present=self.present(), shown=self.shown(), variant=self.variant())
         .success(self._on_review_started).failure(self.errors).owned_by(self).run())

    def _on_review_started(self, session: ReviewSession) -> None:
        self.session = session
        self.accept()
