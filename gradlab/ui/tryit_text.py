"""What a lesson's "Try it" link does, in the UI language: one sentence for each
set-up (core/tryit.py), what it does to the app besides its settings, and the
question asked before it discards the student's updates."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from gradlab.core.tryit import TRY_IT

translate = QCoreApplication.translate


def try_it_text(name: str) -> str:
    """One sentence, in the UI language, saying what a try-it link set up."""
    texts = {
        "default": translate(
            "LessonPanel", "Fresh start: the tutorial's program, lr 0.1, mistake mode off."
        ),
        "watch-it-learn": translate(
            "LessonPanel", "Fresh start, running slowly: watch each update move w and b."
        ),
        "lr-too-large": translate(
            "LessonPanel",
            "lr = 1.5, above the stable limit: watch every update overshoot further.",
        ),
        "lr-too-small": translate(
            "LessonPanel", "lr = 0.001: watch how little 100 updates achieve."
        ),
        "lr-near-limit": translate(
            "LessonPanel", "lr = 0.9, just under the limit: w and b jump across, then settle."
        ),
        "skip-zero-grad": translate(
            "LessonPanel",
            "Mistake mode on: zero_grad() is skipped. Press F11 and watch each gradient "
            "add to w.grad.",
        ),
        "skip-zero-grad-run": translate(
            "LessonPanel",
            "Mistake mode on, running slowly: watch w.grad and the loss swing without end.",
        ),
        "noisy-data": translate("LessonPanel", "Noise 0.5 on y: watch where the loss levels off."),
        "mini-batches": translate(
            "LessonPanel", "Mini-batches of 10: one update per batch, a shakier loss curve."
        ),
        "momentum": translate("LessonPanel", "SGD with momentum 0.9 at lr 0.1."),
        "adam-vs-sgd": translate(
            "LessonPanel", "Adam at lr 0.1 (compare it with SGD at lr 0.1, same start)."
        ),
        "rmsprop": translate(
            "LessonPanel", "RMSprop at lr 0.1: press F11 once and watch w and b jump."
        ),
    }
    entry = TRY_IT.get(name)
    text = texts.get(name, entry.description if entry else name)
    if not entry:
        return text
    return translate("LessonPanel", "{text} {effects}").format(
        text=text, effects=try_it_effects(entry)
    )


def try_it_effects(entry) -> str:
    """What a set-up does to the app besides its settings, in one sentence: it
    always starts over; it may run, at what speed, and flip the mistake mode."""
    parts = [translate("LessonPanel", "It starts the experiment over")]
    if entry.compare:
        parts.append(translate("LessonPanel", "compares the runs side by side"))
    elif entry.run:
        parts.append(
            translate(
                "LessonPanel",
                "runs at %n update(s) a second (the Speed slider moves)",
                None,
                entry.speed or 5,
            )
        )
    else:
        parts.append(translate("LessonPanel", "waits for you to step"))
    if entry.skip_zero_grad:
        parts.append(translate("LessonPanel", "turns the mistake mode on"))
    separator = translate("LessonPanel", ", ", "the separator of a list of effects")
    return translate("LessonPanel", "({effects}.)").format(effects=separator.join(parts))


def ask_to_start_over(
    parent: QWidget, name: str, updates: int, answered: Callable[[str, bool], None]
) -> QMessageBox:
    """Ask (window-modal, without a nested event loop) before set-up `name`
    discards `updates` updates; `answered(name, yes)` follows. Returns the box."""
    box = QMessageBox(parent)
    box.setObjectName("tryItConfirm")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("LessonPanel", "Start over?"))
    box.setText(try_it_text(name))
    box.setInformativeText(
        translate(
            "LessonPanel",
            "Your %n update(s) so far will be discarded. To keep them, cancel and save "
            "first (File ▸ Save).",
            None,
            updates,
        )
    )
    go = box.addButton(translate("LessonPanel", "Start over"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(go)

    def finished() -> None:
        answered(name, box.clickedButton() is go)
        box.deleteLater()

    box.finished.connect(finished)
    box.open()
    return box
