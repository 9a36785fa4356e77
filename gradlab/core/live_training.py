"""Live values for the second half of the course: training runs, the mistake mode,
the learning rate, the loss curve, saving, and the other optimizers.

Same rules as gradlab.core.live_values (torch imported inside the functions, no
draw from the global random generator). Every run here is the tutorial's loop on
the app's own data and start, built as TrainingSession builds them.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from gradlab.core.live_values import console, f4, first_backward, first_sentence, pick, problem

MISTAKE_UPDATES = 500  # how long the lessons watch the mistake mode


@dataclass
class Run:
    model: object
    losses: list[float] = field(default_factory=list)  # the loss of each update
    w_grads: list[float] = field(default_factory=list)  # w.grad after each backward()
    diverged_at: int | None = None  # the update whose loss was not finite


def run(updates: int, skip_zero_grad: bool = False, **changes) -> Run:
    """The tutorial's loop (full batch) for `updates` updates on the experiment with
    these settings; stops after the first update whose loss is not finite."""
    from gradlab.core.config import ExperimentConfig
    from gradlab.core.models import build_criterion, build_optimizer, build_problem

    cfg = ExperimentConfig().with_changes(**changes)
    x, y, model = build_problem(cfg)
    criterion = build_criterion(cfg)
    optimizer = build_optimizer(cfg, model.parameters())
    result = Run(model)
    for update in range(1, updates + 1):
        y_pred = model(x)
        loss = criterion(y_pred, y)
        if not skip_zero_grad:
            optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        result.losses.append(loss.item())
        result.w_grads.append(model.weight.grad.item())
        if not math.isfinite(result.losses[-1]):
            result.diverged_at = update
            break
    return result


def _short(value: float) -> str:
    return f4(value) if abs(value) < 1e4 else f"{value:.3g}"


# ------------------------------------------------------------- lesson 10
def _mistake_first_grads(lang: str) -> str:
    grads = run(5, skip_zero_grad=True).w_grads
    return ", ".join(f"{g:.2f}" for g in grads)


def _mistake_two(lang: str) -> str:
    """w.grad after two updates without zero_grad(), as the sum PyTorch made."""
    import torch
    import torch.nn as nn
    import torch.optim as optim

    x, y, model = problem()
    optimizer = optim.SGD(model.parameters(), lr=0.1)
    own = []
    for _ in range(2):
        loss = nn.MSELoss()(model(x), y)
        # This update's own gradient, without touching .grad ...
        own.append(torch.autograd.grad(loss, model.weight, retain_graph=True)[0].item())
        loss.backward()  # ... then what backward() leaves in .grad (added)
        optimizer.step()
    return f"{f4(own[0])} + ({f4(own[1])}) = {f4(model.weight.grad.item())}"


def mistake_swing() -> dict:
    """The mistake mode over MISTAKE_UPDATES updates: the range of w.grad, the length
    of one swing (between successive peaks of w.grad) and the range of the loss."""
    result = run(MISTAKE_UPDATES, skip_zero_grad=True)
    g = result.w_grads
    peaks = [i for i in range(1, len(g) - 1) if g[i - 1] < g[i] >= g[i + 1]]
    period = (peaks[-1] - peaks[0]) / (len(peaks) - 1) if len(peaks) > 1 else math.nan
    return {
        "grad_min": min(g),
        "grad_max": max(g),
        "period": period,
        "loss_min": min(result.losses),
        "loss_max": max(result.losses),
        "loss_start": result.losses[0],
    }


def _mistake_swing(lang: str) -> str:
    s = mistake_swing()
    return pick(
        lang,
        f"over {MISTAKE_UPDATES} updates, `w.grad` swings between {s['grad_min']:.2f} and "
        f"{s['grad_max']:.2f}, one full swing about every {s['period']:.1f} updates, and "
        f"the loss keeps rising and falling between {f4(s['loss_min'])} and "
        f"{f4(s['loss_max'])} (it started at {f4(s['loss_start'])})",
        f"在 {MISTAKE_UPDATES} 次更新里，`w.grad` 在 {s['grad_min']:.2f} 和 "
        f"{s['grad_max']:.2f} 之间来回摆动，大约每 {s['period']:.1f} 次更新摆一个来回；"
        f"损失则在 {f4(s['loss_min'])} 和 {f4(s['loss_max'])} 之间不停地升升降降"
        f"（开始时是 {f4(s['loss_start'])}）",
    )


def _mistake_is_momentum(lang: str) -> str:
    import torch
    import torch.nn as nn
    import torch.optim as optim

    mistake = run(MISTAKE_UPDATES, skip_zero_grad=True).model
    x, y, model = problem()
    optimizer = optim.SGD(model.parameters(), lr=0.1, momentum=1.0)
    for _ in range(MISTAKE_UPDATES):
        loss = nn.MSELoss()(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    same = torch.equal(mistake.weight, model.weight) and torch.equal(mistake.bias, model.bias)
    return f"**{same}**"


def _accumulate(lang: str) -> str:
    """Four quarter-batches, each loss divided by 4, against one full batch."""
    import torch.nn as nn

    x, y, model = problem()
    nn.MSELoss()(model(x), y).backward()
    full = [p.grad.clone() for p in model.parameters()]
    model.zero_grad()
    for k in range(4):
        part = slice(25 * k, 25 * (k + 1))
        (nn.MSELoss()(model(x[part]), y[part]) / 4).backward()
    gap = max(
        (p.grad - f).abs().max().item() for p, f in zip(model.parameters(), full, strict=True)
    )
    return f"{gap:.1e}"


# ------------------------------------------------------------- lesson 11
def _hand_loop(lang: str) -> str:
    import torch
    import torch.nn as nn

    x, y, model = problem()
    criterion = nn.MSELoss()
    for _ in range(100):
        y_pred = model(x)
        loss = criterion(y_pred, y)
        for p in model.parameters():
            p.grad = None
        loss.backward()
        with torch.no_grad():
            for p in model.parameters():
                p -= 0.1 * p.grad
    sgd = run(100).model
    same = torch.equal(model.weight, sgd.weight) and torch.equal(model.bias, sgd.bias)
    return pick(
        lang,
        f"both end at w = {model.weight.item():.7f}, b = {model.bias.item():.7f}; "
        f"the same bits as `optim.SGD`: **{same}**",
        f"两者都停在 w = {model.weight.item():.7f}、b = {model.bias.item():.7f}；"
        f"和 `optim.SGD` 逐位相同：**{same}**",
    )


def _first_step(lang: str) -> str:
    import torch.nn as nn
    import torch.optim as optim

    x, y, model = problem()
    optimizer = optim.SGD(model.parameters(), lr=0.1)
    before = model.weight.item()
    loss = nn.MSELoss()(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    grad, after = model.weight.grad.item(), model.weight.item()
    return f"w: {f4(before)} − 0.1 × ({f4(grad)}) = {f4(after)}"


# ------------------------------------------------------------- lesson 12
def _max_stable_lr(lang: str) -> str:
    from gradlab.core.landscape import max_stable_lr

    return f"{max_stable_lr(problem()[0]):.3f}"


LR_TABLE = (0.001, 0.01, 0.1, 0.5, 0.9, 1.0, 1.5)


def _lr_table(lang: str) -> str:
    head = pick(
        lang,
        "| lr | loss after 100 updates | w | b |",
        "| 学习率 lr | 100 次更新后的损失 | w | b |",
    )
    lines = [head, "|---|---|---|---|"]
    for lr in LR_TABLE:
        result = run(100, lr=lr)
        if result.diverged_at is not None:
            loss, n = result.losses[-1], result.diverged_at
            text = pick(lang, f"{loss} at update {n}", f"第 {n} 次更新时变成 {loss}")
            lines.append(f"| {lr!r} | {text} | — | — |")
        else:
            w, b = result.model.weight.item(), result.model.bias.item()
            lines.append(f"| {lr!r} | {result.losses[-1]:.3g} | {_short(w)} | {_short(b)} |")
    return "\n".join(lines)


def _lr_095(lang: str) -> str:
    losses = run(100, lr=0.95).losses
    steps = " → ".join(f4(v) for v in losses[:4])
    return pick(
        lang,
        f"{steps} → … and {losses[-1]:.3g} after {len(losses)} updates",
        f"{steps} → ……更新 {len(losses)} 次后是 {losses[-1]:.3g}",
    )


def hessian_numbers() -> dict:
    import torch

    from gradlab.core.landscape import mse_hessian

    h = mse_hessian(problem()[0])
    low, high = torch.linalg.eigvalsh(h).tolist()
    return {"h": h.tolist(), "low": low, "high": high}


def _hessian(lang: str) -> str:
    n = hessian_numbers()
    (a, b), (c, d) = n["h"]
    return pick(
        lang,
        f"H = [[{f4(a)}, {f4(b)}], [{f4(c)}, {f4(d)}]], with eigenvalues {f4(n['low'])} and "
        f"**λmax = {f4(n['high'])}**, so 2/λmax = {2 / n['high']:.3f}",
        f"H = [[{f4(a)}, {f4(b)}], [{f4(c)}, {f4(d)}]]，特征值为 {f4(n['low'])} 和 "
        f"**λmax = {f4(n['high'])}**，所以 2/λmax = {2 / n['high']:.3f}",
    )


def _lr_095_factor(lang: str) -> str:
    high = hessian_numbers()["high"]
    return f"1 − 0.95 × {f4(high)} = {f4(1 - 0.95 * high)}"


# ------------------------------------------------------------- lesson 13
def _loss_prints(lang: str) -> str:
    losses = run(100).losses
    return console(
        *(f"epoch {e + 1}: {losses[e]:.6f}" for e in range(len(losses)) if (e + 1) % 10 == 0)
    )


def noise_plateau() -> tuple[float, float]:
    """(the lowest MSE any line reaches on the noise-0.5 data, the mean square of the
    noise drawn), both for the app's seed 0."""
    import torch

    from gradlab.core.landscape import optimum

    x, y, _ = problem(noise=0.5)
    w, b = optimum(x, y)
    xd, yd = x.double(), y.double()
    best = ((w * xd + b - yd) ** 2).mean().item()
    noise = yd - (2.0 * xd + 1.0)
    return best, torch.mean(noise**2).item()


