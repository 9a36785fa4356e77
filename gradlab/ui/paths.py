"""Where GradLab keeps its files: the platform's own folders, or one folder given
by the GRADLAB_HOME environment variable (tests, portable installs).

A folder that cannot be created or written (a read-only home, a full disk, a
file where the folder should be) never stops the app: a folder of its own in
the system's temporary folder takes its place, and `problems()` says what moved
where, for the window to tell the student. Each folder is tried once per path.
"""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from gradlab.core.fileio import check_writable

HOME_VARIABLE = "GRADLAB_HOME"
KINDS = ("data", "config", "logs")  # in the order the window reports them


@dataclass(frozen=True)
class FolderProblem:
    """A folder GradLab could not write, and what it uses instead."""

    kind: str  # "data" (autosaves), "config" (settings) or "logs"
    wanted: str  # the folder it should have been
    used: str | None  # the temporary folder used instead; None when none worked either
    reason: str  # why, as the system said it ("Read-only file system" ...)


_RESOLVED: dict[tuple[str, str], tuple[Path, FolderProblem | None]] = {}
_STANDARD = {
    "data": QStandardPaths.StandardLocation.AppDataLocation,
    "config": QStandardPaths.StandardLocation.AppConfigLocation,
    # the platform's state folder: ~/.local/state/GradLab on Linux
    "logs": QStandardPaths.StandardLocation.StateLocation,
}


def wanted_dir(kind: str) -> Path | None:
    """The folder GradLab would use for `kind`, writable or not (None: the
    system names none, e.g. with no home folder)."""
    override = os.environ.get(HOME_VARIABLE)
    if override:
        return Path(override) / kind
    location = QStandardPaths.writableLocation(_STANDARD[kind])
    return Path(location) if location else None


def _resolve(kind: str) -> tuple[Path, FolderProblem | None]:
    wanted = wanted_dir(kind)
    key = (kind, str(wanted))
    if key not in _RESOLVED:
        _RESOLVED[key] = _first_usable(kind, wanted)
    return _RESOLVED[key]


def _first_usable(kind: str, wanted: Path | None) -> tuple[Path, FolderProblem | None]:
    try:
        if wanted is None or not wanted.is_absolute():
            raise FileNotFoundError(0, "the system names no folder for it (no home folder?)")
        _make_usable(wanted)
        return wanted, None
    except OSError as exc:
        reason = exc.strerror or str(exc)
    fallback = fallback_dir(kind)
    used: Path | None = fallback
    try:
        _make_usable(fallback)
    except OSError:
        used = None
    shown = str(wanted) if wanted is not None else "?"
    problem = FolderProblem(kind, shown, str(used) if used else None, reason)
    return (used or fallback), problem


def _make_usable(folder: Path) -> None:
    """Create the folder if needed and prove a file can be written in it
    (OSError, with the system's reason, when not)."""
    folder.mkdir(parents=True, exist_ok=True)
    check_writable(folder / "gradlab-write-test")


def fallback_dir(kind: str) -> Path:
    """GradLab's own folder in the system's temporary folder, for `kind`. In a
    shared temporary folder the name could be taken by someone else first:
    it is used only when it is a real folder (not a link) this user owns."""
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    base = Path(tempfile.gettempdir()) / f"GradLab-{user}"
    try:
        base.mkdir(mode=0o700, exist_ok=True)
        info = os.lstat(base)
        owned = not hasattr(os, "getuid") or info.st_uid == os.getuid()
        if not stat.S_ISDIR(info.st_mode) or not owned:
            base = Path(tempfile.mkdtemp(prefix="GradLab-"))
    except OSError:
        pass  # _make_usable will say why
    return base / kind


def problems() -> list[FolderProblem]:
    """Every folder that could not be used as wanted, for the window to say."""
    return [problem for kind in KINDS if (problem := _resolve(kind)[1]) is not None]


def data_dir() -> Path:
    """Autosaved sessions."""
    return _resolve("data")[0]


def config_dir() -> Path:
    """The settings file."""
    return _resolve("config")[0]


def log_dir() -> Path:
    """The rotating log."""
    return _resolve("logs")[0]


def autosave_path() -> Path:
    """The first autosave slot (autosave.py gives each running window its own)."""
    return data_dir() / "autosave.gradlab.pt"


def log_path() -> Path:
    return log_dir() / "gradlab.log"
