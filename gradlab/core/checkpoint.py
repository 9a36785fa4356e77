"""Save and load whole sessions. Loading never executes code from the file.

A checkpoint is a `torch.save` of plain containers: the config (with the
student's own data, if any: at most datapoints.MAX_ROWS rows), the model's and
the optimizer's state_dict, the step count, the data-order generator state and
the history. Reading it (torchfile.py) refuses special files, oversized files and
decompression bombs before `torch.load(weights_only=True)`, which refuses any
pickle that names a function or class. Then every field is checked (_fields below,
saved_state.py, History.from_dict, ActionLog.from_list) before a new session is
built from clean copies, so a bad file leaves the current session untouched.

`load` and `from_bytes` raise CheckpointError, and nothing else, for any content.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass

import torch

from gradlab.core import checks
from gradlab.core.actions import ActionLog
from gradlab.core.config import ConfigError, ExperimentConfig
from gradlab.core.fileio import atomic_write_bytes
from gradlab.core.history import History
from gradlab.core.saved_state import check_state
from gradlab.core.session import TrainingSession
from gradlab.core.torchfile import (
    MAX_FILE_BYTES,
    MAX_UNPACKED_BYTES,
    CheckpointError,
    load_bytes,
    read_file,
)

FORMAT = "gradlab-checkpoint"
VERSION = 1
MAX_BYTES = MAX_FILE_BYTES  # refused before reading
__all__ = ["MAX_BYTES", "MAX_UNPACKED_BYTES", "CheckpointError", "load", "save"]


def to_bytes(session: TrainingSession, extra: dict | None = None) -> bytes:
    payload = {
        "format": FORMAT,
        "version": VERSION,
        "config": session.config.to_dict(),
        "state": session.capture_state(),
        "history": session.history.to_dict(),
        "extra": extra or {},
    }
    buffer = io.BytesIO()
    torch.save(payload, buffer)
    return buffer.getvalue()


def save(session: TrainingSession, path: str | os.PathLike, extra: dict | None = None) -> None:
    atomic_write_bytes(path, to_bytes(session, extra))


def load(path: str | os.PathLike) -> tuple[TrainingSession, dict]:
    """A new session from a checkpoint file, plus its (checked) `extra` dict."""
    name = checks.one_line(os.fspath(path), 300)
    return from_bytes(read_file(path, name), name=name)


def from_bytes(data: bytes, name: str = "checkpoint") -> tuple[TrainingSession, dict]:
    name = checks.one_line(name, 300)
    try:
        return _from_bytes(data, name)
    except CheckpointError:
        raise
    except checks.Invalid as exc:
        raise CheckpointError(
            "checkpoint.inconsistent", f"{name} is damaged: {exc}", exc.field
        ) from None
    except Exception as exc:  # noqa: BLE001 - the last net: no other error may escape
        raise CheckpointError(
            "checkpoint.inconsistent",
            f"{name} is damaged: its contents do not fit together ({type(exc).__name__})",
        ) from None


def _extra_log(value, field) -> list:
    return ActionLog.from_list(value, field).to_list()


def _fields(session: TrainingSession) -> dict[str, checks.Checker]:
    """Every field of a checkpoint and its check (one more field, one more line).
    Each check returns a clean copy; unknown fields are refused."""
    return {
        "format": checks.exactly(FORMAT),
        "version": checks.exactly(VERSION),
        "config": checks.anything,  # the session was built from it
        "state": lambda value, field: check_state(value, session, field),
        "history": History.from_dict,
        "extra": checks.record({"log": _extra_log}, optional_keys=("log",)),
    }


def _from_bytes(data: bytes, name: str) -> tuple[TrainingSession, dict]:
    payload = load_bytes(data, name)
    if not isinstance(payload, dict) or not checks.same(payload.get("format"), FORMAT):
        raise CheckpointError(
            "checkpoint.foreign", f"{name} is a PyTorch file, but not a GradLab checkpoint"
        )
    if not checks.same(payload.get("version"), VERSION):
        raise CheckpointError(
            "checkpoint.version",
            f"{name} was written by another GradLab version (format "
            f"{checks.shown(payload.get('version'))}; this one reads {VERSION})",
        )
    try:
        config = ExperimentConfig.from_dict(payload.get("config"))
    except ConfigError as exc:
        field = f"config.{exc.field}" if exc.field else "config"
        raise CheckpointError("checkpoint.bad_config", f"{name}: {exc}", field) from None
    except (TypeError, ValueError, OverflowError) as exc:
        raise CheckpointError("checkpoint.bad_config", f"{name}: {exc}", "config") from None
    session = TrainingSession(config)
    clean = checks.record(_fields(session))(payload, "")
    session.restore_state(clean["state"])
    session.history = clean["history"]
    session.history.truncate_after(session.step_count)
    return session, clean["extra"]


@dataclass(frozen=True)
class StateDictLab:
    """What `torch.save(model.state_dict(), path)` wrote, and a reload test."""

    path: str
    size: int  # bytes on disk
    entries: tuple[tuple[str, tuple[int, ...], str], ...]  # key, shape, dtype
    xs: tuple[float, ...]
    original: tuple[float, ...]  # the live model's predictions at xs
    fresh_before: tuple[float, ...]  # a freshly built model's, before loading
    reloaded: tuple[float, ...]  # the fresh model's after load_state_dict
    same: bool


def state_dict_lab(model, config: ExperimentConfig, path) -> StateDictLab:
    """Save the model's state_dict, load it into a freshly built model and compare
    their predictions. The live model is not changed."""
    buffer = io.BytesIO()
    torch.save(model.state_dict(), buffer)
    atomic_write_bytes(path, buffer.getvalue())
    loaded = torch.load(path, weights_only=True)
    from gradlab.core.models import build_model

    fresh = build_model(config, torch.Generator())  # other random weights, until loaded
    xs = torch.linspace(-2.0, 2.0, 5).unsqueeze(1)
    with torch.no_grad():
        original = model(xs).reshape(-1)
        before = fresh(xs).reshape(-1)
        fresh.load_state_dict(loaded)
        after = fresh(xs).reshape(-1)
    return StateDictLab(
        path=str(path),
        size=os.path.getsize(path),
        entries=tuple(
            (key, tuple(t.shape), str(t.dtype).replace("torch.", "")) for key, t in loaded.items()
        ),
        xs=tuple(xs.reshape(-1).tolist()),
        original=tuple(original.tolist()),
        fresh_before=tuple(before.tolist()),
        reloaded=tuple(after.tolist()),
        same=bool(torch.equal(original, after)),
    )
