"""The code behind the app: the runnable script for a config, and the session as code.

`script_for(config)` is the tutorial's program for any settings (DESIGN §1): it
builds the same objects in the same random order as the app, so running it gives
the app's parameters bit for bit. `phase_lines` and `line_keys` tell the code view
which line each phase runs and what every line does. `session_script(actions)`
turns an ActionLog into a script that replays exactly what the student did.

Pure Python: no torch and no Qt here, only text.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from gradlab.core.checks import one_line
from gradlab.core.config import ExperimentConfig

# Past this many samples torch splits a sum over threads (its grain size), and the
# order of the additions, so the last bits, would depend on the number of cores.
THREAD_SPLIT_SAMPLES = 32_768
MAX_LINE = 79  # longer lines get their comment on the line above

PHASE_KEYS = {
    "forward": "phase.forward",
    "loss": "phase.loss",
    "zero_grad": "phase.zero_grad",
    "backward": "phase.backward",
    "step": "phase.step",
}

# One sentence per line kind (English; the GUI has its own translated copies keyed
# the same way, see gradlab/ui/panels/code_view.py).
EXPLANATIONS = {
    "import.torch": "Loads PyTorch: tensors, and autograd, which works out gradients for us.",
    "import.nn": "torch.nn holds the building blocks: layers such as nn.Linear and losses "
    "such as nn.MSELoss.",
    "import.optim": "torch.optim holds the optimizers: the rules that change the parameters "
    "using their gradients.",
    "import.data": "DataLoader cuts the data into shuffled mini-batches; TensorDataset keeps "
    "each x with its y.",
    "threads": "One CPU thread, as in GradLab: with more than 32,768 samples PyTorch would "
    "split the sums across threads and the last digits could differ.",
    "seed": "Fixes the random numbers, so the data and the starting weights are the same on "
    "every run.",
    "data.x": "Draws the inputs from the standard normal distribution: one row per sample, "
    "one column.",
    "data.line": "The answers: every y lies exactly on the line the model has to discover.",
    "data.sin": "The answers: y = sin(x), a curve that no straight line can follow.",
    "data.noise": "Adds random noise to y, as real measurements are never exact; the model "
    "can only find the line on average.",
    "model.linear": "One neuron: y_pred = x·w + b, with a weight w and a bias b that start "
    "at small random values.",
    "model.mlp": "A small network: a hidden layer, a tanh bend, and an output layer, applied "
    "in this order.",
    "model.mlp.hidden": "The hidden layer: each of its neurons computes its own w·x + b.",
    "model.mlp.tanh": "tanh bends every hidden value; without a bend the whole network would "
    "still draw a straight line.",
    "model.mlp.output": "The output layer mixes the hidden values into one prediction.",
    "loss.mse": "Mean squared error: the average of (y_pred − y)², so large errors count much "
    "more than small ones.",
    "loss.l1": "Mean absolute error: the average of |y_pred − y|, every error counts in "
    "proportion to its size.",
    "loss.huber": "Huber loss: squared for small errors and absolute for large ones, so "
    "outliers pull less.",
    "optimizer.sgd": "Plain gradient descent: every step() moves each parameter by −lr × its "
    "gradient.",
    "optimizer.momentum": "Gradient descent with momentum: step() keeps a running velocity of "
    "past gradients and moves along it.",
    "optimizer.nesterov": "Nesterov momentum: like momentum, but each step also looks ahead "
    "along the velocity.",
    "optimizer.adam": "Adam: step() keeps running averages of each gradient and of its square, "
    "and scales every step by them.",
    "optimizer.rmsprop": "RMSprop: step() divides each gradient by a running average of its "
    "recent size.",
    "optimizer.adagrad": "Adagrad: step() divides each gradient by the root of all its squared "
    "gradients so far, so the steps shrink over time.",
    "loader": "A DataLoader hands out the data in shuffled mini-batches.",
    "loader.dataset": "TensorDataset pairs x[i] with y[i], so shuffling keeps every input with "
    "its answer.",
    "loader.batch_size": "How many samples one mini-batch holds; every mini-batch gives one "
    "update.",
    "loader.shuffle": "A new random order in every epoch.",
    "loader.generator": "The shuffling has its own seeded random generator, so the order is "
    "the same on every run.",
    "loop.full": "Repeats the training step; with the full batch, one update sees all the "
    "data, so one update is one epoch.",
    "loop.count": "Counts the updates, one per mini-batch.",
    "loop.while": "Starts epoch after epoch until enough updates have run.",
    "loop.batches": "One epoch: the loader hands out the shuffled mini-batches one by one.",
    "loop.increment": "One more update done.",
    "loop.stop": "Stops, even in the middle of an epoch, once enough updates have run.",
    "phase.forward": "Forward pass: the model predicts a y for every x, and PyTorch records "
    "the operations in a graph.",
    "phase.loss": "The loss compares the predictions with the answers: one number that says "
    "how wrong the model is.",
    "phase.zero_grad": "Clears the last update's gradients: every .grad becomes None, "
    "otherwise backward() would add to them.",
    "phase.backward": "Backpropagation: PyTorch walks the graph back from the loss and stores "
    "∂loss/∂parameter in each parameter's .grad.",
    "phase.step": "The optimizer moves every parameter a little against its gradient, which "
    "lowers the loss.",
    "print.linear": "Prints the learned weight and bias.",
    "print.loss": "Prints the loss of the last update.",
    "print.test": "Compares a few predictions with the truth, without recording a graph.",
    "loss.none": "No update ran, so there is no loss yet.",
}


@dataclass(frozen=True)
class _Line:
    code: str = ""  # the source (with its indentation), without the comment
    comment: str = ""  # a short inline comment for a beginner
    key: str | None = None  # the explanation key (EXPLANATIONS)

    def __post_init__(self):
        # Every line of every script passes here. A comment may quote text from a
        # file (a path, a code): it is made one line, so no line break in it can
        # ever start a line of code. Code is built from checked values only; a
        # line break in it would be a bug, never written out.
        object.__setattr__(self, "comment", one_line(self.comment))
        if one_line(self.code) != self.code:
            raise ValueError(f"generated code must be one printable line: {self.code!r}")


# ---------------------------------------------------------------------- helpers
def _num(value: float) -> str:
    """A float as a Python literal that reads back to the same bits."""
    value = float(value)
    if math.isfinite(value):
        return repr(value)
    return f'float("{value}")'  # nan, inf, -inf


def _param_expr(name: str) -> str:
    """'weight' -> model.weight, '0.bias' -> model[0].bias."""
    expr = "model"
    for part in name.split("."):
        expr += f"[{part}]" if part.isdigit() else f".{part}"
    return expr


def param_names(config: ExperimentConfig) -> tuple[str, ...]:
    """model.named_parameters() names for the config's model, without building it."""
    if config.model == "mlp":
        return ("0.weight", "0.bias", "2.weight", "2.bias")
    return ("weight", "bias")


