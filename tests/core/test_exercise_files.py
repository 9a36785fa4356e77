"""Exercise files (issue 17 item 8): the README's example and every built-in
challenge load; hostile files are refused with one line naming the field
(hypothesis over random JSON, mutated exercises and random bytes)."""

import copy
import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gradlab.core import exercise, lessons
from gradlab.core.config import ExperimentConfig
from gradlab.core.csvdata import read_csv
from gradlab.core.datapoints import DataPoints
from gradlab.core.exercise import ExerciseError, builtin_exercises, load_exercise, parse_exercise

ROOT = Path(__file__).resolve().parents[2]
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

VALID = {
    "format": "gradlab-exercise",
    "version": 1,
    "id": "line-fit",
    "title": {"en": "Fit the line", "zh_CN": "拟合直线"},
    "text": {"en": "Train until the loss is below 0.01.\nChange only lr.", "zh_CN": "训练。"},
    "experiment": {"lr": 0.05, "optimizer": "sgd", "seed": 3},
    "mistake_mode": False,
    "data": {"x": [0, 1, 2, 3], "y": [1, 3, 5, 7.5]},
    "free": ["lr"],
    "goal": {"kind": "loss_below", "loss": 0.01, "within_updates": 200},
}


def parse(value) -> exercise.Exercise:
    """An exercise from a JSON value (or from JSON text as it is)."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return parse_exercise(text.encode("utf-8"))


def refused(value) -> ExerciseError:
    with pytest.raises(ExerciseError) as info:
        parse(value)
    return info.value


def readme_example() -> dict:
    """The exercise file the README shows (its first ```json block)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Exercise files", 1)[1]
    block = re.search(r"```json\n(.*?)```", section, re.S)
    assert block, "the README shows an exercise file"
    return json.loads(block.group(1))


# ------------------------------------------------------------------- loading
def test_a_valid_file_gives_its_experiment_data_texts_and_goal():
    e = parse(VALID)
    assert e.id == "line-fit" and e.key == "file/line-fit"
    assert e.config == ExperimentConfig(
        lr=0.05, seed=3, data=DataPoints((0, 1, 2, 3), (1, 3, 5, 7.5))
    )
    assert e.config.samples == 4 and e.data_origin == "inline"
    assert e.title.get("zh_CN") == "拟合直线" and e.text.get("en").endswith("Change only lr.")
    assert e.goal.kind == "loss_below" and e.goal.loss == 0.01 and e.goal.within_updates == 200
    assert e.free == ("lr",) and e.mistake_mode is False
    only_en = parse({**VALID, "title": {"en": "Fit"}})
    assert only_en.title.get("zh_CN") == "Fit"  # the other language stands in


def test_the_readme_example_loads_with_the_csv_beside_it(tmp_path):
    example = readme_example()
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "spring.csv").write_bytes((ROOT / "gradlab/assets/data/spring.csv").read_bytes())
    path = folder / "exercise.json"
    path.write_text(json.dumps(example), encoding="utf-8")
    e = load_exercise(path)
    assert e.config.data == read_csv(folder / "spring.csv").points
    assert e.data_origin == "csv:spring.csv"
    # Without its CSV it is refused, naming the field and the file.
    (folder / "spring.csv").unlink()
    with pytest.raises(ExerciseError) as info:
        load_exercise(path)
    assert info.value.field == "data.csv" and "spring.csv" in str(info.value)


def test_every_built_in_challenge_is_an_exercise_file_in_both_languages():
    found = builtin_exercises()
    assert [e.id for e in found] == [
        "lr-fast",
        "lr-limit",
        "momentum-beats-sgd",
        "explain-skip-zero-grad",
        "fit-your-drawing",
    ]
    kinds = {e.goal.kind for e in found}
    assert kinds == set(exercise.GOAL_KINDS)
    for e in found:
        assert e.source == "builtin" and e.key == f"builtin/{e.id}"
        for text in (e.title, e.text, *(c.text for c in e.goal.choices)):
            assert text.has("en") and text.has("zh_CN"), e.id
    assert exercise.builtin("lr-limit").config.data is not None  # the spring data
    assert exercise.builtin("nope") is None


def test_the_lessons_link_every_challenge_in_both_languages():
    ids = {e.id for e in builtin_exercises()}
    linked = {"en": set(), "zh_CN": set()}
    for lang in linked:
        for info in lessons.list_lessons(lang):
            linked[lang].update(lessons.challenge_links(lessons.load_lesson(info.slug, lang)))
    assert linked["en"] == linked["zh_CN"] == ids


# ------------------------------------------------------------------ refusals
CASES = [
    ([], "", "one JSON object"),
    ({**VALID, "format": "gradlab-session"}, "format", "not a GradLab exercise file"),
    ({**VALID, "version": 2}, "version", "newer GradLab"),
    ({**VALID, "version": True}, "version", "must be 1"),
    ({**VALID, "script": "import os"}, "script", "allowed: format"),
    ({k: v for k, v in VALID.items() if k != "goal"}, "goal", "missing"),
    ({**VALID, "id": "../../etc"}, "id", "not a valid value"),
    ({**VALID, "title": "Fit"}, "title", "texts by language"),
    ({**VALID, "title": {"fr": "x"}}, "title.fr", "not a language"),
    ({**VALID, "title": {"en": "two\nlines"}}, "title.en", "control character"),
    ({**VALID, "text": {"en": "a\u202eb"}}, "text.en", "control character"),
    ({**VALID, "text": {"en": "x" * 4001}}, "text.en", "1 to 4,000 characters"),
    ({**VALID, "experiment": {"lr": "0.1"}}, "experiment.lr", "finite number > 0"),
    (  # too large for a float: read as inf, then refused by the field's check
        json.dumps({**VALID, "experiment": {"lr": 0.1}}).replace('"lr": 0.1', '"lr": 1e999'),
        "experiment.lr",
        "finite number",
    ),
    ({**VALID, "experiment": {"lr": 0}}, "experiment.lr", "> 0"),
    ({**VALID, "experiment": {"optimizer": "lbfgs"}}, "experiment.optimizer", "one of sgd"),
    ({**VALID, "experiment": {"seed": 1.5}}, "experiment.seed", "integer"),
    ({**VALID, "experiment": {"eval": 1}}, "experiment.eval", "not a setting"),
    ({**VALID, "experiment": {"batch_size": 9}}, "experiment.batch_size", "number of samples (4)"),
    ({**VALID, "experiment": {"samples": 10}}, "experiment.samples", "leave it out"),
    (
        {**VALID, "experiment": {"optimizer": "nesterov", "momentum": 0}},
        "experiment.momentum",
        "nesterov",
    ),
    ({**VALID, "data": {"x": [1, "2"], "y": [1, 2]}}, "data.x[1]", "finite number"),
    ({**VALID, "data": {"x": [1, 2], "y": [1]}}, "data.y", "equally long"),
    ({**VALID, "data": {"x": [True], "y": [1]}}, "data.x[0]", "finite number"),
    ({**VALID, "data": {"x": [1e300], "y": [1]}}, "data.x[0]", "1e15"),
    ({**VALID, "data": {"csv": "../secret.csv"}}, "data.csv", "no folders"),
    ({**VALID, "data": {"csv": "/etc/passwd"}}, "data.csv", "no folders"),
    ({**VALID, "data": {"example": "secrets"}}, "data.example", "celsius, spring"),
    ({**VALID, "data": {"csv": "a.csv", "x": [1]}}, "data", "must be"),
    ({**VALID, "mistake_mode": "yes"}, "mistake_mode", "true or false"),
    ({**VALID, "free": ["lr", "lr"]}, "free[1]", "twice"),
    ({**VALID, "free": ["weights"]}, "free[0]", "one of samples"),
    ({**VALID, "goal": {"kind": "eval"}}, "goal.kind", "one of loss_below"),
    ({**VALID, "goal": {"kind": "loss_below", "loss": -1}}, "goal.loss", "> 0"),
    ({**VALID, "goal": {"kind": "loss_below"}}, "goal", "lacks loss"),
    (
        {**VALID, "goal": {"kind": "loss_below", "loss": 1, "own_data": True}},
        "free",
        "must include data",
    ),
    (
        {**VALID, "goal": {"kind": "loss_below", "loss": 1, "min_points": 3}},
        "goal.min_points",
        "own_data",
    ),
    ({**VALID, "goal": {"kind": "stable_lr"}, "experiment": {"loss": "l1"}}, "goal.kind", "sharp"),
    ({**VALID, "goal": {"kind": "stable_lr"}, "free": []}, "free", "must include lr"),
    (
        {**VALID, "goal": {"kind": "first_to_loss", "loss": 1, "winner": "sgd", "loser": "sgd"}},
        "goal.loser",
        "differ",
    ),
    ({**VALID, "goal": {"kind": "choice", "choices": [], "answer": 1}}, "goal.choices", "2 to 6"),
    (
        {
            **VALID,
            "goal": {"kind": "choice", "choices": [{"text": {"en": "a"}}] * 2, "answer": 3},
        },
        "goal.answer",
        "≤ 2",
    ),
    (
        {"kind": "choice", "choices": [{"text": {"en": "a"}, "why": 5}] * 2, "answer": 1},
        "goal.choices[0].why",
        "texts by language",
    ),
]


@pytest.mark.parametrize(("value", "field", "words"), CASES)
def test_a_bad_field_is_refused_with_one_line_naming_it(value, field, words):
    if isinstance(value, dict) and "kind" in value:  # a goal on its own
        value = {**VALID, "goal": value}
    error = refused(value)
    assert error.field == field, str(error)
    message = str(error)
    assert "\n" not in message and message.startswith(f"{field}: " if field else "")
    assert words in message


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b'{"a": NaN}', "NaN"),
        (b'{"id": 1, "id": 2}', "twice"),
        (b"[" * 100 + b"]" * 100, "nests"),
        (b"{" + b"1" * 5000, "not valid JSON"),
        (b'{"format": "gradlab-exercise",}', "line 1, column"),
        (b"9" * 5000, "too many digits"),
    ],
)
def test_a_file_that_is_not_json_is_refused_in_one_line(content, words):
    with pytest.raises(ExerciseError) as info:
        parse_exercise(content)
    assert info.value.field == "" and "\n" not in str(info.value) and words in str(info.value)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_special_files_are_refused_before_opening(tmp_path):
    fifo = tmp_path / "exercise.json"
    os.mkfifo(fifo)
    with pytest.raises(ExerciseError) as info:
        load_exercise(fifo)  # would hang if it were opened for reading
    assert "FIFO" in str(info.value)
    with pytest.raises(ExerciseError, match="folder"):
        load_exercise(tmp_path)
    csv_fifo = tmp_path / "points.csv"
    os.mkfifo(csv_fifo)
    good = tmp_path / "good.json"
    good.write_text(json.dumps({**VALID, "data": {"csv": "points.csv"}}), encoding="utf-8")
    with pytest.raises(ExerciseError, match="data.csv: points.csv: the file is a FIFO"):
        load_exercise(good)


# ---------------------------------------------------------------------- fuzz
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def paths_of(value, prefix=()):
    """Every path into a JSON value (keys and list indexes)."""
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from paths_of(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from paths_of(v, (*prefix, i))


def mutated(base, path, how, new):
    value = copy.deepcopy(base)
    if not path:
        return new
    parent = value
    for key in path[:-1]:
        parent = parent[key]
    last = path[-1]
    if how == "delete" and isinstance(parent, dict):
        del parent[last]
    elif how == "add" and isinstance(parent, dict):
        parent["extra_key"] = new
    else:
        parent[last] = new
    return value


BASES = [
    VALID,
    *[
        json.loads(p.read_text("utf-8"))
        for p in sorted((ROOT / "gradlab/assets/exercises").glob("*.json"))
    ],
]


def check_outcome(value, top_level: str | None) -> None:
    try:
        result = parse(value)
    except ExerciseError as exc:
        message = str(exc)
        assert "\n" not in message and len(message) <= 401
        if exc.field:
            assert message.startswith(exc.field + ": ")
            # The field named is in the part of the file that was changed, or in
            # a part that must agree with it (the settings and the data, the goal
            # and what may change).
            head = re.split(r"[.\[]", exc.field)[0]
            related = {
                "experiment": {"data", "goal", "free"},
                "data": {"experiment"},
                "free": {"goal", "data"},
                "goal": {"experiment", "free", "data"},
            }
            if top_level is not None and head != top_level:
                assert top_level in related.get(head, set()) or head not in VALID, (
                    exc.field,
                    top_level,
                )
        return
    assert isinstance(result, exercise.Exercise)


@FUZZ
@given(st.data())
def test_mutated_exercises_are_loaded_or_refused_naming_the_field(data):
    base = data.draw(st.sampled_from(BASES))
    path = data.draw(st.sampled_from(list(paths_of(base))))
    how = data.draw(st.sampled_from(["replace", "delete", "add"]))
    new = data.draw(json_values)
    value = mutated(base, path, how, new)
    check_outcome(value, path[0] if path and isinstance(path[0], str) else None)


@FUZZ
@given(json_values)
def test_random_json_is_refused_in_one_line(value):
    check_outcome(value, None)


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes_are_refused_in_one_line(content):
    with pytest.raises(ExerciseError) as info:
        parse_exercise(content)
    assert "\n" not in str(info.value)
