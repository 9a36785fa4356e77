"""The maths beside autograd: the gradient worked out by hand, and the optimizer's
update with the numbers filled in, read from a live TrainingSession.

`explain(session)` only reads: it computes in float64 on copies and never touches
the session's tensors, graph, optimizer state or random generators. The result is
plain data (floats and strings) that can cross threads.

Formulas are written with the symbols a beginner sees in the code (w, b, lr, ŷ,
y, x, N). Statuses are stable codes; the GUI translates them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# gradient_status codes
GRAD_OK = "ok"  # backward() ran once on this loss: .grad should equal the hand formula
GRAD_PENDING = "pending"  # backward() has not run on this loss yet
GRAD_ACCUMULATED = "accumulated"  # .grad is the sum of several backward() calls
GRAD_CLEARED = "cleared"  # backward() ran on this loss, then zero_grad() set .grad to None
GRAD_NO_LOSS = "no_loss"  # no loss (or no prediction behind it) to differentiate
GRAD_STALE = "stale"  # forward ran again after the loss: the loss's ŷ is gone
GRAD_BATCH_GONE = "batch_gone"  # the mini-batch behind the loss was released by step()
GRAD_MODEL = "model"  # not shown for the MLP (hundreds of terms)

# update_status codes
UPDATE_OK = "ok"
UPDATE_NO_GRAD = "no_grad"  # every .grad is None: step() changes nothing
UPDATE_MODEL = "model"  # not shown for the MLP
UPDATE_UNSUPPORTED = "unsupported"  # an optimizer setting these formulas leave out


@dataclass(frozen=True)
class Equation:
    """`lhs ← formula = numbers = result`. `numbers` is a template: {0}, {1}, ...
    stand for `values`, so the GUI formats the numbers its own way."""

    lhs: str
    formula: str
    numbers: str
    values: tuple[float, ...]
    result: float


@dataclass(frozen=True)
class GradientCheck:
    """One parameter's gradient: the hand formula next to autograd's .grad."""

    name: str  # "weight"
    symbol: str  # "w"
    by_hand: Equation
    autograd: float | None  # .grad now (None when .grad is None)
    difference: float | None  # autograd − by hand, only when they should agree


@dataclass(frozen=True)
class ParamUpdate:
    """What optimizer.step() would do to one parameter now."""

    name: str
    symbol: str
    grad: float | None
    old: float
    new: float  # == old when grad is None
    equations: tuple[Equation, ...]  # in order; the last one gives the new value


@dataclass(frozen=True)
class MathsInfo:
    model: str
    loss_kind: str  # mse | l1 | huber
    optimizer: str
    lr: float
    n: int  # samples in the batch behind the loss (0 when unknown)
    loss: Equation | None  # the loss recomputed by hand
    gradient_status: str
    gradients: tuple[GradientCheck, ...]
    backwards: int  # backward() calls summed in .grad since it was last cleared
    update_status: str
    updates: tuple[ParamUpdate, ...]


_SYMBOLS = {"weight": "w", "bias": "b"}


def explain(session) -> MathsInfo:
    """The hand-worked gradients and the next update for the session's state now."""
    cfg = session.config
    status, grads, loss_eq, n = _gradients(session)
    update_status, updates = planned_updates(session)
    return MathsInfo(
        model=cfg.model,
        loss_kind=cfg.loss,
        optimizer=cfg.optimizer,
        lr=session.lr,
        n=n,
        loss=loss_eq,
        gradient_status=status,
        gradients=grads,
        backwards=_backwards_since_cleared(session.log.actions),
        update_status=update_status,
        updates=updates,
    )


