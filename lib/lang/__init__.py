"""Language data that reading a page needs before any extraction: site boilerplate phrases.

Kept apart from lib/extract/lang/ so that reading an upload does not import the extraction engine
(dateparser and its tables cost about 0.1 s). A new language is a new `boilerplate_<lang>.py` here.

>>> "s'abonner" in boilerplate_table("fr").WHOLE_LINES
True
"""
from __future__ import annotations

import importlib
from types import ModuleType

# Languages whose boilerplate phrases are marked; every page is checked against all of them,
# since a French site's English cookie banner is still a cookie banner.
SUPPORTED_BOILERPLATE = ("fr", "en")


def boilerplate_table(lang: str) -> ModuleType:
    """The boilerplate table of `lang`: WHOLE_LINES (whole lines, any case) and LINE_STARTS (regexes)."""
    if lang not in SUPPORTED_BOILERPLATE:
        raise ValueError(f"no boilerplate table for {lang!r}")
    return importlib.import_module(f"lib.lang.boilerplate_{lang}")
