"""lib.output.write_output: what `export -o PATH` does to each kind of path (issue 12, point 3)."""
from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from lib.output import OutputError, write_output

DATA = b"id,text\n1,Healy a parl\xc3\xa9.\n"


def test_a_new_file_is_written_whole_with_the_usual_permissions(tmp_path):
    target = tmp_path / "claims.csv"
    assert write_output(target, DATA) == f"wrote 26 bytes to {target}"
    assert target.read_bytes() == DATA
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~_umask()
    assert [p.name for p in tmp_path.iterdir()] == ["claims.csv"]  # no partial file left beside it


def test_an_existing_file_is_replaced_atomically_and_keeps_its_permissions(tmp_path):
    target = tmp_path / "claims.csv"
    target.write_bytes(b"old")
    target.chmod(0o640)
    inode = target.stat().st_ino
    write_output(target, DATA)
    assert target.read_bytes() == DATA
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.stat().st_ino != inode  # a new file renamed over the old one, never truncated in place


def test_dev_full_stays_a_device_and_the_failure_is_reported():
    with pytest.raises(OutputError) as raised:
        write_output("/dev/full", DATA)
    assert str(raised.value) == "cannot write /dev/full: No space left on device"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_dev_null_is_written_through_and_stays_a_device():
    assert write_output("/dev/null", DATA) == "wrote 26 bytes through the device /dev/null"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_symlink_to_a_file_is_refused_and_neither_the_link_nor_its_target_changes(tmp_path):
    victim = tmp_path / "passwd"
    victim.write_bytes(b"root:x:0:0\n")
    link = tmp_path / "out.csv"
    link.symlink_to(victim)
    with pytest.raises(OutputError) as raised:
        write_output(link, DATA)
    assert str(raised.value) == f"{link} is a symbolic link (to {victim}): not replaced or followed; name a regular file"
    assert link.is_symlink() and victim.read_bytes() == b"root:x:0:0\n"


def test_a_dangling_symlink_is_refused_and_nothing_is_created(tmp_path):
    link = tmp_path / "out.csv"
    link.symlink_to(tmp_path / "nowhere")
    with pytest.raises(OutputError, match="is a symbolic link"):
        write_output(link, DATA)
    assert not (tmp_path / "nowhere").exists()


def test_a_symlink_to_a_device_is_written_through(tmp_path):
    link = tmp_path / "out"
    link.symlink_to("/dev/null")
    assert write_output(link, DATA) == f"wrote 26 bytes through the device {link}"
    assert link.is_symlink()


def test_a_fifo_with_a_reader_receives_the_bytes_and_stays_a_fifo(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    try:
        for _ in range(1000):  # the reader opens its end on its own schedule; ENXIO until then
            try:
                message = write_output(fifo, DATA)
                break
            except OutputError as error:
                assert "no process is reading this FIFO" in str(error)
                threading.Event().wait(0.01)
    finally:
        reader.join(timeout=10)
    assert message == f"wrote 26 bytes through the FIFO {fifo}"
    assert received == [DATA] and stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_fifo_nobody_reads_is_refused_at_once_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputError) as raised:
        write_output(fifo, DATA)
    assert str(raised.value) == f"cannot write {fifo}: no process is reading this FIFO"
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.parametrize("kind", ["folder", "socket"])
def test_folders_and_sockets_are_refused(tmp_path, kind):
    import socket

    target = tmp_path / kind
    if kind == "folder":
        target.mkdir()
    else:
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(target))
    with pytest.raises(OutputError) as raised:
        write_output(target, DATA)
    assert str(raised.value) == f"{target} is a {kind}, not a file: name a file to write"


def test_a_missing_folder_is_named(tmp_path):
    with pytest.raises(OutputError) as raised:
        write_output(tmp_path / "missing" / "claims.csv", DATA)
    assert str(raised.value) == f"cannot write {tmp_path / 'missing' / 'claims.csv'}: no folder {tmp_path / 'missing'}"


def _umask() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("Umask:"):
            return int(line.split()[1], 8)
    raise AssertionError("no Umask line")
