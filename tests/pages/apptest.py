"""Driving the dashboard in AppTest: start it, switch pages, edit cells, read what the analyst reads."""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from lib.models import Status
from tests.dashboard_fixtures import small_extraction

GERMAN = ("Der Verteidigungsminister sagte am Freitag, die britischen Truppen seien bereit, in die Ukraine "
          "zu gehen, sobald ein Waffenstillstand vereinbart sei. Mehr als zweihundert Planer aus dreißig "
          "Ländern haben an den Plänen gearbeitet.")
HOSTILE = (
    "Le ministre de la Défense a déclaré vendredi que les troupes britanniques étaient prêtes à partir. "
    "<script>alert('x')</script> <img src=x onerror=\"alert(1)\"> "
    "<a href=\"javascript:alert(2)\">cliquez ici</a> ![pixel](https://evil.example/p.png) "
    "[lien](javascript:alert(3)) <iframe src=\"//evil.example\"></iframe> "
    "Plus de 200 planificateurs militaires de 30 pays ont contribué à la planification, a déclaré Healy."
)

APP = str(Path(__file__).resolve().parents[2] / "dashboard.py")


def start(analyst: str = "Ana", article_id: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["analyst"] = analyst
    if article_id:
        at.session_state["article_id"] = article_id
    at.run()
    assert not at.exception
    return at


def goto(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


def edit(at: AppTest, rows: dict) -> AppTest:
    """What a click in the editor sends: cell edits by row position."""
    key = at.data_editor[0].key
    at.session_state[key] = {"edited_rows": rows, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception
    return at


def texts(elements) -> list[str]:
    """What the analyst reads: markdown escapes removed."""
    return [re.sub(r"\\(.)", r"\1", e.value) for e in elements]


def open_healy_seed(at: AppTest) -> AppTest:
    from lib.sources import list_seeds

    (seed,) = [s for s in list_seeds() if s.title.startswith("Healy")]
    at.selectbox(key="seed").set_value(seed)
    at.button(key="read-seed").click().run()
    assert not at.exception
    return at


def load_pasted(at: AppTest, text: str) -> AppTest:
    at.radio(key="load-from").set_value("Paste").run()
    at.text_area(key="paste").input(text)
    at.button(key="read-paste").click().run()
    assert not at.exception
    return at


def orphan_c1(store):
    """Bob reviews c1, then a newer extraction no longer finds it: the review is kept as orphaned."""
    store.save_review("c1", status=Status.FALSE, note="checked", analyst="Bob", expected_version=0)
    extraction = small_extraction()
    outcome = store.save_extraction(dataclasses.replace(extraction, claims=extraction.claims[1:], engine_version="2"))
    assert outcome.orphaned == 1
