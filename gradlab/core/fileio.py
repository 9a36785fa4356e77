"""Files on disk: reading only regular files, and atomic writes.

Reading: `read_regular_file` refuses anything that is not a regular file (a FIFO,
a device, a folder, or a symlink to one) before reading a byte, so a FIFO never
hangs and /dev/zero is never read, and it reads at most a given size.

Writing: a temporary file in the same folder, then a rename, so a crash (or a
full disk) mid-write leaves the previous version of the file intact. Only a
regular file (or nothing) is ever replaced; a symlink is written through.

Moving aside: `move_aside` keeps a file that could not be used (a refused
autosave) under a name with the time, never deleting it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import time
from pathlib import Path

# A writer never takes minutes on one file: a temporary this old was left by a
# writer that was killed. A younger one may belong to a save still going on.
STALE_TEMPORARY_S = 300
_TOKEN_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_"  # as tempfile's names
_TOKEN = re.compile(r"[a-z0-9_]{8}")


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

    Raises NotRegularFile before reading anything else, FileTooLarge, or OSError
    (also for a path no system can take, such as one with a NUL byte).
    The path is checked with stat() before it is opened (opening some devices
    has effects), and the opened file again with fstat() (the path may have
    changed in between); O_NONBLOCK makes opening a FIFO return at once.
    """
    try:
        info = os.stat(path)  # follows symlinks: a link to /dev/zero is a device
    except ValueError as exc:  # a path the system cannot take (a NUL byte ...)
        raise OSError(errno.EINVAL, str(exc), str(path)) from None
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


def _write_target(path: str | os.PathLike) -> Path:
    """Where writing `path` really writes: symlinks resolved (a link is written
    through to its target, and stays a link). Raises NotRegularFile when the
    path is a folder, a device, a FIFO ... (or a link to one): replacing those
    with a regular file is never what was meant."""
    try:
        info = os.stat(path)  # follows links: /dev/stdout gives the pipe or tty
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise _not_regular(path, info.st_mode)
    return Path(os.path.realpath(path))


def _create_temporary(target: Path) -> tuple[int, str]:
    """A new, empty file `.NAME.xxxxxxxx.tmp` next to the target. Its mode is
    0666 less the umask, as for any new file (mkstemp would make it 0600)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        token = "".join(secrets.choice(_TOKEN_CHARS) for _ in range(8))
        tmp = str(target.with_name(f".{target.name}.{token}.tmp"))
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(target.parent))


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Replace the file at `path` with `data`, all or nothing. A symlink is written
    through to its target; an existing file keeps its mode (and, where allowed,
    its owner); a folder, device or FIFO is refused (NotRegularFile). Temporary
    files of ours that a killed writer left next to the target are removed."""
    target = _write_target(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(target)
    try:
        existing = os.stat(target)
    except FileNotFoundError:
        existing = None
    fd, tmp = _create_temporary(target)
    try:
        with os.fdopen(fd, "wb") as fh:
            if existing is not None:
                _keep_mode_and_owner(fh.fileno(), existing)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        _replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _keep_mode_and_owner(fd: int, existing: os.stat_result) -> None:
    if hasattr(os, "fchmod"):
        os.fchmod(fd, stat.S_IMODE(existing.st_mode))
    if hasattr(os, "fchown") and existing.st_uid != os.geteuid():
        with contextlib.suppress(OSError):  # only root may give a file away
            os.fchown(fd, existing.st_uid, existing.st_gid)


def remove_stale_temporaries(target: Path, max_age: float = STALE_TEMPORARY_S) -> int:
    """Remove `.NAME.xxxxxxxx.tmp` files next to `target` older than `max_age`
    seconds: what a writer killed mid-save (kill -9, power cut) left. A younger
    one may belong to a writer still at work, and is kept. Returns how many."""
    prefix = f".{target.name}."
    removed = 0
    now = time.time()
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return 0
    for entry in entries:
        name = entry.name
        token = name[len(prefix) : -len(".tmp")]
        if not (name.startswith(prefix) and name.endswith(".tmp") and _TOKEN.fullmatch(token)):
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > max_age:
                os.unlink(entry.path)
                removed += 1
    return removed


def check_writable(path: str | os.PathLike) -> None:
    """Raise OSError (its strerror says why) unless `path` can be written now:
    a regular file or nothing, in an existing folder that accepts a new file
    (tried for real with a temporary file, removed at once)."""
    target = _write_target(path)
    if not target.parent.is_dir():
        raise FileNotFoundError(
            errno.ENOENT, f"its folder {target.parent} does not exist", str(path)
        )
    fd, tmp = _create_temporary(target)
    os.close(fd)
    os.unlink(tmp)


def move_aside(path: str | os.PathLike, label: str = "refused") -> Path:
    """Rename `path` next to itself to NAME.LABEL-YYYYmmdd-HHMMSS.EXT (the time
    is local), keeping it: never deleted, never written over (a -2, -3 ... is
    added when that name is taken). Returns the new path."""
    if not re.fullmatch(r"[a-z0-9-]{1,20}", label):
        raise ValueError(f"label must be a few lowercase letters, digits or -; got {label!r}")
    path = Path(path)
    stem, dot, extension = path.name.partition(".")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in range(1, 1000):
        again = f"-{n}" if n > 1 else ""
        new = path.with_name(f"{stem}.{label}-{stamp}{again}{dot}{extension}")
        try:
            os.link(path, new, follow_symlinks=False)  # fails if `new` exists
        except FileExistsError:
            continue
        except (OSError, NotImplementedError):
            # No hard links here (a folder, some file systems): rename, after
            # checking the name is free.
            if os.path.lexists(new):
                continue
            os.rename(path, new)
            return new
        os.unlink(path)
        return new
    raise FileExistsError(errno.EEXIST, "no free name to move the file aside", str(path))


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def _replace(tmp: str, path: Path) -> None:
    # Separate so tests can simulate a crash between writing and renaming.
    os.replace(tmp, path)
