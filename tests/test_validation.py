"""lib.validation: every value a user can type, as rows of input and outcome (issue 12, points 5-7)."""
from __future__ import annotations

import os
from datetime import date

import pytest

from lib.validation import (
    MAX_VERSION,
    InvalidInput,
    analyst_name,
    database_url,
    evidence_link,
    evidence_links,
    expected_version,
    publication_date,
    worker_count,
)

GOOD_LINKS = [
    ("https://example.org/report", "https://example.org/report"),
    ("  http://example.org/a?b=c#d \n", "http://example.org/a?b=c#d"),
    ("HTTPS://EXAMPLE.ORG", "HTTPS://EXAMPLE.ORG"),
    ("https://[2001:db8::1]/x", "https://[2001:db8::1]/x"),
]
BAD_LINKS = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.org/x",
    "example.org/report",
    "//example.org/x",
    "http://",
    "https:///path-without-host",
    "http://exa mple.org",
    "http://example.org/\x1b[31m",
    "https://example.org/\u202egnp.exe",
    "http://[::1",
]


@pytest.mark.parametrize("link, expected", GOOD_LINKS)
def test_http_links_with_a_host_are_evidence(link, expected):
    assert evidence_link(link) == expected


@pytest.mark.parametrize("link", BAD_LINKS)
def test_anything_but_an_http_link_with_a_host_is_refused_by_name(link):
    with pytest.raises(InvalidInput) as raised:
        evidence_link(link)
    assert str(raised.value).startswith("evidence must be http(s) links, not: ")
    assert "\n" not in str(raised.value)


def test_every_bad_link_is_named_in_one_message_and_blanks_are_dropped():
    with pytest.raises(InvalidInput) as raised:
        evidence_links(["https://ok.org", "javascript:x", "", "file:///etc/passwd"])
    assert str(raised.value) == "evidence must be http(s) links, not: javascript:x, file:///etc/passwd"
    assert evidence_links(["https://ok.org", " ", ""]) == ("https://ok.org",)


def test_a_link_longer_than_the_limit_is_refused_with_the_limit():
    with pytest.raises(InvalidInput, match=r"^evidence link too long: 2,001 characters, the limit is 2,000$"):
        evidence_link("https://e.org/" + "a" * (2001 - len("https://e.org/")))


@pytest.mark.parametrize(
    "name, message",
    [
        ("", "say who reviews (analyst name)"),
        ("   ", "say who reviews (analyst name)"),
        ("a" * 10_000, "analyst name too long: 10,000 characters, the limit is 100"),
        ("Ana\x1b[2J", "analyst name holds control characters: 'Ana\\x1b[2J'"),
        ("Ana\u202eDupont", "analyst name holds control characters: 'Ana\\u202eDupont'"),
        ("Ana\nDupont", "analyst name holds control characters: 'Ana\\nDupont'"),
    ],
)
def test_analyst_names_are_refused_when_empty_huge_or_holding_control_characters(name, message):
    with pytest.raises(InvalidInput) as raised:
        analyst_name(name)
    assert str(raised.value) == message


@pytest.mark.parametrize("name", ["Ana", " Zoë Ørsted-Łukasz ", "李明", "a" * 100])
def test_ordinary_names_in_any_script_are_kept_stripped(name):
    assert analyst_name(name) == name.strip()


@pytest.mark.parametrize(
    "value, message",
    [
        ("2025-02-30", "not a real date (YYYY-MM-DD): '2025-02-30'"),
        ("15/08/2025", "not a real date (YYYY-MM-DD): '15/08/2025'"),
        ("3025-01-01", "publication date 3025-01-01 is in the future"),
        ("1899-12-31", "publication date 1899-12-31 is before 1900"),
    ],
)
def test_publication_dates_are_real_and_plausible(value, message):
    with pytest.raises(InvalidInput) as raised:
        publication_date(value)
    assert str(raised.value).startswith(message)
    assert publication_date("2025-08-15") == date(2025, 8, 15)


@pytest.mark.parametrize("value", [2**63 - 1, 2**63, 2**64, -1, "1e3", "", "9" * 5000])
def test_versions_outside_the_stores_64_bit_column_are_refused(value):
    with pytest.raises(InvalidInput, match=r"^version must be a whole number from 0 to 9223372036854775806, not "):
        expected_version(value)
    assert expected_version(MAX_VERSION) == MAX_VERSION


def test_worker_counts_are_positive_and_capped_to_the_cores():
    assert worker_count("100000") == os.cpu_count()
    assert worker_count(3, cores=8) == 3
    for bad in ("0", "-2", "many", ""):
        with pytest.raises(InvalidInput, match=r"^workers must be a positive whole number"):
            worker_count(bad)


@pytest.mark.parametrize(
    "url, message",
    [
        ("postgresql+psycopg://fd@db:port/factdesk", "bad database URL 'postgresql+psycopg://fd@db:port/factdesk': the port must be a number from 1 to 65535"),
        ("postgresql+psycopg://fd@db:99999/factdesk", "bad database URL 'postgresql+psycopg://fd@db:99999/factdesk': the port must be a number from 1 to 65535"),
        ("postgresql+psycopg://fd:s3cret@db:x/factdesk", "bad database URL 'postgresql+psycopg://fd:***@db:x/factdesk': the port must be a number from 1 to 65535"),
        ("not a url", "bad database URL 'not a url': expected sqlite:///path/to/file.db or postgresql+psycopg://user@host:5432/name"),
        ("mysql://fd@db/factdesk", "unsupported database URL 'mysql://fd@db/factdesk': expected sqlite:///path/to/file.db or postgresql+psycopg://user@host:5432/name"),
    ],
)
def test_database_urls_that_cannot_be_opened_are_refused_in_one_line(url, message):
    with pytest.raises(InvalidInput) as raised:
        database_url(url)
    assert str(raised.value) == message


def test_a_sqlite_url_naming_a_missing_file_is_refused_when_the_store_must_exist(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert database_url("sqlite:///typo") == "sqlite:///typo"  # ingest may create it
    with pytest.raises(InvalidInput) as raised:
        database_url("sqlite:///typo", existing=True)
    assert str(raised.value) == f"no database at {tmp_path / 'typo'} (check --db; ingest creates one)"
    assert not (tmp_path / "typo").exists()
    (tmp_path / "real.db").write_bytes(b"")
    assert database_url("sqlite:///real.db", existing=True) == "sqlite:///real.db"
    assert database_url("sqlite://", existing=True) == "sqlite://"
