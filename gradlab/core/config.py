"""ExperimentConfig: every knob of an experiment, validated, to and from a plain dict.

Each refused value raises ConfigError, whose `code` is stable (tests, translations
and the GUI key on it) and whose message names the option and what is allowed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace

from gradlab.core.checks import shown
from gradlab.core.datapoints import DataError, DataPoints

OPTIMIZERS = ("sgd", "momentum", "nesterov", "adam", "rmsprop", "adagrad")
LOSSES = ("mse", "l1", "huber")
MODELS = ("linear", "mlp")
TARGETS = ("line", "sin")

# Limits chosen so that every allowed value trains in a sensible time on a laptop.
MAX_SAMPLES = 100_000
MAX_ABS_TRUE = 1_000.0
MAX_NOISE = 100.0
MAX_SEED = 2**32 - 1
MAX_LR = 100.0
MAX_HIDDEN = 256


class ConfigError(ValueError):
    """A refused setting. `option` is the command-line spelling, `code` is stable;
    `field` is the refused entry's path in a saved config ("lr", "data.x[3]")."""

    def __init__(self, option: str, code: str, message: str, field: str = ""):
        super().__init__(message)
        self.option = option
        self.code = code
        self.field = field


@dataclass(frozen=True)
class OptionSpec:
    """What one option accepts; shared by validation, the CLI and the GUI."""

    name: str  # field name
    flag: str  # command-line spelling
    kind: type  # int, float or str
    low: float | None = None
    high: float | None = None
    low_open: bool = False  # low itself is not allowed
    high_open: bool = False
    choices: tuple[str, ...] = ()
    help: str = ""

    def allowed(self) -> str:
        """A short human text of what this option accepts."""
        if self.choices:
            return "one of " + ", ".join(self.choices)
        what = "an integer" if self.kind is int else "a finite number"
        lo = ">" if self.low_open else "≥"
        hi = "<" if self.high_open else "≤"
        return f"{what} {lo} {_fmt(self.low)} and {hi} {_fmt(self.high)}"


def _fmt(v: float | None) -> str:
    if v is None:
        return "?"
    if float(v).is_integer() and abs(v) < 1e15:
        return str(int(v))
    return repr(v)


SPECS: tuple[OptionSpec, ...] = (
    OptionSpec("samples", "--samples", int, 1, MAX_SAMPLES, help="number of data points"),
    OptionSpec(
        "true_w", "--true-w", float, -MAX_ABS_TRUE, MAX_ABS_TRUE, help="slope of the target line"
    ),
    OptionSpec(
        "true_b",
        "--true-b",
        float,
        -MAX_ABS_TRUE,
        MAX_ABS_TRUE,
        help="intercept of the target line",
    ),
    OptionSpec("noise", "--noise", float, 0.0, MAX_NOISE, help="std of Gaussian noise on y"),
    OptionSpec("seed", "--seed", int, 0, MAX_SEED, help="torch.manual_seed for data and model"),
    OptionSpec("lr", "--lr", float, 0.0, MAX_LR, low_open=True, help="learning rate"),
    OptionSpec("optimizer", "--optimizer", str, choices=OPTIMIZERS, help="optimizer"),
    OptionSpec(
        "momentum",
        "--momentum",
        float,
        0.0,
        1.0,
        high_open=True,
        help="momentum for the momentum and nesterov optimizers",
    ),
    OptionSpec(
        "batch_size",
        "--batch-size",
        int,
        0,
        MAX_SAMPLES,
        help="mini-batch size (0 = full batch)",
    ),
    OptionSpec("loss", "--loss", str, choices=LOSSES, help="loss function"),
    OptionSpec("model", "--model", str, choices=MODELS, help="teaching model"),
    OptionSpec("hidden", "--hidden", int, 1, MAX_HIDDEN, help="hidden units of the mlp model"),
    OptionSpec(
        "target",
        "--target",
        str,
        choices=TARGETS,
        help="target function: line (true_w*x + true_b) or sin (sin(x))",
    ),
)
SPEC_BY_NAME = {s.name: s for s in SPECS}
# With the student's own data these describe data GradLab would generate: they do
# not apply, and keep their defaults (samples becomes the number of points).
GENERATED_ONLY = ("samples", "true_w", "true_b", "noise", "target")


