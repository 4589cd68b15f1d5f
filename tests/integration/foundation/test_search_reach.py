"""Search reaches the family's own words (synpunkter) and text a correction replaced."""

from __future__ import annotations

from app import notes, review, search
from app.context import Context
from tests.support.store import make_case


def test_a_synpunkt_is_found(admin: Context) -> None:
    case = make_case(admin)
    note = notes.sign(admin, notes.create_draft(admin, case.id, "Samtal om skolan.").id)
    started = review.start(admin, note.id, audience="child",
                           present=[review.PresentPerson("Kim", "child")])
    assert search.search(admin, "fotbollsträningen") == []
    review.record_outcome(admin, started.review_id, 0, "disagrees",
                          "Jag sa att fotbollsträningen är viktigast.")
    hits = search.search(admin, "fotbollsträning")
    assert [(h.note_id, h.found_in) for h in hits] == [(note.id, "comment")]
    assert "\x02fotbollsträningen\x03" in hits[0].snippet
    # The note's own words still come first.
    assert [h.found_in for h in search.search(admin, "skolan")] == ["note"]


def test_text_removed_by_a_correction_is_found(admin: Context) -> None:
    case = make_case(admin)
    note = notes.sign(admin, notes.create_draft(admin, case.id, "Mötet var på Ekgatan.").id)
    notes.correct(admin, note.id, "Mötet var på Björkgatan.", reason="Fel adress.")
    assert [(h.note_id, h.found_in) for h in search.search(admin, "ekgatan")] == [
        (note.id, "corrected")]
    assert [h.found_in for h in search.search(admin, "björkgatan")] == ["note"]


def test_a_caseworker_does_not_find_words_in_cases_not_theirs(admin: Context,
                                                               caseworker: Context) -> None:
    case = make_case(admin)
    note = notes.sign(admin, notes.create_draft(admin, case.id, "Text.").id)
    started = review.start(admin, note.id, audience="child",
                           present=[review.PresentPerson("Kim", "child")])
    review.record_outcome(admin, started.review_id, 0, "disagrees", "Hemligt ord kvastfening.")
    assert search.search(caseworker, "kvastfening") == []
