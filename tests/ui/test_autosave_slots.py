"""Issue 15 item 8: autosave slots, one per running GradLab, held by a lock
that a crashed GradLab does not keep (a real process, killed with SIGKILL)."""

import subprocess
import sys

from gradlab.ui.autosave_slots import AutosaveSlots, slot_number, slot_path

HOLD = """
import sys, time
from pathlib import Path
from gradlab.ui.autosave_slots import AutosaveSlots
slots = AutosaveSlots(Path(sys.argv[1]))
print(slots.claim(), flush=True)
time.sleep(120)
"""


def test_a_running_instance_holds_its_slot_and_a_killed_one_lets_it_go(tmp_path):
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout.readline().strip() == str(slot_path(tmp_path, 1))
        while_running = AutosaveSlots(tmp_path)
        assert while_running.claim() == slot_path(tmp_path, 2)
        assert while_running.others_running
        while_running.release()
    finally:
        child.kill()
        child.wait()
        child.stdout.close()
    after = AutosaveSlots(tmp_path)
    assert after.claim() == slot_path(tmp_path, 1)  # the dead process's lock is stale
    assert not after.others_running
    after.release()


def test_the_newest_free_autosave_is_taken_and_the_others_are_leftovers(tmp_path):
    import os

    for number, age in ((1, 300), (2, 100), (3, 200)):
        path = slot_path(tmp_path, number)
        path.write_bytes(b"x")
        os.utime(path, (path.stat().st_atime, path.stat().st_mtime - age))
    first = AutosaveSlots(tmp_path)
    assert first.claim() == slot_path(tmp_path, 2)
    assert first.leftovers() == [slot_path(tmp_path, 3), slot_path(tmp_path, 1)]
    second = AutosaveSlots(tmp_path)  # another window: never the first one's file
    assert second.claim() == slot_path(tmp_path, 3)
    assert first.leftovers() == [slot_path(tmp_path, 1)]
    assert first.take_over(slot_path(tmp_path, 1)) and first.path == slot_path(tmp_path, 1)
    assert not second.take_over(slot_path(tmp_path, 1))  # held by the first
    assert not first.take_over(tmp_path / "session.gradlab.pt")  # not a slot
    assert [slot_number(p) for p in ("autosave.gradlab.pt", "autosave-2.gradlab.pt")] == [1, 2]
    assert slot_number("autosave-1.gradlab.pt") is None
    first.release()
    second.release()