# ------------------------------------------------------------------ gradients
def _gradients(session):
    if session.config.model != "linear":
        return GRAD_MODEL, (), None, 0
    loss, y_pred = session.loss, session.y_pred
    if loss is None or y_pred is None or loss.grad_fn is None:
        return GRAD_NO_LOSS, (), None, 0
    if not _reaches(loss.grad_fn, y_pred.grad_fn):
        return GRAD_STALE, (), None, 0
    batch = _loss_batch(session)
    if batch is None or batch[1].shape != y_pred.shape:
        return GRAD_BATCH_GONE, (), None, 0
    xb, yb = batch
    n = y_pred.shape[0]
    r = y_pred.detach().double().reshape(-1) - yb.double().reshape(-1)
    xs = xb.double().reshape(-1)
    kind = session.config.loss
    if kind == "mse":
        coef, dl, dl_text = 2.0, r, "(ŷ − y)"
        terms, term_text = r * r, "(ŷ − y)²"
    elif kind == "l1":
        coef, dl, dl_text = 1.0, r.sign(), "sign(ŷ − y)"
        terms, term_text = r.abs(), "|ŷ − y|"
    else:  # huber: squared inside ±delta, straight outside
        delta = float(getattr(session.criterion, "delta", 1.0))
        coef, dl = 1.0, r.clamp(-delta, delta)
        dl_text = f"clamp(ŷ − y, −{delta:g}, {delta:g})"
        a = r.abs()
        terms = (0.5 * r * r).where(a < delta, delta * (a - 0.5 * delta))
        term_text = "huber(ŷ − y)"
    total_loss = terms.sum().item()
    loss_eq = Equation("L", f"1/N · Σ{term_text}", "{0} / {1}", (total_loss, n), total_loss / n)
    autograd_ok = _grad_comparable(session)
    checks = []
    for name, p in zip(session.param_names, session.params, strict=True):
        symbol = _SYMBOLS.get(name, name)
        total = (dl * xs).sum().item() if name == "weight" else dl.sum().item()
        factor = "·x" if name == "weight" else ""
        hand = Equation(
            f"∂L/∂{symbol}",
            f"{coef:g}/N · Σ{dl_text}{factor}",
            f"{coef:g}/{{0}} × {{1}}",
            (n, total),
            coef / n * total,
        )
        grad = None if p.grad is None else p.grad.item()
        diff = grad - hand.result if grad is not None and autograd_ok == GRAD_OK else None
        checks.append(GradientCheck(name, symbol, hand, grad, diff))
    return autograd_ok, tuple(checks), loss_eq, n


def _reaches(root, target, depth: int = 6) -> bool:
    """Whether the graph under `root` uses the node `target` (a few levels deep:
    the loss functions put at most a handful of nodes above the prediction)."""
    frontier = [root]
    for _ in range(depth):
        nxt = []
        for fn in frontier:
            if fn is target:
                return True
            nxt += [child for child, _ in fn.next_functions if child is not None]
        frontier = nxt
    return False


def _loss_batch(session):
    """The (x, y) the current loss was computed on (kept after step(), which
    releases the mini-batch), or None when there is no loss."""
    return None if session.loss is None else session.loss_batch


def _ends_update(action) -> bool:
    if action.kind == "phase":
        return action.args.get("phase") == "step"
    return action.kind in ("updates", "setup", "stepped_back")


def _backwards_since_cleared(actions) -> int:
    """How many backward() calls .grad holds the sum of (0: it is None), from the log."""
    count = 0
    for action in reversed(actions):
        kind, args = action.kind, action.args
        if kind == "phase" and args.get("phase") == "backward":
            count += 1
        elif kind == "phase" and args.get("phase") == "zero_grad" or kind == "setup":
            return count
        elif kind == "updates":
            if not args.get("skip_zero_grad"):
                return count + 1  # the run's last update cleared, then ran one backward
            count += int(args.get("n", 0))
    return count


def _grad_comparable(session) -> str:
    """Whether .grad is exactly this loss's gradient (GRAD_OK) and, if not, why."""
    if not session.graph_freed:
        return GRAD_PENDING
    count = _backwards_since_cleared(session.log.actions)
    if count == 0:
        return GRAD_CLEARED
    return GRAD_OK if count == 1 else GRAD_ACCUMULATED


# -------------------------------------------------------------------- updates
def planned_updates(session) -> tuple[str, tuple[ParamUpdate, ...]]:
    """What optimizer.step() will do to each parameter, worked out from the
    parameters, .grad and optimizer.state as they are now (an update status and
    one ParamUpdate per parameter; empty unless the status is UPDATE_OK)."""
    opt = session.optimizer
    group = opt.param_groups[0]
    if session.config.model != "linear":
        return UPDATE_MODEL, ()
    if _unsupported(session.config.optimizer, group):
        return UPDATE_UNSUPPORTED, ()
    if all(p.grad is None for p in session.params):
        return UPDATE_NO_GRAD, ()
    rule = _RULES[session.config.optimizer]
    updates = []
    for name, p in zip(session.param_names, session.params, strict=True):
        symbol = _SYMBOLS.get(name, name)
        old = p.item()
        if p.grad is None:
            updates.append(ParamUpdate(name, symbol, None, old, old, ()))
            continue
        g = p.grad.item()
        equations = rule(symbol, old, g, opt.state.get(p, {}), group)
        updates.append(ParamUpdate(name, symbol, g, old, equations[-1].result, equations))
    return UPDATE_OK, tuple(updates)


def _unsupported(name: str, group: dict) -> bool:
    """Settings GradLab never uses; the formulas below leave them out."""
    return bool(
        group.get("weight_decay", 0)
        or group.get("maximize", False)
        or group.get("amsgrad", False)
        or group.get("centered", False)
        or group.get("dampening", 0)
        or group.get("lr_decay", 0)
        or (name == "rmsprop" and group.get("momentum", 0))
    )


