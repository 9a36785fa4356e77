"""Reading a file that `torch.save` wrote, when the file may be hostile.

Before any byte reaches `torch.load`:
- the path must be a regular file (a FIFO, a device such as /dev/zero, a folder,
  or a symlink to one of them is refused without reading it), at most
  MAX_FILE_BYTES long;
- it must be a zip archive as `torch.save` writes it: at most MAX_ENTRIES
  entries, all stored uncompressed (torch.save never compresses), whose declared
  sizes add up to at most MAX_UNPACKED_BYTES. A decompression bomb (a few MB
  that inflate to GBs) is refused from its directory, before anything inflates.
Then `torch.load(weights_only=True)` unpickles it, which refuses any pickle that
names a function or class outside tensors and plain containers; that refusal is
reported as "asks to run code", naming the global.
"""

from __future__ import annotations

import io
import pickletools
import re
import warnings
import zipfile

from gradlab.core.checks import one_line
from gradlab.core.fileio import FileTooLarge, NotRegularFile, read_regular_file

# A real checkpoint is under 10 MB (a full history of 131,072 rows is ~7 MB of
# pickle); these caps leave room and keep a hostile file's cost bounded.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_ENTRIES = 256
PICKLE_PROTOCOL = 2  # what torch.save writes
_GLOBAL_IN_MESSAGE = re.compile(r"GLOBAL ([^\s]+)")  # both wordings of torch 2.13
_REDUCE_IN_MESSAGE = re.compile(r"call reduce for unrecognized function ([^\n]+)")


MAX_MESSAGE = 1000  # characters of a refusal: a hostile file must not fill the screen


class CheckpointError(Exception):
    """A file that cannot be loaded. `code` is stable (the GUI translates it), the
    message says why in one line; `field` names the refused field, if one was."""

    def __init__(self, code: str, message: str, field: str | None = None):
        super().__init__(one_line(message, MAX_MESSAGE))
        self.code = code
        self.field = field


def read_file(path, name: str) -> bytes:
    """The bytes of a regular file of at most MAX_FILE_BYTES, else CheckpointError."""
    try:
        return read_regular_file(path, MAX_FILE_BYTES)
    except NotRegularFile as exc:
        raise CheckpointError("checkpoint.not_a_file", f"{name} {exc.strerror}") from None
    except FileTooLarge:
        raise CheckpointError(
            "checkpoint.too_large",
            f"{name} is larger than {MAX_FILE_BYTES // 2**20} MB, far too large for a checkpoint",
        ) from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise CheckpointError("checkpoint.unreadable", f"cannot read {name}: {reason}") from None


def load_bytes(data: bytes, name: str) -> object:
    """Unpickle torch.save bytes with weights_only=True, after the zip checks."""
    _check_archive(data, name)
    try:
        import torch

        with warnings.catch_warnings():
            # A hostile file can make torch warn (a storage type ...); the
            # refusal below says what matters, in one line.
            warnings.simplefilter("ignore")
            return torch.load(io.BytesIO(data), weights_only=True, map_location="cpu")
    except Exception as exc:  # noqa: BLE001 - any failure to unpickle means "not ours"
        unsafe = _unsafe_global(str(exc), data)
        if unsafe:
            raise _asks_to_run_code(name, unsafe) from None
        raise _corrupt(name) from None


def _asks_to_run_code(name: str, what: str) -> CheckpointError:
    return CheckpointError(
        "checkpoint.unsafe",
        f"{name} asks to run code while loading (it names {what}); GradLab never runs "
        "code from a file, so the file was refused and nothing in it ran",
    )


def _corrupt(name: str, why: str = "it is damaged or truncated") -> CheckpointError:
    return CheckpointError("checkpoint.corrupt", f"{name} is not a GradLab checkpoint, or {why}")


def _check_archive(data: bytes, name: str) -> None:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        # torch.save has written zip archives since PyTorch 1.6, and GradLab always
        # did: older pickle files are never unpickled. A plain pickle is still
        # named for the code it asks to run.
        found = _globals_in_pickle(data)
        if found:
            raise _asks_to_run_code(name, found[0])
        raise _corrupt(name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except Exception:  # noqa: BLE001 - a directory zipfile cannot read is damaged
        raise _corrupt(name, "its zip directory is damaged") from None
    if len(entries) > MAX_ENTRIES:
        raise CheckpointError(
            "checkpoint.too_large",
            f"{name} holds {len(entries):,} entries; a checkpoint has fewer than {MAX_ENTRIES}",
        )
    unpacked = sum(e.file_size for e in entries)
    if unpacked > MAX_UNPACKED_BYTES:
        raise CheckpointError(
            "checkpoint.too_large",
            f"{name} would unpack to {unpacked:,} bytes; the limit for a checkpoint is "
            f"{MAX_UNPACKED_BYTES:,} bytes",
        )
    for e in entries:
        if e.compress_type != zipfile.ZIP_STORED or e.compress_size != e.file_size:
            raise _corrupt(name, f"its entry {one_line(e.filename, 80)!r} is compressed")
    pickled = _the_pickle(data)
    if pickled is None:
        raise _corrupt(name)
    if pickled[:2] != b"\x80" + bytes([PICKLE_PROTOCOL]):
        # torch.save writes protocol 2. Another protocol reaches opcodes the
        # weights-only unpickler was not made for: refused here, code named.
        found = _globals_in_pickle(pickled)
        if found:
            raise _asks_to_run_code(name, found[0])
        raise _corrupt(name, f"its pickle is not protocol {PICKLE_PROTOCOL}")


def _the_pickle(data: bytes) -> bytes | None:
    """The archive's data.pkl (its size already checked), or None."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            found = [e for e in archive.infolist() if e.filename.endswith("data.pkl")]
            return archive.read(found[0]) if len(found) == 1 else None
    except Exception:  # noqa: BLE001 - unreadable: damaged
        return None


def _unsafe_global(message: str, data: bytes) -> str | None:
    """The function or class a refused pickle asked for, if that was the refusal."""
    for pattern in (_GLOBAL_IN_MESSAGE, _REDUCE_IN_MESSAGE):
        match = pattern.search(message)
        if match:
            return one_line(match.group(1).rstrip("."), 100)
    # Other wordings: look at the globals the pickle names, without running it.
    found = _globals_in_pickle(_the_pickle(data) or b"")
    return found[0] if found else None


def _globals_in_pickle(data: bytes) -> list[str]:
    """Globals a pickle names that weights_only loading does not allow, read with
    pickletools (which only parses: nothing is imported or called)."""
    allowed = _allowed_globals()
    found = []
    strings: list[str] = []
    try:
        for opcode, arg, _ in pickletools.genops(data):
            if isinstance(arg, str) and opcode.name != "GLOBAL":
                strings = [*strings[-1:], arg]
            full = None
            if opcode.name in ("GLOBAL", "INST") and isinstance(arg, str):
                full = arg.replace(" ", ".", 1)
            elif opcode.name == "STACK_GLOBAL" and len(strings) == 2:
                full = ".".join(strings)
            if full is not None and full not in allowed:
                found.append(one_line(full, 100))
            if opcode.name == "STOP":
                break
    except Exception:  # noqa: BLE001 - genops stops at the first byte it cannot parse
        pass
    return found


def _allowed_globals() -> set[str]:
    try:
        from torch._weights_only_unpickler import _get_allowed_globals

        return set(_get_allowed_globals())
    except Exception:  # noqa: BLE001 - private API: without it, every global is named
        return set()
