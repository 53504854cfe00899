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


def _lib_modules() -> dict[str, Path]:
    """Every module under lib/ by dotted name ('lib.session' for lib/session/__init__.py)."""
    modules = {}
    for path in (ROOT / "lib").rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def _lib_imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """The lib modules `path` imports anywhere in it (top level or inside a function), as dotted names."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}  # 'from lib import corpus'
    return {name for name in found if name in modules}


def test_nothing_in_lib_imports_the_command_line():
    modules = _lib_modules()
    offenders = [
        f"{name} imports {target}"
        for name, path in modules.items()
        if name != "lib.__main__"
        for target in _lib_imports(path, modules)
        if target in ("lib.cli", "lib.__main__")
    ]
    assert offenders == []


def test_nothing_in_lib_outside_the_session_package_imports_it():
    modules = _lib_modules()
    offenders = [
        f"{name} imports {target}"
        for name, path in modules.items()
        if not name.startswith("lib.session")
        for target in _lib_imports(path, modules)
        if target.startswith("lib.session")
    ]
    assert offenders == []


def test_main_is_the_four_line_entry_to_the_command_line():
    code = [line for line in (ROOT / "lib" / "__main__.py").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith('"""')]
    assert code == ["from lib.cli import main", 'if __name__ == "__main__":', "    raise SystemExit(main())"]


def test_no_import_of_our_own_modules_hides_behind_except_import_error():
    offenders = []
    for path in [*(ROOT / "lib").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "dashboard.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Try):
                continue
            caught = {ast.unparse(handler.type) for handler in node.handlers if handler.type is not None}
            if not caught & {"ImportError", "ModuleNotFoundError", "(ImportError, ModuleNotFoundError)"}:
                continue
            ours = [ast.unparse(inner) for statement in node.body for inner in ast.walk(statement)
                    if isinstance(inner, (ast.Import, ast.ImportFrom)) and "lib" in _imports_of(inner)]
            offenders += [f"{path.relative_to(ROOT)}: {line}" for line in ours]
    assert offenders == []


def _imports_of(node) -> set[str]:
    if isinstance(node, ast.Import):
        return {alias.name.split(".")[0] for alias in node.names}
    return {node.module.split(".")[0]} if node.module else set()


def test_no_import_cycle_inside_lib():
    modules = _lib_modules()
    graph = {name: _lib_imports(path, modules) - {name} for name, path in modules.items()}
    cycles, state = [], {}

    def visit(name: str, trail: list[str]) -> None:
        state[name] = "open"
        for target in sorted(graph[name]):
            if state.get(target) == "open":
                cycles.append(" -> ".join(trail[trail.index(target):] + [target]))
            elif target not in state:
                visit(target, [*trail, target])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


# About 400 lines; the extraction rule modules (lib/extract/*.py) are long lists of rules and are exempt.
MAX_LIB_LINES = 420


def test_no_file_in_lib_outgrows_one_idea():
    offenders = {
        str(path.relative_to(ROOT)): lines
        for path in (ROOT / "lib").rglob("*.py")
        if path.parent != ROOT / "lib" / "extract"
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LIB_LINES
    }
    assert offenders == {}


def test_the_dashboard_imports_no_parser_or_date_library_before_the_first_extraction():
    # DESIGN §5: the first page draws in under 3 s; spaCy and dateparser load on first extraction.
    import subprocess
    import sys

    probe = "import sys, lib.session, lib.extract; print(sorted({'spacy', 'dateparser'} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
