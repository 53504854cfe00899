"""The spaCy pipelines, loaded once per process, and the one parse of each article.

Every extractor reads the same `Doc`: `parse(text, lang)` is called once per article by
`lib.extract.extract`, and `parse_many` feeds batches through `nlp.pipe` for ingest.

spaCy refuses texts over `nlp.max_length` and its memory grows with the text, so a long text is
parsed in pieces cut at line ends (else at a sentence end, else at a space) and the pieces are
joined back with `Doc.from_docs`: the joined `doc.text` is the article text exactly, so token
offsets are offsets into the article. A very long text's pieces are shared with a second process
when a core is idle (see `parse_processes`); the parse is the same either way. (Extraction itself reads a
text over lib.extract.engine.SECTION_CHARS section by section, each parsed here on its own.)

Every component of both pipelines is read by some extractor, so none is left out: tag_ and pos_
(tagger/morphologizer, attribute_ruler), lemma_ (lemmatizer), dep_, head and sentence starts
(parser), ents and ent_type_ (ner); tok2vec feeds them. Only `senter`, disabled in the packages,
never runs (sentence starts come from the parser).

The models' matrix products go through numpy (OpenBLAS) instead of thinc's default BLIS: the BLIS
wheel thinc requires is built for a generic CPU and ran at a third of OpenBLAS's speed here, and
switching gave the same parse token for token (tags, morphology, lemmas, heads, labels, entities,
sentence starts) on every real and test article while the parse took 0.75x the time (bench/README.md).
OpenBLAS runs each product on as many threads as there are cores, which is right for one parse on an
idle machine and wrong when several processes parse at once: two processes with two threads each
contend for two cores, and the spinning threads cost more than they give (see `share_cores`).

>>> doc = parse("« Nous sommes prêts », a déclaré John Healy.", "fr")
>>> doc.text.startswith("« Nous")
True
>>> [t.text for t in doc if t.lemma_ == "déclarer"]
['déclaré']
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token
from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits

from lib.extract.lang import table
from lib.extract.ruler import read_distinct_tokens
from lib.extract.tokenizer import ChunkMemory

# A piece of this many characters parses in well under a second and keeps memory small.
MAX_PIECE_CHARS = 50_000
# From a text of this many pieces on (200,000 characters, some ten seconds of parse), a second
# process may take half of them (see parse_processes); a batch of short articles never forks.
PARALLEL_MIN_PIECES = 4
_PIECE_ENDS = (re.compile(r"\n"), re.compile(r"[.!?…»”\"]\s"), re.compile(r"\s"))


_PIPELINES: dict[str, Language] = {}
_LOADING = threading.Lock()
_CHUNKS: dict[str, ChunkMemory] = {}  # per language, beside its pipeline


def pipeline(lang: str) -> Language:
    """The language's spaCy pipeline (named in its table as SPACY_MODEL), loaded once per process."""
    with _LOADING:
        if lang not in _PIPELINES:
            keep_freed_memory()
            nlp = _with_numpy_products(spacy.load(table(lang).SPACY_MODEL))
            if "attribute_ruler" in nlp.pipe_names:
                read_distinct_tokens(nlp.get_pipe("attribute_ruler"))
            _CHUNKS[lang] = ChunkMemory(nlp.tokenizer)
            _PIPELINES[lang] = nlp
        return _PIPELINES[lang]


def _with_numpy_products(nlp: Language) -> Language:
    """The pipeline with every layer's matrix products done by numpy rather than BLIS (see above).

    Each thinc layer keeps the ops it was built with, and the parser and entity recogniser build
    their output layer with BLIS whatever ops are current at load, so every layer is switched.
    (Their transition steps call BLIS from compiled code and stay as they are.)"""
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if hasattr(model, "walk"):
            for layer in model.walk():
                layer.ops = ops
    return nlp


def is_loaded(lang: str) -> bool:
    """Whether this process has loaded the language's pipeline yet (the first load takes seconds)."""
    return lang in _PIPELINES


def parse(text: str, lang: str, progress: Callable[[int, int], None] | None = None,
          processes: int | None = None) -> Doc:
    """`text` parsed by the language's pipeline; `doc.text == text`.

    `progress(done, total)` is called after each piece of a long text is parsed (pieces end at line ends).
    `processes` parse a long text's pieces side by side (None: as `parse_processes` decides).
    """
    return next(parse_many([text], lang, progress=progress, processes=processes))


