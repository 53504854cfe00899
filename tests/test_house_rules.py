"""House rules a reviewer would otherwise have to remember."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_lib_never_imports_streamlit_except_the_session_package():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "lib").rglob("*.py")
        if path.relative_to(ROOT / "lib").parts[0] != "session" and "streamlit" in _imports(path)
    ]
    assert offenders == []


def test_extraction_never_reads_the_clock():
    clock_calls = ("date.today(", "datetime.now(", "datetime.today(", "time.time(")
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "lib" / "extract").rglob("*.py")
        if any(call in path.read_text(encoding="utf-8") for call in clock_calls)
    ]
    assert offenders == []


def test_tests_never_read_the_shared_folder():
    # The one exception is the real-news accuracy gate, which reads the set when it is there.
    allowed = {"test_house_rules.py", "test_news_accuracy.py"}
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "tests").rglob("*.py")
        if path.name not in allowed and "../shared" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_requirements_are_pinned_exactly():
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in (ROOT / name).read_text().splitlines():
            line = line.split("#")[0].strip()
            if line and not line.startswith("-r"):
                assert "==" in line, f"{name}: {line} is not pinned"