def _noise_plateau(lang: str) -> str:
    return f"{noise_plateau()[0]:.3f}"


def _noise_mean_square(lang: str) -> str:
    return f"{noise_plateau()[1]:.3f}"


def _noise_trained(lang: str) -> str:
    return f4(run(300, noise=0.5).losses[-1])


# ------------------------------------------------------------- lesson 14
def _trained_params(lang: str) -> str:
    result = run(100)
    w, b = result.model.weight.item(), result.model.bias.item()
    # Seven decimals: float32 shows how close it got, and that it is not exact.
    return f"w = {w:.7f}, b = {b:.7f}, loss = {result.losses[-1]:.1e}"


def _noisy_optimum(lang: str) -> str:
    from gradlab.core.landscape import optimum

    x, y, _ = problem(noise=0.5)
    w, b = optimum(x, y)
    return f"w = {f4(w)}, b = {f4(b)}"


def _trained_minus3(lang: str) -> str:
    model = run(100, true_w=-3.0).model
    return f"w = {f4(model.weight.item())}, b = {f4(model.bias.item())}"


# ------------------------------------------------------------- lesson 15
def _requires_grad_no_grad(lang: str) -> str:
    import torch

    x, _, model = problem()
    with torch.no_grad():
        inside = model(x).requires_grad
    outside = model(x).requires_grad
    return pick(
        lang,
        f"`{inside}` with `no_grad()`, `{outside}` without it",
        f"用了 `no_grad()` 是 `{inside}`，不用是 `{outside}`",
    )


