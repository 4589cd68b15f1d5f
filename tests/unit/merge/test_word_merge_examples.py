"""The word merge on small hand-made notes: what is applied, what is only suggested, and why."""

from __future__ import annotations

from app.word_merge import (
    EDITED,
    LAYOUT,
    NO_SPEECH_REASON,
    NOT_HEARD,
    REPEATED,
    UNCERTAIN,
    apply_suggestions,
    merge,
)
from speech.values import Segment, Word


def words(text: str, t0: float = 0.0, conf: float = 0.9) -> tuple[Word, ...]:
    out, t = [], t0
    for token in text.split():
        out.append(Word(token, round(t, 2), round(t + 0.3, 2), conf))
        t += 0.4
    return tuple(out)


LIVE = words("hej jag heter ana och jag bor i göteborg")
DRAFT = " ".join(w.text for w in LIVE)
BETTER = (Segment(0, 4, "", words("Hej, jag heter Anna och jag bor i Göteborg.")),)


def test_an_untouched_draft_gets_the_better_text() -> None:
    result = merge(LIVE, DRAFT, BETTER)
    assert result.text == "Hej, jag heter Anna och jag bor i Göteborg."
    assert result.suggestions == () and len(result.applied) == 3
    assert [(c.old, c.new) for c in result.applied] == [
        ("hej", "Hej,"), ("ana", "Anna"), ("göteborg", "Göteborg.")]
    assert result.applied[1].start_s == LIVE[3].start  # click plays the word's audio


def test_an_edit_and_two_words_around_it_are_only_suggested() -> None:
    draft = DRAFT.replace(" i ", " i centrala ")  # typed by the caseworker
    result = merge(LIVE, draft, BETTER)
    assert result.text == "Hej, jag heter Anna och jag bor i centrala göteborg"
    [suggestion] = result.suggestions
    assert (suggestion.old, suggestion.new, suggestion.reasons) == (
        "göteborg", "Göteborg.", (EDITED,))
    assert apply_suggestions(result) == "Hej, jag heter Anna och jag bor i centrala Göteborg."


def test_an_edited_word_is_never_overwritten() -> None:
    draft = DRAFT.replace("ana", "Ana-Maria")
    result = merge(LIVE, draft, BETTER)
    assert "Ana-Maria" in result.text and "Anna" not in result.text
    assert [(s.old, s.new) for s in result.suggestions] == [("Ana-Maria", "Anna")]


def test_uncertain_words_are_suggested() -> None:
    hyp = (Segment(0, 4, "", (*words("hej jag heter"), Word("Hanna", 1.2, 1.5, 0.2),
                              *words("och jag bor i göteborg", 1.6))),)
    result = merge(LIVE, DRAFT, hyp)
    assert [(s.new, s.reasons) for s in result.suggestions] == [("Hanna", (UNCERTAIN,))]


def test_text_where_the_live_engine_heard_nothing_is_suggested() -> None:
    hyp = (*BETTER, Segment(10, 12, "", words("Tack för att ni tittade.", 10.0)))
    result = merge(LIVE, DRAFT, hyp)
    assert result.text == "Hej, jag heter Anna och jag bor i Göteborg."
    [suggestion] = result.suggestions
    assert suggestion.new == " Tack för att ni tittade." and NOT_HEARD in suggestion.reasons


def test_a_silent_segment_and_a_loop_are_suggested() -> None:
    silent = (Segment(0, 4, "", words("Hej, jag heter Anna och jag bor i Göteborg."), 0.9),)
    assert all(NO_SPEECH_REASON in s.reasons for s in merge(LIVE, DRAFT, silent).suggestions)
    live = words("vi åker dit vi åker dit")
    loop = (Segment(0, 4, "", words("Vi åker dit, vi åker dit, vi åker dit.")),)
    result = merge(live, " ".join(w.text for w in live), loop)
    assert result.applied == () and all(REPEATED in s.reasons for s in result.suggestions)


def test_a_line_break_the_caseworker_made_is_kept() -> None:
    draft = DRAFT.replace("hej jag", "hej\njag")
    assert merge(LIVE, draft, BETTER).text == "Hej,\njag heter Anna och jag bor i Göteborg."
    live = words("vi var på skolan i går")
    hyp = (Segment(0, 3, "", words("Vi var påskolan i går.")),)
    result = merge(live, "vi var på\nskolan i går", hyp)
    assert "på\nskolan" in result.text
    assert [(s.old, s.reasons) for s in result.suggestions] == [("på\nskolan", (LAYOUT,))]


def test_nothing_live_means_everything_is_a_suggestion() -> None:
    result = merge((), "Egen text.", BETTER)
    assert result.text == "Egen text." and result.applied == ()
    assert apply_suggestions(result) == "Egen text. Hej, jag heter Anna och jag bor i Göteborg."


def test_an_insertion_after_a_word_whose_deletion_takes_the_space_stays_spaced() -> None:
    """Found by the property tests: the first word is dropped (its deletion takes the space
    after it) and a word the caseworker deleted just after it comes back. The merge keeps the
    text exactly as it was, places the insertion where the deletion ends, and each choice of
    suggestions gives well-spaced text; merging again changes nothing."""
    base = words("och jag och och jag")
    heard = [Word("Jag" if i == 1 else w.text, w.start, w.end, 0.3) for i, w in enumerate(base)]
    hyp = (Segment(0.0, 0.0, "", tuple(heard[1:]), 0.05),)
    first = merge(base, "och och och jag", hyp)
    assert first.text == "och och och jag" and first.applied == ()
    assert apply_suggestions(first) == "Jag och och jag"
    assert apply_suggestions(first, [0]) == "och och jag"
    assert apply_suggestions(first, [1]) == "och Jag och och jag"
    again = merge(first.base, first.text, hyp)
    assert again.text == first.text
    assert [(c.old, c.new) for c in again.suggestions] == [
        (c.old, c.new) for c in first.suggestions]
