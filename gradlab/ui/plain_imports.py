"""Import heavy libraries without PySide6's import hook.

Importing PySide6 replaces `builtins.__import__` with a hook that, for every
newly imported module, reads the module's whole source to look for
`from __feature__ import ...`. torch brings in a few thousand modules, so the
hook adds about half a second to GradLab's start (measured: import torch plus
torch._dynamo 3.0 s with the hook, 2.4 s without). GradLab uses no PySide
feature, so the worker imports torch with the standard machinery instead.
"""

from __future__ import annotations

import builtins
import importlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()


@contextmanager
def plain_imports() -> Iterator[None]:
    """Within the block, imports skip PySide6's feature hook (in every thread)."""
    with _lock:
        hooked = builtins.__import__
        builtins.__import__ = importlib.__import__
        try:
            yield
        finally:
            builtins.__import__ = hooked
