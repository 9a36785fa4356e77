"""The code behind the app: the runnable script for a config, and the session as code.

`script_for(config)` is the tutorial's program for any settings (DESIGN §1): it
builds the same objects in the same random order as the app, so running it gives
the app's parameters bit for bit. `phase_lines` and `line_keys` tell the code view
which line each phase runs and what every line does. `session_script(actions)`
turns an ActionLog into a script that replays exactly what the student did.
Comments are in English or Chinese (`lang`, see codegen_text); the code is the
same in both languages.

Pure Python: no torch and no Qt here, only text.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable

from gradlab.core import codegen_text
from gradlab.core.code_lines import MAX_LINE, Line, docstring, layout, render, width, wrap
from gradlab.core.config import ExperimentConfig
from gradlab.core.datapoints import literal

# Past this many samples torch splits a sum over threads (its grain size), and the
# order of the additions, so the last bits, would depend on the number of cores.
THREAD_SPLIT_SAMPLES = 32_768

PHASE_KEYS = {
    "forward": "phase.forward",
    "loss": "phase.loss",
    "zero_grad": "phase.zero_grad",
    "backward": "phase.backward",
    "step": "phase.step",
}

# The comment that stands where the mistake mode leaves zero_grad() out.
SKIPPED_ZERO_GRAD = "phase.zero_grad.skipped"


# ---------------------------------------------------------------------- helpers
def _num(value: float) -> str:
    """A float as a Python literal that reads back to the same bits."""
    value = float(value)
    if math.isfinite(value):
        return repr(value)
    return f'float("{value}")'  # nan, inf, -inf


def _coef(value: float) -> str:
    """A coefficient of the data line as the tutorial writes it: `2`, not `2.0`.
    A whole number as a Python int gives the same float32 result (the scalar is
    exact either way); any other value as `_num`."""
    value = float(value)
    if (
        value.is_integer()
        and abs(value) < 2**24
        and not (value == 0 and math.copysign(1, value) < 0)
    ):
        return str(int(value))
    return _num(value)


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


def _line_expr(c: ExperimentConfig, x: str) -> str:
    """`w * x + b` as the data module computes it. `x - 1` gives the same bits
    as `x + (-1.0)` (IEEE subtraction is addition of the negation) and reads
    better; a negative zero keeps the `+`."""
    if c.true_b < 0:
        return f"{_coef(c.true_w)} * {x} - {_coef(-c.true_b)}"
    return f"{_coef(c.true_w)} * {x} + {_coef(c.true_b)}"


def _target_text(config: ExperimentConfig) -> str:
    if config.target == "sin":
        return "y = sin(x)"
    return f"y = {config.true_w:g}x + {config.true_b:g}".replace("+ -", "- ")


class _Text:
    """The comments of one script, in one language (see codegen_text)."""

    def __init__(self, lang: str):
        self.lang = codegen_text.language(lang)

    def __call__(self, key: str, **values) -> str:
        return codegen_text.comment(key, self.lang, **values)


def _title(config: ExperimentConfig, t: _Text) -> str:
    what = t("what.linear") if config.model == "linear" else t("what.mlp")
    if config.data is not None:
        return t(_one("title.data", config.samples), n=f"{config.samples:,}", what=what)
    return t("title", target=_target_text(config), what=what)


def _uses_batches(configs: Iterable[ExperimentConfig]) -> bool:
    return any(not c.full_batch for c in configs)


def _import_lines(configs: list[ExperimentConfig], t: _Text) -> list[Line]:
    lines = [
        Line("import torch", key="import.torch"),
        Line("import torch.nn as nn", key="import.nn"),
        Line("import torch.optim as optim", key="import.optim"),
    ]
    if _uses_batches(configs):
        lines.append(
            Line("from torch.utils.data import DataLoader, TensorDataset", key="import.data")
        )
    lines.append(Line())
    if any(c.samples > THREAD_SPLIT_SAMPLES for c in configs):
        lines += [
            Line(comment=t("threads")),
            Line("torch.set_num_threads(1)", key="threads"),
            Line(),
        ]
    return lines


def _setup_lines(config: ExperimentConfig, t: _Text, data_defined: bool = False) -> list[Line]:
    """Seed, data, model, loss, optimizer (and loader): the order decides the bits.
    `data_defined`: x and y already hold this experiment's own data (a session
    script's earlier setup built them), so they are not written again."""
    c = config
    n = c.samples
    if c.data is not None:
        lines = [Line(f"torch.manual_seed({c.seed})", t("seed.data"), "seed.data"), Line()]
        if data_defined:
            lines.append(Line(comment=t(_one("data.same", n), n=f"{n:,}")))
        else:
            lines += _own_data_lines(c, t)
    else:
        lines = [
            Line(f"torch.manual_seed({c.seed})", t("seed"), "seed"),
            Line(),
            Line(comment=t("data", n=f"{n:,}", target=_target_text(c))),
            Line(f"x = torch.randn({n}, 1)", t("data.x", n=f"{n:,}"), "data.x"),
        ]
        if c.target == "sin":
            lines.append(Line("y = torch.sin(x)", t("data.y"), "data.sin"))
        else:
            lines.append(Line(f"y = {_line_expr(c, 'x')}", t("data.y"), "data.line"))
        if c.noise > 0:
            lines.append(
                Line(
                    f"y = y + {_num(c.noise)} * torch.randn({n}, 1)", t("data.noise"), "data.noise"
                )
            )
    lines += [Line(), Line(comment=t("objects"))]
    if c.model == "mlp":
        h = c.hidden
        lines += [
            Line("model = nn.Sequential(", t("model.mlp", h=h), "model.mlp"),
            Line(f"    nn.Linear(1, {h}),", t("model.mlp.hidden", h=h), "model.mlp.hidden"),
            Line("    nn.Tanh(),", t("model.mlp.tanh"), "model.mlp.tanh"),
            Line(f"    nn.Linear({h}, 1),", t("model.mlp.output"), "model.mlp.output"),
            Line(")", key="model.mlp"),
        ]
    else:
        lines.append(Line("model = nn.Linear(1, 1)", t("model.linear"), "model.linear"))
    criterion = {"mse": "nn.MSELoss()", "l1": "nn.L1Loss()", "huber": "nn.HuberLoss()"}[c.loss]
    lines.append(Line(f"criterion = {criterion}", t(f"loss.{c.loss}"), f"loss.{c.loss}"))
    lines += _optimizer_lines(c, t)
    if not c.full_batch:
        lines += [
            Line(),
            Line(comment=t("batches", b=c.batch_size)),
            Line("loader = DataLoader(", key="loader"),
            Line("    TensorDataset(x, y),", t("loader.dataset"), "loader.dataset"),
            Line(f"    batch_size={c.batch_size},", key="loader.batch_size"),
            Line("    shuffle=True,", t("loader.shuffle"), "loader.shuffle"),
            Line(
                f"    generator=torch.Generator().manual_seed({c.seed}),",
                t("loader.generator"),
                "loader.generator",
            ),
            Line(")", key="loader"),
        ]
    return lines


