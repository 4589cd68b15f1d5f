"""Dictation post-processing: spoken commands, capitals and spacing for Vosk's lower-case words.

Vosk gives final phrases as bare lower-case words. :class:`Dictation` keeps the phrases of one
document and renders them to text. Rendering is a pure function of the committed phrases, so
"ångra" (undo) restores the earlier text exactly and rendering twice gives the same string.

Edge cases, decided once here:

* Punctuation with nothing to attach to (at the very start, or right after a line break) is
  dropped: there is no word for it to follow.
* Two punctuation commands in a row: the latter replaces the former ("komma punkt" gives "."),
  so a mis-spoken command is corrected by saying the right one; repeating one changes nothing.
* Line breaks at the start are dropped; consecutive breaks are capped at one empty line
  ("ny rad ny rad" equals "nytt stycke"). Trailing breaks are kept: the next word goes there.
* Capitals: the first word, words after ``.`` ``?`` ``!`` and words after a line break.
  Nothing is capitalised after ``:`` or ``,`` (Swedish and English usage).
* "ångra" removes the last dictated phrase. Words before it in the same phrase *are* that
  phrase, so "hej hopp ångra" removes just "hej hopp"; "ångra" first in a phrase removes the
  previous phrase; with nothing to undo it does nothing. Words after it form a new phrase.
* Empty phrases (Vosk reports silence as ``""``) are ignored, so they never become an undo step.
* The literal word ("ordet" in Swedish) writes the following command as plain text:
  "ordet komma" gives "komma". Needed because "komma" is also a Swedish verb.

Not thread-safe: one thread (the recogniser's consumer) owns a ``Dictation``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Literal

from speech.errors import UnsupportedLanguage

Action = Literal["punctuation", "newline", "paragraph", "undo"]
_BREAKS = {"newline": 1, "paragraph": 2}


@dataclass(frozen=True)
class Command:
    action: Action
    text: str = ""


@dataclass(frozen=True)
class DictationRules:
    """Command words and typography for one language, loaded from ``speech/data``."""

    language: str
    commands: dict[tuple[str, ...], Command]
    literal: str
    sentence_end: frozenset[str]
    always_capitalised: frozenset[str]

    @property
    def longest_command(self) -> int:
        return max((len(words) for words in self.commands), default=1)

    def match(self, words: Sequence[str], start: int) -> tuple[int, Command] | None:
        """The longest command starting at ``words[start]``, as (word count, command)."""
        for length in range(min(self.longest_command, len(words) - start), 0, -1):
            command = self.commands.get(tuple(words[start : start + length]))
            if command is not None:
                return length, command
        return None


def load_rules(language: str) -> DictationRules:
    """Rules for a language code such as ``"sv"``, ``"sv-SE"`` or ``"en_GB"``."""
    code = language.replace("_", "-").split("-")[0].lower()
    resource = resources.files("speech") / "data" / f"dictation_{code}.json"
    if not code.isalpha() or not resource.is_file():
        raise UnsupportedLanguage(language)
    data = json.loads(resource.read_text(encoding="utf-8"))
    commands: dict[tuple[str, ...], Command] = {}
    for item in data["commands"]:
        command = Command(item["action"], item.get("text", ""))
        for phrase in item["say"]:
            commands[tuple(phrase.lower().split())] = command
    return DictationRules(
        language=data["language"],
        commands=commands,
        literal=data["literal"].lower(),
        sentence_end=frozenset(data["sentence_end"]),
        always_capitalised=frozenset(w.lower() for w in data["always_capitalised"]),
    )


@dataclass(frozen=True)
class Token:
    """One rendered unit: a word, a punctuation mark or a line break (``"\\n"`` or ``"\\n\\n"``)."""

    kind: Literal["word", "punct", "break"]
    text: str


def _capitalise(word: str) -> str:
    first = word[0].upper()
    # Some letters upper-case to two characters ("ß" -> "SS"); leave those words alone.
    return first + word[1:] if len(first) == 1 else word


class _Renderer:
    """Appends tokens to text, applying spacing, capitals and the punctuation rules above."""

    def __init__(self, rules: DictationRules) -> None:
        self.rules = rules
        self.parts: list[str] = []
        self.last: str = "start"
        self.trailing_newlines = 0
        self.capitalise_next = True

    def add(self, token: Token) -> None:
        if token.kind == "word":
            self._word(token.text)
        elif token.kind == "punct":
            self._punct(token.text)
        else:
            self._break(len(token.text))

    def _word(self, word: str) -> None:
        if self.last in ("word", "punct"):
            self.parts.append(" ")
        capitalise = self.capitalise_next or word in self.rules.always_capitalised
        self.parts.append(_capitalise(word) if capitalise else word)
        self.last, self.capitalise_next = "word", False

    def _punct(self, mark: str) -> None:
        if self.last == "punct":
            self.parts[-1] = mark
        elif self.last == "word":
            self.parts.append(mark)
        else:
            return
        self.last = "punct"
        self.capitalise_next = mark in self.rules.sentence_end

    def _break(self, newlines: int) -> None:
        if self.last == "start":
            return
        current = self.trailing_newlines if self.last == "break" else 0
        target = min(2, current + newlines)
        self.parts.append("\n" * (target - current))
        self.last, self.trailing_newlines, self.capitalise_next = "break", target, True

    def text(self) -> str:
        return "".join(self.parts)


def render(tokens: Iterable[Token], rules: DictationRules) -> str:
    """Text for a token sequence (pure: the same tokens always give the same text)."""
    renderer = _Renderer(rules)
    for token in tokens:
        renderer.add(token)
    return renderer.text()


def _words_of(phrase: str | Sequence[str]) -> list[str]:
    items = [phrase] if isinstance(phrase, str) else phrase
    return [word.lower() for item in items for word in item.split()]


@dataclass(frozen=True)
class Preview:
    """A partial result shown after the text: ``stable`` is unchanged committed text."""

    stable: str
    tentative: str

    @property
    def text(self) -> str:
        return self.stable + self.tentative


class Dictation:
    """A dictated document: final phrases in, formatted text out. See the module docstring."""

    def __init__(
        self,
        language: str = "sv",
        *,
        rules: DictationRules | None = None,
        commands: bool = True,
    ) -> None:
        self.rules = rules or load_rules(language)
        self.commands_enabled = commands
        self._phrases: list[tuple[Token, ...]] = []
        self._text = ""

    @property
    def text(self) -> str:
        return self._text

    @property
    def phrase_count(self) -> int:
        return len(self._phrases)

    def feed(self, phrase: str | Sequence[str]) -> str:
        """Apply one final phrase (words or a string) and return the new text."""
        self._phrases = self._apply(self._phrases, self._tokens(_words_of(phrase)))
        self._text = self._render(self._phrases)
        return self._text

    def undo(self) -> bool:
        """Remove the last phrase (as a button would); False when there was nothing to undo."""
        if not self._phrases:
            return False
        self._phrases.pop()
        self._text = self._render(self._phrases)
        return True

    def clear(self) -> None:
        self._phrases.clear()
        self._text = ""

    def render_partial(self, partial_text: str) -> str:
        """The whole text as it would read if the unfinished phrase were final now."""
        phrases = self._apply(self._phrases, self._tokens(_words_of(partial_text)))
        return self._render(phrases)

    def preview(self, partial_text: str) -> Preview:
        """Like :meth:`render_partial`, split where it departs from the committed text."""
        full = self.render_partial(partial_text)
        common = 0
        for committed_char, preview_char in zip(self._text, full, strict=False):
            if committed_char != preview_char:
                break
            common += 1
        return Preview(full[:common], full[common:])

    def _render(self, phrases: Sequence[tuple[Token, ...]]) -> str:
        return render((token for phrase in phrases for token in phrase), self.rules)

    @staticmethod
    def _apply(
        phrases: list[tuple[Token, ...]], tokens: list[Token | None]
    ) -> list[tuple[Token, ...]]:
        """New phrase list after tokens, where ``None`` is an undo (see module docstring)."""
        result = list(phrases)
        current: list[Token] = []
        for token in tokens:
            if token is not None:
                current.append(token)
            elif current:
                current = []
            elif result:
                result.pop()
        if current:
            result.append(tuple(current))
        return result

    def _tokens(self, words: list[str]) -> list[Token | None]:
        if not self.commands_enabled:
            return [Token("word", word) for word in words]
        tokens: list[Token | None] = []
        index = 0
        while index < len(words):
            if words[index] == self.rules.literal and index + 1 < len(words):
                escaped = self._escaped_length(words, index + 1)
                if escaped:
                    tokens += [Token("word", w) for w in words[index + 1 : index + 1 + escaped]]
                    index += 1 + escaped
                    continue
            found = self.rules.match(words, index)
            if found is None:
                tokens.append(Token("word", words[index]))
                index += 1
                continue
            length, command = found
            tokens.append(self._command_token(command))
            index += length
        return tokens

    def _escaped_length(self, words: list[str], start: int) -> int:
        """How many words the literal word escapes at ``start`` (0 when none)."""
        if words[start] == self.rules.literal:
            return 1
        found = self.rules.match(words, start)
        return found[0] if found else 0

    @staticmethod
    def _command_token(command: Command) -> Token | None:
        if command.action == "undo":
            return None
        if command.action == "punctuation":
            return Token("punct", command.text)
        return Token("break", "\n" * _BREAKS[command.action])
