"""Issue 15, nothing lost, in the window: a bad autosave never bricks a start
and is kept aside (items 5, 9, 17), Save after a refused Open never writes over
the refused file (6)."""

import pytest
import torch

from gradlab.core import checkpoint
from gradlab.ui import paths
from tests.checkpoint_payloads import ADAM, ISSUE_CASES, payload, to_bytes, with_value
from tests.reference import reference_run
from tests.ui.trust_helpers import (
    messages,
    start_window,
    updates,
    wait_message,
)

BOGUS_PHASE = {"kind": "phase", "args": {"phase": "bogus"}}


def _crafted(case: str) -> tuple[bytes, str]:
    """A crafted autosave and the field its refusal must name ("" for none)."""
    if case == "bogus log entry":  # item 17
        clean = payload(ADAM)
        log = [*clean["extra"].get("log", []), BOGUS_PHASE]
        data = to_bytes(with_value(clean, ("extra", "log"), log))
        with pytest.raises(checkpoint.CheckpointError) as refused:  # the core names it
            checkpoint.from_bytes(data)
        assert refused.value.field.startswith("extra.log[")
        return data, refused.value.field
    if case == "another version":  # item 9
        return to_bytes(with_value(payload(ADAM), ("version",), 2)), ""
    if case == "damaged":  # item 9
        return to_bytes(payload(ADAM))[:3000], ""
    config, path, value, field = next(c for c in ISSUE_CASES if c[3] == case)  # item 5
    return to_bytes(with_value(payload(config), path, value)), field


def _same_weights(session_or_path, steps: int) -> bool:
    session = session_or_path
    if not hasattr(session, "model"):
        session, _ = checkpoint.load(session_or_path)
    ref, _, _, _ = reference_run(steps)
    return session.step_count == steps and torch.equal(session.model.weight, ref.weight.detach())


# ------------------------------------------------------- items 5, 9 and 17
def _refused_autosave_is_kept_aside(qtbot, case: str) -> None:
    autosave = paths.autosave_path()
    data, field = _crafted(case)
    autosave.write_bytes(data)
    win = start_window(qtbot)
    text = wait_message(qtbot, win, "could not be restored")
    kept = sorted(autosave.parent.glob("autosave.refused-*.gradlab.pt"))
    assert len(kept) == 1 and kept[0].read_bytes() == data  # kept, named with the time
    assert str(kept[0]) in text
    if field:
        assert f"The field at fault: {field}." in text, text
    assert win.controller.ready and win.controller.snapshot.step == 0  # fresh, ready
    updates(qtbot, win, 2)
    win.close()
    assert kept[0].read_bytes() == data  # never written over at exit
    assert _same_weights(autosave, 2)
    assert not any("went wrong" in m for m in messages(win))


def test_an_autosave_from_issue_item_5_starts_fresh_and_is_kept(qtbot):
    for case in ("state.step_count", "state.optimizer.state[0].momentum_buffer"):
        for stale in paths.data_dir().glob("autosave*"):
            stale.unlink()
        _refused_autosave_is_kept_aside(qtbot, case)


def test_a_refused_autosave_of_another_version_is_kept_not_overwritten(qtbot):
    _refused_autosave_is_kept_aside(qtbot, "another version")


def test_a_damaged_autosave_is_kept_not_overwritten(qtbot):
    _refused_autosave_is_kept_aside(qtbot, "damaged")


def test_a_bogus_log_entry_never_gives_a_crash_dialog_through_the_autosave(qtbot):
    _refused_autosave_is_kept_aside(qtbot, "bogus log entry")


def test_a_bogus_log_entry_is_refused_by_file_open(qtbot, tmp_path):
    win = start_window(qtbot)
    bad = tmp_path / "bogus.gradlab.pt"
    bad.write_bytes(_crafted("bogus log entry")[0])
    win.open_file(str(bad))
    text = wait_message(qtbot, win, "was not opened")
    assert f"The field at fault: {_crafted('bogus log entry')[1]}." in text
    assert win.controller.ready and win.controller.snapshot.step == 0
    updates(qtbot, win, 1)
    win.close()
    assert _same_weights(paths.autosave_path(), 1)  # the refused file never got there


def test_any_error_while_restoring_sets_the_file_aside_and_starts_fresh(qtbot, monkeypatch):
    """Not the file's fault: an error raised while the loaded session is being
    shown (injected into GradLab's own maths panel code). The window still gets
    ready, on the fresh session, and the file is kept aside."""
    from gradlab.core import maths

    real_explain = maths.explain

    def failing_for_loaded_sessions(session):
        if session.step_count == 3:  # the autosaved session, never the fresh one
            raise RuntimeError("injected")
        return real_explain(session)

    session_source = start_window(qtbot, restore=False)
    updates(qtbot, session_source, 3)
    session_source.close()
    saved = paths.autosave_path().read_bytes()
    monkeypatch.setattr(maths, "explain", failing_for_loaded_sessions)
    win = start_window(qtbot)
    text = wait_message(qtbot, win, "could not be restored")
    assert "RuntimeError: injected" in text
    kept = list(paths.data_dir().glob("autosave.refused-*.gradlab.pt"))
    assert [k.read_bytes() for k in kept] == [saved]
    assert win.controller.ready and win.controller.snapshot.step == 0
    updates(qtbot, win, 1)
    win.close()


# ------------------------------------------------------------------ item 6
def test_save_after_a_refused_open_never_writes_over_the_refused_file(qtbot, tmp_path):
    win = start_window(qtbot, restore=False)
    refused = tmp_path / "refused.gradlab.pt"
    refused.write_bytes(_crafted("state.step_count")[0])
    before = refused.read_bytes()
    win.open_file(str(refused))
    wait_message(qtbot, win, "was not opened")
    assert win.files.current_file is None
    assert str(refused) not in win.settings.recent_files
    # With a file of its own: Save writes there, never over the refused one.
    mine = tmp_path / "mine.gradlab.pt"
    win.save_to(str(mine))
    qtbot.waitUntil(lambda: win.files.current_file == str(mine), timeout=10_000)
    win.open_file(str(refused))
    qtbot.waitUntil(lambda: sum("was not opened" in m for m in messages(win)) == 2)
    updates(qtbot, win, 2)
    win.files.save()
    qtbot.waitUntil(lambda: sum("Saved to" in m for m in messages(win)) == 2, timeout=10_000)
    assert refused.read_bytes() == before
    assert _same_weights(mine, 2)
    assert win.settings.recent_files == [str(mine)]
    # A file that opens does become the current one.
    win.open_file(str(mine))
    wait_message(qtbot, win, "Opened")
    assert win.files.current_file == str(mine)
    win.close()
