"""The extraction engine: `extract(article) -> Extraction`, its one entry point.

The work lives in lib/extract/engine.py. Importing this package (or its language tables, as the
dashboard's first page does) loads nothing heavy: spaCy, its models and dateparser load on the first
call of `extract`, so the first page draws in well under the 3 s DESIGN §5 allows.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from lib.extract.lang import UnsupportedLanguage

if TYPE_CHECKING:
    from lib.models import Article, Extraction

__all__ = ["UnsupportedLanguage", "extract"]


def extract(article: Article, progress: Callable[[float, str], None] | None = None) -> Extraction:
    """Claims, figures and events of `article`, with stable ids and offsets into its text.

    The article's language must be known (see lib.language.detect_language); the
    publication date, when given, anchors relative time expressions. `progress(share, step)`
    hears how far the work is (0 to 1) after each parsed piece of the text and each finder.
    """
    from lib.extract.engine import extract as extract_article

    return extract_article(article, progress)