def _state_value(state: dict, key: str) -> float | None:
    value = state.get(key)
    return None if value is None else float(value.item())


def _sgd(s, w, g, state, group):
    lr = group["lr"]
    return (Equation(s, f"{s} − lr·{s}.grad", "{0} − {1} × {2}", (w, lr, g), w - lr * g),)


def _momentum(s, w, g, state, group, nesterov: bool = False):
    lr, mu = group["lr"], group["momentum"]
    buf = _state_value(state, "momentum_buffer")
    if buf is None:  # the first step starts the velocity at the gradient itself
        v = g
        eqs = [Equation("v", f"{s}.grad", "{0}", (g,), v)]
    else:
        v = mu * buf + g
        eqs = [Equation("v", f"μ·v + {s}.grad", "{0} × {1} + {2}", (mu, buf, g), v)]
    if nesterov:
        d = g + mu * v
        eqs.append(Equation("d", f"{s}.grad + μ·v", "{0} + {1} × {2}", (g, mu, v), d))
        eqs.append(Equation(s, f"{s} − lr·d", "{0} − {1} × {2}", (w, lr, d), w - lr * d))
    else:
        eqs.append(Equation(s, f"{s} − lr·v", "{0} − {1} × {2}", (w, lr, v), w - lr * v))
    return tuple(eqs)


def _nesterov(s, w, g, state, group):
    return _momentum(s, w, g, state, group, nesterov=True)


def _adam(s, w, g, state, group):
    lr, eps = group["lr"], group["eps"]
    b1, b2 = group["betas"]
    m0 = _state_value(state, "exp_avg") or 0.0
    v0 = _state_value(state, "exp_avg_sq") or 0.0
    t = int(_state_value(state, "step") or 0) + 1
    m = b1 * m0 + (1 - b1) * g
    v = b2 * v0 + (1 - b2) * g * g
    c1, c2 = 1 - b1**t, 1 - b2**t
    m_hat, v_hat = m / c1, v / c2
    new = w - lr * m_hat / (math.sqrt(v_hat) + eps)
    return (
        Equation("m", f"β₁·m + (1 − β₁)·{s}.grad", "{0} × {1} + {2} × {3}", (b1, m0, 1 - b1, g), m),
        Equation(
            "v", f"β₂·v + (1 − β₂)·{s}.grad²", "{0} × {1} + {2} × {3}²", (b2, v0, 1 - b2, g), v
        ),
        Equation("m_hat", "m / (1 − β₁ᵗ)", "{0} / (1 − {1}^{2})", (m, b1, t), m_hat),
        Equation("v_hat", "v / (1 − β₂ᵗ)", "{0} / (1 − {1}^{2})", (v, b2, t), v_hat),
        Equation(
            s, f"{s} − lr·m_hat / (√v_hat + ε)", "{0} − {1} × {2} / (√{3} + {4})",
            (w, lr, m_hat, v_hat, eps), new,
        ),
    )  # fmt: skip


def _rmsprop(s, w, g, state, group):
    lr, eps, alpha = group["lr"], group["eps"], group["alpha"]
    a0 = _state_value(state, "square_avg") or 0.0
    a = alpha * a0 + (1 - alpha) * g * g
    new = w - lr * g / (math.sqrt(a) + eps)
    return (
        Equation(
            "s", f"α·s + (1 − α)·{s}.grad²", "{0} × {1} + {2} × {3}²", (alpha, a0, 1 - alpha, g), a
        ),
        Equation(
            s, f"{s} − lr·{s}.grad / (√s + ε)", "{0} − {1} × {2} / (√{3} + {4})",
            (w, lr, g, a, eps), new,
        ),
    )  # fmt: skip


def _adagrad(s, w, g, state, group):
    lr, eps = group["lr"], group["eps"]
    total0 = _state_value(state, "sum") or 0.0
    total = total0 + g * g
    new = w - lr * g / (math.sqrt(total) + eps)
    return (
        Equation("G", f"G + {s}.grad²", "{0} + {1}²", (total0, g), total),
        Equation(
            s, f"{s} − lr·{s}.grad / (√G + ε)", "{0} − {1} × {2} / (√{3} + {4})",
            (w, lr, g, total, eps), new,
        ),
    )  # fmt: skip


_RULES = {
    "sgd": _sgd,
    "momentum": _momentum,
    "nesterov": _nesterov,
    "adam": _adam,
    "rmsprop": _rmsprop,
    "adagrad": _adagrad,
}
