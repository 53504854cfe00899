"""The dashboard's Streamlit side — the one lib package that imports Streamlit.

`state` holds the session keys and the writes pages ask for, `loaders` the cached reads
of the store, `widgets` what several pages draw. Pages use `from lib import session`
and the names below.
"""
from lib.session.loaders import (
    READ_TTL_SECONDS, after_write, article, articles, exports, extraction, frame, items, recurring, store,
    stored_article,
)
from lib.session.state import (
    ANALYST, ARTICLE, CONFLICTS, DRAFT, EDITOR_VIEWS, GENERATION, LAST_ARTICLES, LAST_FRAMES, LAST_SAVE, NOTICE,
    PENDING, add_item, all_pending, analyst, current_article, fresh_editors, ingest, init_state, notify,
    open_article, pending, resolve_conflict, save_all, set_draft, set_pending,
)
from lib.session.widgets import (
    analyst_sidebar, editor_columns, filters_from_widgets, reported_errors, require_article, review_editor,
    review_source, show_last_save, show_notice,
)