def _resume_check(lang: str) -> str:
    """The lesson's after-training script, with an in-memory file: 100 updates, use,
    save, load into a new model and optimizer, 50 more; against 150 in one go."""
    import io

    import torch
    import torch.nn as nn
    import torch.optim as optim

    def train(model, optimizer, x, y, updates):
        criterion = nn.MSELoss()
        for _ in range(updates):
            loss = criterion(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()

    x, y, model = problem()
    optimizer = optim.SGD(model.parameters(), lr=0.1)
    train(model, optimizer, x, y, 100)
    model.eval()
    with torch.no_grad():
        model(torch.tensor([[4.0]]))
    file = io.BytesIO()
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict()}, file)
    file.seek(0)

    _, _, fresh = problem(seed=1)  # another start: everything must come from the file
    fresh_optimizer = optim.SGD(fresh.parameters(), lr=0.1)
    state = torch.load(file, weights_only=True)
    fresh.load_state_dict(state["model"])
    fresh_optimizer.load_state_dict(state["optimizer"])
    fresh.train()
    train(fresh, fresh_optimizer, x, y, 50)

    straight = run(150).model
    same = torch.equal(fresh.weight, straight.weight) and torch.equal(fresh.bias, straight.bias)
    return f"**{same}**"


class _Note:
    """An object of one's own class, for the weights_only demonstration."""