def _own_data_lines(c: ExperimentConfig, t: _Text) -> list[Line]:
    """x and y written out: every value a literal that rounds to the same float32,
    in the data's order, so torch.tensor builds exactly the app's tensors."""
    n = f"{c.samples:,}"
    return [
        Line(comment=t(_one("data.own", c.samples), n=n)),
        *_tensor_lines("x", c.data.x, t("data.x", n=n), "data.own.x"),
        *_tensor_lines("y", c.data.y, t("data.y"), "data.own.y"),
    ]


def _one(key: str, n: int) -> str:
    """The comment for exactly one sample ("one sample", not "1 samples")."""
    return f"{key}.one" if n == 1 else key


def _tensor_lines(name: str, values: tuple[float, ...], comment: str, key: str) -> list[Line]:
    """`name = torch.tensor([...]).reshape(-1, 1)`: float32 (torch's default for
    Python floats), one column; on one line when it fits, else wrapped."""
    rows = _value_rows(values)
    one = f"{name} = torch.tensor([{rows[0][:-1]}]).reshape(-1, 1)"
    if len(rows) == 1 and width(one) <= MAX_LINE - 8:  # its comment may go above it
        return [Line(one, comment, key)]
    return [
        Line(f"{name} = torch.tensor([", key=key),
        *(Line(f"    {row}", key=key) for row in rows),
        Line("]).reshape(-1, 1)", comment, key),
    ]


