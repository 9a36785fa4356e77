"""Exercise files: a task a teacher writes as data (JSON), checked field by field.

An exercise sets up an experiment (settings, data, the mistake mode), says what
to do in one or both languages, and names a goal from a fixed set of kinds that
GradLab checks against the student's own session (core/goals.py). The README
("Exercise files") documents the format with an example; the built-in
challenges are files of this format too (gradlab/assets/exercises/).

Nothing in a file is ever run: texts are shown as plain text, names are looked
up in fixed tables, a CSV is read as numbers. Every refusal is an
ExerciseError: one line naming the field (`goal.loss`, `data.x[3]`,
`title.zh_CN`) and what is allowed; nothing else escapes for any content.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from gradlab.core import checks
from gradlab.core.checks import Invalid, one_line, shown
from gradlab.core.config import (
    GENERATED_ONLY,
    OPTIMIZERS,
    SPEC_BY_NAME,
    SPECS,
    ConfigError,
    ExperimentConfig,
    parse_value,
)
from gradlab.core.datapoints import MAX_ROWS, DataError, DataPoints
from gradlab.core.lr_limits import LIMIT_EXACT, limit_kind

FORMAT = "gradlab-exercise"
VERSION = 1
MAX_BYTES = 2 * 1024 * 1024  # 10,000 inline points take well under 1 MB
LANGUAGES = ("en", "zh_CN")
GOAL_KINDS = ("loss_below", "stable_lr", "first_to_loss", "choice")
# What a student may be allowed to change: any setting, and the data.
FREE_NAMES = (*(spec.name for spec in SPECS), "data")
MAX_TITLE = 120
MAX_TEXT = 4000
MAX_CHOICE = 400
MAX_CHOICES = 6
MAX_LOSS = 1e12
MAX_UPDATES = 1_000_000
_ID = r"[a-z0-9][a-z0-9-]{0,39}"
_CSV_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}\.(?:csv|txt)", re.IGNORECASE)
_KEYS = (
    "format",
    "version",
    "id",
    "title",
    "text",
    "experiment",
    "mistake_mode",
    "data",
    "free",
    "goal",
)
_REQUIRED = ("format", "version", "id", "title", "text", "goal")
# Full-batch SGD on MSE with the linear model: the only place a sharp lr limit holds.


class ExerciseError(ValueError):
    """A refused exercise file. `field` is the bad entry's path ("" for the file
    as a whole); the message is one line that starts with it."""

    def __init__(self, field: str, message: str, code: str = "exercise.invalid"):
        super().__init__(one_line(f"{field}: {message}" if field else message, 400))
        self.field = field
        self.code = code


@dataclass(frozen=True)
class Text:
    """A text in one or both languages (None where the file gives none)."""

    en: str | None = None
    zh_CN: str | None = None

    def get(self, language: str) -> str:
        """The text in `language`, else in the other one."""
        mine = self.zh_CN if language == "zh_CN" else self.en
        return mine if mine is not None else (self.en if self.en is not None else self.zh_CN)

    def has(self, language: str) -> bool:
        return (self.zh_CN if language == "zh_CN" else self.en) is not None


@dataclass(frozen=True)
class Choice:
    text: Text
    why: Text | None  # shown when this (wrong) choice is picked


@dataclass(frozen=True)
class Goal:
    """What the student must achieve; which fields count depends on `kind`."""

    kind: str
    loss: float | None = None  # loss_below, first_to_loss: the loss to get below
    within_updates: int | None = None  # loss_below: by this update at the latest
    own_data: bool = False  # loss_below: on data the student drew or imported
    min_points: int = 1  # loss_below with own_data: at least this many points
    within: float = 0.05  # stable_lr: at most this fraction below the limit
    updates: int = 100  # stable_lr: updates to run at the chosen lr
    winner: str = ""  # first_to_loss: the optimizer that must get there first
    loser: str = ""
    choices: tuple[Choice, ...] = ()  # choice
    answer: int = 0  # choice: the right one, counting from 1
    after_updates: int = 0  # choice: updates to run before answering


@dataclass(frozen=True)
class Exercise:
    id: str
    source: str  # "builtin" or "file"
    path: str  # the file it was read from
    title: Text
    text: Text
    config: ExperimentConfig  # the experiment it sets up, with its data if it gives some
    mistake_mode: bool  # zero_grad() left out
    free: tuple[str, ...]  # what the student may change (setting names, "data")
    goal: Goal
    data_origin: str = ""  # "", "inline", "csv:NAME" or "example:NAME"

    @property
    def key(self) -> str:
        """Where its progress is kept: built-in and teachers' exercises apart."""
        return f"{self.source}/{self.id}"


