"""The kiosk's answers in memory: one per passage and respondent, with what was last saved.

A respondent is a slot in ``ReviewSession.respondents`` (child and guardian answering each for
themselves), or None when one voice answers or nobody has said who they are yet.
"""

from __future__ import annotations

from dataclasses import dataclass

AnswerKey = tuple[int, int | None]  # passage index, respondent slot
AnswerState = tuple[str | None, str, str]  # outcome, own words, input method


@dataclass
class Answer:
    outcome: str | None = None
    own_words: str = ""
    input_method: str = "typed"
    saved: AnswerState | None = None

    def state(self) -> AnswerState:
        return (self.outcome, self.own_words, self.input_method)

    def is_empty(self) -> bool:
        return self.outcome is None and not self.own_words

    def needs_saving(self) -> bool:
        if self.saved is None:
            return not self.is_empty()
        return self.saved != self.state()


class AnswerBook:
    """Answers by (passage, respondent); made empty on first use."""

    def __init__(self) -> None:
        self._answers: dict[AnswerKey, Answer] = {}

    def get(self, key: AnswerKey) -> Answer:
        answer = self._answers.get(key)
        if answer is None:
            answer = self._answers[key] = Answer()
        return answer

    def move_unattributed(self, passage_index: int, slot: int) -> bool:
        """Give an answer made before anyone said who they are to respondent ``slot`` (when
        they have none of their own for this passage); the unattributed one is emptied."""
        loose = self.get((passage_index, None))
        target = self.get((passage_index, slot))
        if loose.is_empty() or not target.is_empty():
            return False
        target.outcome, target.own_words = loose.outcome, loose.own_words
        target.input_method = loose.input_method
        loose.outcome, loose.own_words, loose.input_method = None, "", "typed"
        return True
