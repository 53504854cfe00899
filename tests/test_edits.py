"""lib.edits: what an analyst types by hand, read as a figure's value and unit and placed in the text."""
import pytest

from lib.edits import NotANumber, find_span, parse_figure_detail


@pytest.mark.parametrize("detail, expected", [
    ("200 planificateurs", (200.0, "planificateurs")),
    ("  200   planificateurs militaires ", (200.0, "planificateurs militaires")),
    ("1,5 million", (1.5, "million")),
    ("5 %", (5.0, "%")),
    ("-3", (-3.0, None)),
    ("", (None, None)),
    ("   ", (None, None)),
])
def test_a_figure_detail_reads_the_value_then_the_unit(detail, expected):
    assert parse_figure_detail(detail) == expected


@pytest.mark.parametrize("detail, number", [
    ("nan pays", "nan"), ("inf", "inf"), ("-Infinity", "-Infinity"), ("1e999 soldats", "1e999"),
    ("douze pays", "douze"), ("200planificateurs", "200planificateurs"),
])
def test_a_figure_detail_that_does_not_start_with_a_finite_number_is_refused(detail, number):
    with pytest.raises(NotANumber) as refused:
        parse_figure_detail(detail)
    assert refused.value.number == number
    assert isinstance(refused.value, ValueError)


TEXT = "Healy a déclaré que plus de 200 planificateurs étaient prêts. Healy a conclu."


@pytest.mark.parametrize("wanted, expected", [
    ("plus de 200 planificateurs", (20, 46)),
    ("  plus de 200 planificateurs\n", (20, 46)),  # the analyst's stray spaces do not count
    ("Healy", (None, None)),  # twice in the text: no guess
    ("Radakin", (None, None)),  # not in the text
    ("PLUS DE 200", (None, None)),  # verbatim only
    ("", (None, None)),
    ("   ", (None, None)),
])
def test_a_span_is_found_only_when_it_stands_once_verbatim(wanted, expected):
    assert find_span(TEXT, wanted) == expected
    if expected[0] is not None:
        assert TEXT[expected[0]:expected[1]] == wanted.strip()
