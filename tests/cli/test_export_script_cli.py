"""`gradlab export-script`: the file, its contents, exit codes, refused options."""

import subprocess
import sys

import pytest

from gradlab.cli import main
from gradlab.core.codegen import script_for
from gradlab.core.config import ExperimentConfig


def test_writes_the_script_for_the_options(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LC_ALL", "C")
    out = tmp_path / "fit.py"
    code = main(
        ["export-script", "--optimizer", "adam", "--lr", "0.05", "--batch-size", "8"]
        + ["--steps", "7", "-o", str(out)]
    )
    assert code == 0
    cfg = ExperimentConfig(optimizer="adam", lr=0.05, batch_size=8)
    assert out.read_text(encoding="utf-8") == script_for(cfg, 7)
    assert str(out) in capsys.readouterr().out


def test_defaults_are_the_tutorial(tmp_path, monkeypatch):
    monkeypatch.setenv("LC_ALL", "C")
    out = tmp_path / "fit.py"
    assert main(["export-script", "--output", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text == script_for(ExperimentConfig(), 100)
    assert "for epoch in range(100):" in text
    assert "optim.SGD(model.parameters(), lr=0.1)" in text


def test_replaces_an_existing_file(tmp_path):
    out = tmp_path / "fit.py"
    out.write_text("old", encoding="utf-8")
    assert main(["export-script", "--steps", "3", "-o", str(out)]) == 0
    assert "for epoch in range(3):" in out.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["fit.py"]  # no temporary file left


BAD = [
    ["--lr", "-1"],
    ["--lr", "abc"],
    ["--optimizer", "newton"],
    ["--steps", "-3"],
    ["--samples", "10", "--batch-size", "50"],
    ["--momentum", "1"],
    ["--unknown-flag"],
]


@pytest.mark.parametrize("args", BAD)
def test_bad_options_exit_2_with_one_line_and_write_nothing(tmp_path, capsys, args):
    out = tmp_path / "fit.py"
    assert main(["export-script", *args, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("gradlab: error: ")
    assert list(tmp_path.iterdir()) == []


def test_the_output_option_is_required(capsys):
    assert main(["export-script"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "-o/--output" in err


def test_an_unwritable_path_is_one_line_and_keeps_the_old_file(tmp_path, capsys):
    target = tmp_path / "taken"
    target.mkdir()
    (target / "keep.txt").write_text("x", encoding="utf-8")
    assert main(["export-script", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]
    assert [p.name for p in target.iterdir()] == ["keep.txt"]


def test_export_does_not_import_torch(tmp_path):
    # Writing text must be instant: no torch import (≈2 s) for this command.
    code = (
        "import sys\n"
        "from gradlab.cli import main\n"
        f"assert main(['export-script', '-o', {str(tmp_path / 'a.py')!r}]) == 0\n"
        "print('torch' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "False"


def _code_only(text: str) -> str:
    """The script's statements without comments or its docstring."""
    import ast

    tree = ast.parse(text)
    tree.body = tree.body[1:]  # the docstring
    return ast.dump(tree)


@pytest.mark.parametrize("options", [[], ["--optimizer", "nesterov", "--batch-size", "10"]])
def test_lang_changes_the_comments_not_the_code(tmp_path, options):
    en, zh = tmp_path / "en.py", tmp_path / "zh.py"
    assert main(["export-script", *options, "--lang", "en", "-o", str(en)]) == 0
    assert main(["export-script", *options, "--lang", "zh_CN", "-o", str(zh)]) == 0
    en_text, zh_text = en.read_text(encoding="utf-8"), zh.read_text(encoding="utf-8")
    assert "# The data:" in en_text and "生成训练数据" in zh_text
    assert "生成" not in en_text
    assert _code_only(en_text) == _code_only(zh_text)


@pytest.mark.parametrize(("variable", "value", "chinese"), [
    ("LANG", "zh_CN.UTF-8", True),
    ("LANG", "en_GB.UTF-8", False),
    ("LC_ALL", "zh_TW.UTF-8", True),
])  # fmt: skip
def test_the_default_language_is_the_systems(tmp_path, monkeypatch, variable, value, chinese):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(variable, value)
    out = tmp_path / "fit.py"
    assert main(["export-script", "-o", str(out)]) == 0
    assert ("生成训练数据" in out.read_text(encoding="utf-8")) == chinese


def test_a_bad_lang_is_refused(tmp_path, capsys):
    out = tmp_path / "fit.py"
    assert main(["export-script", "--lang", "fr", "-o", str(out)]) == 2
    assert "--lang" in capsys.readouterr().err
    assert not out.exists()
