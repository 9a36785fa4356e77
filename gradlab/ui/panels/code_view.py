"""The code view: the script GradLab runs, with the line that just ran highlighted.

The text is `codegen.script_for(config)`, the very program the app computes bit
for bit, so a student can copy it, save it and run it at home. Like a debugger,
the line of the phase that ran last is highlighted; hovering a line explains it.
During a run the whole loop body stays highlighted and nothing is redrawn per
frame.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Slot
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QToolTip,
    QWidget,
)

from gradlab.core import codegen
from gradlab.core.fileio import atomic_write_text
from gradlab.ui import script_file
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
        self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.view.setToolTip(
            translate(
                "CodePanel",
                "The training script for the current settings. Every button of the app runs "
                "one of its lines; the highlighted line ran last. Hover a line to see what "
                "it does.",
            )
        )
        self.view.setAccessibleName(translate("CodePanel", "Training script"))
        self.view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
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

    # ------------------------------------------------------------- reacting
    @Slot(object)
    def _on_config(self, config) -> None:
        if config == self._config:
            return
        self._config = config
        self._script = codegen.script_for(config)
        self._phase_lines = codegen.phase_lines(config)
        self._keys = codegen.line_keys(config)
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
        self._skip = snap.skip_zero_grad
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
            sel.cursor = QTextCursor(doc.findBlockByNumber(n - 1))
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
        return self.view.document().findBlockByNumber(n - 1).text().split("#")[0].strip()

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
    """The translated sentence for a codegen line key (English if it has none)."""
    text = _explanations().get(key)
    return text if text is not None else codegen.EXPLANATIONS.get(key, "")


def _explanations() -> dict[str, str]:
    # Literal strings, so that lupdate finds every one; keys are codegen's.
    t = translate
    return {
        "import.torch": t(
            "CodePanel", "Loads PyTorch: tensors, and autograd, which works out gradients for us."
        ),
        "import.nn": t(
            "CodePanel",
            "torch.nn holds the building blocks: layers such as nn.Linear and losses such as "
            "nn.MSELoss.",
        ),
        "import.optim": t(
            "CodePanel",
            "torch.optim holds the optimizers: the rules that change the parameters using "
            "their gradients.",
        ),
        "import.data": t(
            "CodePanel",
            "DataLoader cuts the data into shuffled mini-batches; TensorDataset keeps each x "
            "with its y.",
        ),
        "threads": t(
            "CodePanel",
            "One CPU thread, as in GradLab: with more than 32,768 samples PyTorch would split "
            "the sums across threads and the last digits could differ.",
        ),
        "seed": t(
            "CodePanel",
            "Fixes the random numbers, so the data and the starting weights are the same on "
            "every run.",
        ),
        "data.x": t(
            "CodePanel",
            "Draws the inputs from the standard normal distribution: one row per sample, one "
            "column.",
        ),
        "data.line": t(
            "CodePanel", "The answers: every y lies exactly on the line the model has to discover."
        ),
        "data.sin": t(
            "CodePanel", "The answers: y = sin(x), a curve that no straight line can follow."
        ),
        "data.noise": t(
            "CodePanel",
            "Adds random noise to y, as real measurements are never exact; the model can only "
            "find the line on average.",
        ),
        "model.linear": t(
            "CodePanel",
            "One neuron: y_pred = x·w + b, with a weight w and a bias b that start at small "
            "random values.",
        ),
        "model.mlp": t(
            "CodePanel",
            "A small network: a hidden layer, a tanh bend, and an output layer, applied in "
            "this order.",
        ),
        "model.mlp.hidden": t(
            "CodePanel", "The hidden layer: each of its neurons computes its own w·x + b."
        ),
        "model.mlp.tanh": t(
            "CodePanel",
            "tanh bends every hidden value; without a bend the whole network would still draw "
            "a straight line.",
        ),
        "model.mlp.output": t(
            "CodePanel", "The output layer mixes the hidden values into one prediction."
        ),
        "loss.mse": t(
            "CodePanel",
            "Mean squared error: the average of (y_pred − y)², so large errors count much more "
            "than small ones.",
        ),
        "loss.l1": t(
            "CodePanel",
            "Mean absolute error: the average of |y_pred − y|, every error counts in proportion "
            "to its size.",
        ),
        "loss.huber": t(
            "CodePanel",
            "Huber loss: squared for small errors and absolute for large ones, so outliers pull "
            "less.",
        ),
        "optimizer.sgd": t(
            "CodePanel",
            "Plain gradient descent: every step() moves each parameter by −lr × its gradient.",
        ),
        "optimizer.momentum": t(
            "CodePanel",
            "Gradient descent with momentum: step() keeps a running velocity of past gradients "
            "and moves along it.",
        ),
        "optimizer.nesterov": t(
            "CodePanel",
            "Nesterov momentum: like momentum, but each step also looks ahead along the velocity.",
        ),
        "optimizer.adam": t(
            "CodePanel",
            "Adam: step() keeps running averages of each gradient and of its square, and "
            "scales every step by them.",
        ),
        "optimizer.rmsprop": t(
            "CodePanel",
            "RMSprop: step() divides each gradient by a running average of its recent size.",
        ),
        "optimizer.adagrad": t(
            "CodePanel",
            "Adagrad: step() divides each gradient by the root of all its squared gradients so "
            "far, so the steps shrink over time.",
        ),
        "loader": t("CodePanel", "A DataLoader hands out the data in shuffled mini-batches."),
        "loader.dataset": t(
            "CodePanel",
            "TensorDataset pairs x[i] with y[i], so shuffling keeps every input with its answer.",
        ),
        "loader.batch_size": t(
            "CodePanel",
            "How many samples one mini-batch holds; every mini-batch gives one update.",
        ),
        "loader.shuffle": t("CodePanel", "A new random order in every epoch."),
        "loader.generator": t(
            "CodePanel",
            "The shuffling has its own seeded random generator, so the order is the same on "
            "every run.",
        ),
        "loop.full": t(
            "CodePanel",
            "Repeats the training step; with the full batch, one update sees all the data, so "
            "one update is one epoch.",
        ),
        "loop.count": t("CodePanel", "Counts the updates, one per mini-batch."),
        "loop.while": t("CodePanel", "Starts epoch after epoch until enough updates have run."),
        "loop.batches": t(
            "CodePanel", "One epoch: the loader hands out the shuffled mini-batches one by one."
        ),
        "loop.increment": t("CodePanel", "One more update done."),
        "loop.stop": t(
            "CodePanel", "Stops, even in the middle of an epoch, once enough updates have run."
        ),
        "phase.forward": t(
            "CodePanel",
            "Forward pass: the model predicts a y for every x, and PyTorch records the "
            "operations in a graph.",
        ),
        "phase.loss": t(
            "CodePanel",
            "The loss compares the predictions with the answers: one number that says how "
            "wrong the model is.",
        ),
        "phase.zero_grad": t(
            "CodePanel",
            "Clears the last update's gradients: every .grad becomes None, otherwise "
            "backward() would add to them.",
        ),
        "phase.backward": t(
            "CodePanel",
            "Backpropagation: PyTorch walks the graph back from the loss and stores "
            "∂loss/∂parameter in each parameter's .grad.",
        ),
        "phase.step": t(
            "CodePanel",
            "The optimizer moves every parameter a little against its gradient, which lowers "
            "the loss.",
        ),
        "print.linear": t("CodePanel", "Prints the learned weight and bias."),
        "print.loss": t("CodePanel", "Prints the loss of the last update."),
        "print.test": t(
            "CodePanel", "Compares a few predictions with the truth, without recording a graph."
        ),
        "loss.none": t("CodePanel", "No update ran, so there is no loss yet."),
    }
