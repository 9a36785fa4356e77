"""The student's session as a list of actions, each one PyTorch call or a setting.

Every call the session runs is recorded here, in order, so that
`codegen.session_script()` can write a script that replays exactly what the
student did. Runs of full updates merge into one entry, so a million-step run
is one line, and the log stays small.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gradlab.core import checks
from gradlab.core.config import MAX_LR, ConfigError, ExperimentConfig
from gradlab.core.datapoints import MAX_ROWS

MAX_ACTIONS = 50_000  # far beyond any clicking; older entries are summarised
# The student's own data travel in "setup" entries. A data set shared by many
# setups (every settings change keeps the data) is stored once; distinct data
# sets (each edit of the points makes one) count here, at most this many rows
# in all: 20 full-size tables, or thousands of edits of a drawn data set.
MAX_LOG_DATA_ROWS = 20 * MAX_ROWS
MAX_PATH = 4096  # characters of a file name recorded by a "loaded" entry
# The loop's calls, as TrainingSession.PHASES names them (a test checks they agree).
PHASE_NAMES = ("forward", "loss", "zero_grad", "backward", "step")


@dataclass
class Action:
    kind: str  # setup | phase | refused | updates | lr | skip | params | stepped_back
    args: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Mark:
    """A point in the log: its length and the count of its last `updates` entry."""

    length: int
    last_updates: int | None


class ActionLog:
    def __init__(self):
        self.actions: list[Action] = []
        self.dropped = 0  # entries dropped from the front (only past MAX_ACTIONS)
        self.version = 0  # bumped by every change, so readers can skip an unchanged log

    def __len__(self) -> int:
        return len(self.actions)

    def add(self, kind: str, **args) -> None:
        self.version += 1
        last = self.actions[-1] if self.actions else None
        if (
            kind == "updates"
            and last is not None
            and last.kind == "updates"
            and last.args["skip_zero_grad"] == args["skip_zero_grad"]
        ):
            last.args["n"] += args["n"]
            return
        self.actions.append(Action(kind, dict(args)))
        while len(self.actions) > MAX_ACTIONS or (
            kind == "setup"
            and len(self.actions) > 2
            and data_rows(self.actions) > MAX_LOG_DATA_ROWS
        ):
            # Keep the experiment's setup: drop the oldest actions after it.
            del self.actions[1:2]
            self.dropped += 1

    def mark(self) -> Mark:
        last = self.actions[-1] if self.actions else None
        n = last.args["n"] if last is not None and last.kind == "updates" else None
        return Mark(len(self.actions) + self.dropped, n)

    def rewind(self, mark: Mark) -> None:
        """Back to `mark` (what step-back undid is no longer part of the session)."""
        self.version += 1
        del self.actions[max(1, mark.length - self.dropped) :]
        if mark.last_updates is not None and self.actions[-1].kind == "updates":
            self.actions[-1].args["n"] = mark.last_updates

    def copy(self) -> list[Action]:
        return [Action(a.kind, dict(a.args)) for a in self.actions]

    def to_list(self) -> list[dict]:
        return [{"kind": a.kind, "args": dict(a.args)} for a in self.actions]

    @classmethod
    def from_list(cls, items: list[dict], field: str = "log") -> ActionLog:
        """A log read from a file, every entry checked (kinds, argument names,
        types and ranges); raises checks.Invalid naming the first bad field."""
        shared = _SharedData()
        items = checks.list_of(lambda v, f: _entry(v, f, shared), MAX_ACTIONS)(items, field)
        if not items or items[0]["kind"] != "setup":
            raise checks.Invalid(field, "must start with a 'setup' entry")
        full_batch = True
        for i, item in enumerate(items):
            if item["kind"] == "setup":
                full_batch = item["args"]["config"]["batch_size"] == 0
            elif item["args"].get("new_batch") and full_batch:
                # The replay would draw from a loader that a full batch never has.
                raise checks.Invalid(
                    f"{field}[{i}].args.new_batch",
                    "must be false: the experiment set up before it uses the full batch",
                )
        log = cls()
        log.actions = [Action(item["kind"], item["args"]) for item in items]
        return log


def data_rows(actions: list[Action]) -> int:
    """Rows of the distinct data sets the setups hold (a shared one counts once)."""
    seen = {}
    for action in actions:
        if action.kind == "setup" and "data" in action.args["config"]:
            x = action.args["config"]["data"]["x"]
            seen[id(x)] = len(x)
    return sum(seen.values())


# ------------------------------------------------------------ what a log holds
class _SharedData:
    """The data sets of one log being read: each distinct one (by identity in
    the file: a data set saved from many setups is one object there) is checked
    once, and their rows in all are bounded."""

    def __init__(self):
        self.checked = {}  # (id(x), id(y)) -> (DataPoints, the raw dict, kept alive)
        self.rows = 0

    def config(self, value, field) -> dict:
        raw = value.get("data") if isinstance(value, dict) else None
        key = (id(raw.get("x")), id(raw.get("y"))) if isinstance(raw, dict) else None
        if key in self.checked:
            value = {**value, "data": self.checked[key][0]}
        config = _config(value, field)
        if key is not None and key not in self.checked:
            self.checked[key] = (config.data, raw)
            self.rows += len(config.data)
            if self.rows > MAX_LOG_DATA_ROWS:
                raise checks.Invalid(
                    f"{field}.data",
                    f"makes the log's data sets hold more than {MAX_LOG_DATA_ROWS:,} rows in all",
                )
        return config.to_dict()


def _config(value, field) -> ExperimentConfig:
    try:
        return ExperimentConfig.from_dict(value)
    except ConfigError as exc:
        where = f"{field}.{exc.field}" if exc.field else field
        raise checks.Invalid(where, str(exc)) from None
    except (TypeError, ValueError, OverflowError) as exc:
        raise checks.Invalid(field, str(exc)) from None


def _param_values(value, field) -> dict:
    """{"weight": 1.5, "0.bias": -2.0 ...}: parameter names and finite numbers."""
    name = checks.text(32, r"(\d{1,3}\.)?(weight|bias)")
    number = checks.real()
    if type(value) is not dict or len(value) > 16:
        raise checks.Invalid(field, "must be a dict of parameter names and numbers")
    return {name(k, f"{field} key"): number(v, f"{field}.{k}") for k, v in value.items()}


_PHASE = checks.one_of(*PHASE_NAMES)
_NEW_BATCH = ("new_batch",)
# kind -> its arguments; what session.py records (log.add) and codegen replays.
# ("setup" is checked with the log's _SharedData: see _entry.)
ARGUMENTS: dict[str, checks.Checker] = {
    "phase": checks.record({"phase": _PHASE, "new_batch": checks.boolean}, _NEW_BATCH),
    "refused": checks.record(
        {
            "phase": _PHASE,
            "code": checks.text(64, r"[a-z_]{1,30}\.[a-z_]{1,30}"),  # TeachingError.code
            "new_batch": checks.boolean,
        },
        _NEW_BATCH,
    ),
    "updates": checks.record({"n": checks.integer(1), "skip_zero_grad": checks.boolean}),
    "lr": checks.record({"lr": checks.real(0.0, MAX_LR, low_open=True)}),
    "skip": checks.record({"on": checks.boolean}),
    "params": checks.record({"values": _param_values}),
    "loaded": checks.record(
        {"path": checks.text(MAX_PATH), "step": checks.integer(0)}, ("path", "step")
    ),
    "stepped_back": checks.record({"to": checks.integer(0)}),
}


# One entry's shape; its arguments are checked by kind (built once: a log holds
# up to MAX_ACTIONS entries).
_ENTRY = checks.record({"kind": checks.one_of("setup", *ARGUMENTS), "args": checks.anything})


def _entry(value, field, shared: _SharedData) -> dict:
    item = _ENTRY(value, field)
    if item["kind"] == "setup":
        args = checks.record({"config": shared.config})(item["args"], f"{field}.args")
    else:
        args = ARGUMENTS[item["kind"]](item["args"], f"{field}.args")
    return {"kind": item["kind"], "args": args}
