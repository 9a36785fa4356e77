"""Compare mode: up to four settings (optimizer, lr, batch size) trained side by
side from the same starting point on the same data; their paths appear on the
landscape and the loss plot, each in its own colour."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gradlab.core.config import OPTIMIZERS
from gradlab.ui.plotting import COMPARE_COLOURS
from gradlab.ui.texts import config_error_text, setting_label
from gradlab.ui.updates import CompareView

translate = QCoreApplication.translate

DEFAULT_ROWS = (
    (True, "sgd", "0.1", "0"),
    (True, "momentum", "0.1", "0"),
    (True, "adam", "0.1", "0"),
    (False, "sgd", "0.1", "10"),
)


class ComparePanel(QWidget):
    def __init__(self, controller, colours, parent=None):
        super().__init__(parent)
        self.setObjectName("comparePanel")
        self.controller = controller
        self.rows = []
        grid = QGridLayout()
        grid.addWidget(QLabel(translate("Compare", "optimizer")), 0, 1)
        grid.addWidget(QLabel(translate("Compare", "lr")), 0, 2)
        grid.addWidget(QLabel(translate("Compare", "batch")), 0, 3)
        for i, (on, opt, lr, batch) in enumerate(DEFAULT_ROWS, start=1):
            check = QCheckBox(str(i))  # "Row 2" in a refusal points here
            check.setObjectName(f"compareCheck{i}")
            check.setChecked(on)
            palette = check.palette()
            palette.setColor(QPalette.ColorRole.Base, QColor(COMPARE_COLOURS[i - 1]))
            check.setPalette(palette)
            check.setToolTip(translate("Compare", "Include this run (its colour on the plots)."))
            combo = QComboBox()
            combo.setObjectName(f"compareOptimizer{i}")
            for name in OPTIMIZERS:
                combo.addItem(name, name)
            combo.setCurrentIndex(combo.findData(opt))
            combo.setToolTip(translate("Compare", "The optimizer of this run."))
            lr_field = QLineEdit(lr)
            lr_field.setObjectName(f"compareLr{i}")
            lr_field.setToolTip(translate("Compare", "The learning rate of this run."))
            batch_field = QLineEdit(batch)
            batch_field.setObjectName(f"compareBatch{i}")
            batch_field.setToolTip(
                translate("Compare", "Mini-batch size of this run (0 = all samples).")
            )
            for col, w in enumerate((check, combo, lr_field, batch_field)):
                grid.addWidget(w, i, col)
            self.rows.append((check, combo, lr_field, batch_field))
        self.start = QPushButton(translate("Compare", "Compare"))
        self.start.setObjectName("compareButton")
        self.start.setToolTip(
            translate(
                "Compare",
                "Train every ticked setting for 300 updates from the model's current point, "
                "on the same data. Watch their paths on the landscape and their losses.",
            )
        )
        self.stop = QPushButton(translate("Compare", "Back to one run"))
        self.stop.setObjectName("compareStopButton")
        self.stop.setToolTip(
            translate("Compare", "Leave compare mode: the plots show your run again.")
        )
        self.start.clicked.connect(self.compare)
        self.stop.clicked.connect(controller.stop_compare)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start)
        buttons.addWidget(self.stop)
        self.status = QLabel(
            translate(
                "Compare",
                "Same data, same start, different optimizers: which one gets to the bottom "
                "first? Which overshoots?",
            )
        )
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)
        controller.compareChanged.connect(self._on_compare)
        controller.readyChanged.connect(self._on_ready)
        self._on_ready(controller.ready)

    def apply_colours(self, colours) -> None:
        pass

    def ticked_rows(self) -> list[tuple[int, dict]]:
        """The ticked rows as (row number, {setting: text as typed})."""
        return [
            (
                number,
                {
                    "optimizer": combo.currentData(),
                    "lr": lr_field.text(),
                    "batch_size": batch_field.text(),
                },
            )
            for number, (check, combo, lr_field, batch_field) in enumerate(self.rows, start=1)
            if check.isChecked()
        ]

    @Slot()
    def compare(self) -> None:
        """Check every ticked row before anything runs: a bad one is named by its
        number, its field gets the focus, and nothing changes."""
        from gradlab.core.config import ConfigError, parse_value

        rows = self.ticked_rows()
        if not rows:
            self.status.setText(translate("Compare", "Tick at least one row to compare."))
            return
        variants = []
        for number, texts in rows:
            try:
                variant = {name: parse_value(name, text) for name, text in texts.items()}
                self.controller.config.with_changes(**variant)  # batch size against samples
            except ConfigError as exc:
                field = exc.code.split(".")[0]
                problem = config_error_text(
                    exc, setting_label(field), self.controller.config.samples
                )
                self.status.setText(
                    translate("Compare", "Row {row}: {problem}").format(row=number, problem=problem)
                )
                column = {"lr": 2, "batch_size": 3}.get(field)
                if column is not None:
                    self.rows[number - 1][column].setFocus()
                    self.rows[number - 1][column].selectAll()
                return
            variants.append(variant)
        self.controller.start_compare(variants)

    @Slot(bool)
    def _on_ready(self, ready: bool) -> None:
        self.start.setEnabled(ready)
        self.stop.setEnabled(ready)

    @Slot(object)
    def _on_compare(self, view: CompareView | None) -> None:
        """None when compare mode is off."""
        if not view:
            self.status.setText(translate("Compare", "Compare mode is off."))
            return
        parts = []
        for i, run in enumerate(view.runs):
            loss = run.loss[-1] if run.loss else None
            state = (
                translate("Compare", "diverged")
                if run.diverged
                else ("—" if loss is None else f"{loss:.4g}")
            )
            parts.append(
                f'<span style="color:{COMPARE_COLOURS[i % 4]}">■</span> {run.label}: {state}'
            )
        self.status.setText(
            translate("Compare", "Update {done} of {total}").format(
                done=view.done, total=view.total
            )
            + "<br>"
            + "<br>".join(parts)
        )
