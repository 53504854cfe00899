"""The dashboard's Streamlit side — the one lib package that imports Streamlit.

`state` holds the session keys and the writes pages ask for, `loaders` the cached reads
of the store, `widgets` what several pages draw, `panel` the review workspace (list,
panel, conflicts, live updates). Pages use `from lib import session` and the names below.
"""
from lib.session.loaders import (
    READ_TTL_SECONDS, after_write, analysts, article, articles, exports, extraction, frame, items, panel_items,
    recurring, removals, stamp, store, stored_article,
)
from lib.session.panel import LIVE_SECONDS, clickable_text, review_list, review_panel, save_messages, watch
from lib.session.state import (
    ANALYST, ARTICLE, CONFLICTS, DRAFT, GENERATION, LAST_ARTICLES, LAST_FRAMES, LAST_SAVE, NOTICE,
    OWN_SAVES, PENDING, REFUSED, add_item, all_pending, analyst, change, current_article, decide, fresh_editors,
    ingest, init_state, last_save, notify, open_article, pending, read_draft, remove_article, resolve_conflict,
    restore_article, save_all, set_draft, set_pending,
)
from lib.session.widgets import (
    analyst_sidebar, choice_from_link, draw_chart, filters_from_widgets, labelled, reported_errors, require_article, review_source,
    show_notice, via_dashboard,
)
