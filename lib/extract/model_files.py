"""The installed files of each language's spaCy model with their sha256, for the provenance check.

The English 3.8 model comes from a re-upload (DESIGN §6): tests/model_manifest.json records the
digests of the files we adopted, and tests/test_model_provenance.py fails loudly if an upload changes.

    .venv/bin/python -m lib.extract.model_files > tests/model_manifest.json   # re-record, on purpose only
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

from lib.extract.lang import SUPPORTED_LANGUAGES, table


def model_digests(package: str) -> dict[str, str]:
    """{path inside the package: sha256} for every data file of an installed model package."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(f"the spaCy model {package} is not installed")
    root = Path(spec.origin).parent
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def manifest() -> dict[str, dict[str, str]]:
    """Digests of every shipped language's model, keyed by package name."""
    packages = sorted({table(lang).SPACY_MODEL for lang in SUPPORTED_LANGUAGES})
    return {package: model_digests(package) for package in packages}


if __name__ == "__main__":
    print(json.dumps(manifest(), indent=1, sort_keys=True))