def _layout(lines: Iterable[_Line]) -> list[tuple[str, str | None]]:
    """Lines of text with their keys. Inline comments in a run of commented lines
    share a column; a comment that would make its line too long goes above it."""
    out: list[tuple[str, str | None]] = []
    pending: list[_Line] = []

    def flush() -> None:
        inline = [ln for ln in pending if len(ln.code) + len(ln.comment) + 4 <= MAX_LINE]
        column = max((len(ln.code) for ln in inline), default=0) + 2
        if any(column + len(ln.comment) + 2 > MAX_LINE for ln in inline):
            column = 0  # aligning would push a comment too far: two spaces each
        for ln in pending:
            if ln in inline:
                pad = ln.code.ljust(column) if column else ln.code + "  "
                out.append((f"{pad}# {ln.comment}", ln.key))
            else:
                indent = ln.code[: len(ln.code) - len(ln.code.lstrip())]
                comment = ln.comment[:1].upper() + ln.comment[1:]
                out.append((f"{indent}# {comment}", None))
                out.append((ln.code, ln.key))
        pending.clear()

    for line in lines:
        if line.code and line.comment:
            pending.append(line)
            continue
        flush()
        out.append((line.code if not line.comment else f"# {line.comment}", line.key))
    flush()
    return out


def _render(lines: Iterable[_Line]) -> str:
    return "\n".join(text for text, _ in _layout(lines)).rstrip() + "\n"