@functools.lru_cache(maxsize=16)
def _value_rows(values: tuple[float, ...]) -> tuple[str, ...]:
    """The values as literals, `a, b, c,` rows that leave room for a scroll bar.
    Cached: the code panels write the same data again after every change of a
    setting, and 10,000 values take a quarter of a second to write."""
    rows, row = [], ""
    for text in map(literal, values):
        if row and width(row) + len(text) + 1 > MAX_LINE - 8:
            rows.append(row.rstrip())
            row = ""
        row += f"{text}, "
    rows.append(row.rstrip())
    return tuple(rows)


def _optimizer_lines(c: ExperimentConfig, t: _Text) -> list[Line]:
    key = f"optimizer.{c.optimizer}"
    lr = _num(c.lr)
    if c.uses_momentum:  # too long for one line: the arguments on their own
        nesterov = ", nesterov=True" if c.optimizer == "nesterov" else ""
        return [
            Line("optimizer = optim.SGD(", t(key), key),
            Line(
                f"    model.parameters(), lr={lr}, momentum={_num(c.momentum)}{nesterov}", key=key
            ),
            Line(")", key=key),
        ]
    call = {"sgd": "SGD", "adam": "Adam", "rmsprop": "RMSprop", "adagrad": "Adagrad"}[c.optimizer]
    return [Line(f"optimizer = optim.{call}(model.parameters(), lr={lr})", t(key), key)]


def _phase_code(phase: str, batched: bool, t: _Text) -> tuple[str, str]:
    """The line one phase runs, and its inline comment."""
    xs, ys = ("xb", "yb") if batched else ("x", "y")
    code = {
        "forward": f"y_pred = model({xs})",
        "loss": f"loss = criterion(y_pred, {ys})",
        "zero_grad": "optimizer.zero_grad()",
        "backward": "loss.backward()",
        "step": "optimizer.step()",
    }[phase]
    return code, t(f"phase.{phase}")


def _update_lines(indent: str, batched: bool, t: _Text, skip_zero_grad=False) -> list[Line]:
    lines = []
    for phase in PHASE_KEYS:
        code, comment = _phase_code(phase, batched, t)
        if phase == "zero_grad" and skip_zero_grad:
            lines.append(Line(indent, t("zero_grad.left_out"), SKIPPED_ZERO_GRAD))
            continue
        lines.append(Line(indent + code, comment, PHASE_KEYS[phase]))
    return lines


def _final_lines(c: ExperimentConfig, has_loss: bool, t: _Text, session=False) -> list[Line]:
    if c.model == "linear":
        if session:
            comment = t("print.session")
        elif c.data is not None:
            comment = t("print.data")
        elif c.target == "line":
            comment = t("print.line", w=f"{c.true_w:g}", b=f"{c.true_b:g}")
        else:
            comment = t("print.sin")
        return [Line("print(model.weight, model.bias)", comment, "print.linear")]
    if c.data is not None:  # no formula behind the data: compare with its first rows
        inputs, truth, inputs_comment = "x[:5]", "y[:5]", t("print.data_rows")
    else:
        inputs = "torch.tensor([[-2.0], [-1.0], [0.0], [1.0], [2.0]])"
        truth = "torch.sin(x_test)" if c.target == "sin" else _line_expr(c, "x_test")
        inputs_comment = t("print.inputs")
    lines = []
    if has_loss:
        lines += [
            Line('print("loss:", loss.item())', t("print.loss"), "print.loss"),
            Line(),
        ]
    lines += [
        Line(f"x_test = {inputs}", inputs_comment, "print.test"),
        Line(f"y_true = {truth}", key="print.test"),
        Line("with torch.no_grad():", t("print.no_grad"), "print.test"),
        Line("    y_test = model(x_test)", key="print.test"),
        Line("print(torch.cat([x_test, y_true, y_test], dim=1))", t("print.columns"), "print.test"),
    ]
    return lines