# ------------------------------------------------------------------ reading
def load_exercise(path: str | os.PathLike, source: str = "file") -> Exercise:
    """Read and check an exercise file; a CSV it names is read from its folder.
    Raises ExerciseError, and only ExerciseError."""
    from gradlab.core.jsondata import JsonError, read_json

    try:
        raw = read_json(path, MAX_BYTES)
    except JsonError as exc:
        raise ExerciseError("", str(exc), "exercise." + exc.code) from None
    return from_value(raw, Path(path).parent, source, str(path))


def parse_exercise(
    content: bytes, folder: str | os.PathLike | None = None, source: str = "file", path: str = ""
) -> Exercise:
    """Check the bytes of an exercise file (its CSV, if any, read from `folder`)."""
    from gradlab.core.jsondata import JsonError, parse_json

    if len(content) > MAX_BYTES:
        raise ExerciseError(
            "", f"the file is larger than {MAX_BYTES:,} bytes", "exercise.too_large"
        )
    try:
        raw = parse_json(content)
    except JsonError as exc:
        raise ExerciseError("", str(exc), "exercise." + exc.code) from None
    return from_value(raw, None if folder is None else Path(folder), source, path)


def from_value(raw, folder: Path | None, source: str = "file", path: str = "") -> Exercise:
    """An Exercise from a parsed JSON value. Raises ExerciseError only."""
    try:
        return _exercise(raw, folder, source, path)
    except ExerciseError:
        raise
    except Invalid as exc:
        raise ExerciseError(exc.field, exc.message) from None
    except Exception as exc:  # noqa: BLE001 - the last net: never another error
        raise ExerciseError("", f"the file cannot be read ({type(exc).__name__})") from None


def _exercise(raw, folder: Path | None, source: str, path: str) -> Exercise:
    if not isinstance(raw, dict):
        raise Invalid("", f"the file must hold one JSON object {{...}}; it holds {_kind(raw)}")
    if raw.get("format") != FORMAT:
        raise Invalid(
            "format", f"must be {FORMAT!r} (this is not a GradLab exercise file); got "
            f"{shown(raw.get('format'))}"
        )  # fmt: skip
    version = raw.get("version")
    if type(version) is int and version > VERSION:
        raise Invalid("version", f"is {version}: made for a newer GradLab, which reads it")
    checks.exactly(VERSION)(version, "version")
    unknown = [k for k in raw if k not in _KEYS]
    if unknown:
        raise Invalid(unknown_field(unknown[0]), f"is not an entry of an exercise; allowed: "
                      f"{', '.join(_KEYS)}")  # fmt: skip
    missing = [k for k in _REQUIRED if k not in raw]
    if missing:
        raise Invalid(missing[0], "is missing: every exercise needs " + ", ".join(_REQUIRED))
    exercise_id = checks.text(40, _ID)(raw["id"], "id")
    title = _text(raw["title"], "title", MAX_TITLE, multiline=False)
    text = _text(raw["text"], "text", MAX_TEXT, multiline=True)
    data, origin = (None, "") if raw.get("data") is None else _data(raw["data"], folder)
    config = _experiment(raw.get("experiment", {}), data)
    mistake_mode = checks.boolean(raw.get("mistake_mode", False), "mistake_mode")
    free = _free(raw.get("free", []))
    goal = _goal(raw["goal"], config, free)
    return Exercise(
        exercise_id, source, path, title, text, config, mistake_mode, free, goal, origin
    )


def unknown_field(key) -> str:
    """A field path for an unknown key, safe to show (any text may be a key)."""
    return one_line(key, 40) if isinstance(key, str) and key else shown(key)


def _kind(value) -> str:
    names = {list: "a list", str: "a text", bool: "true or false", type(None): "null"}
    return names.get(type(value), "a number")


# ----------------------------------------------------------------- texts
def _text(value, field: str, limit: int, multiline: bool) -> Text:
    if not isinstance(value, dict) or not value:
        raise Invalid(field, 'must be an object of texts by language, such as {"en": "…", '
                      f'"zh_CN": "…"}}; got {shown(value)}')  # fmt: skip
    texts = {}
    for key, item in value.items():
        if key not in LANGUAGES:
            raise Invalid(
                f"{field}.{unknown_field(key)}",
                f"is not a language GradLab has; use {' or '.join(LANGUAGES)}",
            )
        texts[key] = _one_text(item, f"{field}.{key}", limit, multiline)
    return Text(**texts)


def _one_text(value, field: str, limit: int, multiline: bool) -> str:
    what = "text" if multiline else "line"
    if type(value) is not str or not value.strip() or len(value) > limit:
        raise Invalid(field, f"must be a {what} of 1 to {limit:,} characters; got {shown(value)}")
    for index, ch in enumerate(value):
        allowed = multiline and ch in "\n\t"
        if not allowed and checks.breaks_a_line(ch):
            raise Invalid(
                field,
                f"holds the control character {ch!r} at position {index + 1}"
                + ("; only line breaks and tabs are allowed" if multiline else ""),
            )
    return value.strip()


