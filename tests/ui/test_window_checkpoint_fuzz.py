"""Issue 15, "done when": the window is never left un-ready by a mutated
checkpoint. Valid checkpoints mutated field by field (the CLI fuzzer's
mutations: inf, nan, huge, negative, wrong type, wrong shape, text with line
breaks, a field removed) are opened with File ▸ Open and restored as the
autosave. Each either loads and trains on, or is refused with one message;
the window stays ready and no error reaches the crash reporter.
`GRADLAB_HYPOTHESIS=long` opens many more."""

import os
import random

import pytest

from gradlab.ui import paths
from tests.checkpoint_payloads import get_at, to_bytes, with_value, without
from tests.cli.test_checkpoint_fuzz import DELETE, PATHS, PAYLOADS, mutations
from tests.ui.trust_helpers import messages, start_window, updates

LONG = os.environ.get("GRADLAB_HYPOTHESIS") == "long"
ALL_CASES = sorted(
    (base, path, name) for base, path in PATHS for name in mutations(get_at(PAYLOADS[base], path))
)
# Always among them: weights a diverged run holds (they once crashed the landscape).
MUST = [c for c in ALL_CASES if c[1][-2:] == ("model", "weight") and c[2] in ("inf", "nan")]
OPENED = MUST + random.Random(15).sample(ALL_CASES, len(ALL_CASES) if LONG else 30)
RESTORED = random.Random(16).sample(ALL_CASES, 60 if LONG else 4)
ANSWERS = ("session.loaded", "session.restored", "file.refused", "autosave.refused")


def _mutated(case) -> bytes:
    base, path, name = case
    payload = PAYLOADS[base]
    value = mutations(get_at(payload, path))[name]
    changed = without(payload, path) if value is DELETE else with_value(payload, path, value)
    return to_bytes(changed)


class Heard:
    """Every message the window was sent, by code."""

    def __init__(self, controller):
        self.codes: list[str] = []
        controller.message.connect(lambda m: self.codes.append(m.code))

    def answers(self) -> list[str]:
        return [c for c in self.codes if c in ANSWERS]


def _trains_on(qtbot, win) -> None:
    updates(qtbot, win, 2)
    assert win.controller.ready


def test_mutated_checkpoints_opened_load_and_train_or_are_refused_once(qtbot, tmp_path):
    win = start_window(qtbot, restore=False)
    heard = Heard(win.controller)
    outcomes = set()
    for i, case in enumerate(OPENED):
        path = tmp_path / f"case{i}.gradlab.pt"
        path.write_bytes(_mutated(case))
        before = len(heard.answers())
        win.open_file(str(path))
        qtbot.waitUntil(lambda: len(heard.answers()) > before, timeout=20_000)  # noqa: B023
        win.controller.sync()  # anything else the open caused has arrived too
        token = win.controller.sync()
        qtbot.waitUntil(lambda: win.controller.synced(token), timeout=20_000)  # noqa: B023
        answers = heard.answers()[before:]
        assert len(answers) == 1, (case, answers)  # one message: opened, or refused
        outcomes.add(answers[0])
        assert win.controller.ready, case
        if answers[0] == "session.loaded":
            _trains_on(qtbot, win)
    assert "worker.crash" not in heard.codes
    assert not any("went wrong" in m for m in messages(win))
    assert outcomes == {"session.loaded", "file.refused"}
    win.close()


def test_a_diverged_session_saved_and_opened_again_loads_and_trains(qtbot, tmp_path):
    """A diverged run holds inf (then nan) in its weights: its checkpoint is valid.
    Inf weights once made the loss landscape fail, and the file was refused."""
    from gradlab.core import checkpoint
    from gradlab.core.config import ExperimentConfig
    from gradlab.core.session import TrainingSession

    session = TrainingSession(ExperimentConfig(lr=100.0))
    session.run_updates(200)  # stops where the loss is no longer finite
    while session.model.weight.isfinite().all():  # F11 goes on, until w overflows
        session.full_update()
    assert session.model.weight.isinf().all()
    steps = session.step_count
    path = tmp_path / "diverged.gradlab.pt"
    checkpoint.save(session, path)
    win = start_window(qtbot, restore=False)
    heard = Heard(win.controller)
    win.open_file(str(path))
    qtbot.waitUntil(lambda: bool(heard.answers()), timeout=20_000)
    assert heard.answers() == ["session.loaded"]
    qtbot.waitUntil(lambda: win.controller.snapshot.step == steps, timeout=10_000)
    _trains_on(qtbot, win)
    win.close()


@pytest.mark.parametrize("case", RESTORED, ids=lambda c: f"{c[1]}-{c[2]}")
def test_mutated_autosaves_restore_or_are_set_aside_and_the_window_gets_ready(qtbot, case):
    paths.autosave_path().write_bytes(_mutated(case))
    win = start_window(qtbot)
    heard_before = [m for m in messages(win) if "restored" in m or "could not be" in m]
    assert len(heard_before) == 1, heard_before
    kept = list(paths.data_dir().glob("autosave.refused-*"))
    assert len(kept) == ("could not be" in heard_before[0])
    _trains_on(qtbot, win)
    assert not any("went wrong" in m for m in messages(win))
    win.close()