def _line_expr(c: ExperimentConfig, x: str) -> str:
    """`w * x + b` as the data module computes it. `x - 1.0` gives the same bits
    as `x + (-1.0)` (IEEE subtraction is addition of the negation) and reads
    better; a negative zero keeps the `+`."""
    if c.true_b < 0:
        return f"{_num(c.true_w)} * {x} - {_num(-c.true_b)}"
    return f"{_num(c.true_w)} * {x} + {_num(c.true_b)}"


def _target_text(config: ExperimentConfig) -> str:
    if config.target == "sin":
        return "y = sin(x)"
    return f"y = {config.true_w:g}x + {config.true_b:g}".replace("+ -", "- ")


def _title(config: ExperimentConfig) -> str:
    what = "one neuron" if config.model == "linear" else "a small network"
    return f"Fit {_target_text(config)} with {what}: your first PyTorch training loop."


def _uses_batches(configs: Iterable[ExperimentConfig]) -> bool:
    return any(not c.full_batch for c in configs)


def _import_lines(configs: list[ExperimentConfig]) -> list[_Line]:
    lines = [
        _Line("import torch", key="import.torch"),
        _Line("import torch.nn as nn", key="import.nn"),
        _Line("import torch.optim as optim", key="import.optim"),
    ]
    if _uses_batches(configs):
        lines.append(
            _Line("from torch.utils.data import DataLoader, TensorDataset", key="import.data")
        )
    lines.append(_Line())
    if any(c.samples > THREAD_SPLIT_SAMPLES for c in configs):
        lines += [
            _Line(comment="GradLab trains on one thread. With more than 32,768 samples torch"),
            _Line(comment="splits its sums across threads, and the last bits of the result"),
            _Line(comment="would depend on how many cores this computer has."),
            _Line("torch.set_num_threads(1)", key="threads"),
            _Line(),
        ]
    return lines


def _setup_lines(config: ExperimentConfig) -> list[_Line]:
    """Seed, data, model, loss, optimizer (and loader): the order decides the bits."""
    c = config
    n = c.samples
    lines = [
        _Line(f"torch.manual_seed({c.seed})", "same data, same start, every run", "seed"),
        _Line(),
        _Line(comment=f"The data: {n:,} points of {_target_text(c)}"),
        _Line(f"x = torch.randn({n}, 1)", f"{n:,} inputs, one column", "data.x"),
    ]
    if c.target == "sin":
        lines.append(_Line("y = torch.sin(x)", "the answers to learn", "data.sin"))
    else:
        lines.append(_Line(f"y = {_line_expr(c, 'x')}", "the answers to learn", "data.line"))
    if c.noise > 0:
        lines.append(
            _Line(
                f"y = y + {_num(c.noise)} * torch.randn({n}, 1)",
                "noise: no measurement is exact",
                "data.noise",
            )
        )
    lines += [_Line(), _Line(comment="The model, the loss and the optimizer")]
    if c.model == "mlp":
        h = c.hidden
        lines += [
            _Line("model = nn.Sequential(", f"1 input -> {h} hidden -> 1 output", "model.mlp"),
            _Line(f"    nn.Linear(1, {h}),", f"{h} neurons, each w·x + b", "model.mlp.hidden"),
            _Line("    nn.Tanh(),", "a bend, so curves are possible", "model.mlp.tanh"),
            _Line(f"    nn.Linear({h}, 1),", "mixes them into one prediction", "model.mlp.output"),
            _Line(")", key="model.mlp"),
        ]
    else:
        lines.append(
            _Line("model = nn.Linear(1, 1)", "y_pred = x·w + b, w and b random", "model.linear")
        )
    criterion, why = {
        "mse": ("nn.MSELoss()", "mean of (y_pred - y)²"),
        "l1": ("nn.L1Loss()", "mean of |y_pred - y|"),
        "huber": ("nn.HuberLoss()", "squared when small, absolute when large"),
    }[c.loss]
    lines.append(_Line(f"criterion = {criterion}", why, f"loss.{c.loss}"))
    lines.append(_optimizer_line(c))
    if not c.full_batch:
        lines += [
            _Line(),
            _Line(comment=f"Mini-batches: {c.batch_size} shuffled samples per update"),
            _Line("loader = DataLoader(", key="loader"),
            _Line("    TensorDataset(x, y),", "pairs (x[i], y[i])", "loader.dataset"),
            _Line(f"    batch_size={c.batch_size},", key="loader.batch_size"),
            _Line("    shuffle=True,", "a new order every epoch", "loader.shuffle"),
            _Line(
                f"    generator=torch.Generator().manual_seed({c.seed}),",
                "the same order every run",
                "loader.generator",
            ),
            _Line(")", key="loader"),
        ]
    return lines


