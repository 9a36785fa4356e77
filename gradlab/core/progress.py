"""The student's progress: challenges passed and tried, and predictions made in
each lesson. Kept as a small JSON file in GradLab's data folder, checked field
by field when read (a file that fails is set aside by the GUI, never used in
part), written atomically.

    {"format": "gradlab-progress", "version": 1, "student": "",
     "challenges": {"builtin/lr-fast": {"title": "…", "passed": true, "tries": 2,
                    "first_passed": "2025-03-04T10:11:12", "last_try": "…"}},
     "predictions": {"11-step": [{"when": "…", "call": "backward",
                     "optimizer": "sgd", "items": [{"symbol": "w.grad", "guess": -3.5,
                     "truth": -3.512, "grade": "right", "reason": ""}]}]}}

`results_csv` writes what a teacher collects: one row per challenge tried and
per lesson with predictions (see the README, "Results for the teacher").
"""

from __future__ import annotations

import csv
import io
import os
import time
from dataclasses import dataclass, field

from gradlab.core import checks
from gradlab.core.checks import Invalid, one_line
from gradlab.core.predict import GRADES, REASONS

FORMAT = "gradlab-progress"
VERSION = 1
MAX_BYTES = 4 * 1024 * 1024
MAX_CHALLENGES = 1000
MAX_LESSONS = 200
MAX_PREDICTIONS = 200  # per lesson: the newest are kept
MAX_NAME = 80
MAX_TITLE = 120  # as an exercise's title
TIME_PATTERN = r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}"
KEY_PATTERN = r"(?:builtin|file)/[a-z0-9][a-z0-9-]{0,39}"
SLUG_PATTERN = r"[a-z0-9][a-z0-9-]{0,59}"
SYMBOLS = ("w.grad", "b.grad", "w", "b")
CALLS = ("backward", "step")


def now() -> str:
    """The local time, to the second, as the file stores it."""
    return time.strftime("%Y-%m-%dT%H:%M:%S")


@dataclass
class Progress:
    student: str = ""
    challenges: dict[str, dict] = field(default_factory=dict)
    predictions: dict[str, list[dict]] = field(default_factory=dict)

    # ---------------------------------------------------------- changes
    def record_try(self, key: str, title: str, passed: bool, when: str | None = None) -> bool:
        """One attempt at a challenge; True when it is the first pass."""
        when = when or now()
        entry = self.challenges.setdefault(
            key, {"title": "", "passed": False, "tries": 0, "first_passed": None, "last_try": when}
        )
        entry["title"] = one_line(title, MAX_TITLE)
        entry["tries"] = min(entry["tries"] + 1, checks.MAX_INT)
        entry["last_try"] = when
        first = passed and not entry["passed"]
        if first:
            entry["passed"] = True
            entry["first_passed"] = when
        if len(self.challenges) > MAX_CHALLENGES:  # the oldest tried go first
            oldest = min(self.challenges, key=lambda k: self.challenges[k]["last_try"])
            del self.challenges[oldest]
        return first

    def record_prediction(self, lesson: str, record: dict) -> bool:
        """Keep one judged prediction. False, keeping nothing, for one the file
        could not hold: a guess judged against a diverged run's inf or nan."""
        try:
            _PREDICTION(record, "prediction")
        except Invalid:
            return False
        records = self.predictions.setdefault(lesson, [])
        records.append(record)
        del records[:-MAX_PREDICTIONS]
        if len(self.predictions) > MAX_LESSONS:
            oldest = min(self.predictions, key=lambda k: self.predictions[k][-1]["when"])
            del self.predictions[oldest]
        return True

    def set_student(self, name: str) -> bool:
        """The student's name as the file keeps it; True when it changed."""
        name = student_name(name)
        changed = name != self.student
        self.student = name
        return changed

    # ---------------------------------------------------------- reading
    def passed(self, key: str) -> bool:
        return bool(self.challenges.get(key, {}).get("passed"))

    def tally(self, lesson: str) -> tuple[int, int]:
        """(guesses right, guesses made) in a lesson."""
        items = [item for record in self.predictions.get(lesson, ()) for item in record["items"]]
        return sum(item["grade"] == "right" for item in items), len(items)

    def to_dict(self) -> dict:
        return {
            "format": FORMAT,
            "version": VERSION,
            "student": self.student,
            "challenges": self.challenges,
            "predictions": self.predictions,
        }


