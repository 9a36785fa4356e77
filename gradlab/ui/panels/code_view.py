"""The code view: the script GradLab runs, with the line that just ran highlighted.

The text is `codegen.script_for(config)`, the very program the app computes bit
for bit, so a student can copy it, save it and run it at home. Like a debugger,
the line of the phase that ran last is highlighted; hovering a line explains it.
During a run the whole loop body stays highlighted and nothing is redrawn per
frame.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Slot
from PySide6.QtGui import QColor, QFontMetrics, QGuiApplication, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QToolTip,
    QWidget,
)

from gradlab.core import codegen, codegen_text
from gradlab.core.fileio import atomic_write_text
from gradlab.ui import i18n, script_file, zoom
from gradlab.ui.highlighter import PythonHighlighter

translate = QCoreApplication.translate

# Calls that PyTorch (or the script) refused: the message code -> the phase.
REFUSED = {
    "backward.freed": "backward",
    "backward.no_loss": "backward",
    "loss.no_prediction": "loss",
}


class _CodeEdit(QPlainTextEdit):
    """Read-only script text that explains the line under the mouse."""

    def __init__(self, explain, parent=None):
        super().__init__(parent)
        self._explain = explain  # line number (1-based) -> text or ""

    def viewportEvent(self, event) -> bool:  # noqa: N802 - Qt's name
        # Only tool-tip events do work here; everything else goes straight on.
        if event.type() == QEvent.Type.ToolTip:
            line = self.cursorForPosition(event.pos()).blockNumber() + 1
            text = self._explain(line) or self.toolTip()
            QToolTip.showText(event.globalPos(), text, self.viewport())
            return True
        return super().viewportEvent(event)


class CodePanel(QWidget):
    def __init__(self, controller, colours, parent=None):
        super().__init__(parent)
        self.setObjectName("codePanel")
        self.controller = controller
        self._colours = colours
        self._config = None
        self._script = ""
        self._phase_lines: dict[str, int] = {}
        self._keys: dict[int, str] = {}
        self._shown: tuple | None = None  # what the highlight shows now
        self._phase: str | None = None
        self._next_phase = "forward"
        self._skip = False  # the mistake mode: runs leave zero_grad() out
        self._refused: str | None = None  # phase refused in the frame being handled
        self.current_line: int | None = None  # the highlighted line, for tests and a11y
        self._scroll_timer = QTimer(self)
        self._scroll_timer.setSingleShot(True)
        self._scroll_timer.setInterval(0)
        self._scroll_timer.timeout.connect(self._scroll_to_current)

        self.caption = QLabel()
        self.caption.setObjectName("codeCaption")
        self.caption.setWordWrap(True)
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        # Always two lines high: a caption that grows would shrink the code view
        # under the line just scrolled into view.
        self.caption.setFixedHeight(2 * self.caption.fontMetrics().lineSpacing() + 2)
        self.caption.setToolTip(
            translate(
                "CodePanel",
                "The line that ran last, and the one the Next phase button (F10) runs next.",
            )
        )
        self.copy_button = QPushButton(translate("CodePanel", "Copy"))
        self.copy_button.setObjectName("codeCopyButton")
        self.copy_button.setToolTip(
            translate(
                "CodePanel",
                "Copy the whole script: paste it into a .py file or a notebook and run it. "
                "It computes exactly what GradLab computes.",
            )
        )
        self.copy_button.clicked.connect(self._copy)
        self.save_button = QPushButton(translate("CodePanel", "Save as .py…"))
        self.save_button.setObjectName("codeSaveButton")
        self.save_button.setToolTip(
            translate(
                "CodePanel",
                "Save this script as a Python file. Run it with PyTorch installed and it "
                "prints the same weight and bias as GradLab after 100 updates.",
            )
        )
        self.save_button.clicked.connect(self._save)

        self.view = _CodeEdit(self._line_tooltip, self)
        self.view.setObjectName("codeView")
        self.view.setReadOnly(True)
        script_file.wrap_lines(self.view)
        self.view.setToolTip(
            translate(
                "CodePanel",
                "The training script for the current settings. Every button of the app runs "
                "one of its lines; the highlighted line ran last. Hover a line to see what "
                "it does.",
            )
        )
        self.view.setAccessibleName(translate("CodePanel", "Training script"))
        self.view.setFont(zoom.fixed_font())
        self.highlighter = PythonHighlighter(self.view.document(), colours)

        script_file.lay_out(self, self.caption, self.copy_button, self.save_button, self.view)

        controller.configChanged.connect(self._on_config)
        controller.frame.connect(self._on_frame)
        controller.message.connect(self._on_message)
        controller.runningChanged.connect(self._on_running)
        self._on_config(controller.config)

    # ---------------------------------------------------------------- public
    def script(self) -> str:
        """The script shown (for the current settings)."""
        return self._script

    def export(self, path) -> None:
        """Write the shown script to `path` (atomically: a crash leaves the old file)."""
        atomic_write_text(path, self._script)

    def apply_colours(self, colours) -> None:
        self._colours = colours
        self.highlighter.set_colours(colours)
        self._shown = None
        self._update_highlight()

    def apply_zoom(self, _factor: float) -> None:
        """The script's fixed-width font and the caption's two lines at the new zoom."""
        self.view.setFont(zoom.fixed_font())
        lines = QFontMetrics(QApplication.font()).lineSpacing()  # the caption's, just zoomed
        self.caption.setFixedHeight(2 * lines + 2)

    # ------------------------------------------------------------- reacting
    @Slot(object)
    def _on_config(self, config) -> None:
        if config == self._config:
            return
        self._config = config
        self._write_script()

    def _write_script(self) -> None:
        """The script for the experiment, as the mistake mode runs it or not."""
        config, skip = self._config, self._skip
        lang = i18n.script_language()
        self._script = codegen.script_for(config, lang=lang, skip_zero_grad=skip)
        self._phase_lines = codegen.phase_lines(config, lang=lang, skip_zero_grad=skip)
        self._keys = codegen.line_keys(config, lang=lang, skip_zero_grad=skip)
        bar = self.view.verticalScrollBar()
        top = bar.value()
        self.view.setPlainText(self._script)  # the highlighter colours it once, here
        bar.setValue(top)
        self._shown = None
        self._update_highlight()

    @Slot(object)
    def _on_message(self, message) -> None:
        # Arrives just before the frame that carries the refused call's snapshot.
        if message.code in REFUSED:
            self._refused = REFUSED[message.code]

    @Slot(object)
    def _on_frame(self, frame) -> None:
        snap = frame.snapshot
        if snap is None:
            return
        self._phase = snap.phase
        self._next_phase = snap.next_phase
        if snap.skip_zero_grad != self._skip:  # the mistake mode changes the loop
            self._skip = snap.skip_zero_grad
            self._write_script()
        self._update_highlight(refused=self._refused)
        self._refused = None

    @Slot(bool)
    def _on_running(self, running: bool) -> None:
        self._update_highlight()

    # ------------------------------------------------------------ highlight
    def _update_highlight(self, refused: str | None = None) -> None:
        """Point at the line that ran (or was refused); whole loop body while running.
        Does nothing when that is already what is shown: a run's frames cost nothing."""
        running = self.controller.running
        state = (running, self._phase, self._next_phase, self._skip, refused, self._config)
        if state == self._shown:
            return
        self._shown = state
        lines = self._phase_lines
        if running:  # the loop body, as the run executes it
            targets = sorted(n for p, n in lines.items() if not (p == "zero_grad" and self._skip))
            colour = QColor(self._colours.highlight_line)
        elif refused is not None:
            targets = [lines[refused]]
            colour = QColor(self._colours.grad)
            colour.setAlpha(60)
        elif self._phase in lines:
            targets = [lines[self._phase]]
            colour = QColor(self._colours.highlight_line)
        else:
            targets = []
            colour = QColor(self._colours.highlight_line)
        selections = []
        doc = self.view.document()
        for n in targets:
            sel = QTextEdit.ExtraSelection()
            sel.format.setBackground(colour)
            sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            # The whole line, on every row it wraps to in a narrow dock.
            sel.cursor = QTextCursor(doc.findBlockByNumber(n - 1))
            sel.cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            selections.append(sel)
        self.view.setExtraSelections(selections)
        self.current_line = targets[0] if len(targets) == 1 else None
        self.caption.setText(self._caption(running, refused))
        self._scroll_timer.start()  # after the layout settles

    @Slot()
    def _scroll_to_current(self) -> None:
        """Bring the highlighted line into view, centred, but only when it is not
        already fully visible (a view that jumps at every click is hard to read)."""
        if self.current_line is None:
            return
        block = self.view.document().findBlockByNumber(self.current_line - 1)
        self.view.setTextCursor(QTextCursor(block))  # no selection: just a position
        rect = self.view.cursorRect()
        if not self.view.viewport().rect().contains(rect):
            self.view.centerCursor()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._scroll_to_current()  # the dock may have been resized or tabbed in

    def _caption(self, running: bool, refused: str | None) -> str:
        lines = self._phase_lines
        if running:
            first, last = min(lines.values()), max(lines.values())
            if self._skip:
                return translate(
                    "CodePanel",
                    "Running: lines {first}–{last} repeat, once per update, without "
                    "zero_grad() (mistake mode).",
                ).format(first=first, last=last)
            return translate(
                "CodePanel", "Running: lines {first}–{last} repeat, once per update."
            ).format(first=first, last=last)
        nxt = self._next_phase
        after = translate("CodePanel", "Next (F10), line {line}: {code}").format(
            line=lines.get(nxt), code=self._code(nxt)
        )
        if refused is not None:
            did = translate("CodePanel", "Refused, line {line}: {code}").format(
                line=lines[refused], code=self._code(refused)
            )
        elif self._phase in lines:
            did = translate("CodePanel", "Just ran, line {line}: {code}").format(
                line=lines[self._phase], code=self._code(self._phase)
            )
        else:
            did = translate("CodePanel", "Nothing has run yet.")
        return f"{did}\n{after}"

    def _code(self, phase: str) -> str:
        """The phase's line of code, without indentation or comment."""
        n = self._phase_lines.get(phase)
        if n is None:
            return phase
        code = self.view.document().findBlockByNumber(n - 1).text().split("#")[0].strip()
        # In the mistake mode zero_grad()'s line is a comment saying it is left out.
        return code or "optimizer.zero_grad()"

    # --------------------------------------------------------------- tooltip
    def _line_tooltip(self, line: int) -> str:
        key = self._keys.get(line)
        if key is None:
            return ""
        return explanation(key)

    def tooltip_for_line(self, line: int) -> str:
        """The explanation shown when the mouse rests on `line` (1-based)."""
        return self._line_tooltip(line) or self.view.toolTip()

    # ---------------------------------------------------------------- export
    @Slot()
    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self._script)

    @Slot()
    def _save(self) -> None:
        script_file.save_as(
            self,
            translate("CodePanel", "Save the training script"),
            "gradlab_training.py",
            self.export,
        )


def explanation(key: str) -> str:
    """The sentence for a codegen line key, in the interface language."""
    return codegen_text.explanation(key, i18n.script_language())
