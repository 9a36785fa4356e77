"""Issue 15 item 1: text from a checkpoint never becomes code in Session as code.

The log in a checkpoint's `extra.log` is checked entry by entry when the file is
loaded, and codegen makes every comment one line, so a string with a line break
can at most appear, escaped, inside a comment."""

import subprocess
import sys

import pytest

from gradlab.core import checkpoint, code_lines, codegen
from gradlab.core.actions import PHASE_NAMES, Action, ActionLog
from gradlab.core.checks import Invalid
from gradlab.core.session import PHASES, TrainingSession
from tests.checkpoint_payloads import (
    get_at,
    is_one_line,
    leaves,
    payload_of,
    rich_session,
    session_statements,
    statements,
    to_bytes,
    with_value,
)

ISSUE_PAYLOAD = "x\nimport os; os.system('touch PWNED')  #"
PAYLOADS = [
    ISSUE_PAYLOAD,
    "a\rimport os  #",
    "a\u2028import os",
    "a\r\nimport os\n",
    '"""\nimport os\n"""',
    "# \nos.system('x')",
    "\x0bimport os\x0c\x85\u2029",
]


@pytest.fixture(scope="module")
def clean():
    session = rich_session()
    payload = payload_of(session)
    _, extra = checkpoint.from_bytes(to_bytes(payload), "clean")
    return payload, session_statements(extra)


def test_the_issues_checkpoint_loads_and_its_script_runs_no_injected_line(clean, tmp_path):
    payload, clean_statements = clean
    path = next(p for p in leaves(payload) if p[-1] == "path")
    _, extra = checkpoint.from_bytes(to_bytes(with_value(payload, path, ISSUE_PAYLOAD)), "evil")
    script = codegen.session_script(ActionLog.from_list(extra["log"]).copy())
    assert statements(script) == clean_statements
    assert "import os" not in [line.strip() for line in script.splitlines()]
    # Shown, escaped, in comments (long comments wrap over several comment lines).
    shown = [line for line in script.splitlines() if "PWNED" in line]
    assert shown and all(line.lstrip().startswith("#") for line in shown)
    assert "\\nimport os;" in script
    # And run for real: the script trains, and nothing was touched.
    (tmp_path / "session.py").write_text(script, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "session.py"], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "PWNED").exists()


def test_every_string_field_with_line_breaks_is_refused_or_only_a_comment(clean):
    payload, clean_statements = clean
    strings = [p for p in leaves(payload) if isinstance(get_at(payload, p), str)]
    assert len(strings) > 20
    loaded = 0
    for path in strings:
        for text in PAYLOADS:
            try:
                _, extra = checkpoint.from_bytes(to_bytes(with_value(payload, path, text)), "x")
            except checkpoint.CheckpointError as exc:
                assert is_one_line(str(exc)), (path, str(exc))
                continue
            loaded += 1
            assert session_statements(extra) == clean_statements, path
    assert loaded == len(PAYLOADS)  # the file name of a "loaded" entry: only a comment


@pytest.mark.parametrize(
    ("index", "key", "value", "field"),
    [
        (1, "code", "loss.x\nimport os", "extra.log[1].args.code"),
        (1, "kind", "something\nimport os", "extra.log[1].kind"),
        (2, "phase", "bogus", "extra.log[2].args.phase"),  # issue item 17's KeyError
        (8, "n", "3); import os; (", "extra.log[8].args.n"),
        (8, "n", 0, "extra.log[8].args.n"),
        (9, "lr", "0.1\nimport os", "extra.log[9].args.lr"),
        (9, "lr", float("nan"), "extra.log[9].args.lr"),
        (15, "to", -1, "extra.log[15].args.to"),
        (16, "path", "x" * 5000, "extra.log[16].args.path"),
        (16, "step", 1.5, "extra.log[16].args.step"),
    ],
)
def test_a_bad_log_entry_refuses_the_file_naming_the_field(clean, index, key, value, field):
    payload, _ = clean
    entry = payload["extra"]["log"][index]
    path = ("extra", "log", index, key) if key == "kind" else ("extra", "log", index, "args", key)
    assert key == "kind" or key in entry["args"]
    with pytest.raises(checkpoint.CheckpointError) as info:
        checkpoint.from_bytes(to_bytes(with_value(payload, path, value)), "bad.pt")
    assert info.value.code == "checkpoint.inconsistent"
    assert info.value.field == field
    assert field in str(info.value) and is_one_line(str(info.value))


def test_unknown_arguments_and_parameter_names_are_refused(clean):
    payload, _ = clean
    cases = [
        (("extra", "log", 2, "args"), {"phase": "forward", "new_batch": False, "evil": "x"}),
        (("extra", "log", 13, "args", "values"), {"weight\nimport os": 1.0}),
        (("extra", "log", 13, "args", "values"), {"weight": float("inf")}),
        (("extra", "log"), []),
        (("extra", "log", 0), {"kind": "phase", "args": {"phase": "forward"}}),
        (("extra", "other"), "x"),
    ]
    for path, value in cases:
        with pytest.raises(checkpoint.CheckpointError) as info:
            checkpoint.from_bytes(to_bytes(with_value(payload, path, value)), "bad.pt")
        assert info.value.field.startswith("extra"), path


def test_codegen_makes_every_comment_one_line_whatever_the_log_holds():
    """Even a log that was never checked (built in code) cannot add a statement."""

    def script_with(text: str) -> str:
        actions = rich_session().log.copy()
        for action in actions:
            if action.kind == "loaded":
                action.args["path"] = text
        actions.append(Action("refused", {"phase": "step", "code": text}))
        actions.append(Action(text, {}))  # a kind codegen does not know
        return codegen.session_script(actions)

    reference = script_with("harmless")
    for text in PAYLOADS:
        script = script_with(text)
        assert statements(script) == statements(reference), repr(text)
        # Every line the payload added or changed is a comment (long ones wrap).
        added = set(script.splitlines()) - set(reference.splitlines())
        assert all(line.lstrip().startswith("#") for line in added), repr(text)


def test_a_mini_batch_drawn_in_a_full_batch_experiment_is_refused():
    log = ActionLog()
    TrainingSession(log=log).run_phase("forward")
    items = log.to_list()
    items[-1]["args"]["new_batch"] = True
    with pytest.raises(Invalid) as info:
        ActionLog.from_list(items)
    assert info.value.field == "log[1].args.new_batch"


def test_generated_code_with_a_line_break_is_never_written():
    with pytest.raises(ValueError):
        code_lines.Line("x = 1\nimport os")


def test_from_list_names_the_first_bad_field():
    with pytest.raises(Invalid) as info:
        ActionLog.from_list([{"kind": "setup", "args": {"config": {"lr": "abc"}}}])
    assert info.value.field == "log[0].args.config.lr"  # the setting itself is named


def test_the_log_knows_the_sessions_phases():
    assert PHASE_NAMES == PHASES


def test_a_comment_shows_hidden_characters_escaped_and_keeps_any_space():
    # A right-to-left override could make a comment look like other code; a
    # full-width space (in a Chinese comment) is just a space.
    line = code_lines.Line("x = 1", "abc\u202edef\u3000中文\u2029end")
    assert line.comment == "abc\\u202edef\u3000中文\\u2029end"
