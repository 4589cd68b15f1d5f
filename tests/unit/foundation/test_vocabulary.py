"""The domain's Swedish words cover every stored key, and a section list falls back to BBIC."""

from __future__ import annotations

from pathlib import Path

from app import vocabulary
from models.people import CASE_STATUSES, PERSON_ROLES, ROLES
from models.visits import VISIT_KINDS


def test_every_stored_key_has_its_swedish_word() -> None:
    assert tuple(vocabulary.USER_ROLES) == ROLES
    assert tuple(vocabulary.PERSON_ROLES) == PERSON_ROLES
    assert tuple(vocabulary.VISIT_KINDS) == VISIT_KINDS
    assert tuple(vocabulary.CASE_STATUSES) == CASE_STATUSES
    assert vocabulary.user_role("caseworker") == "Handläggare"
    assert vocabulary.note_state("signed", corrected=True) == "Rättad"
    assert vocabulary.note_state("draft", corrected=True) == "Utkast"
    assert vocabulary.visit_kind("okänd") == "okänd"  # newer data is shown as it is


def test_sections_default_to_bbic_and_a_municipality_list_replaces_them(tmp_path: Path) -> None:
    path = tmp_path / "sections.json"
    assert vocabulary.load_sections(path) == vocabulary.BBIC
    path.write_text('[{"group": "Insats", "sections": ["Mål", "Uppföljning"]}]',
                    encoding="utf-8")
    [group] = vocabulary.load_sections(path)
    assert (group.name, group.sections) == ("Insats", ("Mål", "Uppföljning"))
    path.write_text("[{]", encoding="utf-8")
    assert vocabulary.load_sections(path) == vocabulary.BBIC
    assert vocabulary.section_value("Insats", "Mål") == "Insats – Mål"
    assert vocabulary.section_label("") == "Fri anteckning"