# ------------------------------------------------------------- script_for
def _program(
    config: ExperimentConfig, steps: int, lang: str, skip_zero_grad: bool = False
) -> list[Line]:
    c = config
    t = _Text(lang)
    steps = int(steps)
    if steps < 0:
        raise ValueError(f"steps must be ≥ 0; got {steps}")
    lines = [
        *docstring(_title(c, t), t("header")),
        *_import_lines([c], t),
        *_setup_lines(c, t),
        Line(),
    ]
    if c.full_batch:
        lines += [
            Line(comment=t(_one("train.full", c.samples), steps=f"{steps:,}", n=f"{c.samples:,}")),
            Line(f"for epoch in range({steps}):", key="loop.full"),
            *_update_lines("    ", False, t, skip_zero_grad),
        ]
    else:
        lines += [
            Line(comment=t("train.batches", steps=f"{steps:,}")),
            Line("updates = 0", key="loop.count"),
            Line(f"while updates < {steps}:", key="loop.while"),
            Line("    for xb, yb in loader:", t("loop.batches"), "loop.batches"),
            *_update_lines("        ", True, t, skip_zero_grad),
            Line("        updates += 1", key="loop.increment"),
            Line(f"        if updates == {steps}:", key="loop.stop"),
            Line("            break", key="loop.stop"),
        ]
    lines.append(Line())
    if steps == 0:
        lines += [Line("loss = None", t("loss.none"), "loss.none"), Line()]
    lines += _final_lines(c, steps > 0, t)
    return lines


def script_for(
    config: ExperimentConfig, steps: int = 100, lang: str = "en", skip_zero_grad: bool = False
) -> str:
    """The runnable training script for `config`: `steps` optimizer updates, with
    comments in `lang` ("en" or "zh_CN"; the code is the same in both). With
    `skip_zero_grad` (the mistake mode) the loop leaves optimizer.zero_grad() out,
    as the app's runs then do."""
    return render(_program(config, steps, lang, skip_zero_grad))


def line_keys(
    config: ExperimentConfig, steps: int = 100, lang: str = "en", skip_zero_grad: bool = False
) -> dict[int, str]:
    """Line number (1-based, in script_for's text) -> stable explanation key."""
    laid_out = layout(_program(config, steps, lang, skip_zero_grad))
    return {i: key for i, (_, key) in enumerate(laid_out, 1) if key}


def line_explanations(
    config: ExperimentConfig, steps: int = 100, lang: str = "en", skip_zero_grad: bool = False
) -> dict:
    """Line number (1-based) -> one sentence saying what that line does, in `lang`."""
    return {
        n: codegen_text.explanation(key, lang)
        for n, key in line_keys(config, steps, lang, skip_zero_grad).items()
    }


def phase_lines(
    config: ExperimentConfig, steps: int = 100, lang: str = "en", skip_zero_grad: bool = False
) -> dict[str, int]:
    """Phase name -> the line number (1-based) that phase runs in script_for's
    text (in the mistake mode, zero_grad's is the comment saying it is left out)."""
    keys = line_keys(config, steps, lang, skip_zero_grad)
    found = {}
    for phase, key in PHASE_KEYS.items():
        wanted = (key, SKIPPED_ZERO_GRAD) if phase == "zero_grad" else (key,)
        found[phase] = next(n for n, k in keys.items() if k in wanted)
    return found