# ------------------------------------------------------------------ data
def _data(value, folder: Path | None) -> tuple[DataPoints, str]:
    if not isinstance(value, dict) or set(value) not in ({"x", "y"}, {"csv"}, {"example"}):
        raise Invalid("data", 'must be {"x": [...], "y": [...]}, {"csv": "FILE.csv"} (a file '
                      f'next to the exercise) or {{"example": "NAME"}}; got {shown(value)}')  # fmt: skip
    if "example" in value:
        from gradlab.core import example_data

        name = value["example"]
        if not (isinstance(name, str) and name in example_data.EXAMPLES):
            raise Invalid("data.example", f"must be one of {', '.join(example_data.EXAMPLES)}; "
                          f"got {shown(name)}")  # fmt: skip
        return example_data.load(name).points, f"example:{name}"
    if "csv" in value:
        return _csv(value["csv"], folder), f"csv:{value['csv']}"
    try:
        return DataPoints(value["x"], value["y"]), "inline"
    except DataError as exc:
        field = f"data.{exc.field}" if exc.field else "data"
        message = str(exc).removeprefix(field).strip()
        raise Invalid(field, message) from None


def _csv(name, folder: Path | None) -> DataPoints:
    from gradlab.core.csvdata import CsvError, read_csv

    if not (isinstance(name, str) and _CSV_NAME.fullmatch(name)):
        raise Invalid("data.csv", "must be the name of a .csv file in the exercise's folder "
                      f"(no folders in it); got {shown(name)}")  # fmt: skip
    if folder is None:  # a built-in exercise: its CSV is shipped beside it
        with resources.as_file(_builtin_folder().joinpath(name)) as path:
            return _read_csv_field(path, name, read_csv, CsvError)
    return _read_csv_field(folder / name, name, read_csv, CsvError)


def _read_csv_field(path, name, read_csv, csv_error) -> DataPoints:
    try:
        return read_csv(path).points
    except csv_error as exc:
        raise Invalid("data.csv", f"{one_line(name)}: {exc}") from None


# ------------------------------------------------------------ experiment
def _experiment(value, data: DataPoints | None) -> ExperimentConfig:
    if not isinstance(value, dict):
        raise Invalid("experiment", f"must be an object of settings; got {shown(value)}")
    clean = {}
    for key, item in value.items():
        if key not in SPEC_BY_NAME:
            raise Invalid(
                f"experiment.{unknown_field(key)}",
                f"is not a setting; allowed: {', '.join(SPEC_BY_NAME)}",
            )
        spec = SPEC_BY_NAME[key]
        field = f"experiment.{key}"
        typed = (
            (spec.kind is str and type(item) is str)
            or (spec.kind is int and type(item) is int)
            or (spec.kind is float and type(item) in (int, float))
        )
        try:
            if not typed:
                raise ConfigError(key, "type", "")
            clean[key] = parse_value(key, item)
        except ConfigError:
            raise Invalid(field, f"must be {spec.allowed()}; got {shown(item)}") from None
        if data is not None and key in GENERATED_ONLY:
            raise Invalid(field, "does not apply when the exercise gives data (they are given, "
                          "not generated): leave it out")  # fmt: skip
    try:
        return ExperimentConfig(**clean, data=data)
    except ConfigError as exc:
        name = exc.field or exc.code.split(".")[0]
        if exc.code == "batch_size.too_large":
            message = (
                f"must be 0 (full batch) or at most the number of samples "
                f"({data_count(clean, data):,}); got {clean['batch_size']}"
            )
        elif exc.code == "momentum.nesterov_zero":
            message = "must be > 0 and < 1 for the nesterov optimizer; got 0"
        else:
            message = str(exc)
        raise Invalid(f"experiment.{name}", message) from None


def data_count(clean: dict, data: DataPoints | None) -> int:
    return len(data) if data is not None else clean.get("samples", ExperimentConfig().samples)


def _free(value) -> tuple[str, ...]:
    names = checks.list_of(checks.one_of(*FREE_NAMES), len(FREE_NAMES))(value, "free")
    for i, name in enumerate(names):
        if name in names[:i]:
            raise Invalid(f"free[{i}]", f"names {name} twice")
    return tuple(names)


# ------------------------------------------------------------------ goals
def _goal(value, config: ExperimentConfig, free: tuple[str, ...]) -> Goal:
    if not isinstance(value, dict):
        raise Invalid("goal", f"must be an object with a kind; got {shown(value)}")
    kind = checks.one_of(*GOAL_KINDS)(value.get("kind"), "goal.kind")
    return _GOALS[kind](value, config, free)


