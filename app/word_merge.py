"""The three-way word merge of a second transcription pass into a note (pure, no I/O).

base = the machine words as they were inserted into the note (with times), doc = the note's
text now (the caseworker may have edited it), hyp = the second pass's words. Where the
caseworker has not touched the text (and not within ``MARGIN`` words of an edit) a confident
difference between base and hyp is applied; every other difference becomes a suggestion the
caseworker accepts or rejects. Likely hallucinations are never applied by themselves.

Written here from ``difflib`` (no three-way merge library: the usable ones are GPL).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from speech.values import Segment, Word

MARGIN = 2  # words either side of a change that must be untouched for it to apply by itself
CONFIDENT = 0.5  # Whisper word probability below which a word is left to the caseworker
PAUSE_S = 0.5  # a gap between live words this long starts a new alignment chunk
NO_SPEECH = 0.6  # Whisper's no-speech probability above which a segment is suspect
HEARD_NEAR_S = 0.5  # hyp words farther than this from every live word: live heard nothing
_TOKEN = re.compile(r"\S+")
_NORM = re.compile(r"[^\w]+")

# Why a difference was not applied by itself.
EDITED = "edited"  # the caseworker changed text here (or within MARGIN words)
UNCERTAIN = "uncertain"  # the second pass is unsure of a word
NOT_HEARD = "not-heard"  # text where the live engine heard nothing
REPEATED = "repeated"  # a repeated phrase, Whisper's typical loop
NO_SPEECH_REASON = "no-speech"  # the second pass itself thinks there was no speech
LAYOUT = "layout"  # the text spans a line break the caseworker keeps
DROPPED = "dropped"  # the second pass has no words where the live engine heard some


@dataclass(frozen=True)
class Change:
    """One difference: replace ``text[start:end]`` (``old``) by ``new``.

    ``start``/``end`` index the merged text (``MergeResult.text``): for an applied change
    they cover ``new`` as it now stands there, for a suggestion the ``old`` text still there.
    ``doc_start``/``doc_end`` are the same place in the note before the merge. ``start_s`` and
    ``end_s`` are the stretch of audio to play; ``words`` the second pass's words (times,
    confidence); ``reasons`` why it is a suggestion (empty for applied changes).
    """

    start: int
    end: int
    old: str
    new: str
    doc_start: int
    doc_end: int
    start_s: float
    end_s: float
    words: tuple[Word, ...]
    reasons: tuple[str, ...] = ()
    base_range: tuple[int, int] = (0, 0)  # the base words it replaces


@dataclass(frozen=True)
class MergeResult:
    """The merged text, what was applied and what is suggested.

    ``base`` is the machine words the note now holds: the base with the applied changes
    replaced by the second pass's words (what a later merge takes as its base).
    """

    original: str
    text: str
    applied: tuple[Change, ...]
    suggestions: tuple[Change, ...]
    base: tuple[Word, ...] = ()


@dataclass(frozen=True)
class _HypWord:
    word: Word
    no_speech: float


@dataclass
class _Diff:
    b1: int
    b2: int
    h1: int
    h2: int


def normalize(token: str) -> str:
    """Compare words as spoken: no case, no punctuation (Vosk has neither, Whisper both)."""
    return _NORM.sub("", token.lower())


def merge(base: Sequence[Word], doc: str, hyp: Sequence[Segment]) -> MergeResult:
    """Merge ``hyp`` into ``doc``; see the module docstring. Deterministic and idempotent."""
    words = [_HypWord(w, s.no_speech) for s in hyp for w in s.words]
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(doc)]
    mapped = _map_base_to_doc(base, [t[2] for t in tokens])
    suspect = _suspect_words(base, words)
    diffs = _group_touched(_diffs(base, words), mapped, len(tokens))
    edits: list[tuple[int, int, str, Change]] = []
    for diff in diffs:
        edit = _edit_for(diff, base, words, doc, tokens, mapped, suspect)
        if edit is not None:
            edits.append(edit)
    result = _apply(doc, edits)
    return MergeResult(result.original, result.text, result.applied, result.suggestions,
                       _base_after(base, result.applied))


def _base_after(base: Sequence[Word], applied: Sequence[Change]) -> tuple[Word, ...]:
    out: list[Word] = []
    pos = 0
    for change in sorted(applied, key=lambda c: c.base_range):
        b1, b2 = change.base_range
        out.extend(base[pos:b1])
        out.extend(change.words)
        pos = b2
    out.extend(base[pos:])
    return tuple(out)


def apply_suggestions(result: MergeResult, chosen: Sequence[int] | None = None) -> str:
    """The merged text with the chosen suggestions (all when None) accepted."""
    picks = range(len(result.suggestions)) if chosen is None else chosen
    text = result.text
    # From the end backwards, so earlier places stay put; at one place a deletion goes
    # before an insertion there (else it would delete the inserted words).
    chosen_changes = (result.suggestions[i] for i in set(picks))
    for change in sorted(chosen_changes, key=lambda c: (-c.start, -c.end)):
        text = text[: change.start] + change.new + text[change.end :]
    return text


def _map_base_to_doc(base: Sequence[Word], doc_tokens: list[str]) -> list[int | None]:
    """For each base word, the doc token it still is (exact text), or None when edited."""
    mapped: list[int | None] = [None] * len(base)
    matcher = SequenceMatcher(None, [w.text for w in base], doc_tokens, autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            mapped[block.a + k] = block.b + k
    return mapped


def _chunks(base: Sequence[Word], words: list[_HypWord]) -> list[tuple[int, int, int, int]]:
    """Base and hyp cut at the live engine's pauses: (b1, b2, h1, h2) per chunk, in order."""
    cuts = [i for i in range(1, len(base)) if base[i].start - base[i - 1].end >= PAUSE_S]
    bounds = [(base[i - 1].end + base[i].start) / 2 for i in cuts]
    starts = [0, *cuts]
    ends = [*cuts, len(base)]
    hyp_of: list[list[int]] = [[] for _ in starts]
    chunk = 0
    for j, hw in enumerate(words):
        middle = (hw.word.start + hw.word.end) / 2
        chunk = max(chunk, bisect.bisect_right(bounds, middle))  # keep hyp in its order
        hyp_of[chunk].append(j)
    out: list[tuple[int, int, int, int]] = []
    for k, (b1, b2) in enumerate(zip(starts, ends, strict=True)):
        h1 = hyp_of[k][0] if hyp_of[k] else (out[-1][3] if out else 0)
        out.append((b1, b2, h1, h1 + len(hyp_of[k])))
    return out