def _optimizer_line(c: ExperimentConfig) -> _Line:
    lr = _num(c.lr)
    code, why = {
        "sgd": (f"optim.SGD(model.parameters(), lr={lr})", "w = w - lr * w.grad"),
        "momentum": (
            f"optim.SGD(model.parameters(), lr={lr}, momentum={_num(c.momentum)})",
            "SGD that keeps a velocity",
        ),
        "nesterov": (
            f"optim.SGD(model.parameters(), lr={lr}, momentum={_num(c.momentum)}, nesterov=True)",
            "SGD with a velocity that looks ahead",
        ),
        "adam": (f"optim.Adam(model.parameters(), lr={lr})", "adapts each step's size"),
        "rmsprop": (
            f"optim.RMSprop(model.parameters(), lr={lr})",
            "divides by recent gradient size",
        ),
        "adagrad": (f"optim.Adagrad(model.parameters(), lr={lr})", "steps shrink over time"),
    }[c.optimizer]
    return _Line(f"optimizer = {code}", why, f"optimizer.{c.optimizer}")


def _phase_code(phase: str, batched: bool) -> tuple[str, str]:
    """The line one phase runs, and its inline comment."""
    xs, ys = ("xb", "yb") if batched else ("x", "y")
    return {
        "forward": (f"y_pred = model({xs})", "forward: predict"),
        "loss": (f"loss = criterion(y_pred, {ys})", "how wrong: one number"),
        "zero_grad": ("optimizer.zero_grad()", "clear old gradients (.grad = None)"),
        "backward": ("loss.backward()", "gradients into .grad"),
        "step": ("optimizer.step()", "move the parameters a little"),
    }[phase]


def _update_lines(indent: str, batched: bool, skip_zero_grad: bool = False) -> list[_Line]:
    lines = []
    for phase in PHASE_KEYS:
        code, comment = _phase_code(phase, batched)
        if phase == "zero_grad" and skip_zero_grad:
            lines.append(_Line(f"{indent}# optimizer.zero_grad() left out: gradients pile up"))
            continue
        lines.append(_Line(indent + code, comment, PHASE_KEYS[phase]))
    return lines


