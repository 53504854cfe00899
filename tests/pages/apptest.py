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


def listing(at: AppTest):
    """The review list as the analyst reads it: per item id, its status label, unsaved marker and text."""
    import html
    import json

    import pandas as pd

    (found,) = [c for c in at.get("bidi_component") if "list-" in c.proto.id]
    markup = json.loads(found.proto.json)["html"]
    rows = re.findall(r'data-row="([^"]+)".*?class="fd-badge"[^>]*>([^<]*)</span>(.*?)<div class="fd-text"[^>]*>([^<]*)</div>',
                      markup)
    return pd.DataFrame(
        [{"id": html.unescape(i), "status": html.unescape(s), "unsaved": "●" if "● unsaved" in rest else "",
          "details": html.unescape(re.sub(r"<[^>]+>", " ", rest)), "text": html.unescape(t)}
         for i, s, rest, t in rows],
        columns=["id", "status", "unsaved", "details", "text"],
    ).set_index("id")


def select(at: AppTest, *positions: int) -> AppTest:
    """What clicking rows of the review list sends: the ids of the rows at those positions."""
    ids = list(listing(at).index)
    at.session_state[f"selected-{at.segmented_control(key='kind').value}"] = [ids[p] for p in positions]
    at.run()
    assert not at.exception, at.exception
    return at


def decide(at: AppTest, status: str, panel: str = "panel") -> AppTest:
    """A status button of the panel (or its key: the same callback)."""
    at.button(key=f"{panel}-status-{status}").click().run()
    assert not at.exception, at.exception
    return at


def field(at: AppTest, label: str):
    """The panel's note (text area) or evidence (text input), found by label."""
    (found,) = [w for w in [*at.text_area, *at.text_input] if w.label == label]
    return found


def article_markup(at: AppTest) -> str:
    """The escaped article HTML the Article page hands to its clickable text."""
    import json

    (component,) = [c for c in at.get("bidi_component") if "article-text" in c.proto.id]
    return json.loads(component.proto.json)


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


def published_field(at: AppTest):
    """The Load page's publication date, typed as YYYY-MM-DD."""
    (field,) = [t for t in at.text_input if t.key.startswith("published-")]
    return field


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
