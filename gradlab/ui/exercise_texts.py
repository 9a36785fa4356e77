"""Sentences about exercises, in the interface language: what a goal asks, the
verdict on the student's session (core/goals.py's codes with their numbers),
and the messages the exercise book sends (opened, refused, passed, progress,
results exported).

An exercise's own texts (title, task, choices) come from its file, in the
language the file gives (the other one when it lacks this one), always as
plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gradlab.core.checks import one_line
from gradlab.ui.formatting import format_value
from gradlab.ui.lr_limit_text import FORMULAS

translate = QCoreApplication.translate
CODES = (
    "session.exercise",
    "exercise.opened",
    "exercise.refused",
    "exercise.passed",
    "exercise.failed",
    "progress.refused",
    "progress.save_failed",
    "results.exported",
)


def language() -> str:
    from gradlab.ui import i18n

    app = QCoreApplication.instance()
    return i18n.current(app) if app is not None else "en"


def title_of(text) -> str:
    """An exercise's title (a core.exercise.Text) in the interface language, one line."""
    return one_line(text.get(language()), 120) if text is not None else ""


def _g(value) -> str:
    return "—" if value is None else f"{value:g}"


def _loss(value) -> str:
    return "—" if value is None else format_value(value)


# ------------------------------------------------------------------ messages
def message_text(code: str, a: dict) -> str:
    path = one_line(a.get("path", ""), 200)
    if code == "session.exercise":
        return translate(
            "Messages",
            "Set up the exercise “{title}”: the experiment starts over with its settings, "
            "its data and its mistake mode.",
        ).format(title=title_of(a.get("title")))
    if code == "exercise.opened":
        return translate(
            "Messages",
            "Opened the exercise “{title}” from {path}. Press Start in the Exercises panel "
            "to set it up.",
        ).format(title=title_of(a.get("title")), path=path)
    if code == "exercise.refused":
        return translate(
            "Messages", "That exercise file was not opened, and nothing changed: {path}: {error}"
        ).format(path=path, error=one_line(a.get("error", ""), 300))
    if code == "exercise.passed":
        return translate("Messages", "Challenge passed: “{title}”. {verdict}").format(
            title=title_of(a.get("title")), verdict=a.get("verdict", "")
        )
    if code == "exercise.failed":
        return translate("Messages", "“{title}”: {verdict}").format(
            title=title_of(a.get("title")), verdict=a.get("verdict", "")
        )
    if code == "progress.refused":
        text = translate(
            "Messages",
            "Your saved progress could not be read ({error}). It was kept as {kept}; GradLab "
            "starts with no challenges passed and no predictions.",
        )
        return text.format(error=one_line(a.get("error", ""), 200), kept=a.get("kept") or "—")
    if code == "progress.save_failed":
        return translate(
            "Messages",
            "Your progress could not be saved ({error}): the challenges and predictions of "
            "this session may be lost when GradLab closes.",
        ).format(error=one_line(a.get("error", ""), 200))
    if code == "results.exported":
        if a.get("named"):
            text = translate(
                "Messages",
                "Exported your results to {path}, with your name: one row for each challenge "
                "you tried ({challenges}) and for each lesson with predictions ({lessons}).",
            )
        else:
            text = translate(
                "Messages",
                "Exported your results to {path}, without a name: one row for each challenge "
                "you tried ({challenges}) and for each lesson with predictions ({lessons}).",
            )
        return text.format(
            path=path, challenges=a.get("challenges", 0), lessons=a.get("lessons", 0)
        )
    return code


# --------------------------------------------------------------------- goals
def goal_text(exercise) -> str:
    """What the goal asks, in one or two sentences."""
    g = exercise.goal
    if g.kind == "loss_below":
        if g.within_updates is not None:
            text = translate("Exercises", "Goal: the loss below {loss} by update {n}.").format(
                loss=_g(g.loss), n=g.within_updates
            )
        else:
            text = translate("Exercises", "Goal: the loss below {loss}.").format(loss=_g(g.loss))
        if g.own_data:
            text += " " + translate(
                "Exercises", "On data of your own: at least %n sample(s).", None, g.min_points
            )
        return text
    if g.kind == "stable_lr":
        return translate(
            "Exercises",
            "Goal: an lr below the largest that converges, at most {within} % below it; "
            "{n} updates at that lr, the loss ending lower than it started.",
        ).format(within=_g(g.within * 100), n=g.updates)
    if g.kind == "first_to_loss":
        return translate(
            "Exercises",
            "Goal: in compare mode, {winner} gets below a loss of {loss} for good in fewer "
            "updates than {loser}, at the same lr and batch size.",
        ).format(winner=g.winner, loser=g.loser, loss=_g(g.loss))
    if g.after_updates:
        return translate(
            "Exercises", "Goal: the right explanation, after at least %n update(s).", None,
            g.after_updates,
        )  # fmt: skip
    return translate("Exercises", "Goal: the right explanation.")