def parse_many(texts: Iterable[str], lang: str, batch_size: int = 8,
               progress: Callable[[int, int], None] | None = None, processes: int | None = None) -> Iterator[Doc]:
    """Parse texts of one language in batches (`nlp.pipe`), yielding one Doc per text, in order."""
    nlp = pipeline(lang)
    texts = list(texts)
    for text in texts:  # before any parse process is forked, so each inherits what was learnt
        _CHUNKS[lang].fill(text)
    pieces = [pieces_of(text) for text in texts]
    flat = [piece for group in pieces for piece in group]
    longest = max((len(group) for group in pieces), default=0)
    processes = parse_processes(longest) if processes is None else max(1, processes)
    if processes > 1:
        # One piece at a time to each process in turn, so both get an equal share. The processes are
        # forked while this one's BLAS threads are limited, and keep that limit (this one parses nothing).
        with share_cores(processes):
            yield from _joined(texts, pieces, nlp.pipe(flat, batch_size=1, n_process=processes), progress)
    else:
        # With a progress report, pieces go one at a time so each report follows real work.
        yield from _joined(texts, pieces, nlp.pipe(flat, batch_size=1 if progress else batch_size), progress)


def _joined(texts: list[str], pieces: list[list[str]], docs: Iterable[Doc],
            progress: Callable[[int, int], None] | None) -> Iterator[Doc]:
    """One Doc per text from the parses of its pieces, in order."""
    docs = iter(docs)
    total = sum(map(len, pieces))
    done = 0
    for text, group in zip(texts, pieces):
        parsed = []
        for _ in group:
            parsed.append(_without_tensor(next(docs)))
            done += 1
            if progress:
                progress(done, total)
        doc = parsed[0] if len(parsed) == 1 else Doc.from_docs(parsed, ensure_whitespace=False)
        doc.user_data[_TEXT_KEY] = text  # spaCy keeps every character, so the parse's text is this one
        yield doc