def _diffs(base: Sequence[Word], words: list[_HypWord]) -> list[_Diff]:
    """Every base/hyp difference (including case and punctuation), adjacent ones joined."""
    found: list[_Diff] = []
    for b1, b2, h1, h2 in _chunks(base, words):
        for s1, s2, t1, t2 in _between_merged(base, words, b1, b2, h1, h2):
            _diff_span(base, words, s1, s2, t1, t2, found)
    return found


def _between_merged(base: Sequence[Word], words: list[_HypWord], b1: int, b2: int, h1: int,
                    h2: int) -> list[tuple[int, int, int, int]]:
    """The stretches between words a former merge took from this very pass (same text, same
    times): those are settled, and pinning them keeps a repeated merge from re-aligning
    repeated words ("och och") another way."""
    exact = SequenceMatcher(None, [(w.text, w.start, w.end) for w in base[b1:b2]],
                            [(hw.word.text, hw.word.start, hw.word.end) for hw in words[h1:h2]],
                            autojunk=False)
    spans, i, j = [], b1, h1
    for block in exact.get_matching_blocks():
        spans.append((i, b1 + block.a, j, h1 + block.b))
        i, j = b1 + block.a + block.size, h1 + block.b + block.size
    return spans


def _diff_span(base: Sequence[Word], words: list[_HypWord], b1: int, b2: int, h1: int, h2: int,
               found: list[_Diff]) -> None:
    a = [normalize(w.text) for w in base[b1:b2]]
    b = [normalize(hw.word.text) for hw in words[h1:h2]]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            _add(found, _Diff(b1 + i1, b1 + i2, h1 + j1, h1 + j2))
            continue
        for k in range(i2 - i1):
            if base[b1 + i1 + k].text != words[h1 + j1 + k].word.text:
                _add(found, _Diff(b1 + i1 + k, b1 + i1 + k + 1, h1 + j1 + k, h1 + j1 + k + 1))