def _final_lines(config: ExperimentConfig, has_loss: bool, session: bool = False) -> list[_Line]:
    if config.model == "linear":
        if session:
            comment = "the same numbers the app shows"
        elif config.target == "line":
            comment = f"close to w = {config.true_w:g} and b = {config.true_b:g}"
        else:
            comment = "the best straight line through sin(x)"
        return [_Line("print(model.weight, model.bias)", comment, "print.linear")]
    truth = "torch.sin(x_test)" if config.target == "sin" else _line_expr(config, "x_test")
    lines = []
    if has_loss:
        lines += [
            _Line('print("loss:", loss.item())', "the last update's loss", "print.loss"),
            _Line(),
        ]
    lines += [
        _Line(
            "x_test = torch.tensor([[-2.0], [-1.0], [0.0], [1.0], [2.0]])",
            "a few inputs to try",
            "print.test",
        ),
        _Line("with torch.no_grad():", "only looking: no graph needed", "print.test"),
        _Line(
            f"    print(torch.cat([x_test, {truth}, model(x_test)], dim=1))",
            "columns: x, truth, prediction",
            "print.test",
        ),
    ]
    return lines


# ------------------------------------------------------------- script_for
def _program(config: ExperimentConfig, steps: int) -> list[_Line]:
    c = config
    steps = int(steps)
    if steps < 0:
        raise ValueError(f"steps must be ≥ 0; got {steps}")
    lines = [
        _Line(f'"""{_title(c)}'),
        _Line(),
        _Line("Written by GradLab for these settings. It needs nothing but PyTorch: run it"),
        _Line("with `python this_file.py`. It computes, bit for bit, what GradLab computes."),
        _Line('"""'),
        _Line(),
        *_import_lines([c]),
        *_setup_lines(c),
        _Line(),
    ]
    if c.full_batch:
        lines += [
            _Line(comment=f"Training: {steps:,} updates, each on all {c.samples:,} samples"),
            _Line(f"for epoch in range({steps}):", key="loop.full"),
            *_update_lines("    ", batched=False),
        ]
    else:
        lines += [
            _Line(comment=f"Training: {steps:,} updates, one per mini-batch"),
            _Line("updates = 0", key="loop.count"),
            _Line(f"while updates < {steps}:", key="loop.while"),
            _Line("    for xb, yb in loader:", "one epoch: every sample once", "loop.batches"),
            *_update_lines("        ", batched=True),
            _Line("        updates += 1", key="loop.increment"),
            _Line(f"        if updates == {steps}:", key="loop.stop"),
            _Line("            break", key="loop.stop"),
        ]
    lines.append(_Line())
    if steps == 0:
        lines += [_Line("loss = None", "no update ran, so no loss", "loss.none"), _Line()]
    lines += _final_lines(c, has_loss=steps > 0)
    return lines


def script_for(config: ExperimentConfig, steps: int = 100) -> str:
    """The runnable training script for `config`: `steps` optimizer updates."""
    return _render(_program(config, steps))


def line_keys(config: ExperimentConfig, steps: int = 100) -> dict[int, str]:
    """Line number (1-based, in script_for's text) -> stable explanation key."""
    return {i: key for i, (_, key) in enumerate(_layout(_program(config, steps)), 1) if key}


def line_explanations(config: ExperimentConfig, steps: int = 100) -> dict[int, str]:
    """Line number (1-based) -> one English sentence saying what that line does.

    English source text, for the exported script and non-GUI use. The GUI keys
    its own translated sentences on `line_keys()` instead (Qt's translate()
    needs literal strings), so every key here has a stable meaning.
    """
    return {n: EXPLANATIONS[key] for n, key in line_keys(config, steps).items()}


def phase_lines(config: ExperimentConfig, steps: int = 100) -> dict[str, int]:
    """Phase name -> the line number (1-based) that phase runs in script_for's text."""
    keys = line_keys(config, steps)
    return {
        phase: next(n for n, k in keys.items() if k == key) for phase, key in PHASE_KEYS.items()
    }


