"""The window's autosave, from start to exit: nothing a student did is lost.

- At start: this window takes an autosave slot of its own (autosave_slots.py)
  and says so when another GradLab window is running; the autosave it restores
  is the worker's job (a refused one is moved aside there, kept with the time
  in its name); autosaves other windows left are offered in File ▸ Autosaved
  sessions.
- On closing: the session is autosaved; when that fails (a full disk, a
  read-only folder) the student chooses: Save as…, Quit without saving, or
  stay. Closing on a signal (quit_signals.py) cannot ask: the session then goes
  to GradLab's temporary folder, and the log says where.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from gradlab.core.fileio import move_aside
from gradlab.ui import paths
from gradlab.ui.autosave_slots import AutosaveSlots, slot_path
from gradlab.ui.messages import Message

translate = QCoreApplication.translate
log = logging.getLogger(__name__)


class WindowAutosave(QObject):
    def __init__(
        self,
        window: QMainWindow,
        controller,
        say: Callable[[Message], None],
        ask_path: Callable[[], str | None],
    ):
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._say = say
        self._ask_path = ask_path  # Save as…'s own question: a path, or None
        self.slots = AutosaveSlots(paths.data_dir())
        self._opening: dict[str, Path | None] = {}  # leftover being opened -> slot before
        self.slots.claim()
        self.menu = QMenu(translate("MainWindow", "Autosaved sessions"), window)
        self.menu.setObjectName("autosavedSessionsMenu")
        self.menu.aboutToShow.connect(self._fill_menu)
        controller.message.connect(self._on_message)

    @property
    def path(self) -> Path | None:
        """This window's autosave file."""
        return self.slots.path

    def restore_path(self) -> str | None:
        path = self.slots.path
        return str(path) if path is not None and path.exists() else None

    def start_messages(self) -> list[Message]:
        """What the student should know at start about where the session goes."""
        found = []
        if self.slots.path is None:
            found.append(Message("warning", "autosave.none", {"folder": str(self.slots.folder)}))
        elif self.slots.others_running:
            found.append(Message("info", "autosave.separate", {"path": str(self.slots.path)}))
        left = self.slots.leftovers()
        if left:
            found.append(Message("info", "autosave.leftovers", {"n": len(left)}))
        return found

    # ------------------------------------------------------------ leftovers
    def _fill_menu(self) -> None:
        self.menu.clear()
        left = self.slots.leftovers()
        if not left:
            empty = self.menu.addAction(translate("MainWindow", "(none left)"))
            empty.setEnabled(False)
        for path in left:
            stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(path.stat().st_mtime))
            action = self.menu.addAction(f"{stamp}  {path.name}")
            action.setToolTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_leftover(p))

    def open_leftover(self, path: str | Path) -> None:
        """Continue an autosave another window left. The session it replaces is
        autosaved first, to this window's slot, which then becomes a leftover."""
        if not self._controller.ready:
            return
        if self.slots.path is not None:
            error = self._controller.autosave(str(self.slots.path))
            if error is not None:
                self._say(
                    Message(
                        "error", "file.save_failed", {"path": str(self.slots.path), "error": error}
                    )
                )
                return
        self._opening[str(path)] = self.slots.path
        self._controller.open(str(path))

    @Slot(object)
    def _on_message(self, message: Message) -> None:
        path = str(message.args.get("path", ""))
        if message.code == "session.loaded" and path in self._opening:
            del self._opening[path]
            self.slots.take_over(path)  # from now on this window autosaves there
        elif message.code == "file.refused" and path in self._opening:
            # A refused autosave is kept aside, as at start: never offered again,
            # never overwritten.
            del self._opening[path]
            try:
                kept = move_aside(path, "refused")
            except OSError as exc:
                log.warning("could not move %s aside: %s", path, exc)
            else:
                self._say(Message("info", "autosave.kept_aside", {"kept": str(kept)}))
        elif message.code == "autosave.refused" and not message.args.get("kept"):
            # It could not be moved aside: never write over it.
            self.slots.move_on()

    # -------------------------------------------------------------- closing
    def save_before_closing(self, quiet: Callable[[], bool]) -> bool:
        """Autosave; True when the window may close. When the autosave fails, ask
        (Save as… / Quit without saving / Don't quit), unless `quiet()` says the
        app is ending on a signal: then save to the temporary folder instead."""
        if not self._controller.ready:
            return True  # nothing ran yet: an earlier autosave stays as it was
        target = self.slots.path
        error = (
            self._controller.autosave(str(target))
            if target is not None
            else translate("MainWindow", "no autosave file could be locked")
        )
        while error is not None:
            if quiet():
                self._save_to_temporary(error)
                return True
            choice = self._ask(str(target or self.slots.folder), error)
            if quiet():
                continue
            if choice == "quit":
                log.warning("quit without saving after: %s", error)
                return True
            if choice == "stay":
                return False
            chosen = self._ask_path()
            if chosen:
                target, error = Path(chosen), self._controller.autosave(chosen)
        return True

    def _ask(self, path: str, error: str) -> str:
        box = QMessageBox(self._window)
        box.setObjectName("autosaveFailedBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("MainWindow", "Your session was not saved"))
        box.setText(
            translate(
                "MainWindow",
                "GradLab could not save your session to {path}: {error}.\n\n"
                "Save it somewhere else, or quit without saving: what you did since "
                "the session was last saved would be lost.",
            ).format(path=path, error=error)
        )
        save = box.addButton(translate("MainWindow", "Save as…"), QMessageBox.ButtonRole.AcceptRole)
        save.setObjectName("saveAsButton")
        quit_ = box.addButton(
            translate("MainWindow", "Quit without saving"), QMessageBox.ButtonRole.DestructiveRole
        )
        quit_.setObjectName("quitWithoutSavingButton")
        stay = box.addButton(
            translate("MainWindow", "Don't quit"), QMessageBox.ButtonRole.RejectRole
        )
        stay.setObjectName("stayButton")
        box.setDefaultButton(save)
        box.setEscapeButton(stay)
        box.exec()
        clicked = box.clickedButton()
        return "save" if clicked is save else "quit" if clicked is quit_ else "stay"

    def _save_to_temporary(self, error: str) -> None:
        number = self.slots.number or 1
        target = slot_path(paths.fallback_dir("data"), number)
        with contextlib.suppress(OSError):  # the save below says why
            target.parent.mkdir(parents=True, exist_ok=True)
        again = self._controller.autosave(str(target))
        if again is None:
            log.warning("autosave failed (%s); the session was saved to %s", error, target)
        else:
            log.error("autosave failed (%s), and to %s too (%s): not saved", error, target, again)

    def release(self) -> None:
        self.slots.release()