# ------------------------------------------------------------------ checking
_TIME = checks.text(19, TIME_PATTERN)
_CHALLENGE = checks.record(
    {
        "title": checks.text(MAX_TITLE + 1),  # one_line may add "…"
        "passed": checks.boolean,
        "tries": checks.integer(0),
        "first_passed": checks.optional(_TIME),
        "last_try": _TIME,
    }
)
_ITEM = checks.record(
    {
        "symbol": checks.one_of(*SYMBOLS),
        "guess": checks.real(),
        "truth": checks.real(),
        "grade": checks.one_of(*GRADES),
        "reason": checks.text(20, "|" + "|".join(REASONS)),
    }
)
_PREDICTION = checks.record(
    {
        "when": _TIME,
        "call": checks.one_of(*CALLS),
        "optimizer": checks.text(20, "[a-z]{1,20}"),
        "items": checks.list_of(_ITEM, len(SYMBOLS)),
    }
)


def _keyed(value, field: str, pattern: str, item, limit: int) -> dict:
    if not isinstance(value, dict):
        raise Invalid(field, f"must be an object; got {checks.shown(value)}")
    if len(value) > limit:
        raise Invalid(field, f"has {len(value):,} entries; at most {limit:,} are allowed")
    name = checks.text(100, pattern)
    return {name(k, field): item(v, f"{field}.{k}") for k, v in value.items()}


def check_progress(raw) -> Progress:
    """A Progress from a parsed JSON value; raises checks.Invalid naming the field."""
    if not isinstance(raw, dict):
        raise Invalid("", "the file must hold one JSON object")
    d = checks.record(
        {
            "format": checks.exactly(FORMAT),
            "version": checks.exactly(VERSION),
            "student": checks.text(MAX_NAME),
            "challenges": lambda v, f: _keyed(v, f, KEY_PATTERN, _CHALLENGE, MAX_CHALLENGES),
            "predictions": lambda v, f: _keyed(
                v, f, SLUG_PATTERN, checks.list_of(_PREDICTION, MAX_PREDICTIONS), MAX_LESSONS
            ),
        }
    )(raw, "")
    for key, entry in d["challenges"].items():
        if entry["passed"] != (entry["first_passed"] is not None):
            raise Invalid(f"challenges.{key}.first_passed", "must be given exactly when passed")
    return Progress(student_name(d["student"]), d["challenges"], d["predictions"])


def student_name(name: str) -> str:
    """One printable line of at most MAX_NAME characters, the same after a second
    pass: what the file keeps, so what it keeps always reads back."""
    return one_line(str(name).strip())[:MAX_NAME]


def load_progress(path: str | os.PathLike) -> Progress:
    """The progress saved at `path`; an empty Progress when there is no file.
    Raises ValueError (one line, naming the field) for a file that fails."""
    from gradlab.core.jsondata import JsonError, read_json

    if not os.path.lexists(path):
        return Progress()
    try:
        return check_progress(read_json(path, MAX_BYTES))
    except (JsonError, Invalid) as exc:
        raise ValueError(one_line(str(exc), 300)) from None


def save_progress(path: str | os.PathLike, progress: Progress) -> None:
    """Write atomically; raises OSError."""
    import json

    from gradlab.core.fileio import atomic_write_text

    atomic_write_text(path, json.dumps(progress.to_dict(), ensure_ascii=False, indent=1) + "\n")


# ------------------------------------------------------------------ results
RESULT_COLUMNS = ("student", "kind", "item", "title", "result", "right", "tries", "when")


def results_rows(progress: Progress, lesson_titles: dict[str, str]) -> list[dict]:
    """One row per challenge tried and per lesson with predictions."""
    rows = []
    for key, entry in sorted(progress.challenges.items()):
        rows.append(
            {
                "kind": "challenge",
                "item": key,
                "title": entry["title"],
                "result": "passed" if entry["passed"] else "not passed",
                "right": 1 if entry["passed"] else 0,
                "tries": entry["tries"],
                "when": entry["first_passed"] or entry["last_try"],
            }
        )
    for slug, records in sorted(progress.predictions.items()):
        right, made = progress.tally(slug)
        rows.append(
            {
                "kind": "predictions",
                "item": slug,
                "title": lesson_titles.get(slug, slug),
                "result": f"{right} of {made} right",
                "right": right,
                "tries": made,
                "when": records[-1]["when"],
            }
        )
    return rows


def results_csv(progress: Progress, lesson_titles: dict[str, str]) -> str:
    """The results as CSV text: a header, then the rows of results_rows, each
    with the student's name. Every text cell is one line, and a cell a
    spreadsheet would take for a formula (=, +, -, @) starts with a '."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(RESULT_COLUMNS)
    for row in results_rows(progress, lesson_titles):
        row = {"student": progress.student, **row}
        writer.writerow([_cell(row[name]) for name in RESULT_COLUMNS])
    return out.getvalue()


def _cell(value) -> str:
    if isinstance(value, int):
        return str(value)
    text = one_line(value, 200)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
