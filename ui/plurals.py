"""Plural forms, in Swedish and English, of every UI text that counts something.

A text is written once in the code with Qt's ``%n`` (``self.tr("%n träff(ar)", "", n)``); Qt
picks the form for ``n`` from a translation file. Swedish is the source language, so Swedish
needs a translation file too, for the plural forms only. This table is the one place they are
written; ``python3 ui/plurals.py`` writes ``plurals_sv.ts`` and ``plurals_en.ts`` from it
(both languages have two forms: one, and everything else).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent / "i18n"

# (context, source) -> {language: (form for 1, form for any other number)}
PLURALS: dict[tuple[str, str], dict[str, tuple[str, str]]] = {
    ("CaseListWidget", "%n träff(ar)"): {
        "sv": ("%n träff", "%n träffar"), "en": ("%n result", "%n results")},
    ("CaseListWidget", "%n anteckning(ar)"): {
        "sv": ("%n anteckning", "%n anteckningar"), "en": ("%n note", "%n notes")},
    ("NoteCardWidget", "%n ord"): {"sv": ("%n ord", "%n ord"), "en": ("%n word", "%n words")},
    ("ImproveTranscriptWidget", "Cirka %n min kvar"): {
        "sv": ("Cirka %n min kvar", "Cirka %n min kvar"),
        "en": ("About %n min left", "About %n min left")},
    ("StartupOffers", "Det finns %n inspelning(ar) som väntar på utskrift. Vill du skriva ut "
                      "nu?"): {
        "sv": ("Det finns %n inspelning som väntar på utskrift. Vill du skriva ut den nu?",
               "Det finns %n inspelningar som väntar på utskrift. Vill du skriva ut dem nu?"),
        "en": ("%n recording is waiting to be transcribed. Transcribe it now?",
               "%n recordings are waiting to be transcribed. Transcribe them now?")},
    ("VisitPageWidget", "Sparar slutet av inspelningen: %n sekund(er) kvar att skriva ut. Du kan "
                        "gå tillbaka till ärendet under tiden – det fortsätter i bakgrunden."): {
        "sv": ("Sparar slutet av inspelningen: %n sekund kvar att skriva ut. Du kan gå tillbaka "
               "till ärendet under tiden – det fortsätter i bakgrunden.",
               "Sparar slutet av inspelningen: %n sekunder kvar att skriva ut. Du kan gå "
               "tillbaka till ärendet under tiden – det fortsätter i bakgrunden."),
        "en": ("Saving the end of the recording: %n second left to transcribe. You can go back "
               "to the case meanwhile – it goes on in the background.",
               "Saving the end of the recording: %n seconds left to transcribe. You can go back "
               "to the case meanwhile – it goes on in the background.")},
    ("SyncStatusWidget", "%n anteckning(ar) väntar på att skickas"): {
        "sv": ("%n anteckning väntar på att skickas", "%n anteckningar väntar på att skickas"),
        "en": ("%n note is waiting to be sent", "%n notes are waiting to be sent")},
    ("SyncStatusWidget", "%n ändring(ar) väntar på att skickas"): {
        "sv": ("%n ändring väntar på att skickas", "%n ändringar väntar på att skickas"),
        "en": ("%n change is waiting to be sent", "%n changes are waiting to be sent")},
    ("SyncStatusWidget", "%n konflikt(er)"): {
        "sv": ("%n konflikt", "%n konflikter"), "en": ("%n conflict", "%n conflicts")},
    ("SyncStatusWidget", "%n kunde inte synkroniseras"): {
        "sv": ("%n kunde inte synkroniseras", "%n kunde inte synkroniseras"),
        "en": ("%n item could not be synced", "%n items could not be synced")},
}

_LANGUAGE = {"sv": "sv_SE", "en": "en_GB"}


def write(lang: str, folder: Path = HERE) -> Path:
    root = ET.Element("TS", version="2.1", language=_LANGUAGE[lang], sourcelanguage="sv_SE")
    contexts: dict[str, ET.Element] = {}
    for (context, source), forms in sorted(PLURALS.items()):
        ctx = contexts.get(context)
        if ctx is None:
            ctx = contexts[context] = ET.SubElement(root, "context")
            ET.SubElement(ctx, "name").text = context
        message = ET.SubElement(ctx, "message", numerus="yes")
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        for form in forms[lang]:
            ET.SubElement(translation, "numerusform").text = form
    tree = ET.ElementTree(root)
    ET.indent(tree, "    ")
    path = folder / f"plurals_{lang}.ts"
    with open(path, "wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
        fh.write(b"\n")
    return path


if __name__ == "__main__":
    for language in _LANGUAGE:
        print(write(language))