# --------------------------------------------------------- session_script
def _next_batch_lines(t: _Text) -> list[Line]:
    doc = wrap(t("next_batch.doc"), MAX_LINE - 7)
    docstring = [Line(f'    """{doc[0]}'), *(Line(f"    {part}") for part in doc[1:])]
    docstring[-1] = Line(docstring[-1].code + '"""')
    return [
        Line("def next_batch():"),
        *docstring,
        Line("    global batches"),
        Line("    if batches is not None:"),
        Line("        try:"),
        Line("            return next(batches)"),
        Line("        except StopIteration:", t("next_batch.used_up")),
        Line("            pass"),
        Line("    batches = iter(loader)", t("next_batch.new")),
        Line("    return next(batches)"),
    ]


_REFUSED = {
    "loss.no_prediction": "refused.no_prediction",
    "backward.no_loss": "refused.no_loss",
}


def session_script(actions: Iterable, dropped: int = 0, lang: str = "en") -> str:
    """A script that replays a session's actions (`ActionLog.copy()`) call for call.

    Run, it ends with the same parameters as the app, bit for bit: every phase,
    run, learning-rate change, reset and parameter edit happens in the same order
    and every mini-batch is drawn when the app drew it. Refused calls are comments,
    except a second backward(), which really runs and fails inside try/except.
    `dropped` is ActionLog.dropped: the oldest entries are gone and the replay
    cannot be exact. Comments are in `lang`.
    """
    t = _Text(lang)
    actions = [(a.kind, dict(a.args)) for a in actions]
    if not actions or actions[0][0] != "setup":
        raise ValueError("a session log starts with a 'setup' action")
    configs = [
        ExperimentConfig.from_dict(args["config"]) for kind, args in actions if kind == "setup"
    ]
    lines = docstring(t("session.title"), t("session.header"))
    if dropped:
        lines += [Line(comment=t("session.dropped", n=dropped)), Line()]
    lines += _import_lines(configs, t)
    if _uses_batches(configs):
        lines += [*_next_batch_lines(t), Line(), Line()]
    replay = _Replay(t)
    body: list[Line] = []
    for kind, args in actions:
        for line in replay.lines(kind, args):
            if line == Line() and body and body[-1] == Line():
                continue  # one blank line between blocks is enough
            body.append(line)
    lines += body
    lines += [Line(), *_final_lines(replay.config, False, t, session=True)]
    return render(lines)


