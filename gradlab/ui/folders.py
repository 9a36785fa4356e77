"""Where file dialogs start: the folder used last, else the user's documents
folder (never the folder GradLab happens to run from, such as a source
checkout)."""

from __future__ import annotations

import os

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog


def start_path(settings, name: str = "") -> str:
    """The folder to open a dialog in, with `name` proposed in it."""
    folder = settings.last_folder
    if not folder or not os.path.isdir(folder):
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        if not folder or not os.path.isdir(folder):
            folder = os.path.expanduser("~")
    return os.path.join(folder, name) if name else folder


def remember(settings, path: str) -> None:
    """The next dialog starts in the folder of `path`."""
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(folder):
        settings.last_folder = folder


def ask_open_path(parent, settings, title: str, filters: str) -> str | None:
    """A file to read, asked where the student last was (else their documents);
    None when the dialog was cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, title, start_path(settings), filters)
    if path:
        remember(settings, path)
    return path or None


def ask_save_path(parent, settings, title: str, name: str, filters: str) -> tuple[str, str]:
    """Where to write, proposing `name` where the student last was (else their
    documents): (path, the filter chosen); ("", ...) when cancelled."""
    path, chosen = QFileDialog.getSaveFileName(parent, title, start_path(settings, name), filters)
    if path:
        remember(settings, path)
    return path, chosen
