"""Fill the English translations in ui/i18n/samskriv_en.ts (run after pyside6-lupdate).

Usage: pyside6-lupdate -source-language sv_SE -target-language en_GB -no-obsolete \
           ui/*.py app/vocabulary.py -ts ui/i18n/samskriv_en.ts && python3 ui/i18n/fill_en_ts.py
(``app/vocabulary.py`` holds the domain's words, context ``Vocabulary``.)
Strings not in ``EN`` are listed and left unfinished, so a missing translation is visible.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent / "samskriv_en.ts"

EN: dict[str, str] = {
    # sync conflicts in the journal and the editor
    "I konflikt: utkastet har ändrats på en annan dator också. Välj version innan det kan "
    "signeras.": "In conflict: the draft was changed on another computer too. Choose a version "
                 "before it can be signed.",
    "Utkastet har ändrats på två datorer. Välj en version eller skriv ihop dem (Konflikt i "
    "journalen) innan du signerar.": "The draft was changed on two computers. Choose a version "
                                     "or write them together (Conflict in the journal) before "
                                     "you sign.",
    # the second pass's suggestions in the note editor
    "Skriven med stöd av taligenkänning": "Written with the help of speech recognition",
    "Använd den förbättrade utskriften": "Use the improved transcript",
    "Ord du inte har ändrat byts mot den förbättrade utskriften. Där du har ändrat visas "
    "förslag som du själv godtar eller avvisar.":
        "Words you have not changed are replaced by the improved transcript. Where you have "
        "changed something, suggestions are shown that you accept or reject yourself.",
    "Förslag från den förbättrade utskriften": "Suggestions from the improved transcript",
    "Förslag": "Suggestion",
    "Godta": "Accept",
    "Avvisa": "Reject",
    "Godta alla": "Accept all",
    "Texten ändrades under tiden. Försök igen.": "The text changed meanwhile. Try again.",
    "Den förbättrade utskriften kunde inte användas.": "The improved transcript could not be used.",
    "Ljudet kunde inte spelas upp.": "The audio could not be played.",
    "Klicka för att höra ljudet": "Click to hear the audio",
    "(inget)": "(nothing)",
    "(ta bort)": "(remove)",
    "du har ändrat här": "you changed this",
    "osäkert ord": "uncertain word",
    "inget hördes här vid inspelningen": "nothing was heard here during the recording",
    "upprepning, kan vara påhittad": "repetition, may be invented",
    "troligen inget tal": "probably no speech",
    "radbrytning": "line break",
    "saknas i den förbättrade utskriften": "missing in the improved transcript",
    # signing with the password
    "Signera med ditt lösenord": "Sign with your password",
    "Skriv ditt lösenord, {name}, för att signera anteckningen.":
        "Type your password, {name}, to sign the note.",
    "Fråga efter lösenordet vid signering": "Ask for the password when signing",
    # errors
    "Ett oväntat fel inträffade": "An unexpected error occurred",
    "Felmeddelande": "Error message",
    "Det du har skrivit finns kvar. Kopiera detaljerna och skicka dem till IT.":
        "What you have typed is still there. Copy the details and send them to IT.",
    "Kopiera detaljer": "Copy details",
    "Varning: {count} poster i databasen stämmer inte med sina signaturer eller med "
    "granskningsloggen. De kan ha ändrats utanför Samskriv. Kontakta en administratör.":
        "Warning: {count} records in the database do not match their signatures or the audit "
        "log. They may have been changed outside Samskriv. Contact an administrator.",
    # case list
    "Ärenden": "Cases",
    "Sök i anteckningar": "Search notes",
    "Filtrera på nummer eller rubrik": "Filter by number or title",
    "Filtrera ärenden": "Filter cases",
    "Nytt ärende…": "New case…",
    "Sök ord i anteckningar, tryck Enter": "Search words in notes, press Enter",
    "Sökträffar": "Search results",
    "{n} anteckningar": "{n} notes",
    "Söker…": "Searching…",
    "{n} träffar": "{n} results",
    # case view
    "Välj ett ärende i listan eller skapa ett nytt.": "Choose a case in the list or create a new one.",
    "&Ny anteckning": "&New note",
    "Ny anteckning (Ctrl+N)": "New note (Ctrl+N)",
    "&Journal": "&Journal",
    "&Personer": "&Persons",
    "&Besök": "&Visits",
    "Handläggare: {names}": "Assigned to: {names}",
    "Inga personer registrerade.": "No persons registered.",
    "Anteckning": "Note",
    # login
    "Välkommen till Samskriv": "Welcome to Samskriv",
    "Det finns inget konto på den här datorn ännu. Skapa det första kontot. Det blir "
    "administratör och kan sedan lägga till kollegor.":
        "There is no account on this computer yet. Create the first account. It becomes the "
        "administrator and can then add colleagues.",
    "&Användarnamn": "&User name",
    "&Namn": "&Name",
    "&Lösenord": "&Password",
    "&Upprepa lösenordet": "&Repeat the password",
    "Skapa konto": "Create account",
    "Lösenorden är olika.": "The passwords differ.",
    "Logga in – Samskriv": "Log in – Samskriv",
    "Logga in med ditt användarnamn och lösenord.": "Log in with your user name and password.",
    "Logga in": "Log in",
    "Väntetid": "Waiting time",
    "Vänta {n} s innan du försöker igen.": "Wait {n} s before you try again.",
    # accounts
    "&Konto": "&Account",
    "&Byt lösenord…": "&Change password…",
    "&Användare…": "&Users…",
    "Inloggningar sedan sist": "Logins since last time",
    "Användare": "Users",
    "Användarnamn": "User name",
    "Roll": "Role",
    "Status": "Status",
    "Stäng av kontot": "Deactivate the account",
    "Häv spärren": "Lift the lockout",
    "Nytt lösenord för valt konto": "New password for the selected account",
    "Nytt lösenord": "New password",
    "Sätt nytt lösenord": "Set new password",
    "Lägg till ett konto": "Add an account",
    "Upprepa lösenordet": "Repeat the password",
    "Lägg till": "Add",
    "Avstängt": "Deactivated",
    "Spärrat": "Locked out",
    "Aktivt": "Active",
    "Välj ett konto i listan.": "Choose an account in the list.",
    "{name} är avstängt.": "{name} is deactivated.",
    "Spärren för {name} är hävd.": "The lockout of {name} is lifted.",
    "{name} har fått ett nytt lösenord.": "{name} has a new password.",
    "{name} har lagts till.": "{name} has been added.",
    "Byt lösenord": "Change password",
    "Nuvarande lösenord": "Current password",
    "Upprepa det nya lösenordet": "Repeat the new password",
    "&Nuvarande lösenord": "&Current password",
    "N&ytt lösenord": "N&ew password",
    "&Upprepa det nya lösenordet": "&Repeat the new password",
    "De nya lösenorden är olika.": "The new passwords differ.",
    # journal
    "Journal": "Journal",
    "Inga anteckningar ännu. Välj Ny anteckning för att skriva den första.":
        "No notes yet. Choose New note to write the first one.",
    "Anteckning {when}": "Note {when}",
    "Redigera utkast": "Edit draft",
    "Rättelse…": "Correction…",
    "Fri anteckning": "Free note",
    "Händelsetid {event} · Skriven {written} av {author}":
        "Event time {event} · Written {written} by {author}",
    " · Signerad {when} av {who}": " · Signed {when} by {who}",
    "Rättad {when} av {who}. Skäl: {reason}": "Corrected {when} by {who}. Reason: {reason}",
    # vocabulary (app/vocabulary.py)
    "Handläggare": "Caseworker",
    "Arbetsledare": "Supervisor",
    "Administratör": "Administrator",
    "Öppet": "Open",
    "Avslutat": "Closed",
    "Barn": "Child",
    "Vårdnadshavare": "Guardian",
    "Annan person": "Other person",
    "Utkast": "Draft",
    "Signerad": "Signed",
    "Rättad": "Corrected",
    "Hembesök": "Home visit",
    "Besök i skolan": "School visit",
    "Samtal på kontoret": "Meeting at the office",
    "Telefonsamtal": "Phone call",
    "Annat": "Other",
    # case management (ui/case_edit.py, ui/case_header.py, ui/persons_tab.py)
    "Handläggare för ärendet": "Caseworkers on the case",
    "Bocka för de kollegor som ska arbeta med ärendet.":
        "Tick the colleagues who are to work on the case.",
    "Spara": "Save",
    "Ändra ärende": "Change case",
    "Gallring": "Culling",
    "Gallras enligt standard (efter 5 år)": "Culled as standard (after 5 years)",
    "Bevaras (placering, faderskap, adoption)": "Kept (placement, paternity, adoption)",
    "&Gallring": "&Culling",
    "Ä&ndra ärende…": "C&hange case…",
    "&Handläggare…": "&Caseworkers…",
    " · Avslutat": " · Closed",
    "ingen": "nobody",
    "Öppna ärendet i&gen": "Re&open the case",
    "A&vsluta ärendet": "Clo&se the case",
    "Avsluta ärendet": "Close the case",
    "Avsluta ärendet {number}? Ett avslutat ärende kan inte ändras förrän det öppnas igen.":
        "Close case {number}? A closed case cannot be changed until it is reopened.",
    " (avslutat)": " (closed)",
    " · i familjens synpunkter": " · in the family's own words",
    " · i rättad text": " · in corrected text",
    "Deltar: {name}": "Takes part: {name}",
    "Händelsetiden var inte helt ifylld och har satts tillbaka till {time}. Skriv datum och "
    "tid som ÅÅÅÅ-MM-DD TT:MM.":
        "The event time was not complete and has been set back to {time}. Write date and time "
        "as YYYY-MM-DD HH:MM.",
    "Händelsetiden är inte helt ifylld. Skriv datum och tid som ÅÅÅÅ-MM-DD TT:MM.":
        "The event time is not complete. Write date and time as YYYY-MM-DD HH:MM.",
    "Ändra person": "Change person",
    "Lägg till person": "Add person",
    "Personnummer": "Personal identity number",
    "&Roll": "&Role",
    "&Personnummer": "&Personal identity number",
    "Personer": "Persons",
    "&Lägg till person…": "&Add person…",
    "Ä&ndra…": "C&hange…",
    "&Ta bort från ärendet": "&Remove from the case",
    "Ta bort person": "Remove person",
    "Ta bort {name} från ärendet? Besök och genomgångar där personen var med visar fortfarande "
    "namnet.": "Remove {name} from the case? Visits and reviews the person took part in still "
               "show the name.",
    "Ta bort": "Remove",
    # lock
    "Samskriv är låst": "Samskriv is locked",
    "Inloggad: {name}. Skriv ditt lösenord för att fortsätta.":
        "Logged in: {name}. Enter your password to continue.",
    "Lösenord": "Password",
    "Lås upp": "Unlock",
    "Fel lösenord.": "Wrong password.",
    # main window
    "Inloggad som {name}": "Logged in as {name}",
    "&Arkiv": "&File",
    "&Nytt ärende…": "&New case…",
    "&Sök i anteckningar": "&Search notes",
    "&Inställningar…": "&Settings…",
    "&Lås nu": "&Lock now",
    "A&vsluta": "E&xit",
    "Arbetar…": "Working…",
    # new case
    "Nytt ärende": "New case",
    "Ärendenummer": "Case number",
    "Rubrik": "Title",
    "Ä&rendenummer": "Case &number",
    "R&ubrik": "&Title",
    "Personer i ärendet": "Persons in the case",
    "&Lägg till person": "&Add person",
    "Skapa ärende": "Create case",
    "Namn": "Name",
    "ÅÅÅÅMMDD-NNNN (frivilligt)": "YYYYMMDD-NNNN (optional)",
    "Roll, person {n}": "Role, person {n}",
    "Namn, person {n}": "Name, person {n}",
    "Personnummer, person {n}": "Personal identity number, person {n}",
    # visits
    "Registrera besök": "Register visit",
    "Typ av besök": "Kind of visit",
    "Planerad tid": "Planned time",
    "Namn, åtskilda med komma": "Names, separated by commas",
    "Deltagare": "Participants",
    "Barnet är med": "The child takes part",
    "Typ": "Kind",
    "Registrera": "Register",
    "Besök": "Visits",
    "Inga besök registrerade.": "No visits registered.",
    "&Registrera besök…": "&Register visit…",
    " · barnet med": " · with the child",
    # note editor
    "Händelsetid": "Event time",
    "Avsnitt": "Section",
    "Barnets röst": "The child's voice",
    "Vad barnet sa, hur barnets synpunkter togs fram och hur de har vägts in.":
        "What the child said, how the child's views were gathered and how they were weighed.",
    "Skäl till rättelsen": "Reason for the correction",
    "&Händelsetid": "&Event time",
    "Skrivtid": "Written",
    "A&vsnitt": "Sec&tion",
    "A&nteckning": "N&ote",
    "&Barnets röst": "The &child's voice",
    "&Skäl till rättelsen": "&Reason for the correction",
    "Stäng": "Close",
    "Spara utkast": "Save draft",
    "Spara utkast (Ctrl+S)": "Save draft (Ctrl+S)",
    "Signera…": "Sign…",
    "Spara rättelse": "Save correction",
    "{written} av {author}": "{written} by {author}",
    "nu, av {author}": "now, by {author}",
    "Rättelse av signerad anteckning": "Correction of a signed note",
    "Ny anteckning": "New note",
    "Signerad anteckning": "Signed note",
    "Utkastet är skrivet av {author}; bara hen kan ändra och signera det.":
        "The draft was written by {author}; only they can change and sign it.",
    "Anteckningen är signerad och kan inte ändras. Använd Rättelse i journalen.":
        "The note is signed and cannot be changed. Use Correction in the journal.",
    "Signera anteckningen?": "Sign the note?",
    "En signerad anteckning kan inte ändras. Fel rättas med en rättelse där den gamla texten "
    "syns överstruken.\n\nVill du signera nu?":
        "A signed note cannot be changed. Mistakes are fixed with a correction in which the old "
        "text stays visible, struck through.\n\nDo you want to sign now?",
    "Signera": "Sign",
    "Utkastet sparades {when}.": "The draft was saved at {when}.",
    "Rättelsen sparades.": "The correction was saved.",
    # sections
    "Barnets utveckling": "Child's development",
    "Hälsa": "Health",
    "Utbildning": "Education",
    "Känslor och beteende": "Emotions and behaviour",
    "Identitet": "Identity",
    "Familj och sociala relationer": "Family and social relationships",
    "Socialt uppträdande": "Social presentation",
    "Förmåga att klara sig själv": "Self-care skills",
    "Föräldrarnas förmåga": "Parenting capacity",
    "Grundläggande omsorg": "Basic care",
    "Säkerhet": "Ensuring safety",
    "Känslomässig tillgänglighet": "Emotional warmth",
    "Stimulans": "Stimulation",
    "Vägledning och gränssättning": "Guidance and boundaries",
    "Stabilitet": "Stability",
    "Familj och miljö": "Family and environment",
    "Familjens bakgrund": "Family history",
    "Nätverk": "Network",
    "Ekonomi": "Income",
    "Boende": "Housing",
    "Arbete": "Employment",
    "Social integrering": "Social integration",
    # settings
    "Inställningar": "Settings",
    "Allmänt": "General",
    "Språk": "Language",
    " min": " min",
    "Lås efter inaktivitet i minuter": "Lock after inactivity, in minutes",
    "&Språk": "&Language",
    "&Lås efter inaktivitet": "&Lock after inactivity",
    # journal card: speech provenance
    'direktutskrift':
        'live transcript',
    'utskrift av inspelning':
        'transcript of the recording',
    'förbättrad utskrift':
        'improved transcript',
    'okänd motor':
        'unknown engine',
    '{engine}, modell {model}, {kind}: {words}':
        '{engine}, model {model}, {kind}: {words}',
    '{machine} av {total} ord kommer från taligenkänning ({origins}). Markerad text kommer från taligenkänning; övrig text är skriven eller ändrad av handläggaren.':
        '{machine} of {total} words come from speech recognition ({origins}). Highlighted text comes from speech recognition; the rest was typed or changed by the caseworker.',
}


def main() -> int:
    tree = ET.parse(TS)
    missing = []
    for message in tree.getroot().iter("message"):
        if message.get("numerus") == "yes":
            continue  # plural forms are written by ui/plurals.py (plurals_en.ts)
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source in EN:
            translation.text = EN[source]
            translation.attrib.pop("type", None)
        elif not (translation.text or "").strip():
            missing.append(source)
    ET.indent(tree, "    ")
    with open(TS, "wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
        fh.write(b"\n")
    for source in missing:
        print(f"missing: {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