def _weights_only(lang: str) -> str:
    import io
    import pickle

    import torch

    plain, own = io.BytesIO(), io.BytesIO()
    torch.save({"w": torch.tensor([2.0]), "lr": 0.1, "steps": [1, 2]}, plain)
    torch.save(_Note(), own)
    plain.seek(0)
    own.seek(0)
    loaded = torch.load(plain, weights_only=True)
    try:
        torch.load(own, weights_only=True)
        refused = pick(lang, "(loaded)", "（加载成功）")
    except pickle.UnpicklingError as exc:
        refused = f"UnpicklingError: {first_sentence(str(exc))}"
    return console(
        '>>> d = {"w": w, "lr": 0.1, "steps": [1, 2]}',
        '>>> torch.save(d, "d.pth")',
        '>>> torch.load("d.pth", weights_only=True)',
        f"{loaded}",
        '>>> torch.save(Note(), "n.pth")  ' + pick(lang, "# own class", "# 自定义类"),
        '>>> torch.load("n.pth", weights_only=True)',
        refused,
    )


# ------------------------------------------------------------- lesson 16
def first_steps(optimizer: str, updates: int) -> list[tuple[float, float]]:
    """How far w and b moved in each of the first updates (signed)."""
    import torch.nn as nn

    from gradlab.core.config import ExperimentConfig
    from gradlab.core.models import build_optimizer

    x, y, model = problem()
    opt = build_optimizer(ExperimentConfig(optimizer=optimizer), model.parameters())
    moves = []
    for _ in range(updates):
        before = (model.weight.item(), model.bias.item())
        loss = nn.MSELoss()(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        moves.append((model.weight.item() - before[0], model.bias.item() - before[1]))
    return moves


def _rmsprop_first(lang: str) -> str:
    (w1, b1), (w2, b2) = first_steps("rmsprop", 2)
    grads = first_backward()[2]
    gw, gb = f"w.grad = {f4(grads.weight.grad.item())}", f"b.grad = {f4(grads.bias.grad.item())}"
    return pick(
        lang,
        f"on update 1, `w` ({gw}) moves by {f4(w1)} and `b` ({gb}) by {f4(b1)}; "
        f"on update 2, by {f4(w2)} and {f4(b2)}",
        f"第 1 次更新时，`w`（{gw}）移动了 {f4(w1)}，`b`（{gb}）移动了 {f4(b1)}；"
        f"第 2 次更新时，分别移动了 {f4(w2)} 和 {f4(b2)}",
    )


def _adam_steps(lang: str) -> str:
    moves = first_steps("adam", 3)
    ws = ", ".join(f4(w) for w, _ in moves)
    bs = ", ".join(f4(b) for _, b in moves)
    return pick(
        lang,
        f"in its first three updates `w` moves by {ws} and `b` by {bs}",
        f"前三次更新中，`w` 依次移动了 {ws}，`b` 依次移动了 {bs}",
    )


def _adam_vs_sgd(lang: str) -> str:
    sgd, adam = run(10).losses[-1], run(10, optimizer="adam").losses[-1]
    return pick(
        lang,
        f"SGD {f4(sgd)}, Adam {f4(adam)}",
        f"SGD 是 {f4(sgd)}，Adam 是 {f4(adam)}",
    )


LIVE: dict[str, Callable[[str], str]] = {
    "mistake_first_grads": _mistake_first_grads,
    "mistake_two": _mistake_two,
    "mistake_swing": _mistake_swing,
    "mistake_is_momentum": _mistake_is_momentum,
    "accumulate": _accumulate,
    "hand_loop": _hand_loop,
    "first_step": _first_step,
    "max_stable_lr": _max_stable_lr,
    "lr_table": _lr_table,
    "lr_095": _lr_095,
    "hessian": _hessian,
    "lr_095_factor": _lr_095_factor,
    "loss_prints": _loss_prints,
    "noise_plateau": _noise_plateau,
    "noise_mean_square": _noise_mean_square,
    "noise_trained": _noise_trained,
    "trained_params": _trained_params,
    "noisy_optimum": _noisy_optimum,
    "trained_minus3": _trained_minus3,
    "requires_grad_no_grad": _requires_grad_no_grad,
    "resume_check": _resume_check,
    "weights_only": _weights_only,
    "rmsprop_first": _rmsprop_first,
    "adam_steps": _adam_steps,
    "adam_vs_sgd": _adam_vs_sgd,
}
