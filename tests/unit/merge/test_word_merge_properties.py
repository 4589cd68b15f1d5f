"""Properties of the three-way word merge (base = live words as inserted, doc = the note now,
hyp = the second pass), on generated transcripts and generated caseworker edits."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from app.word_merge import MARGIN, MergeResult, apply_suggestions, merge
from speech.values import Segment, Word

VOCAB = ["och", "jag", "hej", "skolan", "bor", "i", "mamma", "det", "är", "bra", "nej", "vi"]


@dataclass(frozen=True)
class Case:
    base: tuple[Word, ...]
    hyp: tuple[Segment, ...]
    doc: str
    origin: tuple[int | None, ...]  # per doc token: the base word it still is, or None (typed)
    deleted: frozenset[int]  # base words the caseworker deleted


def _timed(texts: list[str], gaps: list[float]) -> tuple[Word, ...]:
    words, t = [], 0.0
    for text, gap in zip(texts, gaps, strict=False):
        t += gap
        words.append(Word(text, round(t, 3), round(t + 0.25, 3), 0.9))
        t += 0.25
    return tuple(words)


@st.composite
def transcripts(draw: st.DrawFn, unique: bool) -> tuple[tuple[Word, ...], tuple[Segment, ...]]:
    if unique:
        texts = draw(st.lists(st.sampled_from([f"{w}{i}" for w in VOCAB for i in range(3)]),
                              max_size=25, unique=True))
    else:
        texts = draw(st.lists(st.sampled_from(VOCAB), max_size=25))
    gaps = draw(st.lists(st.sampled_from([0.05, 0.1, 0.7, 1.5]), min_size=len(texts),
                         max_size=len(texts)))
    base = _timed(texts, gaps)
    hyp_words: list[Word] = []
    for w in base:
        op = draw(st.sampled_from(["same", "same", "case", "punct", "other", "drop", "add"]))
        conf = draw(st.sampled_from([0.3, 0.95, 0.95]))
        if op == "drop":
            continue
        text = {"same": w.text, "case": w.text.capitalize(), "punct": w.text + ",",
                "other": draw(st.sampled_from(VOCAB)).upper(), "add": w.text}.get(op, w.text)
        hyp_words.append(Word(text, w.start, w.end, conf))
        if op == "add":
            hyp_words.append(Word(draw(st.sampled_from(VOCAB)), w.end, w.end + 0.1, conf))
    if draw(st.booleans()):  # something heard only by the second pass, after the end
        end = base[-1].end if base else 0.0
        hyp_words.append(Word("Tack.", end + 3.0, end + 3.4, 0.9))
    cut = draw(st.integers(0, len(hyp_words)))
    no_speech = draw(st.sampled_from([0.05, 0.9]))
    segments = tuple(Segment(0, 0, "", tuple(part), no_speech)
                     for part in (hyp_words[:cut], hyp_words[cut:]) if part)
    return base, segments


@st.composite
def cases(draw: st.DrawFn, unique: bool = True, edited: bool = True) -> Case:
    base, hyp = draw(transcripts(unique))
    tokens: list[tuple[str, int | None]] = [(w.text, i) for i, w in enumerate(base)]
    deleted: set[int] = set()
    for n in range(draw(st.integers(0, 4)) if edited else 0):
        op = draw(st.sampled_from(["replace", "insert", "delete"]))
        at = draw(st.integers(0, len(tokens)))
        if op == "insert":
            tokens.insert(at, (f"EDIT{n}", None))
        elif at < len(tokens):
            origin = tokens[at][1]
            if origin is not None:
                deleted.add(origin)
            if op == "replace":
                tokens[at] = (f"EDIT{n}", None)
            else:
                del tokens[at]
    return Case(base, hyp, " ".join(t for t, _ in tokens), tuple(o for _, o in tokens),
                frozenset(deleted))


def _hyp_text(hyp: tuple[Segment, ...]) -> str:
    return " ".join(w.text for s in hyp for w in s.words)


def _doc_tokens_in(doc: str, start: int, end: int) -> list[int]:
    spans, pos = [], 0
    for k, token in enumerate(doc.split(" ")):
        if token and start <= pos and pos + len(token) <= end:
            spans.append(k)
        pos += len(token) + 1
    return spans


@settings(max_examples=300, deadline=None)
@given(cases())
def test_every_edit_survives(case: Case) -> None:
    result = merge(case.base, case.doc, case.hyp)
    typed = [t for t in case.doc.split() if t.startswith("EDIT")]
    assert [t for t in result.text.split() if t.startswith("EDIT")] == typed
    for change in result.applied:  # applied only where base words stand untouched, with margin
        covered = _doc_tokens_in(case.doc, change.doc_start, change.doc_end)
        origins = [case.origin[k] for k in covered]
        if not origins:  # an insertion: the base words either side of it
            before = [k for k in range(len(case.origin))
                      if _token_end(case.doc, k) <= change.doc_start]
            origins = [case.origin[before[-1]]] if before else []
            after = [k for k in range(len(case.origin)) if k not in before]
            origins += [case.origin[after[0]]] if after else []
        assert None not in origins
        known = [o for o in origins if o is not None]
        assert known == list(range(known[0], known[0] + len(known))) if known else True
        lo, hi = change.base_range[0], change.base_range[1] - 1  # an insertion: hi == lo - 1
        assert not any(lo - MARGIN <= d <= hi + MARGIN for d in case.deleted)
        if covered:
            assert (lo, hi) == (min(known), max(known))  # it replaced those very words


def _token_end(doc: str, k: int) -> int:
    pos = 0
    for i, token in enumerate(doc.split(" ")):
        if i == k:
            return pos + len(token)
        pos += len(token) + 1
    return len(doc)


@settings(max_examples=300, deadline=None)
@given(cases(unique=False))
def test_typed_words_survive_with_repeated_words_too(case: Case) -> None:
    result = merge(case.base, case.doc, case.hyp)
    typed = [t for t in case.doc.split() if t.startswith("EDIT")]
    assert [t for t in result.text.split() if t.startswith("EDIT")] == typed


@settings(max_examples=300, deadline=None)
@given(cases(unique=False, edited=False))
def test_all_suggestions_on_an_unedited_draft_give_the_second_pass(case: Case) -> None:
    result = merge(case.base, case.doc, case.hyp)
    assert apply_suggestions(result) == _hyp_text(case.hyp)


@settings(max_examples=300, deadline=None)
@given(cases(unique=False))
def test_merging_twice_changes_nothing_more(case: Case) -> None:
    first = merge(case.base, case.doc, case.hyp)
    second = merge(first.base, first.text, case.hyp)  # the note's machine words after it
    assert second.text == first.text and second.applied == ()
    assert [(c.old, c.new) for c in second.suggestions] == [
        (c.old, c.new) for c in first.suggestions]


@settings(max_examples=300, deadline=None)
@given(cases(unique=False))
def test_undoing_the_applied_changes_restores_the_draft_exactly(case: Case) -> None:
    result: MergeResult = merge(case.base, case.doc, case.hyp)
    text = result.text
    for change in reversed(result.applied):
        assert text[change.start : change.end] == change.new
        text = text[: change.start] + change.old + text[change.end :]
    assert text == case.doc == result.original
    for change in result.suggestions:
        assert result.text[change.start : change.end] == change.old