# --------------------------------------------------------- session_script
_NEXT_BATCH = [
    _Line("def next_batch():"),
    _Line('    """The next mini-batch; a new shuffled epoch starts when one runs out,'),
    _Line('    exactly when GradLab started one."""'),
    _Line("    global batches"),
    _Line("    if batches is not None:"),
    _Line("        try:"),
    _Line("            return next(batches)"),
    _Line("        except StopIteration:", "this epoch is used up"),
    _Line("            pass"),
    _Line("    batches = iter(loader)", "a new epoch: the loader shuffles again"),
    _Line("    return next(batches)"),
]

_REFUSED = {
    "loss.no_prediction": "there was no y_pred yet (model(x) had not run)",
    "backward.no_loss": "there was no loss yet to differentiate",
}


def session_script(actions: Iterable, dropped: int = 0) -> str:
    """A script that replays a session's actions (`ActionLog.copy()`) call for call.

    Run, it ends with the same parameters as the app, bit for bit: every phase,
    run, learning-rate change, reset and parameter edit happens in the same order
    and every mini-batch is drawn when the app drew it. Refused calls are comments,
    except a second backward(), which really runs and fails inside try/except.
    `dropped` is ActionLog.dropped: the oldest entries are gone and the replay
    cannot be exact.
    """
    actions = [(a.kind, dict(a.args)) for a in actions]
    if not actions or actions[0][0] != "setup":
        raise ValueError("a session log starts with a 'setup' action")
    configs = [
        ExperimentConfig.from_dict(args["config"]) for kind, args in actions if kind == "setup"
    ]
    lines = [
        _Line('"""Your GradLab session as a script: every call, in the order you made it.'),
        _Line(),
        _Line("Run it with `python this_file.py`: it ends with the same parameters as the"),
        _Line('app, bit for bit. It needs nothing but PyTorch."""'),
        _Line(),
    ]
    if dropped:
        lines += [
            _Line(comment=f"WARNING: the {dropped} oldest calls after the setup were dropped"),
            _Line(comment="(the session was very long), so this replay is not exact."),
            _Line(),
        ]
    lines += _import_lines(configs)
    if _uses_batches(configs):
        lines += [*_NEXT_BATCH, _Line(), _Line()]
    replay = _Replay()
    body: list[_Line] = []
    for kind, args in actions:
        for line in replay.lines(kind, args):
            if line == _Line() and body and body[-1] == _Line():
                continue  # one blank line between blocks is enough
            body.append(line)
    lines += body
    lines += [_Line(), *_final_lines(replay.config, has_loss=False, session=True)]
    return _render(lines)


