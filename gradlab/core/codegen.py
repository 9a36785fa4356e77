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
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from gradlab.core import codegen_text
from gradlab.core.checks import one_line
from gradlab.core.config import ExperimentConfig
from gradlab.core.datapoints import literal

# Past this many samples torch splits a sum over threads (its grain size), and the
# order of the additions, so the last bits, would depend on the number of cores.
THREAD_SPLIT_SAMPLES = 32_768
# Display columns per line: the code dock is about 64 monospace columns wide at
# 1366×768, so longer lines would need horizontal scrolling. A comment that does
# not fit goes above its line. A Chinese character takes two columns.
MAX_LINE = 64

PHASE_KEYS = {
    "forward": "phase.forward",
    "loss": "phase.loss",
    "zero_grad": "phase.zero_grad",
    "backward": "phase.backward",
    "step": "phase.step",
}

# The comment that stands where the mistake mode leaves zero_grad() out.
SKIPPED_ZERO_GRAD = "phase.zero_grad.skipped"

# One English sentence per line kind (codegen_text has both languages).
EXPLANATIONS = {key: en for key, (en, _zh) in codegen_text.EXPLANATIONS.items()}


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


def width(text: str) -> int:
    """Columns the text takes in a monospace font: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _wrap(text: str, columns: int) -> list[str]:
    """Lines of at most `columns` display columns, broken between words (English)
    or between characters (Chinese, which has no spaces), never inside a word or
    a `code span`, and never before Chinese punctuation."""
    lines: list[str] = []
    line = ""
    for token in _TOKENS.findall(text):
        if token.isspace():
            if not line:
                continue
            token = token if token.strip(" ") == "" else " "  # spaces kept, breaks not
        fits = width(line + token.rstrip()) <= columns or token in _NO_LINE_START
        if line and not fits:
            lines.append(line.rstrip())
            line = "" if token.isspace() else token
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


_TOKENS = re.compile(r"`[^`]*`|[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]|\S+|\s+")
_NO_LINE_START = set("，。：；、！？）》」’”")


def _sentence_case(comment: str) -> str:
    """A comment on a line of its own starts with a capital, unless it starts with
    code (`w = ...`, `.grad ...`)."""
    first = comment.split(" ", 1)[0]
    if len(first) > 1 and first.isalpha() and first.islower():
        return comment[:1].upper() + comment[1:]
    return comment


def _layout(lines: Iterable[_Line]) -> list[tuple[str, str | None]]:
    """Lines of text with their keys. Inline comments in a run of commented lines
    share a column; a comment that would make its line too long goes above it,
    and a comment line that is too long is wrapped."""
    out: list[tuple[str, str | None]] = []
    pending: list[_Line] = []

    def comment_lines(indent: str, text: str) -> list[str]:
        return [f"{indent}# {part}" for part in _wrap(text, MAX_LINE - width(indent) - 2)]

    def flush() -> None:
        inline = [ln for ln in pending if width(ln.code) + width(ln.comment) + 4 <= MAX_LINE]
        column = max((width(ln.code) for ln in inline), default=0) + 2
        if any(column + width(ln.comment) + 2 > MAX_LINE for ln in inline):
            column = 0  # aligning would push a comment too far: two spaces each
        for ln in pending:
            if ln in inline:
                pad = ln.code + " " * (column - width(ln.code)) if column else ln.code + "  "
                out.append((f"{pad}# {ln.comment}", ln.key))
            else:
                indent = ln.code[: len(ln.code) - len(ln.code.lstrip())]
                comment = _sentence_case(ln.comment)
                out.extend((text, None) for text in comment_lines(indent, comment))
                out.append((ln.code, ln.key))
        pending.clear()

    for line in lines:
        if line.code.strip() and line.comment:
            pending.append(line)
            continue
        flush()
        if line.comment:
            indent = line.code[: len(line.code) - len(line.code.lstrip())]
            out.extend((text, line.key) for text in comment_lines(indent, line.comment))
        else:
            out.append((line.code, line.key))
    flush()
    return out


def _render(lines: Iterable[_Line]) -> str:
    return "\n".join(text for text, _ in _layout(lines)).rstrip() + "\n"


def _docstring(first: str, rest: str) -> list[_Line]:
    """A module docstring: a title, a blank line, a paragraph, each wrapped."""
    title = _wrap(first, MAX_LINE - 3)
    body = _wrap(rest, MAX_LINE - 3)
    return [
        _Line(f'"""{title[0]}'),
        *(_Line(text) for text in title[1:]),
        _Line(),
        *(_Line(text) for text in body[:-1]),
        _Line(f'{body[-1]}"""'),
        _Line(),
    ]


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


