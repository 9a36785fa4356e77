"""Where GradLab keeps its files: the platform's own folders, or one folder given
by the GRADLAB_HOME environment variable (tests, portable installs)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths

HOME_VARIABLE = "GRADLAB_HOME"


def _location(kind: QStandardPaths.StandardLocation, sub: str) -> Path:
    override = os.environ.get(HOME_VARIABLE)
    if override:
        path = Path(override) / sub
    else:
        path = Path(QStandardPaths.writableLocation(kind))
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    """Autosaved sessions."""
    return _location(QStandardPaths.StandardLocation.AppDataLocation, "data")


def config_dir() -> Path:
    """The settings file."""
    return _location(QStandardPaths.StandardLocation.AppConfigLocation, "config")


def log_dir() -> Path:
    """The rotating log (the platform's state folder: ~/.local/state/GradLab on Linux)."""
    return _location(QStandardPaths.StandardLocation.StateLocation, "logs")


def autosave_path() -> Path:
    return data_dir() / "autosave.gradlab.pt"


def log_path() -> Path:
    return log_dir() / "gradlab.log"
