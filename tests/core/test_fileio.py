"""Issue 15 items 3 and 11, and the move-aside helper of item 5: writes replace
only regular files, go through symlinks, keep the mode, respect the umask, and
clean up what a killed writer left; a file moved aside is kept."""

import contextlib
import os
import signal
import stat
import subprocess
import sys
import time

import pytest

from gradlab.core import fileio

HOUR = 3600


@pytest.fixture
def umask():
    """Set the umask for one test, restored after it."""
    saved = os.umask(0o022)
    os.umask(saved)
    yield lambda mask: os.umask(mask)
    os.umask(saved)


def _age(path, seconds):
    then = time.time() - seconds
    os.utime(path, (then, then))


# ------------------------------------------------------------ item 3
def test_a_device_is_refused_and_stays_a_device():
    # As root the old code replaced /dev/null with a regular file.
    with pytest.raises(fileio.NotRegularFile) as info:
        fileio.atomic_write_bytes("/dev/null", b"data")
    assert "character device" in info.value.strerror
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_fifo_and_a_folder_are_refused(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(fileio.NotRegularFile):
        fileio.atomic_write_bytes(fifo, b"data")  # and no hang: nothing opens it
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    with pytest.raises(fileio.NotRegularFile) as info:
        fileio.atomic_write_bytes(tmp_path, b"data")
    assert "folder" in info.value.strerror and isinstance(info.value, OSError)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_a_symlink_is_written_through_to_its_target(tmp_path):
    real_dir = tmp_path / "real"
    real_dir.mkdir()
    target = real_dir / "session.pt"
    target.write_bytes(b"old")
    link = tmp_path / "link.pt"
    link.symlink_to(target)
    fileio.atomic_write_bytes(link, b"new")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes() == b"new"
    # A link to a file that does not exist yet creates it.
    dangling = tmp_path / "later.pt"
    dangling.symlink_to(real_dir / "later-target.pt")
    fileio.atomic_write_bytes(dangling, b"created")
    assert (real_dir / "later-target.pt").read_bytes() == b"created"
    assert dangling.is_symlink()


def test_a_symlink_to_a_device_is_refused(tmp_path):
    link = tmp_path / "out.py"
    link.symlink_to("/dev/null")
    with pytest.raises(fileio.NotRegularFile):
        fileio.atomic_write_text(link, "x")
    assert link.is_symlink()


def test_an_existing_file_keeps_its_mode(tmp_path):
    path = tmp_path / "shared.pt"
    path.write_bytes(b"old")
    path.chmod(0o640)
    fileio.atomic_write_bytes(path, b"new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    path.chmod(0o604)
    fileio.atomic_write_bytes(path, b"newer")
    assert stat.S_IMODE(path.stat().st_mode) == 0o604


def test_a_new_file_respects_the_umask(tmp_path, umask):
    umask(0o022)
    fileio.atomic_write_bytes(tmp_path / "a.pt", b"a")
    assert stat.S_IMODE((tmp_path / "a.pt").stat().st_mode) == 0o644  # was 0600
    umask(0o077)
    fileio.atomic_write_bytes(tmp_path / "b.pt", b"b")
    assert stat.S_IMODE((tmp_path / "b.pt").stat().st_mode) == 0o600


# ------------------------------------------------------------ item 11
def test_stale_temporaries_of_ours_are_removed_on_the_next_save(tmp_path):
    path = tmp_path / "state.pt"
    stale = tmp_path / ".state.pt.abcd1234.tmp"  # a writer killed an hour ago
    fresh = tmp_path / ".state.pt.efgh5678.tmp"  # a writer at work right now
    others = [
        tmp_path / ".other.pt.abcd1234.tmp",  # another file's
        tmp_path / ".state.pt.not-ours!.tmp",  # not our naming
        tmp_path / "state.pt.abcd1234.tmp",  # not hidden
    ]
    for p in [stale, fresh, *others]:
        p.write_bytes(b"half a checkpoint")
    for p in [stale, *others]:
        _age(p, HOUR)
    folder = tmp_path / ".state.pt.zzzz9999.tmp"
    folder.mkdir()  # not a file we wrote
    os.utime(folder, (time.time() - HOUR,) * 2)
    fileio.atomic_write_bytes(path, b"whole")
    left = sorted(p.name for p in tmp_path.iterdir())
    assert stale.name not in left
    assert fresh.name in left and folder.name in left
    assert all(p.name in left for p in others)
    assert path.read_bytes() == b"whole"


CHILD = """
import sys
from gradlab.core.fileio import atomic_write_bytes
data = bytes(8 << 20)
print("ready", flush=True)
while True:
    atomic_write_bytes(sys.argv[1], data)
"""


def test_kill_9_during_repeated_saves_leaves_nothing_after_the_next_save(tmp_path):
    path = tmp_path / "autosave.pt"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout.readline().strip() == "ready"
        while not path.exists():  # at least one save done; the next is under way
            time.sleep(0.01)
        time.sleep(0.2)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    for p in leftovers:  # minutes later, as far as the files can tell
        _age(p, HOUR)
    fileio.atomic_write_bytes(path, b"next save")
    assert [p.name for p in tmp_path.iterdir()] == ["autosave.pt"]
    assert path.read_bytes() == b"next save"


# --------------------------------------------------- checks before writing
@contextlib.contextmanager
def read_only_folder(tmp_path):
    """A folder this process cannot write to: chmod 555, or, for root (whom
    modes do not stop), a small read-only tmpfs. Skips where neither works."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)
        return
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(folder)],
        capture_output=True,
    )
    if done.returncode != 0:
        pytest.skip("running as root without permission to mount a read-only tmpfs")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_check_writable_says_why_before_anything_is_written(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    cases = {
        tmp_path: "folder",
        tmp_path / "missing" / "c.pt": "does not exist",
        "/dev/null": "character device",
        fifo: "FIFO",
    }
    for path, why in cases.items():
        with pytest.raises(OSError) as info:
            fileio.check_writable(path)
        assert why in info.value.strerror, path
    with read_only_folder(tmp_path) as folder:
        with pytest.raises(OSError) as info:
            fileio.check_writable(folder / "c.pt")
        assert info.value.strerror
    fileio.check_writable(tmp_path / "fine.pt")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fifo", "ro"]


# ------------------------------------------------------------ move aside
def test_move_aside_keeps_the_file_under_a_name_with_the_time(tmp_path, monkeypatch):
    monkeypatch.setattr(fileio.time, "strftime", lambda _: "20250102-030405")  # one second
    path = tmp_path / "autosave.gradlab.pt"
    path.write_bytes(b"first")
    first = fileio.move_aside(path)
    assert not path.exists() and first.read_bytes() == b"first"
    assert first.name == "autosave.refused-20250102-030405.gradlab.pt"
    # Within the same second: another name, never the first one written over.
    path.write_bytes(b"second")
    second = fileio.move_aside(path)
    assert second.name == "autosave.refused-20250102-030405-2.gradlab.pt"
    assert first.read_bytes() == b"first" and second.read_bytes() == b"second"
    third_path = tmp_path / "folder"
    third_path.mkdir()
    moved = fileio.move_aside(third_path, "broken")
    assert moved.is_dir() and moved.name.startswith("folder.broken-")
    with pytest.raises(ValueError):
        fileio.move_aside(path, "../x")