@dataclass(frozen=True)
class ExperimentConfig:
    """One experiment. Defaults are the tutorial's program."""

    samples: int = 100
    true_w: float = 2.0
    true_b: float = 1.0
    noise: float = 0.0
    seed: int = 0
    lr: float = 0.1
    optimizer: str = "sgd"
    momentum: float = 0.9
    batch_size: int = 0
    loss: str = "mse"
    model: str = "linear"
    hidden: int = 16
    target: str = "line"
    # The student's own (x, y) points instead of generated data (see datapoints.py).
    data: DataPoints | None = None

    def __post_init__(self):
        for spec in SPECS:
            object.__setattr__(self, spec.name, _check(spec, getattr(self, spec.name)))
        if self.data is not None:
            self._check_own_data()
        if self.batch_size > self.samples:
            raise ConfigError(
                "--batch-size",
                "batch_size.too_large",
                f"--batch-size must be 0 (full batch) or at most "
                f"{'the number of data rows' if self.data is not None else '--samples'} "
                f"({self.samples}); got {self.batch_size}",
            )
        if self.optimizer == "nesterov" and self.momentum == 0.0:
            raise ConfigError(
                "--momentum",
                "momentum.nesterov_zero",
                "--momentum must be > 0 and < 1 for the nesterov optimizer; got 0",
            )

    def _check_own_data(self) -> None:
        if not isinstance(self.data, DataPoints):
            raise ConfigError(
                "--data", "data.invalid", "data must be DataPoints or None", field="data"
            )
        defaults = ExperimentConfig()
        for name in GENERATED_ONLY[1:]:
            if getattr(self, name) != getattr(defaults, name):
                flag = SPEC_BY_NAME[name].flag
                raise ConfigError(
                    flag,
                    f"{name}.with_data",
                    f"{flag} does not apply with --data (the data are given, not generated); "
                    f"it must keep its default {getattr(defaults, name)!r}",
                    field=name,
                )
        object.__setattr__(self, "samples", len(self.data))

    # -- conversions -------------------------------------------------------
    def to_dict(self) -> dict:
        """Plain values; `data` only when there are data (so a config without
        data reads the same as before data existed). The data's tuples are
        shared, not copied (see DataPoints.to_dict)."""
        out = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "data"}
        if self.data is not None:
            out["data"] = self.data.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: dict) -> ExperimentConfig:
        """Build from a plain dict (e.g. a checkpoint). Unknown keys are refused."""
        if not isinstance(data, dict):
            raise ConfigError("config", "config.not_a_dict", "a config must be a dict of options")
        known = {f.name for f in fields(cls)}
        unknown = sorted(repr(k) for k in data if k not in known)  # repr: one line, always
        if unknown:
            raise ConfigError(
                "config",
                "config.unknown_option",
                f"unknown option(s): {', '.join(unknown)}; allowed: {', '.join(sorted(known))}",
            )
        values = dict(data)
        # DataPoints already checked (a log's setups share one); never from a file:
        # no file format GradLab reads can make one.
        if values.get("data") is not None and not isinstance(values["data"], DataPoints):
            try:
                values["data"] = DataPoints.from_dict(values["data"])
            except DataError as exc:
                field = f"data.{exc.field}" if exc.field else "data"
                raise ConfigError("--data", exc.code, str(exc), field=field) from None
            given = values.get("samples", len(values["data"]))
            if type(given) is not int or given != len(values["data"]):
                raise ConfigError(
                    "--samples",
                    "samples.data",
                    f"samples must equal the number of data points ({len(values['data']):,}); "
                    f"got {shown(given)}",
                    field="samples",
                )
        return cls(**values)

    def with_changes(self, **changes) -> ExperimentConfig:
        """A validated copy; raises ConfigError and leaves self untouched."""
        return replace(self, **changes)

    def with_data(self, data: DataPoints | None, samples: int | None = None) -> ExperimentConfig:
        """This experiment on other data: the student's own points, or (None)
        generated data again, `samples` of them (default: the default count).
        The settings that only describe generated data go back to their
        defaults; every other setting stays. Raises ConfigError (e.g. a batch
        size larger than the new number of points)."""
        defaults = ExperimentConfig()
        reset = {name: getattr(defaults, name) for name in GENERATED_ONLY}
        if data is None and samples is not None:
            reset["samples"] = samples
        return replace(self, data=data, **reset)

    # -- derived -----------------------------------------------------------
    @property
    def full_batch(self) -> bool:
        return self.batch_size == 0

    @property
    def uses_momentum(self) -> bool:
        return self.optimizer in ("momentum", "nesterov")

    @property
    def own_data(self) -> bool:
        return self.data is not None


def parse_value(name: str, text) -> object:
    """Convert a text (CLI, GUI field) to the option's type; ConfigError if impossible."""
    spec = SPEC_BY_NAME[name]
    return _check(spec, text)


def _check(spec: OptionSpec, value):
    """Return the value coerced to the option's type, or raise ConfigError."""
    got = repr(value) if not isinstance(value, str) else repr(value.strip())
    bad = ConfigError(
        spec.flag,
        f"{spec.name}.invalid",
        f"{spec.flag} must be {spec.allowed()}; got {got}",
        field=spec.name,
    )
    if spec.kind is str:
        if not isinstance(value, str):
            raise bad
        value = value.strip().lower()
        if value not in spec.choices:
            raise bad
        return value
    if isinstance(value, bool):  # bool is an int subclass, but never a valid number here
        raise bad
    if isinstance(value, str):
        value = value.strip()
        try:
            number = int(value) if spec.kind is int else float(value)
        except ValueError:
            raise bad from None
    elif isinstance(value, int | float):
        number = value
    else:
        raise bad
    if spec.kind is int:
        if isinstance(number, float):
            if not number.is_integer():
                raise bad
            number = int(number)
    else:
        try:
            number = float(number)
        except OverflowError:  # an int too large for a float, e.g. 10**400
            raise bad from None
        if not math.isfinite(number):
            raise bad
    if spec.low is not None and (number < spec.low or (spec.low_open and number == spec.low)):
        raise bad
    if spec.high is not None and (number > spec.high or (spec.high_open and number == spec.high)):
        raise bad
    return number
