"""What the code panel and the session-as-code panel share: a caption with Copy
and Save buttons above a read-only script, and saving that script as a .py."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QMessageBox, QVBoxLayout, QWidget

translate = QCoreApplication.translate


def lay_out(panel: QWidget, caption, copy_button, save_button, view) -> None:
    """Caption and buttons in one row, the script below taking the height."""
    top = QHBoxLayout()
    top.setContentsMargins(0, 0, 0, 0)
    top.addWidget(caption, 1)
    top.addWidget(copy_button)
    top.addWidget(save_button)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(6, 4, 6, 6)
    layout.setSpacing(4)
    layout.addLayout(top)
    layout.addWidget(view, 1)


def save_as(parent: QWidget, title: str, file_name: str, export: Callable[[str], None]) -> None:
    """Ask where to save, then `export(path)`; a failure is shown, never raised."""
    from gradlab.ui import folders
    from gradlab.ui.settings import Settings

    settings = Settings()
    path, _ = QFileDialog.getSaveFileName(
        parent,
        title,
        folders.start_path(settings, file_name),
        translate("ScriptFile", "Python scripts (*.py)"),
    )
    if not path:
        return
    folders.remember(settings, path)
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