def _add(found: list[_Diff], diff: _Diff) -> None:
    """Adjacent replacements read better as one change; an insertion stays apart (it is
    often where a hallucination is, judged on its own)."""
    last = found[-1] if found else None
    if last is None or last.b2 != diff.b1 or last.h2 != diff.h1:
        found.append(diff)
        return
    replacements = min(last.b2 - last.b1, last.h2 - last.h1, diff.b2 - diff.b1,
                       diff.h2 - diff.h1) > 0
    # Neighbouring deletions are one: each would take the same space between them.
    deletions = last.h1 == last.h2 == diff.h1 == diff.h2
    if replacements or deletions:
        last.b2, last.h2 = diff.b2, diff.h2
    else:
        found.append(diff)


def _clean(b1: int, b2: int, mapped: list[int | None]) -> bool:
    """Base words b1..b2 (clipped) are all in the doc, in order, with nothing between them."""
    lo, hi = max(0, b1), min(len(mapped), b2)
    for i in range(lo, hi):
        here = mapped[i]
        if here is None:
            return False
        if i > lo and mapped[i - 1] != here - 1:
            return False
    return True


def _region(diff: _Diff, mapped: list[int | None], count: int) -> tuple[int, int, bool]:
    """The doc tokens [d1, d2) a difference concerns, and whether the caseworker touched them.

    Untouched base words are their own doc tokens; an insertion sits between its neighbours
    (whatever stands between them — typed text, or the same words merged before — is its
    region); anything else reaches from the nearest untouched word before to the one after.
    """
    b1, b2, n = diff.b1, diff.b2, len(mapped)
    if b2 > b1 and _clean(b1, b2, mapped):
        first, last = mapped[b1], mapped[b2 - 1]
        assert first is not None and last is not None
        return first, last + 1, False
    left = mapped[b1 - 1] if 0 < b1 <= n else None
    right = mapped[b2] if b2 < n else None
    if b2 == b1 and (left is not None or right is not None or n == 0):
        d1 = left + 1 if left is not None else (right if right is not None else count)
        d2 = right if right is not None else d1
        return d1, d2, d2 > d1
    # An edited stretch without an untouched word on one side reaches the note's start or
    # end: what was typed there may be the edited machine words, so it is shown, never lost.
    left = next((mapped[i] for i in range(b1 - 1, -1, -1) if mapped[i] is not None), None)
    right = next((mapped[i] for i in range(b2, n) if mapped[i] is not None), None)
    d1 = left + 1 if left is not None else 0
    d2 = right if right is not None else count
    return d1, max(d1, d2), True


def _group_touched(diffs: list[_Diff], mapped: list[int | None], count: int) -> list[_Diff]:
    """Differences whose doc text overlaps (an edited stretch holds several) become one."""
    grouped: list[_Diff] = []
    for diff in diffs:
        merged = _Diff(diff.b1, diff.b2, diff.h1, diff.h2)
        while grouped and _overlap(_region(grouped[-1], mapped, count),
                                   _region(merged, mapped, count)):
            last = grouped.pop()
            merged = _Diff(min(last.b1, merged.b1), max(last.b2, merged.b2),
                           min(last.h1, merged.h1), max(last.h2, merged.h2))
        grouped.append(merged)
    return grouped


def _overlap(one: tuple[int, int, bool], other: tuple[int, int, bool]) -> bool:
    """Do two token regions share text? An empty region is the gap before its token: on a
    doubled axis token k is 2k+1 and the gap before it 2k."""
    def span(d1: int, d2: int) -> tuple[int, int]:
        return (2 * d1 + 1, 2 * d2 - 1) if d2 > d1 else (2 * d1, 2 * d1)

    a1, a2 = span(one[0], one[1])
    b1, b2 = span(other[0], other[1])
    return a1 <= b2 and b1 <= a2


