"""What the code panel and the session-as-code panel share: a caption with Copy
and Save buttons above a read-only script, and saving that script as a .py."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QVBoxLayout, QWidget

translate = QCoreApplication.translate


def lay_out(panel: QWidget, caption, copy_button, save_button, view) -> None:
    """The caption across the whole width (a narrow dock must not cut it), the
    script below taking the height, and Copy and Save under it."""
    buttons = QHBoxLayout()
    buttons.setContentsMargins(0, 0, 0, 0)
    buttons.addStretch(1)
    buttons.addWidget(copy_button)
    buttons.addWidget(save_button)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(6, 4, 6, 6)
    layout.setSpacing(4)
    layout.addWidget(caption)
    layout.addWidget(view, 1)
    layout.addLayout(buttons)


def wrap_lines(view) -> None:
    """A script view that wraps a line too long for its width at a word (or
    anywhere in a long word) instead of hiding its end past the right edge."""
    view.setLineWrapMode(view.LineWrapMode.WidgetWidth)
    view.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)


def save_as(parent: QWidget, title: str, file_name: str, export: Callable[[str], None]) -> None:
    """Ask where to save, then `export(path)`; a failure is shown, never raised."""
    from gradlab.ui import folders
    from gradlab.ui.settings import Settings

    path, _ = folders.ask_save_path(
        parent, Settings(), title, file_name, translate("ScriptFile", "Python scripts (*.py)")
    )
    if not path:
        return
    try:
        export(path)
    except (OSError, ValueError) as exc:
        QMessageBox.warning(
            parent,
            translate("ScriptFile", "Could not save"),
            translate("ScriptFile", "Could not write {path}: {reason}").format(
                path=path, reason=getattr(exc, "strerror", None) or str(exc)
            ),
        )