class _Replay:
    """Turns actions into lines, tracking just enough state for helpful comments."""

    def __init__(self):
        self.config: ExperimentConfig | None = None
        self.has_grad = False  # is any .grad not None (as far as the log tells)
        self.mid_update = False  # a phase ran since the last step()
        self.updates = 0  # optimizer.step() calls since the last setup

    def lines(self, kind: str, args: dict) -> list[_Line]:
        handler = getattr(self, "_" + kind, None)
        if handler is None:
            return [_Line(comment=f"(an action GradLab does not know: {kind})")]
        return handler(**args)

    def _setup(self, config: dict) -> list[_Line]:
        first = self.config is None
        self.config = ExperimentConfig.from_dict(config)
        self.has_grad = self.mid_update = False
        self.updates = 0
        head = "The experiment" if first else "Reset: everything is rebuilt from the seed"
        lines = [
            *([] if first else [_Line(), _Line()]),
            _Line(comment=f"==== {head} ===="),
            _Line(comment=_summary(self.config)),
            *_setup_lines(self.config),
        ]
        if not self.config.full_batch:
            lines.append(_Line("batches = None", "no epoch started yet"))
        lines += [_Line("y_pred = loss = None", "nothing computed yet"), _Line()]
        return lines

    def _phase(self, phase: str, new_batch: bool = False) -> list[_Line]:
        lines = []
        if not self.mid_update:
            lines += [_Line(), _Line(comment=f"Update {self.updates + 1}, one call at a time")]
            self.mid_update = True
        batched = not self.config.full_batch
        if new_batch:
            lines.append(_Line("xb, yb = next_batch()", "a new mini-batch for this update"))
        code, comment = _phase_code(phase, batched)
        if phase == "backward":
            if self.has_grad:
                comment = ".grad was not None: this ADDS to it"
            self.has_grad = True
        elif phase == "zero_grad":
            self.has_grad = False
        elif phase == "step":
            if not self.has_grad:
                comment = "every .grad is None: changes nothing"
            self.updates += 1
            self.mid_update = False
        lines.append(_Line(code, comment))
        return lines

    def _refused(self, phase: str, code: str, new_batch: bool = False) -> list[_Line]:
        # A refused call that had drawn a mini-batch first still moved the loader on.
        drawn = (
            [_Line("xb, yb = next_batch()", "drawn before the call failed")] if new_batch else []
        )
        if code == "backward.freed":
            return drawn + [
                _Line("try:"),
                _Line("    loss.backward()", "a second backward() through the same graph"),
                _Line("except RuntimeError as error:"),
                _Line(
                    '    print("backward() refused:", str(error).splitlines()[0])',
                    "the first backward() freed the graph's saved values",
                ),
            ]
        why = _REFUSED.get(code, f"refused ({code})")
        line, _ = _phase_code(phase, not self.config.full_batch)
        return [*drawn, _Line(comment=f"{line}   <- not run: {why}")]

    def _updates(self, n: int, skip_zero_grad: bool) -> list[_Line]:
        batched = not self.config.full_batch
        what = "full update" if n == 1 else "full updates"
        note = ", without zero_grad()" if skip_zero_grad else ""
        lines = [
            _Line(),
            _Line(comment=f"Run: {n:,} {what}{note}"),
            _Line(f"for _ in range({n}):"),
        ]
        if batched:
            lines.append(_Line("    xb, yb = next_batch()", "the next mini-batch"))
        lines += _update_lines("    ", batched, skip_zero_grad)
        self.updates += n
        self.has_grad = True
        self.mid_update = False
        return lines

    def _lr(self, lr: float) -> list[_Line]:
        return [
            _Line(),
            _Line("for group in optimizer.param_groups:", f"learning rate changed to {lr:g}"),
            _Line(f'    group["lr"] = {_num(lr)}'),
        ]

    def _skip(self, on: bool) -> list[_Line]:
        text = (
            "Mistake mode on: from here, runs leave out optimizer.zero_grad()"
            if on
            else "Mistake mode off: runs call optimizer.zero_grad() again"
        )
        return [_Line(), _Line(comment=text)]

    def _params(self, values: dict) -> list[_Line]:
        lines = [
            _Line(),
            _Line(comment="Parameters set by hand, every element to the value"),
            _Line("with torch.no_grad():", "not a training step: no graph, no gradient"),
        ]
        fills = [
            _Line(f"    {_param_expr(name)}.fill_({_num(values[name])})")
            for name in param_names(self.config)
            if name in values
        ]
        return lines + (fills or [_Line("    pass")])

    def _loaded(self, path: str = "", step: int = 0, **_) -> list[_Line]:
        # The file's state came from outside this log: a replay cannot rebuild it.
        return [
            _Line(),
            _Line(comment=f"WARNING: the app loaded {path} here (update {step})."),
            _Line(comment="This script cannot replay what happened before that file was"),
            _Line(comment="saved, so from here on its numbers differ from the app's."),
        ]

    def _stepped_back(self, to: int) -> list[_Line]:
        self.updates = int(to)
        self.mid_update = False
        return [
            _Line(),
            _Line(comment=f"Stepped back to update {to}: the undone calls are left out."),
        ]


def _summary(c: ExperimentConfig) -> str:
    batch = "full batch" if c.full_batch else f"mini-batches of {c.batch_size}"
    return (
        f"seed {c.seed}, {c.samples} samples, {c.model} model, {c.loss} loss, "
        f"{c.optimizer} (lr {c.lr:g}), {batch}"
    )
