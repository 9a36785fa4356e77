"""Predict, then see: a student's guess of w.grad, b.grad or the new w and b
beside the value torch computed, how close it came, and, where the numbers
show it, which mistake it was.

The true values always come from the session (its tensors after backward() or
step()). Diagnosing a mistake needs no new numbers on screen: a guess is
compared with what a known slip would have given (half the gradient when the
MSE's factor 2 is left out, the step taken with the wrong sign, ...), worked
out from the same torch values, and only the name of the slip is shown beside
the rule core.maths writes out with its numbers. A guess that matches no known
slip gets just its error and the rule.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

RIGHT_RELATIVE = 0.005  # within 0.5 % of the true value ...
RIGHT_ABSOLUTE = 5e-4  # ... or within this much (a value near 0)
CLOSE_RELATIVE = 0.05  # within 5 %: close
MAX_GUESS = 1e15
RIGHT, CLOSE, OFF = "right", "close", "off"
GRADES = (RIGHT, CLOSE, OFF)
# Slips a guess can be recognised by (stable codes; the GUI words them).
REASONS = (
    "accumulated",  # the new gradient alone; .grad held the old one plus the new one
    "old_gradient",  # the gradient of an earlier loss
    "factor_2",  # MSE's 2 in 2/N·Σ(ŷ − y)·x left out
    "sign",  # the wrong sign (a gradient), or a step along the gradient (an update)
    "mean",  # the sum over the samples, not the mean (1/N left out)
    "no_lr",  # a step of the whole gradient, lr left out
    "not_moved",  # w unchanged, though step() had a gradient to use
    "plain_sgd",  # θ − lr·θ.grad, though this optimizer's rule is another
    "no_grad",  # .grad was None: step() leaves the parameter alone
)
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


class GuessError(ValueError):
    """A guess that is not a number."""


def parse_guess(text: str) -> float | None:
    """The number a student typed; None for an empty field. Accepts a minus
    sign of any width (−, －), a decimal comma when there is no point, and
    spaces. Raises GuessError for anything else."""
    clean = str(text).strip().replace(" ", "").replace("−", "-").replace("－", "-")
    if not clean:
        return None
    if "," in clean and "." not in clean:
        clean = clean.replace(",", ".")
    if not _NUMBER.fullmatch(clean):
        raise GuessError(text)
    value = float(clean)
    if not abs(value) <= MAX_GUESS:
        raise GuessError(text)
    return value


def near(a: float, b: float) -> bool:
    """Whether a is b to the precision a guess is read at."""
    return abs(a - b) <= max(RIGHT_RELATIVE * abs(b), RIGHT_ABSOLUTE)


def grade(guess: float, truth: float) -> str:
    if near(guess, truth):
        return RIGHT
    if abs(guess - truth) <= CLOSE_RELATIVE * abs(truth):
        return CLOSE
    return OFF


@dataclass(frozen=True)
class Judged:
    symbol: str  # "w.grad", "b.grad", "w", "b"
    guess: float
    truth: float  # torch's value
    grade: str  # RIGHT, CLOSE or OFF
    reason: str = ""  # one of REASONS, or "" when no known slip fits

    @property
    def error(self) -> float:
        return self.guess - self.truth


def judge(
    symbol: str,
    guess: float,
    truth: float,
    slips: Sequence[tuple[str, float | None]] = (),
    otherwise: str = "",
) -> Judged:
    """Grade a guess; when it is not right, the first slip whose value it
    matches, else `otherwise`."""
    g = grade(guess, truth)
    reason = ""
    if g != RIGHT:
        for code, value in slips:
            # A slip that gives the true value itself tells nothing.
            known = value is not None and math.isfinite(value) and not near(value, truth)
            if known and near(guess, value):
                reason = code
                break
        else:
            reason = otherwise
    return Judged(symbol, guess, truth, g, reason)


def gradient_slips(
    truth: float, loss_kind: str, n: int, before: float | None, previous: float | None
) -> list[tuple[str, float | None]]:
    """What known slips would have given for a gradient whose true value is
    `truth`: `before` is .grad before this backward() (None after zero_grad()),
    `previous` the gradient the last update used."""
    slips: list[tuple[str, float | None]] = []
    if before is not None:  # backward() adds to .grad
        slips += [("accumulated", truth - before), ("old_gradient", before)]
    else:
        slips.append(("old_gradient", previous))
        if loss_kind == "mse":
            slips.append(("factor_2", truth / 2))
        if n > 1:
            slips.append(("mean", truth * n))
    slips.append(("sign", -truth))
    return slips


def update_slips(
    old: float,
    grad: float,
    lr: float,
    optimizer: str,
    direction: float | None,
    previous: float | None,
) -> list[tuple[str, float | None]]:
    """What known slips would have given for a parameter's new value: `old` is
    the value before step(), `grad` its .grad, `direction` what this optimizer
    moved it along (the gradient for SGD, the velocity for momentum; None for
    the adaptive optimizers), `previous` the gradient the last update used."""
    if optimizer == "sgd":
        slips = [("sign", old + lr * grad), ("no_lr", old - grad)]
        if previous is not None:
            slips.append(("old_gradient", old - lr * previous))
    elif direction is not None:  # momentum, Nesterov
        slips = [
            ("plain_sgd", old - lr * grad),
            ("sign", old + lr * direction),
            ("no_lr", old - direction),
        ]
    else:  # Adam, RMSprop, Adagrad scale each step themselves
        slips = [("plain_sgd", old - lr * grad)]
    slips.append(("not_moved", old))
    return slips
