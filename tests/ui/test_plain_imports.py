"""plain_imports: torch is imported past PySide6's per-module source scan, and the
hook is back afterwards, even when the import fails."""

import builtins
import importlib

import pytest
from PySide6 import QtCore  # noqa: F401 - installs PySide6's import hook

from gradlab.ui.plain_imports import plain_imports


def test_standard_import_inside_and_hook_restored_after():
    hooked = builtins.__import__
    assert hooked is not importlib.__import__  # PySide6 replaced it
    with plain_imports():
        assert builtins.__import__ is importlib.__import__
        import json

        assert json.dumps([1]) == "[1]"
    assert builtins.__import__ is hooked


def test_hook_restored_when_the_import_fails():
    hooked = builtins.__import__
    with pytest.raises(ModuleNotFoundError), plain_imports():
        import gradlab_no_such_module  # noqa: F401
    assert builtins.__import__ is hooked
