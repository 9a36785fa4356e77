"""Live values for the first half of the course: data, model, loss, gradient, graph.

Each function takes the lesson's language and returns Markdown computed with torch
right now (gradlab.core.lessons calls them for `{{live:NAME}}`). They share the
rules the lessons module states: torch is imported inside the functions only, and
nothing draws from torch's global random generator (the training worker seeds that
one in another thread); every random draw comes from a private torch.Generator
seeded as the app seeds its experiment, so the numbers are the app's, bit for bit.

The second half of the course (training dynamics, optimizers, saving) has its
values in gradlab.core.live_training.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

# catch_warnings swaps process-wide state: one capture at a time from here.
_warnings_lock = threading.Lock()


def zh(lang: str) -> bool:
    return lang == "zh_CN"


def pick(lang: str, en: str, zh_text: str) -> str:
    return zh_text if zh(lang) else en


def f4(value: float) -> str:
    return f"{value:.4f}"


def first_sentence(message: str) -> str:
    """The first sentence of an error message (PyTorch's are long)."""
    end = message.find(". ")
    return message if end < 0 else message[: end + 1]


def console(*lines: str) -> str:
    """A Python console session as a code block (lines of at most ~55 columns)."""
    return "\n".join(["```python", *lines, "```"])


# ----------------------------------------------------------- the experiment
def problem(**changes):
    """x, y and the untrained model of an experiment (the default one unless told
    otherwise), bit for bit what TrainingSession builds, from a private generator."""
    from gradlab.core.config import ExperimentConfig
    from gradlab.core.models import build_problem

    return build_problem(ExperimentConfig().with_changes(**changes))


def first_backward():
    """The default experiment right after its first loss.backward()."""
    import torch.nn as nn

    x, y, model = problem()
    y_pred = model(x)
    loss = nn.MSELoss()(y_pred, y)
    loss.backward()
    return x, y, model, y_pred, loss


# ------------------------------------------------------------------ lesson 1-3
def _torch_version(lang: str) -> str:
    import torch

    return torch.__version__


def _tensor_shapes(lang: str) -> str:
    import torch

    g = torch.Generator().manual_seed(0)
    rows = (
        ("a", "torch.tensor(3.0)", torch.tensor(3.0)),
        ("v", "torch.tensor([1.0, 2.0, 3.0])", torch.tensor([1.0, 2.0, 3.0])),
        ("m", "torch.tensor([[1.0, 2.0], [3.0, 4.0]])", torch.tensor([[1.0, 2.0], [3.0, 4.0]])),
        ("img", "torch.randn(3, 64, 64)", torch.randn(3, 64, 64, generator=g)),
    )
    # A console session rather than a table: code must not wrap in a narrow dock.
    lines = []
    for name, code, t in rows:
        lines += [
            f">>> {name} = {code}",
            f">>> {name}.dim(), {name}.shape",
            f"({t.dim()}, {t.shape})",
        ]
    return console(*lines)


def _randn_sample(lang: str) -> str:
    x, _, _ = problem()
    return console(
        ">>> torch.manual_seed(0)",
        ">>> x = torch.randn(100, 1)",
        ">>> x.shape, x.dtype",
        f"({x.shape}, {x.dtype})",
        ">>> x[:5].flatten()",
        f"{x[:5].flatten()}",
        ">>> x.mean(), x.std()",
        f"({x.mean()!r}, {x.std()!r})",
    )


# ------------------------------------------------------------------ lesson 4
def _linear_shapes(lang: str) -> str:
    import torch

    x, _, model = problem()
    with torch.no_grad():
        out = model(x)
    names = [name for name, _ in model.named_parameters()]
    return console(
        ">>> model = nn.Linear(1, 1)",
        ">>> model.weight.shape, model.bias.shape",
        f"({model.weight.shape}, {model.bias.shape})",
        ">>> [name for name, p in model.named_parameters()]",
        f"{names}",
        ">>> model(x).shape        # x.shape == (100, 1)",
        f"{out.shape}",
    )


def _initial_params(lang: str) -> str:
    _, _, model = problem()
    return f"w = {f4(model.weight.item())}, b = {f4(model.bias.item())}"


def _print_weight(lang: str) -> str:
    from gradlab.core.live_training import run

    _, _, model = problem()
    trained = run(100).model
    return console(
        ">>> print(model.weight)  " + pick(lang, "# just built", "# 刚创建时"),
        *str(model.weight).splitlines(),
        ">>> print(model.weight)  " + pick(lang, "# after 100 updates", "# 更新 100 次后"),
        *str(trained.weight).splitlines(),
    )


def _linear_1d_input(lang: str) -> str:
    import torch

    _, _, model = problem()
    flat = torch.randn(100, generator=torch.Generator().manual_seed(0))
    try:
        model(flat)
        error = pick(lang, "(no error)", "（没有报错）")
    except RuntimeError as exc:
        error = f"RuntimeError: {exc}"
    return "\n\n".join(
        [
            console(
                ">>> x1 = torch.randn(100)",
                ">>> x1.shape",
                f"{flat.shape}",
                ">>> model(x1)",
            ),
            f"> {error}",
        ]
    )


# ------------------------------------------------------------------ lesson 5
def module_class():
    """The lesson's `class Model(nn.Module)`, as the lesson writes it."""
    import torch.nn as nn

    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.linear = nn.Linear(1, 1)

        def forward(self, x):
            return self.linear(x)

    return Model


def _module_like(layer):
    """A Model() holding the values of `layer` (an nn.Linear(1, 1)). Built on the
    "meta" device first: building it the plain way would draw its random start
    from the global generator."""
    import torch

    with torch.device("meta"):
        model = module_class()()
    model.to_empty(device="cpu")
    model.linear.load_state_dict(layer.state_dict())
    return model


def _module_parameters(lang: str) -> str:
    import torch
    import torch.nn as nn

    x, _, linear = problem()
    model = _module_like(linear)
    names = [name for name, _ in model.named_parameters()]
    with torch.no_grad():
        shape = model(x).shape
    return console(
        ">>> model = Model()",
        ">>> isinstance(model, nn.Module)",
        f"{isinstance(model, nn.Module)}",
        ">>> [name for name, p in model.named_parameters()]",
        f"{names}",
        ">>> model(x).shape",
        f"{shape}",
    )


def _module_same_as_linear(lang: str) -> str:
    """Model() and nn.Linear(1, 1) from the same start, trained by the same loop."""
    import torch
    import torch.nn as nn
    import torch.optim as optim

    x, y, linear = problem()
    model = _module_like(linear)
    for net in (linear, model):
        optimizer = optim.SGD(net.parameters(), lr=0.1)
        criterion = nn.MSELoss()
        for _ in range(100):
            loss = criterion(net(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    same = torch.equal(model.linear.weight, linear.weight) and torch.equal(
        model.linear.bias, linear.bias
    )
    return f"**{same}**"


def _module_without_super(lang: str) -> str:
    import torch
    import torch.nn as nn

    class Forgot(nn.Module):
        def __init__(self):
            self.linear = nn.Linear(1, 1)  # raises before any random draw

    try:
        with torch.device("meta"):  # no random draw, same error
            Forgot()
        return pick(lang, "(no error)", "（没有报错）")
    except AttributeError as exc:
        return f"`AttributeError: {exc}`"


def _module_hook(lang: str) -> str:
    import torch

    x, _, linear = problem()
    model = _module_like(linear)
    calls = []
    model.register_forward_hook(lambda module, inputs, output: calls.append(output.shape))
    with torch.no_grad():
        model(x)
        model.forward(x)
    return console(
        ">>> calls = []",
        ">>> model.register_forward_hook(",
        "...     lambda m, i, out: calls.append(out.shape))",
        ">>> model(x)          " + pick(lang, "# runs the hook", "# 会执行钩子"),
        ">>> model.forward(x)  " + pick(lang, "# skips it", "# 跳过钩子"),
        ">>> calls",
        f"{calls}",
    )


# ------------------------------------------------------------------ lesson 6
def _mse_example(lang: str) -> str:
    import torch
    import torch.nn as nn

    loss = nn.MSELoss()(torch.tensor([1.5, 2.5, 2.0]), torch.tensor([1.0, 2.0, 3.0]))
    return f4(loss.item())


def _initial_loss(lang: str) -> str:
    return f4(first_backward()[4].item())


def _mse_1d_target(lang: str) -> str:
    import warnings

    import torch
    import torch.nn as nn

    x, y, model = problem()
    flat_y = y.reshape(100)
    with torch.no_grad():
        y_pred = model(x)
        right = nn.MSELoss()(y_pred, y)
        with _warnings_lock, warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            wrong = nn.MSELoss()(y_pred, flat_y)
        pairs = (y_pred - flat_y).shape
    said = [
        f"> {w.category.__name__}: {w.message}" for w in caught if "target size" in str(w.message)
    ]
    result = pick(
        lang,
        f"The loss comes out as **{f4(wrong.item())}** instead of **{f4(right.item())}**: "
        f"`model(x) - y1` has shape `{pairs}`.",
        f"算出的损失是 **{f4(wrong.item())}**，而正确的值是 **{f4(right.item())}**："
        f"`model(x) - y1` 的形状是 `{pairs}`。",
    )
    code = console(
        ">>> y1 = y.reshape(100)   " + pick(lang, "# shape (100,)", "# 形状 (100,)"),
        ">>> loss = criterion(model(x), y1)",
    )
    return "\n\n".join([code, *(said or [pick(lang, "> (no warning)", "> （没有警告）")]), result])


# ------------------------------------------------------------------ lesson 7
def _nudge(h: float):
    """w, the loss, w.grad and the loss with w moved by h, on the untrained model."""
    import torch
    import torch.nn as nn

    x, y, model, _, loss = first_backward()
    w = model.weight.item()
    with torch.no_grad():
        model.weight += h
        moved = nn.MSELoss()(model(x), y)
    return w, loss.item(), model.weight.grad.item(), moved.item()


def _nudge_table(lang: str) -> str:
    w0, loss, grad, moved = _nudge(0.01)
    rows = (
        ("`w`", "`w`", w0),
        ("loss", "损失", loss),
        ("`w.grad`", "`w.grad`", grad),
        ("loss with `w + 0.01`", "`w` 加 0.01 后的损失", moved),
        ("**real change**", "**实际变化**", moved - loss),
        ("**`w.grad × 0.01`**", "**`w.grad × 0.01`**", grad * 0.01),
    )
    head = pick(lang, "| | PyTorch |", "| | PyTorch 的结果 |")
    lines = [head, "|---|---|"]
    for en, zh_text, value in rows:
        lines.append(f"| {pick(lang, en, zh_text)} | {f4(value)} |")
    return "\n".join(lines)


def _nudge_big(lang: str) -> str:
    _, loss, grad, moved = _nudge(0.1)
    return pick(
        lang,
        f"`w.grad × 0.1` = {f4(grad * 0.1)}, while the loss really changes by {f4(moved - loss)}",
        f"`w.grad × 0.1` = {f4(grad * 0.1)}，而损失实际变化了 {f4(moved - loss)}",
    )


def _w_grad0(lang: str) -> str:
    return f4(first_backward()[2].weight.grad.item())


def _first_grads(lang: str) -> str:
    model = first_backward()[2]
    return f"w.grad = {f4(model.weight.grad.item())}, b.grad = {f4(model.bias.grad.item())}"


# ------------------------------------------------------------------ lesson 8
def _zero_grad_late(lang: str) -> str:
    """100 updates with zero_grad() between backward() and step()."""
    import torch
    import torch.nn as nn
    import torch.optim as optim

    x, y, model = problem()
    start = model.weight.detach().clone()
    optimizer = optim.SGD(model.parameters(), lr=0.1)
    losses = []
    for _ in range(100):
        loss = nn.MSELoss()(model(x), y)
        loss.backward()
        optimizer.zero_grad()  # the mistake: after backward(), before step()
        optimizer.step()
        losses.append(loss.item())
    w0, w1 = start.item(), model.weight.item()
    if torch.equal(start, model.weight):
        return pick(
            lang,
            f"after 100 updates in that order, `w` is still {f4(w1)} and the loss still "
            f"{f4(losses[-1])}, as at the start",
            f"按这个顺序更新 100 次后，`w` 仍是 {f4(w1)}，损失仍是 {f4(losses[-1])}，和开始时一样",
        )
    return pick(
        lang,
        f"after 100 updates in that order, `w` went from {f4(w0)} to {f4(w1)}",
        f"按这个顺序更新 100 次后，`w` 从 {f4(w0)} 变成了 {f4(w1)}",
    )


def backward_error() -> str:
    """PyTorch's message for a second backward() through a freed graph."""
    loss = first_backward()[4]
    try:
        loss.backward()
    except RuntimeError as exc:
        return str(exc)
    return ""


def _backward_twice(lang: str) -> str:
    message = backward_error()
    if not message:
        return pick(lang, "> (no error)", "> （没有报错）")
    return f"> RuntimeError: {first_sentence(message)}"


def _forward_outside(lang: str) -> str:
    """`y_pred = model(x)` above the loop: which pass fails, and how."""
    import torch.nn as nn
    import torch.optim as optim

    x, y, model = problem()
    optimizer = optim.SGD(model.parameters(), lr=0.1)
    y_pred = model(x)  # the mistake: once, before the loop
    for epoch in range(100):
        loss = nn.MSELoss()(y_pred, y)
        optimizer.zero_grad()
        try:
            loss.backward()
        except RuntimeError as exc:
            return pick(
                lang,
                f"`epoch` {epoch} (the second pass) stops with\n\n"
                f"> RuntimeError: {first_sentence(str(exc))}",
                f"在 `epoch` 为 {epoch}（第二圈）时报错：\n\n"
                f"> RuntimeError: {first_sentence(str(exc))}",
            )
        optimizer.step()
    return pick(lang, "all 100 passes ran", "100 圈全部跑完了")


# ------------------------------------------------------------------ lesson 9
def _leaves(lang: str) -> str:
    x, _, model, y_pred, _ = first_backward()
    w = model.weight
    return console(
        ">>> x.is_leaf, x.requires_grad",
        f"({x.is_leaf}, {x.requires_grad})",
        ">>> w.is_leaf, w.requires_grad  # w = model.weight",
        f"({w.is_leaf}, {w.requires_grad})",
        ">>> y_pred.is_leaf, y_pred.requires_grad",
        f"({y_pred.is_leaf}, {y_pred.requires_grad})",
        ">>> loss.backward()",
        ">>> x.grad is None, w.grad is None",
        f"({x.grad is None}, {w.grad is None})",
    )


def _retain_graph(lang: str) -> str:
    import torch.nn as nn

    x, y, model = problem()
    loss = nn.MSELoss()(model(x), y)
    loss.backward(retain_graph=True)
    once = model.weight.grad.item()
    loss.backward()
    twice = model.weight.grad.item()
    return pick(
        lang,
        f"`w.grad` is {f4(once)} after the first `backward()` and {f4(twice)} after the second",
        f"第一次 `backward()` 后 `w.grad` 是 {f4(once)}，第二次后是 {f4(twice)}",
    )


LIVE: dict[str, Callable[[str], str]] = {
    "torch_version": _torch_version,
    "tensor_shapes": _tensor_shapes,
    "randn_sample": _randn_sample,
    "linear_shapes": _linear_shapes,
    "initial_params": _initial_params,
    "print_weight": _print_weight,
    "linear_1d_input": _linear_1d_input,
    "module_parameters": _module_parameters,
    "module_same_as_linear": _module_same_as_linear,
    "module_without_super": _module_without_super,
    "module_hook": _module_hook,
    "mse_example": _mse_example,
    "initial_loss": _initial_loss,
    "mse_1d_target": _mse_1d_target,
    "nudge_table": _nudge_table,
    "nudge_big": _nudge_big,
    "w_grad0": _w_grad0,
    "first_grads": _first_grads,
    "zero_grad_late": _zero_grad_late,
    "backward_twice": _backward_twice,
    "forward_outside": _forward_outside,
    "leaves": _leaves,
    "retain_graph": _retain_graph,
}