def _import_lines(configs: list[ExperimentConfig], t: _Text) -> list[_Line]:
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
            _Line(comment=t("threads")),
            _Line("torch.set_num_threads(1)", key="threads"),
            _Line(),
        ]
    return lines


def _setup_lines(config: ExperimentConfig, t: _Text, data_defined: bool = False) -> list[_Line]:
    """Seed, data, model, loss, optimizer (and loader): the order decides the bits.
    `data_defined`: x and y already hold this experiment's own data (a session
    script's earlier setup built them), so they are not written again."""
    c = config
    n = c.samples
    if c.data is not None:
        lines = [_Line(f"torch.manual_seed({c.seed})", t("seed.data"), "seed.data"), _Line()]
        if data_defined:
            lines.append(_Line(comment=t(_one("data.same", n), n=f"{n:,}")))
        else:
            lines += _own_data_lines(c, t)
    else:
        lines = [
            _Line(f"torch.manual_seed({c.seed})", t("seed"), "seed"),
            _Line(),
            _Line(comment=t("data", n=f"{n:,}", target=_target_text(c))),
            _Line(f"x = torch.randn({n}, 1)", t("data.x", n=f"{n:,}"), "data.x"),
        ]
        if c.target == "sin":
            lines.append(_Line("y = torch.sin(x)", t("data.y"), "data.sin"))
        else:
            lines.append(_Line(f"y = {_line_expr(c, 'x')}", t("data.y"), "data.line"))
        if c.noise > 0:
            lines.append(
                _Line(
                    f"y = y + {_num(c.noise)} * torch.randn({n}, 1)", t("data.noise"), "data.noise"
                )
            )
    lines += [_Line(), _Line(comment=t("objects"))]
    if c.model == "mlp":
        h = c.hidden
        lines += [
            _Line("model = nn.Sequential(", t("model.mlp", h=h), "model.mlp"),
            _Line(f"    nn.Linear(1, {h}),", t("model.mlp.hidden", h=h), "model.mlp.hidden"),
            _Line("    nn.Tanh(),", t("model.mlp.tanh"), "model.mlp.tanh"),
            _Line(f"    nn.Linear({h}, 1),", t("model.mlp.output"), "model.mlp.output"),
            _Line(")", key="model.mlp"),
        ]
    else:
        lines.append(_Line("model = nn.Linear(1, 1)", t("model.linear"), "model.linear"))
    criterion = {"mse": "nn.MSELoss()", "l1": "nn.L1Loss()", "huber": "nn.HuberLoss()"}[c.loss]
    lines.append(_Line(f"criterion = {criterion}", t(f"loss.{c.loss}"), f"loss.{c.loss}"))
    lines += _optimizer_lines(c, t)
    if not c.full_batch:
        lines += [
            _Line(),
            _Line(comment=t("batches", b=c.batch_size)),
            _Line("loader = DataLoader(", key="loader"),
            _Line("    TensorDataset(x, y),", t("loader.dataset"), "loader.dataset"),
            _Line(f"    batch_size={c.batch_size},", key="loader.batch_size"),
            _Line("    shuffle=True,", t("loader.shuffle"), "loader.shuffle"),
            _Line(
                f"    generator=torch.Generator().manual_seed({c.seed}),",
                t("loader.generator"),
                "loader.generator",
            ),
            _Line(")", key="loader"),
        ]
    return lines