def text_of(doc: Doc) -> str:
    """`doc.text`, read once per document: spaCy's `doc.text` joins every token again on each call
    (a fifth of a second per 300 KB), and every extractor needs the text its offsets point into."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_TEXT_KEY = "lib.extract.nlp.text"


def feature(token: Token, field: str) -> tuple[str, ...]:
    """`token.morph.get(field)`, read once per distinct analysis: MorphAnalysis.get parses the analysis again
    on each call (4 µs, twenty times a token attribute), and the readers ask the tense and verb form of the
    same few verbs again and again. An analysis is known by its hash, the same in every document.

    >>> doc = parse("Ils avaient annoncé la réforme.", "fr")
    >>> feature(doc[1], "Tense"), feature(doc[1], "Nope")
    (('Imp',), ())
    """
    analysis = token.morph
    fields = _FEATURES.get(analysis.key)
    if fields is None:
        if len(_FEATURES) > _FEATURES_KEPT:
            _FEATURES.clear()  # a bound on a pathological text's distinct analyses; a normal article has a few hundred
        fields = _FEATURES[analysis.key] = {name: tuple(values.split(",")) for name, values in analysis.to_dict().items()}
    return fields.get(field, ())


_FEATURES: dict[int, dict[str, tuple[str, ...]]] = {}
_FEATURES_KEPT = 100_000


def keep_freed_memory() -> bool:
    """Have this process keep up to HEAP_KEPT of freed memory for its next allocations (glibc only; once).

    glibc's malloc hands the free top of its heap back to the kernel once more than its trim threshold is
    free there. Parsing a batch allocates and frees some hundred MB of arrays, so every batch got its memory
    back from the kernel one page fault at a time: per 3 KB article, 650 faults and 1.6 ms of system time
    to parse, 1,300 and 3.5 ms to ingest, against about 10 and 0.5 with the memory kept (bench/README.md).
    The peak is unchanged: what is kept was in use a moment before. Setting the trim threshold turns off
    glibc's adaptive mmap threshold, so that one is set to the adaptive one's own ceiling; left at its
    128 KB start, every large array was a fresh mapping (7,500 faults an article). Returns whether it holds.
    """
    global _HEAP_KEPT_SET
    if _HEAP_KEPT_SET is None:
        _HEAP_KEPT_SET = False
        try:
            glibc = os.confstr("CS_GNU_LIBC_VERSION").startswith("glibc")
            mallopt = ctypes.CDLL(None).mallopt if glibc else None
        except (AttributeError, OSError, ValueError):
            mallopt = None
        if mallopt is not None:
            mallopt.argtypes, mallopt.restype = (ctypes.c_int, ctypes.c_int), ctypes.c_int
            _HEAP_KEPT_SET = mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD) == 1 and mallopt(_M_TRIM_THRESHOLD, HEAP_KEPT) == 1
    return _HEAP_KEPT_SET


HEAP_KEPT = 256 * 1024 * 1024
_MMAP_THRESHOLD = 32 * 1024 * 1024  # glibc's DEFAULT_MMAP_THRESHOLD_MAX on 64-bit systems
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # from glibc's <malloc.h>
_HEAP_KEPT_SET: bool | None = None


def share_cores(processes: int) -> threadpool_limits:
    """Limit this process's BLAS threads to its share of the cores when `processes` parse at once.

    Measured on two cores (bench/README.md): two ingest workers each running OpenBLAS on two threads
    took 1.3x the wall time of the same workers on one thread each, for the same parse. Used as a
    context manager it restores the former limit on exit; called alone it holds for the process
    (an ingest worker's whole life)."""
    return threadpool_limits(limits=max(1, (os.cpu_count() or 1) // max(1, processes)), user_api="blas")


def parse_processes(pieces: int) -> int:
    """How many processes should read a text of this many pieces: 2 when it is very long, safe and pays.

    Two processes give the same result for 6-25% more CPU in all (four runs on 300 KB of English), so
    on two idle cores the wait should nearly halve; when the other core is busy they only add a
    process and its CPU (measured on the shared machine with both cores taken: 38.9 and 39.6 s
    against 38.1 and 30.7 s with one; 27.3 and 24.0 s against 20.7 and 21.4 s). Hence a second process
    only when a core is idle now (see `busy_cores`).
    The second process is forked, so only where `can_fork` allows.
    """
    return 1 if pieces < PARALLEL_MIN_PIECES else spare_processes()


def spare_processes() -> int:
    """2 when a second process may be forked from here and a core is idle now, else 1."""
    if (os.cpu_count() or 1) < 2 or not can_fork():
        return 1
    idle = (os.cpu_count() or 1) - busy_cores()  # this process counts as one running task
    return 2 if idle >= 1 else 1


def busy_cores() -> float:
    """How many tasks are running now, this one included: the median of five readings of the kernel's
    count of running tasks, 20 ms apart (one reading may catch a task between two bursts).

    Not the load average: it is a mean over the last minute, so right after one long extraction it
    still reads the cores as busy (1.25 on an idle machine), and the next one took 68 s alone for 2 MB
    where two processes take 35. Where the count cannot be read, the one-minute load average stands in."""
    readings = []
    for attempt in range(5):
        try:
            with open("/proc/loadavg", encoding="ascii") as loadavg:
                readings.append(int(loadavg.read().split()[3].split("/")[0]))
        except (OSError, ValueError, IndexError):
            return os.getloadavg()[0]
        if attempt < 4:
            time.sleep(0.02)
    return sorted(readings)[2]


def can_fork() -> bool:
    """Whether this process may fork workers: a fork copies only the calling thread, and a lock another
    thread held at that moment would stay held in the child for ever; so only from a process's main
    thread with no other thread running (the command line; not the dashboard's server, nor a daemonic
    pool worker), and only where fork is the start method (another would pickle the pipeline over)."""
    if threading.current_thread() is not threading.main_thread() or threading.active_count() > 1:
        return False
    return not multiprocessing.current_process().daemon and multiprocessing.get_start_method() == "fork"


def pieces_of(text: str, limit: int | None = None) -> list[str]:
    """`text` cut into contiguous pieces of at most about `limit` characters that join back to it.

    >>> pieces_of("ab\\ncd\\nef", limit=4)
    ['ab\\n', 'cd\\n', 'ef']
    >>> "".join(pieces_of("x " * 10, limit=5)) == "x " * 10
    True
    """
    limit = limit or MAX_PIECE_CHARS
    pieces, start = [], 0
    while len(text) - start > limit:
        cut = cut_point(text, start, start + limit)
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return [part for piece in pieces for part in _long_runs_cut(piece)]


def _long_runs_cut(piece: str) -> list[str]:
    """The piece, with every run of more than MAX_RUN_CHARS characters without a space cut into runs of that
    length: spaCy's tokenizer peels such a run one character at a time, which costs the square of its length
    (12,000 apostrophes took 20 s). No word is that long; a run that is (pasted data) becomes several tokens."""
    if len(piece) <= MAX_RUN_CHARS or not _LONG_RUN.search(piece):
        return [piece]
    parts, start = [], 0
    for match in _LONG_RUN.finditer(piece):
        for cut in range(match.start() + MAX_RUN_CHARS, match.end(), MAX_RUN_CHARS):
            parts.append(piece[start:cut])
            start = cut
    parts.append(piece[start:])
    return parts


MAX_RUN_CHARS = 1_000
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN_CHARS + 1))


def cut_point(text: str, start: int, stop: int) -> int:
    """The last natural break in text[start:stop] (line end, sentence end, space), else `stop`."""
    window = text[start:stop]
    for pattern in _PIECE_ENDS:
        ends = [m.end() for m in pattern.finditer(window, len(window) // 2)]
        if ends:
            return start + ends[-1]
    return stop


def _without_tensor(doc: Doc) -> Doc:
    # The tok2vec tensor is about 400 bytes a token and no extractor reads it; a 10 MB paste would
    # otherwise hold gigabytes.
    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc
