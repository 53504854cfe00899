"""Counting the lines a call runs in our own code: a measure of work that a loaded machine cannot blur."""
import sys
from pathlib import Path

LIB = Path(__file__).resolve().parent.parent / "lib"


def lines_run(function, where: Path = LIB) -> int:
    """Lines executed in `where` (a module file, or every file under a folder) while `function` runs;
    a scan in a comprehension or generator counts too."""
    prefix = str(where)

    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def tracer(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(prefix) else None

    sys.settrace(tracer)
    try:
        function()
    finally:
        sys.settrace(None)
    return count