def _own_data_lines(c: ExperimentConfig, t: _Text) -> list[_Line]:
    """x and y written out: every value a literal that rounds to the same float32,
    in the data's order, so torch.tensor builds exactly the app's tensors."""
    n = f"{c.samples:,}"
    return [
        _Line(comment=t(_one("data.own", c.samples), n=n)),
        *_tensor_lines("x", c.data.x, t("data.x", n=n), "data.own.x"),
        *_tensor_lines("y", c.data.y, t("data.y"), "data.own.y"),
    ]


def _one(key: str, n: int) -> str:
    """The comment for exactly one sample ("one sample", not "1 samples")."""
    return f"{key}.one" if n == 1 else key


def _tensor_lines(name: str, values: tuple[float, ...], comment: str, key: str) -> list[_Line]:
    """`name = torch.tensor([...]).reshape(-1, 1)`: float32 (torch's default for
    Python floats), one column; on one line when it fits, else wrapped."""
    rows = _value_rows(values)
    one = f"{name} = torch.tensor([{rows[0][:-1]}]).reshape(-1, 1)"
    if len(rows) == 1 and width(one) <= MAX_LINE - 8:  # its comment may go above it
        return [_Line(one, comment, key)]
    return [
        _Line(f"{name} = torch.tensor([", key=key),
        *(_Line(f"    {row}", key=key) for row in rows),
        _Line("]).reshape(-1, 1)", comment, key),
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


def _optimizer_lines(c: ExperimentConfig, t: _Text) -> list[_Line]:
    key = f"optimizer.{c.optimizer}"
    lr = _num(c.lr)
    if c.uses_momentum:  # too long for one line: the arguments on their own
        nesterov = ", nesterov=True" if c.optimizer == "nesterov" else ""
        return [
            _Line("optimizer = optim.SGD(", t(key), key),
            _Line(
                f"    model.parameters(), lr={lr}, momentum={_num(c.momentum)}{nesterov}", key=key
            ),
            _Line(")", key=key),
        ]
    call = {"sgd": "SGD", "adam": "Adam", "rmsprop": "RMSprop", "adagrad": "Adagrad"}[c.optimizer]
    return [_Line(f"optimizer = optim.{call}(model.parameters(), lr={lr})", t(key), key)]


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


def _update_lines(indent: str, batched: bool, t: _Text, skip_zero_grad=False) -> list[_Line]:
    lines = []
    for phase in PHASE_KEYS:
        code, comment = _phase_code(phase, batched, t)
        if phase == "zero_grad" and skip_zero_grad:
            lines.append(_Line(indent, t("zero_grad.left_out"), SKIPPED_ZERO_GRAD))
            continue
        lines.append(_Line(indent + code, comment, PHASE_KEYS[phase]))
    return lines


def _final_lines(c: ExperimentConfig, has_loss: bool, t: _Text, session=False) -> list[_Line]:
    if c.model == "linear":
        if session:
            comment = t("print.session")
        elif c.data is not None:
            comment = t("print.data")
        elif c.target == "line":
            comment = t("print.line", w=f"{c.true_w:g}", b=f"{c.true_b:g}")
        else:
            comment = t("print.sin")
        return [_Line("print(model.weight, model.bias)", comment, "print.linear")]
    if c.data is not None:  # no formula behind the data: compare with its first rows
        inputs, truth, inputs_comment = "x[:5]", "y[:5]", t("print.data_rows")
    else:
        inputs = "torch.tensor([[-2.0], [-1.0], [0.0], [1.0], [2.0]])"
        truth = "torch.sin(x_test)" if c.target == "sin" else _line_expr(c, "x_test")
        inputs_comment = t("print.inputs")
    lines = []
    if has_loss:
        lines += [
            _Line('print("loss:", loss.item())', t("print.loss"), "print.loss"),
            _Line(),
        ]
    lines += [
        _Line(f"x_test = {inputs}", inputs_comment, "print.test"),
        _Line(f"y_true = {truth}", key="print.test"),
        _Line("with torch.no_grad():", t("print.no_grad"), "print.test"),
        _Line("    y_test = model(x_test)", key="print.test"),
        _Line(
            "print(torch.cat([x_test, y_true, y_test], dim=1))", t("print.columns"), "print.test"
        ),
    ]
    return lines


# ------------------------------------------------------------- script_for
def _program(
    config: ExperimentConfig, steps: int, lang: str, skip_zero_grad: bool = False
) -> list[_Line]:
    c = config
    t = _Text(lang)
    steps = int(steps)
    if steps < 0:
        raise ValueError(f"steps must be ≥ 0; got {steps}")
    lines = [
        *_docstring(_title(c, t), t("header")),
        *_import_lines([c], t),
        *_setup_lines(c, t),
        _Line(),
    ]
    if c.full_batch:
        lines += [
            _Line(comment=t(_one("train.full", c.samples), steps=f"{steps:,}", n=f"{c.samples:,}")),
            _Line(f"for epoch in range({steps}):", key="loop.full"),
            *_update_lines("    ", False, t, skip_zero_grad),
        ]
    else:
        lines += [
            _Line(comment=t("train.batches", steps=f"{steps:,}")),
            _Line("updates = 0", key="loop.count"),
            _Line(f"while updates < {steps}:", key="loop.while"),
            _Line("    for xb, yb in loader:", t("loop.batches"), "loop.batches"),
            *_update_lines("        ", True, t, skip_zero_grad),
            _Line("        updates += 1", key="loop.increment"),
            _Line(f"        if updates == {steps}:", key="loop.stop"),
            _Line("            break", key="loop.stop"),
        ]
    lines.append(_Line())
    if steps == 0:
        lines += [_Line("loss = None", t("loss.none"), "loss.none"), _Line()]
    lines += _final_lines(c, steps > 0, t)
    return lines


def script_for(
    config: ExperimentConfig, steps: int = 100, lang: str = "en", skip_zero_grad: bool = False
) -> str:
    """The runnable training script for `config`: `steps` optimizer updates, with
    comments in `lang` ("en" or "zh_CN"; the code is the same in both). With
    `skip_zero_grad` (the mistake mode) the loop leaves optimizer.zero_grad() out,
    as the app's runs then do."""
    return _render(_program(config, steps, lang, skip_zero_grad))


def line_keys(
    config: ExperimentConfig, steps: int = 100, lang: str = "en", skip_zero_grad: bool = False
) -> dict[int, str]:
    """Line number (1-based, in script_for's text) -> stable explanation key."""
    layout = _layout(_program(config, steps, lang, skip_zero_grad))
    return {i: key for i, (_, key) in enumerate(layout, 1) if key}


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
def _next_batch_lines(t: _Text) -> list[_Line]:
    doc = _wrap(t("next_batch.doc"), MAX_LINE - 7)
    docstring = [_Line(f'    """{doc[0]}'), *(_Line(f"    {part}") for part in doc[1:])]
    docstring[-1] = _Line(docstring[-1].code + '"""')
    return [
        _Line("def next_batch():"),
        *docstring,
        _Line("    global batches"),
        _Line("    if batches is not None:"),
        _Line("        try:"),
        _Line("            return next(batches)"),
        _Line("        except StopIteration:", t("next_batch.used_up")),
        _Line("            pass"),
        _Line("    batches = iter(loader)", t("next_batch.new")),
        _Line("    return next(batches)"),
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
    lines = _docstring(t("session.title"), t("session.header"))
    if dropped:
        lines += [_Line(comment=t("session.dropped", n=dropped)), _Line()]
    lines += _import_lines(configs, t)
    if _uses_batches(configs):
        lines += [*_next_batch_lines(t), _Line(), _Line()]
    replay = _Replay(t)
    body: list[_Line] = []
    for kind, args in actions:
        for line in replay.lines(kind, args):
            if line == _Line() and body and body[-1] == _Line():
                continue  # one blank line between blocks is enough
            body.append(line)
    lines += body
    lines += [_Line(), *_final_lines(replay.config, False, t, session=True)]
    return _render(lines)


class _Replay:
    """Turns actions into lines, tracking just enough state for helpful comments."""

    def __init__(self, t: _Text):
        self.t = t
        self.config: ExperimentConfig | None = None
        self.has_grad = False  # is any .grad not None (as far as the log tells)
        self.mid_update = False  # a phase ran since the last step()
        self.updates = 0  # optimizer.step() calls since the last setup

    def lines(self, kind: str, args: dict) -> list[_Line]:
        handler = getattr(self, "_" + kind, None)
        if handler is None:
            return [_Line(comment=self.t("unknown", kind=kind))]
        return handler(**args)

    def _setup(self, config: dict) -> list[_Line]:
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
            *([] if first else [_Line(), _Line()]),
            _Line(comment=f"==== {head} ===="),
            _Line(comment=_summary(self.config, t)),
            *_setup_lines(self.config, t, data_defined=same_data),
        ]
        if not self.config.full_batch:
            lines.append(_Line("batches = None", t("batches.none")))
        lines += [_Line("y_pred = loss = None", t("nothing_yet")), _Line()]
        return lines

    def _phase(self, phase: str, new_batch: bool = False) -> list[_Line]:
        t = self.t
        lines = []
        if not self.mid_update:
            lines += [_Line(), _Line(comment=t("update.head", n=self.updates + 1))]
            self.mid_update = True
        batched = not self.config.full_batch
        if new_batch:
            lines.append(_Line("xb, yb = next_batch()", t("batch.new")))
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
        lines.append(_Line(code, comment))
        return lines

    def _refused(self, phase: str, code: str, new_batch: bool = False) -> list[_Line]:
        t = self.t
        # A refused call that had drawn a mini-batch first still moved the loader on.
        drawn = [_Line("xb, yb = next_batch()", t("refused.drawn"))] if new_batch else []
        if code == "backward.freed":
            return drawn + [
                _Line("try:"),
                _Line("    loss.backward()", t("refused.second")),
                _Line("except RuntimeError as error:"),
                _Line(
                    f"    print({t('refused.printed')!r}, str(error).splitlines()[0])",
                    t("refused.freed"),
                ),
            ]
        why = t(_REFUSED[code]) if code in _REFUSED else t("refused.other", code=code)
        line, _ = _phase_code(phase, not self.config.full_batch, t)
        return [*drawn, _Line(comment=t("refused.line", line=line)), _Line(comment=why)]

    def _updates(self, n: int, skip_zero_grad: bool) -> list[_Line]:
        t = self.t
        batched = not self.config.full_batch
        note = t("run.no_zero_grad") if skip_zero_grad else ""
        head = t("run.one", note=note) if n == 1 else t("run.many", n=f"{n:,}", note=note)
        lines = [_Line(), _Line(comment=head), _Line(f"for _ in range({n}):")]
        if batched:
            lines.append(_Line("    xb, yb = next_batch()", t("batch.next")))
        lines += _update_lines("    ", batched, t, skip_zero_grad)
        self.updates += n
        self.has_grad = True
        self.mid_update = False
        return lines

    def _lr(self, lr: float) -> list[_Line]:
        return [
            _Line(),
            _Line("for group in optimizer.param_groups:", self.t("lr.changed", lr=f"{lr:g}")),
            _Line(f'    group["lr"] = {_num(lr)}'),
        ]

    def _skip(self, on: bool) -> list[_Line]:
        return [_Line(), _Line(comment=self.t("skip.on" if on else "skip.off"))]

    def _params(self, values: dict) -> list[_Line]:
        lines = [
            _Line(),
            _Line(comment=self.t("params.head")),
            _Line("with torch.no_grad():", self.t("params.no_grad")),
        ]
        fills = [
            _Line(f"    {_param_expr(name)}.fill_({_num(values[name])})")
            for name in param_names(self.config)
            if name in values
        ]
        return lines + (fills or [_Line("    pass")])

    def _loaded(self, path: str = "", step: int = 0, **_) -> list[_Line]:
        # The file's state came from outside this log: a replay cannot rebuild it.
        return [_Line(), _Line(comment=self.t("loaded", path=path, step=step))]

    def _stepped_back(self, to: int) -> list[_Line]:
        self.updates = int(to)
        self.mid_update = False
        return [_Line(), _Line(comment=self.t("stepped_back", to=to))]


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