def _suspect_words(base: Sequence[Word], words: list[_HypWord]) -> list[str | None]:
    """Per hyp word, why it may be a hallucination (or None)."""
    reasons: list[str | None] = [None] * len(words)
    starts = [w.start for w in base]
    for j, hw in enumerate(words):
        if hw.no_speech >= NO_SPEECH:
            reasons[j] = NO_SPEECH_REASON
        elif not _heard_near(base, starts, hw.word):
            reasons[j] = NOT_HEARD
    for j in _repeated(words):
        reasons[j] = reasons[j] or REPEATED
    return reasons


def _heard_near(base: Sequence[Word], starts: list[float], word: Word) -> bool:
    k = bisect.bisect_left(starts, word.start)
    for i in (k - 1, k, k + 1):
        if 0 <= i < len(base) and (base[i].start - HEARD_NEAR_S <= word.end
                                   and word.start <= base[i].end + HEARD_NEAR_S):
            return True
    return False


def _repeated(words: list[_HypWord]) -> set[int]:
    """Indices in runs of one n-gram (n = 1..4) said again and again: Whisper's loop. A word
    three times is ordinary speech ("nej nej nej"), so single words need four in a row."""
    norm = [normalize(hw.word.text) for hw in words]
    flagged: set[int] = set()
    for n in range(1, 5):
        needed = 4 if n == 1 else 3
        j = 0
        while j + n <= len(norm):
            gram = norm[j : j + n]
            runs = 1
            while norm[j + runs * n : j + (runs + 1) * n] == gram:
                runs += 1
            if runs >= needed and any(gram):
                flagged.update(range(j, j + runs * n))
                j += runs * n
            else:
                j += 1
    return flagged


def _edit_for(
    diff: _Diff, base: Sequence[Word], words: list[_HypWord], doc: str,
    tokens: list[tuple[int, int, str]], mapped: list[int | None], suspect: list[str | None],
) -> tuple[int, int, str, Change] | None:
    d1, d2, touched = _region(diff, mapped, len(tokens))
    hyp = words[diff.h1 : diff.h2]
    new_tokens = [hw.word.text for hw in hyp]
    if [t[2] for t in tokens[d1:d2]] == new_tokens:
        return None  # the note already says this (merged before, or typed the same)
    if d2 == d1 and diff.b1 == diff.b2 and new_tokens and _merged_before(
            diff.b1, mapped, [t[2] for t in tokens], d1, new_tokens):
        return None
    cs, ce, replacement = _spaced(doc, tokens, d1, d2, " ".join(new_tokens))
    if doc[cs:ce] == replacement:
        return None
    reasons = _reasons(diff, hyp, mapped, len(tokens), suspect, touched, doc[cs:ce])
    start_s, end_s = _audio_span(diff, base, hyp)
    change = Change(cs, ce, doc[cs:ce], replacement, cs, ce, start_s, end_s,
                    tuple(hw.word for hw in hyp), tuple(reasons), (diff.b1, diff.b2))
    return cs, ce, replacement, change


def _merged_before(b: int, mapped: list[int | None], doc_tokens: list[str], at: int,
                   new: list[str]) -> bool:
    """An insertion at an end of the machine text that a former merge already made: after the
    last live word (or before the first) the doc goes on with exactly the new words."""
    if b > 0 and b == len(mapped) and mapped[b - 1] is not None:
        return doc_tokens[at : at + len(new)] == new
    if b == 0 and mapped and mapped[0] is not None:
        return doc_tokens[max(0, at - len(new)) : at] == new
    return False


