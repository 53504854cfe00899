"""Writing a file a user named: regular files atomically, devices and FIFOs through, anything else refused.

`write_output(path, data)` decides by what the path is now, never by what it is called:

- missing or a regular file: written beside it and renamed over it, so a failed write never leaves
  half a file and the old one stays whole (an existing file keeps its permissions);
- a character device (/dev/null, /dev/full, a terminal) or a FIFO: written through, never replaced
  by a regular file; a write the device refuses (/dev/full: no space) is an OutputError, and a FIFO
  nobody reads is refused at once rather than waited on;
- a symbolic link: refused, unless it leads to a device or a FIFO (/dev/stdout), which is written
  through; replacing a link, or following one to a file, could overwrite a file the user never named;
- a folder, a socket or a block device: refused.

>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "claims.csv"
>>> write_output(path, b"id,text\\n") == f"wrote 8 bytes to {path}"
True
>>> write_output("/dev/null", b"x")
'wrote 1 byte through the device /dev/null'
"""
from __future__ import annotations

import errno
import os
import stat
import tempfile
import unicodedata
from pathlib import Path


class OutputError(Exception):
    """The output path cannot be written, or is not something Fact Desk writes to; one line saying why."""


def write_output(path: str | os.PathLike, data: bytes) -> str:
    """Write `data` to `path` by the rules above; returns what was done, for the user ('wrote 31,104 bytes to x.csv')."""
    target = Path(path)
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise OutputError(f"cannot write {target}: {error.strerror or error}") from None
    if info is None or stat.S_ISREG(info.st_mode):
        _replace(target, data, None if info is None else stat.S_IMODE(info.st_mode))
        return f"wrote {_bytes(data)} to {target}"
    if stat.S_ISLNK(info.st_mode):
        try:
            points_to = os.stat(target).st_mode
        except OSError:
            points_to = 0
        if not (stat.S_ISCHR(points_to) or stat.S_ISFIFO(points_to)):
            raise OutputError(
                f"{target} is a symbolic link (to {os.readlink(target)}): not replaced or followed; name a regular file"
            )
        info = os.stat(target)
    if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
        what = "the FIFO" if stat.S_ISFIFO(info.st_mode) else "the device"
        _write_through(target, data, fifo=stat.S_ISFIFO(info.st_mode))
        return f"wrote {_bytes(data)} through {what} {target}"
    kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a socket" if stat.S_ISSOCK(info.st_mode) else "a block device"
    raise OutputError(f"{target} is {kind}, not a file: name a file to write")


def _replace(target: Path, data: bytes, mode: int | None) -> None:
    folder = target.parent
    try:
        handle = tempfile.NamedTemporaryFile(dir=folder, prefix=f".{target.name}.", suffix=".partial", delete=False)
    except OSError as error:
        raise OutputError(f"cannot write {target}: {_reason(error, folder)}") from None
    partial = Path(handle.name)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); a new export gets the usual permissions, an old one keeps its own.
        os.chmod(partial, mode if mode is not None else 0o666 & ~_umask())
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise OutputError(f"cannot write {target}: {error.strerror or error}") from None


def _write_through(target: Path, data: bytes, *, fifo: bool) -> None:
    flags = os.O_WRONLY | os.O_NOCTTY | (os.O_NONBLOCK if fifo else 0)
    try:
        descriptor = os.open(target, flags)
    except OSError as error:
        if fifo and error.errno == errno.ENXIO:
            raise OutputError(f"cannot write {target}: no process is reading this FIFO") from None
        raise OutputError(f"cannot write {target}: {error.strerror or error}") from None
    try:
        if fifo:
            os.set_blocking(descriptor, True)  # a reader is there: wait for it like any pipe
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view):]
    except OSError as error:
        raise OutputError(f"cannot write {target}: {error.strerror or error}") from None
    finally:
        os.close(descriptor)


def _reason(error: OSError, folder: Path) -> str:
    if error.errno == errno.ENOENT:
        return f"no folder {folder}"
    return error.strerror or str(error)


def _bytes(data: bytes) -> str:
    return f"{len(data):,} byte{'' if len(data) == 1 else 's'}"


def _umask() -> int:
    # Read, not set and restored: os.umask changes it for every thread of the process meanwhile.
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def printable(name: str | os.PathLike) -> str:
    """A file name fit for a terminal: control characters escaped, bytes that were not UTF-8 shown as \\\\xNN.

    A name holding ESC could move the cursor or retitle the window when printed; a name read
    from a non-UTF-8 file system arrives with surrogate escapes and would fail to print at all.

    >>> printable("a\\x1b[2Jb.txt"), printable(b"caf\\xe9.txt".decode("utf-8", "surrogateescape"))
    ('a\\\\x1b[2Jb.txt', 'caf\\\\xe9.txt')
    """
    out = []
    for ch in os.fspath(name):
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: one undecodable byte
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF or unicodedata.category(ch) in ("Cc", "Cf"):
            out.append(ch.encode("unicode_escape").decode("ascii") if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(ch)
    return "".join(out)
