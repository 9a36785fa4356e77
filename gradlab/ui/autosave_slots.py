"""Autosave slots: each running GradLab window autosaves to a file of its own,
so two windows never write over each other's session.

The data folder holds autosave.gradlab.pt, autosave-2.gradlab.pt ... Each
running instance holds the lock of one of them (QLockFile, a `.lock` file next
to it naming the process; a lock whose process has died is taken over). At
start a window takes the free slot whose file was saved last (or the first free
one, with no file) and restores it. Every other slot file that no running
window holds is a `leftover`: the window says so at start and offers them in
File ▸ Autosaved sessions. A leftover that is opened becomes the window's slot
(after the session it replaces was autosaved to the old one), so each file
always holds one session and none is ever overwritten by another.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QLockFile

MAX_SLOTS = 32
FIRST = "autosave.gradlab.pt"


def slot_path(folder: Path, number: int) -> Path:
    return folder / (FIRST if number == 1 else f"autosave-{number}.gradlab.pt")


def slot_number(path: str | Path) -> int | None:
    """The slot a file name belongs to, or None for any other file."""
    name = Path(path).name
    return next((n for n in range(1, MAX_SLOTS + 1) if slot_path(Path(), n).name == name), None)


class AutosaveSlots:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.number: int | None = None  # the slot this window holds
        self._lock: QLockFile | None = None
        self.others_running = False  # another window held a slot when this one started

    @property
    def path(self) -> Path | None:
        """This window's autosave file (None when no slot could be locked)."""
        return None if self.number is None else slot_path(self.folder, self.number)

    def claim(self) -> Path | None:
        """Take a slot at start: the free one saved last, else the first free one."""
        free = [n for n in range(1, MAX_SLOTS + 1) if not self._held_by_another(n)]
        self.others_running = len(free) < MAX_SLOTS
        saved = [n for n in free if slot_path(self.folder, n).is_file()]
        saved.sort(key=lambda n: slot_path(self.folder, n).stat().st_mtime, reverse=True)
        for number in [*saved, *(n for n in free if n not in saved)]:
            if self._take(number):
                return self.path
        return None

    def leftovers(self) -> list[Path]:
        """Autosaves no running window holds, newest first (not this window's own)."""
        found = []
        for number in range(1, MAX_SLOTS + 1):
            path = slot_path(self.folder, number)
            if number != self.number and path.is_file() and not self._held_by_another(number):
                found.append(path)
        return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)

    def take_over(self, path: str | Path) -> bool:
        """Make the leftover at `path` this window's slot (its old slot is let go,
        its file kept). False when it is not a slot, or another window holds it."""
        number = slot_number(path)
        if number is None or Path(path).parent != self.folder:
            return False
        if number == self.number:
            return True
        previous = self._lock
        if not self._take(number):
            return False
        if previous is not None:
            previous.unlock()
        return True

    def move_on(self) -> Path | None:
        """Leave this slot's file alone from now on (it could not be moved aside):
        take the next free slot whose file does not exist yet."""
        old = self._lock
        for number in range(1, MAX_SLOTS + 1):
            unused = number != self.number and not slot_path(self.folder, number).exists()
            if unused and self._take(number):
                if old is not None:
                    old.unlock()
                return self.path
        return None

    def release(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
        self._lock = None
        self.number = None

    # ------------------------------------------------------------ internals
    def _lock_file(self, number: int) -> QLockFile:
        lock = QLockFile(str(slot_path(self.folder, number)) + ".lock")
        lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        return lock

    def _take(self, number: int) -> bool:
        lock = self._lock_file(number)
        with contextlib.suppress(OSError):
            if lock.tryLock(0):
                self._lock, self.number = lock, number
                return True
        return False

    def _held_by_another(self, number: int) -> bool:
        if number == self.number:
            return False
        probe = self._lock_file(number)
        if probe.tryLock(0):
            probe.unlock()
            return False
        # Locked by a running process, or the lock cannot be made at all (an
        # unwritable folder): either way not this window's to use.
        return probe.error() == QLockFile.LockError.LockFailedError
