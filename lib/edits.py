"""What an analyst changes by hand: items added that extraction missed.

>>> parse_figure_detail("200 planificateurs")
(200.0, 'planificateurs')
>>> find_span("Healy a dit. Healy a dit.", "Healy")
(None, None)
"""
from __future__ import annotations

import math


class NotANumber(ValueError):
    """A figure's value typed by hand that is not a finite number ('douze', 'nan', 'inf', '1e999')."""

    def __init__(self, number: str):
        super().__init__(f"{number!r} is not a finite number")
        self.number = number


def parse_figure_detail(detail: str) -> tuple[float | None, str | None]:
    """(value, unit) of a figure's detail, the value first: '1,5 million' is (1.5, 'million'), '' is (None, None).

    >>> parse_figure_detail(" 1,5   million de dollars ")
    (1.5, 'million de dollars')
    >>> parse_figure_detail("inf pays")
    Traceback (most recent call last):
    ...
    lib.edits.NotANumber: 'inf' is not a finite number
    """
    number, _, unit = detail.strip().partition(" ")
    if not number:
        return None, unit.strip() or None
    try:
        value = float(number.replace(",", "."))
    except ValueError:
        raise NotANumber(number) from None
    # float() also reads 'nan' and 'inf': neither is a figure, and NaN breaks every comparison downstream.
    if not math.isfinite(value):
        raise NotANumber(number)
    return value, unit.strip() or None


def find_span(text: str, wanted: str) -> tuple[int | None, int | None]:
    """(start, end) of `wanted` (stripped) when it stands in `text` exactly once, verbatim; else (None, None).

    An item added by hand gets its span only when there is no doubt where it is, so the
    Article page highlights it where the analyst read it, never at a guessed occurrence.

    >>> find_span("Plus de 200 planificateurs.", " 200 planificateurs ")
    (8, 26)
    """
    wanted = wanted.strip()
    if wanted and text.count(wanted) == 1:
        start = text.index(wanted)
        return start, start + len(wanted)
    return None, None