def _spaced(doc: str, tokens: list[tuple[int, int, str]], d1: int, d2: int, new: str
            ) -> tuple[int, int, str]:
    """The character range to replace and its replacement, with the spaces a word needs."""
    if d2 > d1:
        cs, ce = tokens[d1][0], tokens[d2 - 1][1]
        if new:
            return cs, ce, new
        if cs > 0 and doc[cs - 1] == " ":  # a deleted word takes one space with it
            return cs - 1, ce, ""
        if ce < len(doc) and doc[ce] == " ":
            return cs, ce + 1, ""
        return cs, ce, ""
    if not new:
        return 0, 0, ""
    if d1 > 0:
        end = tokens[d1 - 1][1]
        return end, end, " " + new
    if tokens:
        return tokens[0][0], tokens[0][0], new + " "
    return len(doc), len(doc), (" " + new if doc and not doc[-1].isspace() else new)


def _untouched_around(diff: _Diff, mapped: list[int | None], count: int) -> bool:
    """No edit within ``MARGIN`` words: those base words stand in the doc in one run, and
    where the margin reaches an end of the machine text, nothing was typed beyond it."""
    lo, hi = diff.b1 - MARGIN, diff.b2 + MARGIN
    if not _clean(lo, hi, mapped):
        return False
    if lo <= 0 < len(mapped) and mapped[0] != 0:
        return False
    return not (hi >= len(mapped) > 0 and mapped[-1] != count - 1)


def _reasons(diff: _Diff, hyp: list[_HypWord], mapped: list[int | None], count: int,
             suspect: list[str | None], touched: bool, old: str) -> list[str]:
    reasons: list[str] = []
    if touched or not _untouched_around(diff, mapped, count):
        reasons.append(EDITED)
    if "\n" in old:
        reasons.append(LAYOUT)
    if not hyp:  # Whisper's voice detection also cuts real speech: a person decides
        reasons.append(DROPPED)
    if any(hw.word.conf < CONFIDENT for hw in hyp):
        reasons.append(UNCERTAIN)
    for j in range(diff.h1, diff.h2):
        why = suspect[j]
        if why is not None and why not in reasons:
            reasons.append(why)
    return reasons


def _audio_span(diff: _Diff, base: Sequence[Word], hyp: list[_HypWord]) -> tuple[float, float]:
    times = [(hw.word.start, hw.word.end) for hw in hyp]
    times += [(w.start, w.end) for w in base[diff.b1 : diff.b2]]
    if not times and base:
        near = base[min(diff.b1, len(base) - 1)]
        times = [(near.start, near.end)]
    if not times:
        return 0.0, 0.0
    return min(t[0] for t in times), max(t[1] for t in times)


def _apply(doc: str, edits: list[tuple[int, int, str, Change]]) -> MergeResult:
    """Apply the changes without reasons; place every change in the merged text."""
    out: list[str] = []
    length = 0
    pos = 0
    applied: list[Change] = []
    suggested: list[Change] = []
    for cs, ce, replacement, change in sorted(edits, key=lambda e: (e[0], e[1])):
        if cs < pos and cs == ce:  # an insertion after a word whose deletion took its space
            cs, ce, replacement, change = _insert_at(doc, pos, replacement, change)
        gap = doc[pos:cs]
        out.append(gap)
        length += len(gap)
        if change.reasons:
            out.append(doc[cs:ce])
            suggested.append(_placed(change, length, length + ce - cs))
            length += ce - cs
        else:
            out.append(replacement)
            applied.append(_placed(change, length, length + len(replacement)))
            length += len(replacement)
        pos = ce
    out.append(doc[pos:])
    return MergeResult(doc, "".join(out), tuple(applied), tuple(suggested))


def _insert_at(doc: str, at: int, replacement: str, change: Change
               ) -> tuple[int, int, str, Change]:
    """An insertion moved to ``at`` (where the change before it ends), spaced for that place:
    the words and a space before a word that starts there, else a space and the words."""
    words = replacement.strip()
    if at < len(doc) and not doc[at].isspace():
        new = words + " "
    elif at > 0 and not doc[at - 1].isspace():
        new = " " + words
    else:
        new = words
    return at, at, new, replace(change, start=at, end=at, doc_start=at, doc_end=at, new=new)


def _placed(change: Change, start: int, end: int) -> Change:
    return replace(change, start=start, end=end)
