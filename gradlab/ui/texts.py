"""Sentences for the student: each message code of the worker and core, translated.

The core speaks in stable codes with numbers; this module turns them into one or
two teaching sentences in the interface language (Qt's translate()).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gradlab.core.config import SPEC_BY_NAME, ConfigError
from gradlab.ui import data_texts, exercise_texts, update_text
from gradlab.ui.formatting import format_value, locale_int

__all__ = ["format_value", "locale_int"]  # shared with the panels, from here as before

translate = QCoreApplication.translate


def message_text(code: str, args: dict) -> str:
    """The sentence for a worker Message (code + args)."""
    a = args or {}
    if code in data_texts.CODES:
        return data_texts.message_text(code, a)
    if code in exercise_texts.CODES:
        return exercise_texts.message_text(code, a)
    inner = a.get("args", ())
    lr = a.get("lr")
    if code == "forward.ok":
        shape = " × ".join(str(d) for d in inner[0]) if inner else "?"
        return translate(
            "Messages",
            "model(x) ran the forward pass: y_pred = x·Wᵀ + b, one prediction per sample "
            "(shape {shape}). PyTorch recorded the operations for backward().",
        ).format(shape=shape)
    if code == "loss.ok":
        kind = a.get("loss_kind", "mse")
        if kind == "l1":
            text = translate(
                "Messages",
                "criterion(y_pred, y) = {loss}: the mean of the absolute errors. "
                "The smaller it is, the better the line fits.",
            )
        elif kind == "huber":
            text = translate(
                "Messages",
                "criterion(y_pred, y) = {loss}: the Huber loss, squared for small errors and "
                "linear for large ones. The smaller it is, the better the line fits.",
            )
        else:
            text = translate(
                "Messages",
                "criterion(y_pred, y) = {loss}: the mean of the squared errors. "
                "The smaller it is, the better the line fits.",
            )
        return text.format(loss=format_value(inner[0]))
    if code in ("loss.diverged", "step.diverged"):
        return translate(
            "Messages",
            "The loss is no longer a finite number: training has diverged. With lr = {lr} each "
            "update overshoots further than the last. Reset (Ctrl+R) and choose a smaller lr.",
        ).format(lr=_g(lr))
    if code == "loss.broadcast":
        pred, target = (inner[1], inner[2]) if len(inner) > 2 else ((), ())
        return translate(
            "Messages",
            "criterion(y_pred, y) = {loss}, but y_pred has shape {pred} and this batch's y "
            "has shape {target}: PyTorch broadcast them (and warned), so this number "
            "compares the wrong pairs. Run model(x) again for the new batch.",
        ).format(
            loss=format_value(inner[0]),
            pred=" × ".join(map(str, pred)),
            target=" × ".join(map(str, target)),
        )
    if code == "loss.shape_mismatch":
        return translate(
            "Messages",
            "criterion(y_pred, y) refused: y_pred came from an earlier batch of another size. "
            "Run model(x) again for the new batch. PyTorch said: {torch}",
        ).format(torch=_first_line(a.get("torch", "")))
    if code == "zero_grad.ok":
        return translate(
            "Messages",
            "optimizer.zero_grad() set every .grad to None (not to zeros: set_to_none=True is "
            "the default since PyTorch 2.0). The next backward() starts from nothing.",
        )
    if code == "zero_grad.skipped":
        return translate(
            "Messages",
            "Mistake mode: optimizer.zero_grad() was left out, so .grad still holds the "
            "earlier gradients and the next backward() adds to them.",
        )
    if code == "zero_grad.first":
        return translate(
            "Messages",
            "optimizer.zero_grad(): no backward() has run yet, so every .grad is still None "
            "and there was nothing to clear. That is expected on the first update; from the "
            "next one on, zero_grad() removes the last update's gradients.",
        )
    if code == "zero_grad.already_none":
        return translate(
            "Messages",
            "optimizer.zero_grad(): every .grad was already None (zero_grad() had already "
            "run since the last backward()), so nothing changed. Calling it twice is harmless.",
        )
    if code == "backward.ok":
        return translate(
            "Messages",
            "loss.backward() walked the graph from the loss back to the parameters and stored "
            "∂loss/∂w in weight.grad and ∂loss/∂b in bias.grad. The graph's saved values are "
            "now freed.",
        )
    if code == "backward.accumulated":
        return translate(
            "Messages",
            "loss.backward() ADDED this update's gradients to those already in .grad, because "
            "zero_grad() did not run: .grad now holds the sum of every gradient since it was "
            "last cleared, not the slope here. PyTorch accumulates on purpose; that is why the "
            "loop calls zero_grad() before every backward().",
        )
    if code == "backward.freed":
        return translate(
            "Messages",
            "loss.backward() refused: the first backward() already freed this graph's saved "
            "values. Run model(x) and the loss again to record a new graph (or pass "
            "retain_graph=True to the first backward()). PyTorch said: {torch}",
        ).format(torch=_first_line(a.get("torch", "")))
    if code == "backward.no_loss":
        return translate(
            "Messages",
            "There is no loss to differentiate yet: run the forward pass and the loss first.",
        )
    if code == "loss.no_prediction":
        return translate(
            "Messages", "There is no y_pred yet: run model(x) (the forward pass) first."
        )
    if code == "step.ok":
        return update_text.step_message(a)[0]
    if code == "step.no_grad":
        return translate(
            "Messages",
            "optimizer.step() changed nothing: every .grad is None (backward() has not run "
            "since zero_grad()). Update {step} counted, parameters unchanged.",
        ).format(step=a.get("step", 0))
    if code == "run.started":
        ups = a.get("ups", 0)
        if ups == 0:
            return translate("Messages", "Running at full speed. F5 pauses.")
        return translate("Messages", "Running at %n update(s) per second. F5 pauses.", None, ups)
    # The count goes in as a plain name: pyside6-lupdate skips a translate() call whose
    # count is an expression such as a.get("n", 0), and the string would go untranslated.
    n = a.get("n", 0)
    if code == "run.paused":
        # The run's own count, and the total the update counter shows.
        text = translate("Messages", "Paused: this run made %n update(s), %1 in all.", None, n)
        return text.replace("%1", str(a.get("total", n)))
    if code == "run.diverged":
        return translate(
            "Messages",
            "The run stopped itself at update {step}: the loss became {loss}. lr = {lr} is too "
            "large for this data, so every update overshoots the minimum by more than the "
            "last. Reset (Ctrl+R) and choose a smaller lr.",
        ).format(step=a.get("step", 0), loss=format_value(a.get("loss")), lr=_g(a.get("lr")))
    if code == "run.refused_diverged":
        return translate(
            "Messages",
            "This run has diverged (the loss is inf or nan), so it cannot go on. Reset (Ctrl+R), "
            "with a smaller lr.",
        )
    if code == "settings.lr":
        return translate(
            "Messages", "The learning rate is now {lr}; it applies from the next optimizer.step()."
        ).format(lr=_g(a.get("lr")))
    if code == "settings.skip_on":
        return translate(
            "Messages",
            "Mistake mode: zero_grad() is left out from now on, so every backward() adds its "
            "gradient to the sum of all the earlier ones. That sum acts like a velocity "
            "(momentum with μ = 1 and nothing to slow it down): w and b swing past the answer "
            "and back again and again, and the loss rises and falls without ever settling. "
            "Watch w.grad and the parameter plot.",
        )
    if code == "settings.skip_off":
        return translate("Messages", "zero_grad() runs again before every backward().")
    if code == "session.start":
        return translate(
            "Messages",
            "Ready. The data are 100 points of y = 2x + 1 by default; press F10 to run the "
            "loop one call at a time.",
        )
    if code == "session.reset":
        return translate("Messages", "Reset: new model from the same seed, step 0.")
    if code == "session.settings":
        if a.get("own_data"):
            return translate(
                "Messages",
                "The experiment changed, so it starts over on your data: the model and the "
                "optimizer are built again from the seed, as the script would build them.",
            )
        return translate(
            "Messages",
            "The experiment changed, so it starts over: the data, the model and the optimizer "
            "are built again from the seed, as the script would build them.",
        )
    if code == "stepback.ok":
        return translate(
            "Messages",
            "Stepped back %n update(s). The parameters, the optimizer's state and the data "
            "order are exactly as they were after update {step}: run again and you get the "
            "same numbers.",
            None,
            n,
        ).format(step=a.get("step", 0))
    if code == "stepback.none":
        return translate(
            "Messages",
            "There is nothing to step back to: no update has run since the start (or the "
            "saved states do not reach further back).",
        )
    if code == "params.set":
        values = a.get("values", {})
        return translate(
            "Messages",
            "The model starts from w = {w}, b = {b} now. The values were set under "
            "torch.no_grad(), so autograd recorded nothing; this is not an update, so the "
            "update counter and the optimizer's state stay as they were.",
        ).format(w=_g(values.get("weight")), b=_g(values.get("bias")))
    if code == "compare.started":
        return translate(
            "Messages",
            "Comparing {runs}: same data, same starting point, only the optimizer settings differ.",
        ).format(runs=", ".join(a.get("labels", ())))
    if code == "compare.done":
        return translate("Messages", "Comparison finished: %n update(s) each.", None, n)
    if code == "landscape.paused":
        return translate(
            "Messages",
            "Paused, so the model stays where it is. Click the map again to start the "
            "model from that (w, b).",
        )
    if code == "panel.revealed":
        return a.get("where", "")
    if code == "compare.waiting":
        return translate(
            "Messages",
            "While comparing, the values and the parameter and gradient plots show your own "
            "run, which waits. Any call on it (F10, F11, F5 …) or Back to one run ends the "
            "comparison and continues it.",
        )
    if code == "lr.above_limit":
        return translate(
            "Messages",
            "lr = {lr} is above the stable limit for these data, {limit}: every update "
            "would overshoot more than the last and a run would diverge. Try lr = {suggest}.",
        ).format(lr=_g(a.get("lr")), limit=f"{a.get('limit', 0):.3g}", suggest=_g(a.get("try")))
    if code == "compare.left":
        return translate(
            "Messages",
            "Back to one run: the comparison ended, and your own run goes on from update "
            "{step}, where you left it.",
        ).format(step=a.get("step", 0))
    if code == "infer.out_of_range":
        return translate(
            "Messages",
            "'{text}' is too large: type an x from -1,000,000 to 1,000,000, such as 3 or -1.5.",
        ).format(text=a.get("text", ""))
    if code == "infer.refused":
        return translate(
            "Messages", "'{text}' is not a number. Type an x such as 3 or -1.5."
        ).format(text=a.get("text", ""))
    if code == "file.saved":
        return translate(
            "Messages",
            "Saved to {path}: the model's and the optimizer's state_dict, the data order, the "
            "history and your session as code, at update {step}.",
        ).format(path=a.get("path", ""), step=a.get("step", 0))
    if code == "file.refused":
        return translate(
            "Messages", "That file was not opened, and nothing changed: {error}"
        ).format(error=_refusal(a))
    if code == "file.save_failed":
        return translate(
            "Messages",
            "Could not save to {path} ({error}); nothing was written there. Choose another "
            "place with File ▸ Save as…",
        ).format(path=a.get("path", ""), error=a.get("error", ""))
    if code == "session.loaded":
        return translate(
            "Messages",
            "Opened {path}: update {step}. Training continues exactly where it was saved.",
        ).format(path=a.get("path", ""), step=a.get("step", 0))
    if code == "session.restored":
        return translate(
            "Messages",
            "Welcome back: your last session is restored at update {step}. To begin again, "
            "choose File ▸ Start fresh.",
        ).format(step=a.get("step", 0))
    if code == "session.fresh":
        return translate("Messages", "A fresh start: the tutorial's experiment, update 0.")
    if code == "session.tryit":
        return translate("Messages", "The lesson set the experiment up; it starts over.")
    if code == "autosave.refused":
        if a.get("kept"):
            text = translate(
                "Messages",
                "Your last session could not be restored, so GradLab starts fresh: {error} "
                "The file is kept, renamed to {kept}.",
            )
        else:
            text = translate(
                "Messages",
                "Your last session could not be restored, so GradLab starts fresh: {error} "
                "The file stays where it is, {path} (renaming it failed: {reason}); this "
                "window autosaves to another file, so it is never written over.",
            )
        return text.format(
            error=_refusal(a),
            kept=a.get("kept", ""),
            path=a.get("path", ""),
            reason=a.get("move_error", ""),
        )
    if code == "autosave.kept_aside":
        return translate(
            "Messages", "That autosave is kept, renamed to {kept}, and no longer offered."
        ).format(kept=a.get("kept", ""))
    if code == "autosave.separate":
        return translate(
            "Messages",
            "Another GradLab window is open, so this one autosaves to a file of its own, "
            "{path}: neither window writes over the other's session.",
        ).format(path=a.get("path", ""))
    if code == "autosave.leftovers":
        return translate(
            "Messages",
            "%n more autosaved session(s) left by other GradLab windows: open them with "
            "File ▸ Autosaved sessions.",
            None,
            n,
        )
    if code == "autosave.none":
        return translate(
            "Messages",
            "This window cannot autosave: no autosave file could be locked in {folder}. "
            "Save your work with File ▸ Save.",
        ).format(folder=a.get("folder", ""))
    if code.startswith("folder."):
        return folder_text(code, a)
    if code == "settings.corrupt":
        return translate(
            "Messages",
            "The settings file was damaged, so GradLab uses its defaults (layout, theme, "
            "language): {path}",
        ).format(path=a.get("path", ""))
    if code == "settings.outdated":
        return translate(
            "Messages",
            "The settings file came from another GradLab version, so the defaults are used.",
        )
    if code == "export.done":
        return translate("Messages", "Exported {path}.").format(path=a.get("path", ""))
    if code == "export.failed":
        return translate("Messages", "Could not export {path}: {error}").format(
            path=a.get("path", ""), error=a.get("error", "")
        )
    if code == "not_ready":
        return translate("Messages", "PyTorch is still loading; try again in a moment.")
    if code == "worker.crash":
        return translate(
            "Messages",
            "Something went wrong in the training thread ({error}). The app keeps running; "
            "the details are in the log.",
        ).format(error=a.get("error", ""))
    return code


def message_texts(code: str, args: dict) -> tuple[str, str]:
    """The message in full, and in one line for repeats and the status bar: its
    first sentence (a step's one line names its numbers). Each worked out once."""
    if code == "step.ok":
        return update_text.step_message(args or {})
    text = message_text(code, args)
    return text, first_sentence(text)


def first_sentence(text: str) -> str:
    """Up to the end of the first sentence ("。" or ". " before a capital or a
    bracket), or the whole text."""
    for i, ch in enumerate(text):
        if ch in "。！？":
            return text[: i + 1]
        if ch == "." and text[i + 1 : i + 2] == " " and text[i + 2 : i + 3][:1].isupper():
            return text[: i + 1]
    return text


def folder_text(code: str, a: dict) -> str:
    """A folder GradLab cannot write (paths.FolderProblem), and what it does instead."""
    wanted, used, reason = a.get("wanted", ""), a.get("used", ""), a.get("reason", "")
    if code == "folder.data" and used:
        text = translate(
            "Messages",
            "GradLab cannot autosave your sessions in {wanted} ({reason}). Until it can, they "
            "go to {used}, which the system may empty: use File ▸ Save as… to keep your work.",
        )
    elif code == "folder.data":
        text = translate(
            "Messages",
            "GradLab cannot autosave your sessions in {wanted} ({reason}), nor in a temporary "
            "folder: use File ▸ Save as… to keep your work.",
        )
    elif code == "folder.config" and used:
        text = translate(
            "Messages",
            "GradLab cannot save its settings (layout, theme, language, recent files) in "
            "{wanted} ({reason}); until it can, they are kept in {used}.",
        )
    elif code == "folder.config":
        text = translate(
            "Messages",
            "GradLab cannot save its settings (layout, theme, language, recent files) in "
            "{wanted} ({reason}), nor in a temporary folder: changes last until you quit.",
        )
    elif used:
        text = translate(
            "Messages",
            "GradLab cannot write its log in {wanted} ({reason}); it writes it to {used}.",
        )
    else:
        text = translate(
            "Messages",
            "GradLab cannot write its log in {wanted} ({reason}), nor in a temporary folder.",
        )
    return text.format(wanted=wanted, used=used, reason=reason)


def _refusal(a: dict) -> str:
    """Why a checkpoint was refused, and the field at fault when one is named."""
    text = checkpoint_error_text(a.get("code", ""), a.get("error", ""))
    if a.get("field"):
        text += " " + translate("Messages", "The field at fault: {field}.").format(field=a["field"])
    return text


def checkpoint_error_text(code: str, english: str) -> str:
    """Why a file was refused, in the interface language (the core says it in
    English, with a stable code). Another error (a bug, not the file's fault)
    is named as Python names it."""
    if not code:
        return translate("Messages", "GradLab could not use it ({error}).").format(error=english)
    texts = {
        "checkpoint.unsafe": translate(
            "Messages",
            "it asks to run code while loading. GradLab never does that, so it was refused "
            "and nothing in it ran.",
        ),
        "checkpoint.corrupt": translate(
            "Messages", "it is not a GradLab file, or it is damaged or cut short."
        ),
        "checkpoint.foreign": translate(
            "Messages", "it is a PyTorch file, but not a GradLab session."
        ),
        "checkpoint.version": translate(
            "Messages", "it was written by another version of GradLab."
        ),
        "checkpoint.bad_config": translate(
            "Messages", "its settings are outside what GradLab allows."
        ),
        "checkpoint.inconsistent": translate(
            "Messages", "its parts do not fit together (the file is damaged)."
        ),
        "checkpoint.unreadable": translate("Messages", "the file cannot be read."),
        "checkpoint.too_large": translate("Messages", "it is far too large for a session."),
        "checkpoint.not_a_file": translate(
            "Messages",
            "it is not a regular file (a folder, a device, a pipe …), so it was not read.",
        ),
    }
    return texts.get(code, english)


def setting_label(name: str) -> str | None:
    """The field's label in the interface language (None for a name that is not a field)."""
    return {
        "lr": translate("Controls", "Learning rate (lr)"),
        "optimizer": translate("Controls", "Optimizer"),
        "momentum": translate("Controls", "Momentum"),
        "batch_size": translate("Controls", "Batch size"),
        "samples": translate("Controls", "Samples"),
        "noise": translate("Controls", "Noise"),
        "seed": translate("Controls", "Seed"),
        "true_w": translate("Controls", "True w"),
        "true_b": translate("Controls", "True b"),
        "loss": translate("Controls", "Loss"),
        "model": translate("Controls", "Model"),
        "target": translate("Controls", "Target"),
        "hidden": translate("Controls", "Hidden units"),
    }.get(name)


def config_error_text(error: ConfigError, label: str | None = None, samples: int = 0) -> str:
    """A refused setting, in the interface language: what, and what is allowed."""
    name = error.code.split(".")[0]
    spec = SPEC_BY_NAME.get(name)
    if error.code == "batch_size.too_large":
        return translate(
            "Messages",
            "The batch size must be 0 (full batch) or at most the number of samples, "
            "{samples} here. Nothing was changed.",
        ).format(samples=locale_int(samples))
    if error.code == "momentum.nesterov_zero":
        return translate(
            "Messages",
            "Nesterov momentum needs a momentum above 0 and below 1. Nothing was changed.",
        )
    if spec is None:
        return str(error)
    return translate("Messages", "{option} must be {allowed}. Nothing was changed.").format(
        option=label or spec.name, allowed=allowed_text(spec)
    )


def allowed_text(spec) -> str:
    if spec.choices:
        return translate("Messages", "one of {choices}").format(choices=", ".join(spec.choices))
    lo = "≥" if not spec.low_open else ">"
    hi = "≤" if not spec.high_open else "<"
    if spec.kind is int:
        return translate("Messages", "a whole number {lo} {low} and {hi} {high}").format(
            lo=lo, low=locale_int(spec.low), hi=hi, high=locale_int(spec.high)
        )
    return translate("Messages", "a number {lo} {low} and {hi} {high}").format(
        lo=lo, low=_g(spec.low), hi=hi, high=_g(spec.high)
    )


def _g(value) -> str:
    if value is None:
        return "?"
    return f"{value:g}"


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""