def rules_text(exercise) -> str:
    """What the student may change; the mistake mode when it is on."""
    free = [name for name in exercise.free if name != "data"]
    parts = []
    if "data" in exercise.free:
        parts.append(translate("Exercises", "your own data"))
    parts += free
    if parts:
        text = translate("Exercises", "You may change: {names}. The rest stays as set up.").format(
            names=", ".join(parts)
        )
    else:
        text = translate("Exercises", "Keep the settings as set up.")
    if exercise.mistake_mode:
        text += " " + translate("Exercises", "Mistake mode: on (zero_grad() is left out).")
    return text


# ------------------------------------------------------------------ verdicts
def verdict_text(verdict, exercise) -> str:
    """The verdict on the session now, with its numbers."""
    code, a = verdict.code, verdict.args
    texts = _rules_texts(a) if code.startswith("rules.") else None
    if texts is not None:
        return texts.get(code, code)
    kind = code.split(".")[0]
    if kind == "loss_below":
        return _loss_below(code, a)
    if kind == "stable_lr":
        return _stable_lr(code, a)
    if kind == "first_to_loss":
        return _first_to_loss(code, a)
    if kind == "choice":
        return _choice(code, a, exercise)
    return code


def _setting(value) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return one_line(value, 40)


def _rules_texts(a: dict) -> dict:
    start = translate("Exercises", "Press Start to set it up again.")
    want = a.get("want")
    return {
        "rules.setting": translate(
            "Exercises", "This challenge keeps {name} = {want}; it is now {got}."
        ).format(name=a.get("name", ""), want=_setting(want), got=_setting(a.get("got")))
        + " "
        + start,
        "rules.data": (
            translate("Exercises", "This challenge trains on its own data, and they changed.")
            if a.get("own")
            else translate("Exercises", "This challenge trains on the data its settings generate.")
        )
        + " "
        + start,
        "rules.mistake_mode": (
            translate("Exercises", "This challenge needs the mistake mode on.")
            if want
            else translate("Exercises", "This challenge needs the mistake mode off.")
        )
        + " "
        + start,
        "rules.moved_by_hand": translate(
            "Exercises",
            "You set w and b by hand: this challenge counts only what training does. Press "
            "Reset (Ctrl+R) and train.",
        ),
    }


def _loss_below(code: str, a: dict) -> str:
    loss, within = _g(a.get("loss")), a.get("within")
    if code == "loss_below.passed":
        return translate("Exercises", "Passed: the loss of update {step} was {got}, below {loss}.").format(
            step=a.get("step"), got=_loss(a.get("got")), loss=loss
        )  # fmt: skip
    if code == "loss_below.too_slow":
        return translate(
            "Exercises",
            "Not this time: the loss of update {n} was {got}, not below {loss}. Try another "
            "lr: type it, press Reset (Ctrl+R), train again.",
        ).format(n=within, got=_loss(a.get("got")), loss=loss)
    if code == "loss_below.diverged":
        return translate(
            "Exercises",
            "Not this time: the loss diverged (update {step}). Make lr smaller, press Reset "
            "(Ctrl+R) and train again.",
        ).format(step=a.get("step"))
    if code == "loss_below.own_data":
        return translate(
            "Exercises",
            "Make data of your own first: at least {min} samples, drawn on the data plot or "
            "imported (File ▸ Import data…). Now: {n}.",
        ).format(min=a.get("min"), n=a.get("n"))
    if within is not None:
        text = translate("Exercises", "Not yet: update {step}, loss {got} (goal: below {loss} by update {n}).")  # fmt: skip
        return text.format(step=a.get("step"), got=_loss(a.get("got")), loss=loss, n=within)
    text = translate("Exercises", "Not yet: update {step}, loss {got} (goal: below {loss}).")
    return text.format(step=a.get("step"), got=_loss(a.get("got")), loss=loss)


