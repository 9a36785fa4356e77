"""How an optimizer.step() is written out for the student, in every panel alike.

Each optimizer has its own rule (SGD's θ ← θ − lr·θ.grad is only one of six).
The numbers come from the session: the inputs were read from the parameters,
.grad and optimizer.state just before step(), and the result is the value torch
computed (see core.maths.ParamUpdate and TrainingSession._phase_step).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gradlab.ui.formatting import format_value

translate = QCoreApplication.translate

OPTIMIZER_NAMES = {
    "sgd": "SGD",
    "momentum": "SGD + momentum",
    "nesterov": "SGD + Nesterov momentum",
    "adam": "Adam",
    "rmsprop": "RMSprop",
    "adagrad": "Adagrad",
}

# The rule as torch.optim implements it (defaults: no weight decay, no dampening).
RULES = {
    "sgd": "θ ← θ − lr·θ.grad",
    "momentum": "v ← μ·v + θ.grad;  θ ← θ − lr·v",
    "nesterov": "v ← μ·v + θ.grad;  θ ← θ − lr·(θ.grad + μ·v)",
    "adam": "m ← β₁·m + (1 − β₁)·θ.grad;  v ← β₂·v + (1 − β₂)·θ.grad²;  θ ← θ − lr·m_hat / (√v_hat + ε)",
    "rmsprop": "s ← α·s + (1 − α)·θ.grad²;  θ ← θ − lr·θ.grad / (√s + ε)",
    "adagrad": "G ← G + θ.grad²;  θ ← θ − lr·θ.grad / (√G + ε)",
}

ASSIGNED = ("w", "b", "v", "m", "s", "G", "d")  # lhs written `x ← …`, as in code


def optimizer_name(optimizer: str) -> str:
    return OPTIMIZER_NAMES.get(optimizer, optimizer)


def number(value) -> str:
    """An int as it is (a step count t), any other value as the values panel shows it."""
    if isinstance(value, int):
        return str(value)
    return format_value(value)


def numbers_text(eq) -> str:
    """An Equation's template with its values; negatives in brackets unless they lead."""
    parts = []
    for i, v in enumerate(eq.values):
        text = number(v)
        leading = eq.numbers.startswith("{" + str(i) + "}")
        parts.append(f"({text})" if v < 0 and not leading else text)
    return eq.numbers.format(*parts)


def assignment_text(update) -> str:
    """One parameter's last equation with its numbers and torch's result, e.g.
    `w ← w − lr·w.grad = -0.2489 − 0.1 × (-4.7974) = 0.2309`."""
    eq = update.equations[-1]
    return f"{eq.lhs} ← {eq.formula} = {numbers_text(eq)} = {format_value(update.new)}"


def change_text(update) -> str:
    """`w: -0.2489 → 0.2309`, the move as torch made it."""
    return f"{update.symbol}: {format_value(update.old)} → {format_value(update.new)}"


def step_message(args: dict) -> tuple[str, str]:
    """The full explanation of a step.ok event, and its one-line summary."""
    lr, optimizer, _status, applied = _step_args(args)
    name = optimizer_name(optimizer)
    rule = RULES.get(optimizer, "")
    step = args.get("step", 0)
    changes = ", ".join(change_text(u) for u in applied)
    if not applied:  # the small network: the rule, without every number
        full = translate(
            "Messages",
            "optimizer.step() applied {name}'s rule to every parameter: {rule}, with "
            "lr = {lr}. Update {step} is done.",
        ).format(name=name, rule=rule, lr=f"{lr:g}", step=step)
        short = translate("Messages", "step() ({name}): update {step} done.").format(
            name=name, step=step
        )
        return full, short
    full = translate(
        "Messages",
        "optimizer.step() applied {name}'s rule, {rule}, with lr = {lr}, reading .grad and "
        "what the optimizer keeps in optimizer.state: {changes}. Update {step} is done.",
    ).format(name=name, rule=rule, lr=f"{lr:g}", changes=changes, step=step)
    note = _first_step_note(optimizer, applied, lr)
    if note:
        full += " " + note
    short = translate("Messages", "step() ({name}, lr = {lr}): {changes}. Update {step}.").format(
        name=name, lr=f"{lr:g}", changes=changes, step=step
    )
    return full, short


def applied_updates(event) -> tuple:
    """The ParamUpdates of a session event from step(): each parameter's inputs,
    read before the step, and torch's result; () for any other event."""
    if event.code == "step.ok" and len(event.args) == 4:
        return tuple(event.args[3])
    return ()


def _step_args(args: dict):
    inner = tuple(args.get("args", ()))
    if len(inner) == 4:
        return inner
    return args.get("lr") or 0.0, "", "", ()


def _first_step_note(optimizer: str, applied, lr: float) -> str:
    """What the adaptive optimizers' first step does, with the moves torch made."""
    moves = ", ".join(f"{u.symbol} {format_value(abs(u.new - u.old))}" for u in applied)
    if optimizer == "adam" and all(_adam_step(u) == 1 for u in applied):
        return translate(
            "Messages",
            "On Adam's first step m_hat = .grad and v_hat = .grad², so every parameter moves by "
            "lr, whatever the size of its gradient: {moves}.",
        ).format(moves=moves)
    if optimizer == "rmsprop" and all(u.equations[0].values[1] == 0.0 for u in applied):
        alpha = applied[0].equations[0].values[0]
        return translate(
            "Messages",
            "On RMSprop's first step its average s starts from 0 with no correction, so "
            "s = (1 − α)·.grad² and every parameter moves by lr/√(1 − α) = {factor} × lr: "
            "{moves}.",
        ).format(factor=f"{(1 - alpha) ** -0.5:.4g}", moves=moves)
    return ""


def _adam_step(update) -> int:
    """Adam's step count t for this update (the m_hat equation's third value)."""
    return int(update.equations[2].values[2])