def _loss_below(value, config, free) -> Goal:
    g = checks.record(
        {
            "kind": checks.exactly("loss_below"),
            "loss": checks.real(0.0, MAX_LOSS, low_open=True),
            "within_updates": checks.integer(1, MAX_UPDATES),
            "own_data": checks.boolean,
            "min_points": checks.integer(1, MAX_ROWS),
        },
        optional_keys=("within_updates", "own_data", "min_points"),
        name="an object",
    )(value, "goal")
    own = g.get("own_data", False)
    if "min_points" in g and not own:
        raise Invalid("goal.min_points", "counts only with own_data true (the student's points)")
    if own and "data" not in free:
        raise Invalid("free", "must include data: with goal.own_data the student brings the data")
    return Goal(
        "loss_below",
        loss=g["loss"],
        within_updates=g.get("within_updates"),
        own_data=own,
        min_points=g.get("min_points", 1),
    )


def _stable_lr(value, config, free) -> Goal:
    g = checks.record(
        {
            "kind": checks.exactly("stable_lr"),
            "within": checks.real(0.0, 0.5, low_open=True),
            "updates": checks.integer(10, 100_000),
        },
        optional_keys=("within", "updates"),
        name="an object",
    )(value, "goal")
    if limit_kind(config)[0] != LIMIT_EXACT:
        raise Invalid(
            "goal.kind",
            "stable_lr needs the linear model, the mse loss, full batches (batch_size 0) and "
            "the optimizer sgd, momentum or nesterov: only there is the largest stable lr sharp",
        )
    if "lr" not in free:
        raise Invalid("free", "must include lr: with stable_lr the student chooses the lr")
    return Goal("stable_lr", within=g.get("within", 0.05), updates=g.get("updates", 100))


def _first_to_loss(value, config, free) -> Goal:
    g = checks.record(
        {
            "kind": checks.exactly("first_to_loss"),
            "loss": checks.real(0.0, MAX_LOSS, low_open=True),
            "winner": checks.one_of(*OPTIMIZERS),
            "loser": checks.one_of(*OPTIMIZERS),
        },
        name="an object",
    )(value, "goal")
    if g["winner"] == g["loser"]:
        raise Invalid("goal.loser", f"must differ from goal.winner ({g['winner']})")
    return Goal("first_to_loss", loss=g["loss"], winner=g["winner"], loser=g["loser"])


def _choice(value, config, free) -> Goal:
    g = checks.record(
        {
            "kind": checks.exactly("choice"),
            "choices": checks.anything,
            "answer": checks.anything,
            "after_updates": checks.integer(0, 100_000),
        },
        optional_keys=("after_updates",),
        name="an object",
    )(value, "goal")
    raw = g["choices"]
    if type(raw) is not list or not 2 <= len(raw) <= MAX_CHOICES:
        raise Invalid("goal.choices", f"must be a list of 2 to {MAX_CHOICES} choices; got "
                      f"{shown(raw)}")  # fmt: skip
    choices = []
    for i, item in enumerate(raw):
        field = f"goal.choices[{i}]"
        c = checks.record(
            {"text": checks.anything, "why": checks.anything},
            optional_keys=("why",),
            name="an object",
        )(item, field)
        text = _text(c["text"], f"{field}.text", MAX_CHOICE, multiline=False)
        why = None if "why" not in c else _text(c["why"], f"{field}.why", MAX_TEXT, True)
        choices.append(Choice(text, why))
    answer = checks.integer(1, len(choices))(g["answer"], "goal.answer")
    return Goal(
        "choice", choices=tuple(choices), answer=answer, after_updates=g.get("after_updates", 0)
    )


_GOALS = {
    "loss_below": _loss_below,
    "stable_lr": _stable_lr,
    "first_to_loss": _first_to_loss,
    "choice": _choice,
}


# -------------------------------------------------------------- built-ins
def _builtin_folder():
    return resources.files("gradlab").joinpath("assets", "exercises")


@functools.cache
def builtin_exercises() -> tuple[Exercise, ...]:
    """The challenges GradLab ships, in the order of their file names
    (gradlab/assets/exercises/NN-ID.json): exercise files like any teacher's."""
    found = []
    for entry in sorted(_builtin_folder().iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json") and entry.is_file():
            exercise = parse_exercise(entry.read_bytes(), None, "builtin", entry.name)
            found.append(exercise)
    return tuple(found)


def builtin(exercise_id: str) -> Exercise | None:
    """A built-in challenge by its id (a lesson's `gradlab:challenge/ID` link)."""
    return next((e for e in builtin_exercises() if e.id == exercise_id), None)