def _stable_lr(code: str, a: dict) -> str:
    lr, n = _g(a.get("lr")), a.get("updates")
    if code == "stable_lr.passed":
        return translate(
            "Exercises",
            "Passed: lr = {lr} converges (loss {first} → {last}) and is within {within} % below "
            "the limit, {formula} = {limit}, computed from these samples' x just now.",
        ).format(
            lr=lr,
            first=_loss(a.get("first")),
            last=_loss(a.get("last")),
            within=_g(a.get("within", 0) * 100),
            formula=FORMULAS.get(a.get("rule"), "2/λmax"),
            limit=f"{a.get('limit', 0):.6g}",
        )
    if code == "stable_lr.run":
        return translate(
            "Exercises", "Now lr = {lr}: {done} of {n} updates run at it. Run the rest (F5)."
        ).format(lr=lr, done=a.get("done"), n=n)
    if code == "stable_lr.diverged":
        return translate(
            "Exercises",
            "Not this time: at lr = {lr} the loss diverged, so this lr is above the limit. "
            "Choose a smaller one, press Reset (Ctrl+R), run again.",
        ).format(lr=lr)
    if code == "stable_lr.too_large":
        return translate(
            "Exercises",
            "Not this time: lr = {lr} is not below the limit. Along the bowl's most curved "
            "direction no update lands nearer the bottom: run longer and the loss grows. "
            "Choose a smaller lr.",
        ).format(lr=lr)
    if code == "stable_lr.not_converging":
        return translate(
            "Exercises",
            "Not this time: after {n} updates at lr = {lr} the loss is not lower than it "
            "started. Choose a smaller lr.",
        ).format(lr=lr, n=n)
    if code == "stable_lr.too_small":
        return translate(
            "Exercises",
            "Not this time: lr = {lr} converges (loss {first} → {last}), but it is more than "
            "{within} % below the largest lr that still converges. Try larger ones.",
        ).format(
            lr=lr,
            first=_loss(a.get("first")),
            last=_loss(a.get("last")),
            within=_g(a.get("within", 0) * 100),
        )
    if code == "stable_lr.no_limit":
        return translate(
            "Exercises",
            "These settings have no sharp lr limit (there is one for full-batch SGD on MSE "
            "with the linear model). Press Start to set the challenge up again.",
        )
    return translate("Exercises", "Waiting for the session…")


def _first_to_loss(code: str, a: dict) -> str:
    winner, loser, loss = a.get("winner", ""), a.get("loser", ""), _g(a.get("loss"))
    if code in ("first_to_loss.passed", "first_to_loss.lost"):
        at_w, at_s = a.get("winner_at"), a.get("loser_at")
        never = translate("Exercises", "never within the run")
        w_text = never if at_w is None else translate("Exercises", "from update {n}").format(n=at_w)
        s_text = never if at_s is None else translate("Exercises", "from update {n}").format(n=at_s)
        if winner in ("momentum", "nesterov"):
            winner = translate("Exercises", "{optimizer} (μ = {momentum})").format(
                optimizer=winner, momentum=_g(a.get("momentum"))
            )
        if code == "first_to_loss.passed":
            text = translate("Exercises", "Passed: {winner} stays below {loss} {w}, {loser} {s}.")
        else:
            text = translate(
                "Exercises",
                "Not this time: {winner} stays below {loss} {w}, {loser} {s}. Change a "
                "setting you may change, then Compare again.",
            )
        return text.format(winner=winner, loser=loser, loss=loss, w=w_text, s=s_text)
    if code == "first_to_loss.running":
        return translate("Exercises", "Comparing: update {done} of {total}…").format(
            done=a.get("done"), total=a.get("total")
        )
    if code == "first_to_loss.from_start":
        return translate(
            "Exercises",
            "Compare from the start: compare mode sets off from where your session is. Press "
            "Reset (Ctrl+R), then Compare again.",
        )
    return translate(
        "Exercises",
        "Compare a {winner} run with a {loser} run at the same lr and batch size: Lab ▸ "
        "Compare, then press Compare.",
    ).format(winner=winner, loser=loser)


def _choice(code: str, a: dict, exercise) -> str:
    if code == "choice.run_first":
        return translate("Exercises", "Run at least {n} updates first ({done} so far).").format(
            n=a.get("n"), done=a.get("done")
        )
    if code == "choice.passed":
        return translate("Exercises", "Right: that is what happened.")
    if code == "choice.wrong":
        text = translate("Exercises", "Not this one.")
        index = int(a.get("answer", 0)) - 1
        choices = exercise.goal.choices if exercise is not None else ()
        if 0 <= index < len(choices) and choices[index].why is not None:
            text += " " + choices[index].why.get(language())
        return text
    return translate("Exercises", "Pick an explanation, then press Check answer.")


def link_tip(book, path: str) -> str:
    """What a lesson's challenge or predict link does (its path after gradlab:)."""
    if path == "predict/on":
        return translate(
            "Exercises",
            "Turn predict mode on (Exercises panel): guess w.grad, b.grad and the new w and b "
            "before each backward() and step().",
        )
    exercise = book.builtin(path.removeprefix("challenge/"))
    if exercise is None:
        return ""
    if book.passed(exercise):
        text = translate("Exercises", "Open the challenge “{title}” (passed ✓).")
    else:
        text = translate("Exercises", "Open the challenge “{title}” in the Exercises panel.")
    return text.format(title=title_of(exercise.title))
