"""Issue 15, nothing lost, in the window: a bad autosave never bricks a start
and is kept aside (items 5, 9, 17), Save after a refused Open never writes over
the refused file (6), a failed autosave at exit asks (7), two windows never
share an autosave (8)."""

import signal
import tempfile

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from gradlab.core import checkpoint
from gradlab.ui import paths
from gradlab.ui.autosave_slots import slot_path
from tests.checkpoint_payloads import ADAM, ISSUE_CASES, payload, to_bytes, with_value
from tests.ui.trust_helpers import (
    answering,
    fill,
    messages,
    same_weights,
    set_unwritable,
    small_tmpfs,
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
    assert same_weights(autosave, 2)
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
    assert same_weights(paths.autosave_path(), 1)  # the refused file never got there


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
    assert same_weights(mine, 2)
    assert win.settings.recent_files == [str(mine)]
    # A file that opens does become the current one.
    win.open_file(str(mine))
    wait_message(qtbot, win, "Opened")
    assert win.files.current_file == str(mine)
    win.close()


# ------------------------------------------------------------------ item 7
def test_a_full_disk_at_exit_asks_and_save_as_keeps_the_work(qtbot, tmp_path):
    with small_tmpfs(paths.wanted_dir("data")) as data:
        win = start_window(qtbot)
        assert win.autosave.path.parent == data
        updates(qtbot, win, 3)
        fill(data)
        rescue = tmp_path / "rescue.gradlab.pt"
        with answering(["saveAsButton", rescue]) as answers:
            assert win.close()
        assert "No space left on device" in answers.seen[0]
        assert str(slot_path(data, 1)) in answers.seen[0]
        assert not win.isVisible()
        assert same_weights(rescue, 3)


# Qt says so when the folder it holds its lock in becomes unwritable, as here.
LOCK_LEFT = pytest.mark.qt_log_ignore("Could not remove our own lock file")


@LOCK_LEFT
def test_an_unwritable_folder_at_exit_asks_and_the_student_decides(qtbot, tmp_path):
    data = paths.data_dir()
    win = start_window(qtbot)
    updates(qtbot, win, 2)
    why = set_unwritable(data, True)
    try:
        with answering(["stayButton"]) as answers:
            assert not win.close()  # "Don't quit": the window stays, the work intact
        assert why in answers.seen[0]
        assert win.isVisible() and win.controller.ready
        updates(qtbot, win, 1)
        with answering(["quitWithoutSavingButton"]):
            assert win.close()
        assert not win.isVisible()
        assert not slot_path(data, 1).exists()
    finally:
        set_unwritable(data, False)


def test_an_autosave_that_works_again_closes_without_asking(qtbot):
    data = paths.data_dir()
    win = start_window(qtbot)
    updates(qtbot, win, 2)
    set_unwritable(data, True)
    try:
        with answering(["stayButton"]):
            assert not win.close()
    finally:
        set_unwritable(data, False)
    with answering([]) as answers:
        assert win.close()
    assert answers.seen == []
    assert same_weights(slot_path(data, 1), 2)


@LOCK_LEFT
def test_a_signal_while_asking_quits_and_saves_to_the_temporary_folder(
    qtbot, tmp_path, monkeypatch
):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    data = paths.data_dir()
    win = start_window(qtbot)
    updates(qtbot, win, 2)
    set_unwritable(data, True)
    asked = []

    def sigterm_when_asked():
        if QApplication.activeModalWidget() is not None and not asked:
            asked.append(True)
            win.quit_on_signal(signal.SIGTERM)  # what quit_signals.py emits

    timer = QTimer()
    timer.timeout.connect(sigterm_when_asked)
    timer.start(30)
    try:
        win.close()  # asks; the signal comes while the question is open
        qtbot.waitUntil(lambda: not win.isVisible(), timeout=10_000)
    finally:
        timer.stop()
        set_unwritable(data, False)
    assert asked
    assert same_weights(paths.fallback_dir("data") / "autosave.gradlab.pt", 2)


# ------------------------------------------------------------------ item 8
def test_two_windows_keep_two_autosaves_and_the_next_start_offers_both(qtbot):
    first = start_window(qtbot)
    second = start_window(qtbot)
    text = wait_message(qtbot, second, "Another GradLab window is open")
    assert str(slot_path(paths.data_dir(), 2)) in text
    assert first.autosave.path != second.autosave.path
    updates(qtbot, first, 20)
    updates(qtbot, second, 2)
    second.close()
    first.close()  # the last to close no longer wins: both are kept
    assert same_weights(slot_path(paths.data_dir(), 1), 20)
    assert same_weights(slot_path(paths.data_dir(), 2), 2)

    again = start_window(qtbot)  # restores the newest, offers the other
    qtbot.waitUntil(lambda: again.controller.snapshot.step == 20, timeout=10_000)
    wait_message(qtbot, again, "1 more autosaved session")
    again.autosave._fill_menu()
    entries = [a.toolTip() for a in again.autosave.menu.actions()]
    assert entries == [str(slot_path(paths.data_dir(), 2))]
    updates(qtbot, again, 1)
    again.autosave.open_leftover(entries[0])
    qtbot.waitUntil(lambda: again.controller.snapshot.step == 2, timeout=10_000)
    qtbot.waitUntil(lambda: again.autosave.path == slot_path(paths.data_dir(), 2))
    # The session it replaced was autosaved first, to its own file: nothing lost.
    assert same_weights(slot_path(paths.data_dir(), 1), 21)
    updates(qtbot, again, 3)
    again.close()
    assert same_weights(slot_path(paths.data_dir(), 2), 5)
    assert same_weights(slot_path(paths.data_dir(), 1), 21)
