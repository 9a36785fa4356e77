"""Files on disk: reading only regular files, and atomic writes.

Reading: `read_regular_file` refuses anything that is not a regular file (a FIFO,
a device, a folder, or a symlink to one) before reading a byte, so a FIFO never
hangs and /dev/zero is never read, and it reads at most a given size.

Writing: a temporary file in the same folder, then a rename, so a crash (or a
full disk) mid-write leaves the previous version of the file intact.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path


class NotRegularFile(OSError):
    """A path that is not a regular file (a FIFO, a device, a folder ...).
    `strerror` says what it is instead."""


class FileTooLarge(OSError):
    """A file larger than the reader accepts."""


def kind_of(mode: int) -> str:
    """What a file is, in words, from its st_mode."""
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def _not_regular(path, mode: int) -> NotRegularFile:
    what = kind_of(mode)
    code = errno.EISDIR if stat.S_ISDIR(mode) else errno.EINVAL
    return NotRegularFile(code, f"is {what}, not a regular file", str(path))


def read_regular_file(path: str | os.PathLike, max_bytes: int) -> bytes:
    """The whole content of a regular file of at most `max_bytes` bytes.

    Raises NotRegularFile before reading anything else, FileTooLarge, or OSError.
    The path is checked with stat() before it is opened (opening some devices
    has effects), and the opened file again with fstat() (the path may have
    changed in between); O_NONBLOCK makes opening a FIFO return at once.
    """
    info = os.stat(path)  # follows symlinks: a link to /dev/zero is a device
    if not stat.S_ISREG(info.st_mode):
        raise _not_regular(path, info.st_mode)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _not_regular(path, info.st_mode)
        if info.st_size > max_bytes:
            raise FileTooLarge(errno.EFBIG, f"is larger than {max_bytes:,} bytes", str(path))
        chunks, total = [], 0
        while True:  # the file may grow after fstat: never read past the cap
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise FileTooLarge(errno.EFBIG, f"is larger than {max_bytes:,} bytes", str(path))
        return b"".join(chunks)
    finally:
        os.close(fd)


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        _replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def _replace(tmp: str, path: Path) -> None:
    # Separate so tests can simulate a crash between writing and renaming.
    os.replace(tmp, path)
