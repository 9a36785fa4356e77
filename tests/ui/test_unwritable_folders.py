"""Issue 15 item 10: folders GradLab cannot write (a read-only home, a file
where a folder should be) never stop it: it starts, says in the window what
cannot be saved where, and keeps its files in a temporary folder instead. (The
same with the whole home read-only, started as a real process, is in
test_quit_signals.py.)"""

import tempfile

import pytest

from gradlab.core import checkpoint
from gradlab.ui import paths
from tests.core.test_fileio import read_only_folder
from tests.ui.trust_helpers import start_window, updates, wait_message


@pytest.fixture
def own_temporary_folder(tmp_path, monkeypatch):
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    return temp


def test_a_file_where_the_folders_should_be_falls_back_to_a_temporary_folder(
    tmp_path, monkeypatch, own_temporary_folder
):
    home = tmp_path / "home-is-a-file"
    home.write_text("not a folder")
    monkeypatch.setenv("GRADLAB_HOME", str(home))
    found = {p.kind: p for p in paths.problems()}
    assert sorted(found) == ["config", "data", "logs"]
    for kind, problem in found.items():
        assert problem.wanted == str(home / kind)
        assert problem.used == str(paths.fallback_dir(kind))
        assert problem.used.startswith(str(own_temporary_folder))
        assert problem.reason  # the system's words
    assert paths.data_dir() == paths.fallback_dir("data") and paths.data_dir().is_dir()


def test_a_read_only_home_starts_says_so_and_keeps_the_session(
    qtbot, tmp_path, monkeypatch, own_temporary_folder
):
    with read_only_folder(tmp_path) as home:
        monkeypatch.setenv("GRADLAB_HOME", str(home))
        win = start_window(qtbot)
        for kind, needle in (
            ("data", "cannot autosave your sessions in"),
            ("config", "cannot save its settings"),
            ("logs", "cannot write its log in"),
        ):
            text = wait_message(qtbot, win, needle)
            assert str(home / kind) in text and str(paths.fallback_dir(kind)) in text, text
        updates(qtbot, win, 2)
        win.set_theme("dark")
        win.close()
        session, _ = checkpoint.load(paths.fallback_dir("data") / "autosave.gradlab.pt")
        assert session.step_count == 2
        assert "theme=dark" in (paths.fallback_dir("config") / "gradlab.ini").read_text()

        again = start_window(qtbot)  # the next start finds both there
        qtbot.waitUntil(lambda: again.controller.snapshot.step == 2, timeout=10_000)
        assert again.settings.theme == "dark"
        again.close()
        assert list(home.iterdir()) == []