class _Replay:
    """Turns actions into lines, tracking just enough state for helpful comments."""

    def __init__(self, t: _Text):
        self.t = t
        self.config: ExperimentConfig | None = None
        self.has_grad = False  # is any .grad not None (as far as the log tells)
        self.mid_update = False  # a phase ran since the last step()
        self.updates = 0  # optimizer.step() calls since the last setup

    def lines(self, kind: str, args: dict) -> list[Line]:
        handler = getattr(self, "_" + kind, None)
        if handler is None:
            return [Line(comment=self.t("unknown", kind=kind))]
        return handler(**args)

    def _setup(self, config: dict) -> list[Line]:
        t = self.t
        first = self.config is None
        before = self.config
        self.config = ExperimentConfig.from_dict(config)
        # Own data never changes while training (no random draw makes it): the
        # x and y an earlier setup built are still these data.
        same_data = before is not None and self.config.data is not None
        same_data = same_data and before.data == self.config.data
        self.has_grad = self.mid_update = False
        self.updates = 0
        head = t("setup.first") if first else t("setup.reset")
        lines = [
            *([] if first else [Line(), Line()]),
            Line(comment=f"==== {head} ===="),
            Line(comment=_summary(self.config, t)),
            *_setup_lines(self.config, t, data_defined=same_data),
        ]
        if not self.config.full_batch:
            lines.append(Line("batches = None", t("batches.none")))
        lines += [Line("y_pred = loss = None", t("nothing_yet")), Line()]
        return lines

    def _phase(self, phase: str, new_batch: bool = False) -> list[Line]:
        t = self.t
        lines = []
        if not self.mid_update:
            lines += [Line(), Line(comment=t("update.head", n=self.updates + 1))]
            self.mid_update = True
        batched = not self.config.full_batch
        if new_batch:
            lines.append(Line("xb, yb = next_batch()", t("batch.new")))
        code, comment = _phase_code(phase, batched, t)
        if phase == "backward":
            if self.has_grad:
                comment = t("backward.adds")
            self.has_grad = True
        elif phase == "zero_grad":
            self.has_grad = False
        elif phase == "step":
            if not self.has_grad:
                comment = t("step.no_grad")
            self.updates += 1
            self.mid_update = False
        lines.append(Line(code, comment))
        return lines

    def _refused(self, phase: str, code: str, new_batch: bool = False) -> list[Line]:
        t = self.t
        # A refused call that had drawn a mini-batch first still moved the loader on.
        drawn = [Line("xb, yb = next_batch()", t("refused.drawn"))] if new_batch else []
        if code == "backward.freed":
            return drawn + [
                Line("try:"),
                Line("    loss.backward()", t("refused.second")),
                Line("except RuntimeError as error:"),
                Line(
                    f"    print({t('refused.printed')!r}, str(error).splitlines()[0])",
                    t("refused.freed"),
                ),
            ]
        why = t(_REFUSED[code]) if code in _REFUSED else t("refused.other", code=code)
        line, _ = _phase_code(phase, not self.config.full_batch, t)
        return [*drawn, Line(comment=t("refused.line", line=line)), Line(comment=why)]

    def _updates(self, n: int, skip_zero_grad: bool) -> list[Line]:
        t = self.t
        batched = not self.config.full_batch
        note = t("run.no_zero_grad") if skip_zero_grad else ""
        head = t("run.one", note=note) if n == 1 else t("run.many", n=f"{n:,}", note=note)
        lines = [Line(), Line(comment=head), Line(f"for _ in range({n}):")]
        if batched:
            lines.append(Line("    xb, yb = next_batch()", t("batch.next")))
        lines += _update_lines("    ", batched, t, skip_zero_grad)
        self.updates += n
        self.has_grad = True
        self.mid_update = False
        return lines

    def _lr(self, lr: float) -> list[Line]:
        return [
            Line(),
            Line("for group in optimizer.param_groups:", self.t("lr.changed", lr=f"{lr:g}")),
            Line(f'    group["lr"] = {_num(lr)}'),
        ]

    def _skip(self, on: bool) -> list[Line]:
        return [Line(), Line(comment=self.t("skip.on" if on else "skip.off"))]

    def _params(self, values: dict) -> list[Line]:
        lines = [
            Line(),
            Line(comment=self.t("params.head")),
            Line("with torch.no_grad():", self.t("params.no_grad")),
        ]
        fills = [
            Line(f"    {_param_expr(name)}.fill_({_num(values[name])})")
            for name in param_names(self.config)
            if name in values
        ]
        return lines + (fills or [Line("    pass")])

    def _loaded(self, path: str = "", step: int = 0, **_) -> list[Line]:
        # The file's state came from outside this log: a replay cannot rebuild it.
        return [Line(), Line(comment=self.t("loaded", path=path, step=step))]

    def _stepped_back(self, to: int) -> list[Line]:
        self.updates = int(to)
        self.mid_update = False
        return [Line(), Line(comment=self.t("stepped_back", to=to))]


def _summary(c: ExperimentConfig, t: _Text) -> str:
    batch = t("summary.full") if c.full_batch else t("summary.batches", b=c.batch_size)
    return t(
        "summary",
        seed=c.seed,
        n=c.samples,
        model=c.model,
        loss=c.loss,
        optimizer=c.optimizer,
        lr=f"{c.lr:g}",
        batch=batch,
    )
