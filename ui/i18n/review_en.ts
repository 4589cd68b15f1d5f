<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
<context>
    <name>ConsentWidget</name>
    <message>
        <location filename="../review/consent_widget.py" line="36"/>
        <source>Samtycke till inspelning</source>
        <translation>Consent to recording</translation>
    </message>
    <message>
        <location filename="../review/consent_widget.py" line="49"/>
        <source>Namn, skilda med komma</source>
        <translation>Names, separated by commas</translation>
    </message>
    <message>
        <location filename="../review/consent_widget.py" line="50"/>
        <source>Informerade:</source>
        <translation>Informed:</translation>
    </message>
    <message>
        <location filename="../review/consent_widget.py" line="51"/>
        <source>Samtycker:</source>
        <translation>Agree:</translation>
    </message>
    <message>
        <location filename="../review/consent_widget.py" line="52"/>
        <source>Avböjer:</source>
        <translation>Refuse:</translation>
    </message>
    <message>
        <location filename="../review/consent_widget.py" line="55"/>
        <source>Spara samtycket</source>
        <translation>Save consent</translation>
    </message>
    <message>
        <location filename="../review/consent_widget.py" line="65"/>
        <source>Anteckningen hör inte till något besök.</source>
        <translation>The note does not belong to a visit.</translation>
    </message>
    <message>
        <location filename="../review/consent_widget.py" line="67"/>
        <source>Inget samtycke är registrerat för besöket. Registrera det här om ni har pratat om det.</source>
        <translation>No consent is recorded for the visit. Record it here if you have talked about it.</translation>
    </message>
    <message>
        <location filename="../review/consent_widget.py" line="70"/>
        <source>ingen</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../review/consent_widget.py" line="72"/>
        <source>Informerade: {informed}
Samtycker: {agreed}
Avböjer: {refused}
Registrerat {when} av {who}.</source>
        <translation>Informed: {informed}
Agree: {agreed}
Refuse: {refused}
Recorded {when} by {who}.</translation>
    </message>
</context>
<context>
    <name>KioskMedia</name>
    <message>
        <location filename="../review/kiosk_media.py" line="30"/>
        <source>Mikrofonen fungerar inte just nu. Du kan skriva i rutan i stället, eller be handläggaren om hjälp.</source>
        <translation>The microphone is not working right now. You can type in the box instead, or ask the caseworker for help.</translation>
    </message>
    <message>
        <location filename="../review/kiosk_media.py" line="33"/>
        <source>Det går inte att prata in just nu. Du kan skriva i rutan i stället, eller be handläggaren om hjälp.</source>
        <translation>Speaking your words in is not possible right now. You can type in the box instead, or ask the caseworker for help.</translation>
    </message>
    <message>
        <location filename="../review/kiosk_media.py" line="103"/>
        <source>Ingen röst för uppläsning finns på den här datorn.</source>
        <translation>There is no voice for reading aloud on this computer.</translation>
    </message>
    <message>
        <location filename="../review/kiosk_media.py" line="136"/>
        <source>Uppläsningen fungerade inte. Läs texten tillsammans i stället.</source>
        <translation>Reading aloud did not work. Read the text together instead.</translation>
    </message>
</context>
<context>
    <name>PassagePageWidget</name>
    <message>
        <location filename="../review/passage_page.py" line="49"/>
        <source>Barnets röst</source>
        <translation>The child&apos;s voice</translation>
    </message>
    <message>
        <location filename="../review/passage_page.py" line="70"/>
        <source>Mindre text</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <location filename="../review/passage_page.py" line="73"/>
        <source>Större text</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <location filename="../review/passage_page.py" line="117"/>
        <source>Vem svarade? Tryck på ditt namn.</source>
        <translation>Who answered? Tap your name.</translation>
    </message>
    <message>
        <location filename="../review/passage_page.py" line="117"/>
        <source>Vem svarar?</source>
        <translation>Who is answering?</translation>
    </message>
    <message>
        <location filename="../review/passage_page.py" line="125"/>
        <source>👍  Ja, det stämmer</source>
        <translation>👍  Yes, that&apos;s right</translation>
    </message>
    <message>
        <location filename="../review/passage_page.py" line="125"/>
        <source>👎  Nej, det stämmer inte</source>
        <translation>👎  No, that&apos;s not right</translation>
    </message>
    <message>
        <location filename="../review/passage_page.py" line="127"/>
        <source>✓  Stämmer</source>
        <translation>✓  Correct</translation>
    </message>
    <message>
        <location filename="../review/passage_page.py" line="127"/>
        <source>✗  Stämmer inte</source>
        <translation>✗  Not correct</translation>
    </message>
    <message>
        <location filename="../review/passage_page.py" line="139"/>
        <source>Vill du säga något? Skriv här.</source>
        <translation>Do you want to say something? Write here.</translation>
    </message>
    <message>
        <location filename="../review/passage_page.py" line="140"/>
        <source>Dina egna ord</source>
        <translation>Your own words</translation>
    </message>
    <message>
        <location filename="../review/passage_page.py" line="152"/>
        <location filename="../review/passage_page.py" line="268"/>
        <source>🎤  Prata in</source>
        <translation>🎤  Speak</translation>
    </message>
    <message>
        <location filename="../review/passage_page.py" line="166"/>
        <source>←  Tillbaka</source>
        <translation>←  Back</translation>
    </message>
    <message>
        <location filename="../review/passage_page.py" line="166"/>
        <source>←  Föregående</source>
        <translation>←  Previous</translation>
    </message>
    <message>
        <location filename="../review/passage_page.py" line="189"/>
        <source>Del {n} av {total}</source>
        <translation>Part {n} of {total}</translation>
    </message>
    <message>
        <location filename="../review/passage_page.py" line="189"/>
        <source>Stycke {n} av {total}</source>
        <translation>Passage {n} of {total}</translation>
    </message>
    <message>
        <location filename="../review/passage_page.py" line="201"/>
        <location filename="../review/passage_page.py" line="204"/>
        <source>Nästa  →</source>
        <translation>Next  →</translation>
    </message>
    <message>
        <location filename="../review/passage_page.py" line="203"/>
        <source>Sammanfattning  →</source>
        <translation>Summary  →</translation>
    </message>
    <message>
        <location filename="../review/passage_page.py" line="251"/>
        <source>🔇  Ingen uppläsning</source>
        <translation>🔇  No reading aloud</translation>
    </message>
    <message>
        <location filename="../review/passage_page.py" line="253"/>
        <source>Uppläsning fungerar inte på den här datorn.</source>
        <translation>Reading aloud does not work on this computer.</translation>
    </message>
    <message>
        <location filename="../review/passage_page.py" line="259"/>
        <source>■  Sluta läsa</source>
        <translation>■  Stop reading</translation>
    </message>
    <message>
        <location filename="../review/passage_page.py" line="261"/>
        <source>🔊  Läs för mig</source>
        <translation>🔊  Read to me</translation>
    </message>
    <message>
        <location filename="../review/passage_page.py" line="262"/>
        <source>🔊  Läs upp</source>
        <translation>🔊  Read aloud</translation>
    </message>
    <message>
        <location filename="../review/passage_page.py" line="267"/>
        <source>■  Sluta prata in</source>
        <translation>■  Stop speaking</translation>
    </message>
</context>
<context>
    <name>ReviewFlow</name>
    <message>
        <location filename="../review/flow.py" line="165"/>
        <source>Gå igenom med familjen</source>
        <translation>Review with the family</translation>
    </message>
</context>
<context>
    <name>ReviewKioskWindow</name>
    <message>
        <location filename="../review/kiosk_window.py" line="72"/>
        <source>Samskriv – genomgång</source>
        <translation>Samskriv – review</translation>
    </message>
    <message>
        <location filename="../review/kiosk_window.py" line="92"/>
        <source>Avsluta (handläggare)</source>
        <translation>End (caseworker)</translation>
    </message>
    <message>
        <location filename="../review/kiosk_window.py" line="244"/>
        <source>Ditt svar är sparat.</source>
        <translation>Your answer is saved.</translation>
    </message>
    <message>
        <location filename="../review/kiosk_window.py" line="250"/>
        <source>Svaret kunde inte sparas: {message}</source>
        <translation>The answer could not be saved: {message}</translation>
    </message>
    <message>
        <location filename="../review/kiosk_window.py" line="338"/>
        <source>Tack! Lämna nu över datorn till handläggaren.</source>
        <translation>Thank you! Now hand the computer back to the caseworker.</translation>
    </message>
    <message>
        <location filename="../review/kiosk_window.py" line="344"/>
        <source>Avsluta genomgången</source>
        <translation>End the review</translation>
    </message>
    <message>
        <location filename="../review/kiosk_window.py" line="374"/>
        <source>Fel lösenord. Efter för många fel försök går det bara att avsluta med lösenordet.</source>
        <translation>Wrong password. After too many wrong tries only the password can end the review.</translation>
    </message>
    <message>
        <location filename="../review/kiosk_window.py" line="377"/>
        <source>Fel lösenord eller PIN-kod.</source>
        <translation>Wrong password or PIN.</translation>
    </message>
</context>
<context>
    <name>ReviewPinWidget</name>
    <message>
        <location filename="../review/pin_widget.py" line="31"/>
        <source>Din PIN-kod för genomgång med familjen</source>
        <translation>Your PIN for reviews with the family</translation>
    </message>
    <message>
        <location filename="../review/pin_widget.py" line="40"/>
        <source>Ny PIN-kod</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <location filename="../review/pin_widget.py" line="41"/>
        <source>Upprepa PIN-koden</source>
        <translation>Repeat the PIN</translation>
    </message>
    <message>
        <location filename="../review/pin_widget.py" line="49"/>
        <source>Spara PIN-kod</source>
        <translation>Save PIN</translation>
    </message>
    <message>
        <location filename="../review/pin_widget.py" line="51"/>
        <source>Ta bort PIN-kod</source>
        <translation>Remove PIN</translation>
    </message>
    <message>
        <location filename="../review/pin_widget.py" line="67"/>
        <source>Ingen PIN-kod är satt för dig. Genomgången avslutas med ditt lösenord.</source>
        <translation>You have no PIN. The review is ended with your password.</translation>
    </message>
    <message>
        <location filename="../review/pin_widget.py" line="70"/>
        <source>En PIN-kod är satt för dig. Genomgången kan avslutas med PIN-koden eller ditt lösenord.</source>
        <translation>You have a PIN. The review can be ended with the PIN or your password.</translation>
    </message>
    <message>
        <location filename="../review/pin_widget.py" line="73"/>
        <source>Din PIN-kod fungerar inte just nu (för många fel försök, eller den kan inte läsas). Avsluta genomgången med ditt lösenord, eller spara en ny PIN-kod.</source>
        <translation>Your PIN does not work right now (too many wrong tries, or it cannot be read). End the review with your password, or save a new PIN.</translation>
    </message>
    <message>
        <location filename="../review/pin_widget.py" line="82"/>
        <source>Skriv en PIN-kod med minst fyra siffror.</source>
        <translation>Enter a PIN of at least four digits.</translation>
    </message>
    <message>
        <location filename="../review/pin_widget.py" line="85"/>
        <source>PIN-koderna är inte lika.</source>
        <translation>The PINs do not match.</translation>
    </message>
</context>
<context>
    <name>ReviewSettingsWidget</name>
    <message>
        <location filename="../review/settings_page.py" line="28"/>
        <source>Textstorlek vid genomgång:</source>
        <translation>Text size during reviews:</translation>
    </message>
    <message>
        <location filename="../review/settings_page.py" line="31"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../review/settings_page.py" line="33"/>
        <source>Lås efter så här lång tid utan aktivitet vid genomgång</source>
        <translation>Lock after this long without activity during a review</translation>
    </message>
    <message>
        <location filename="../review/settings_page.py" line="35"/>
        <source>Lås genomgången efter:</source>
        <translation>Lock the review after:</translation>
    </message>
    <message>
        <location filename="../review/settings_page.py" line="41"/>
        <source>Genomgång med familjen</source>
        <translation>Review with the family</translation>
    </message>
</context>
<context>
    <name>ReviewStartDialog</name>
    <message>
        <location filename="../review/start_dialog.py" line="45"/>
        <source>Gå igenom med familjen</source>
        <translation>Review with the family</translation>
    </message>
    <message>
        <location filename="../review/start_dialog.py" line="49"/>
        <source>Anteckning {when} · {state}</source>
        <translation>Note {when} · {state}</translation>
    </message>
    <message>
        <location filename="../review/start_dialog.py" line="64"/>
        <source>Starta genomgången</source>
        <translation>Start the review</translation>
    </message>
    <message>
        <location filename="../review/start_dialog.py" line="78"/>
        <source>Vem gäller genomgången?</source>
        <translation>Who is the review for?</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="38"/>
        <source>Barnet</source>
        <translation>The child</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="39"/>
        <source>Vårdnadshavare</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="40"/>
        <source>Båda</source>
        <translation>Both</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="41"/>
        <source>Namngivna personer som är med</source>
        <translation>Named persons present</translation>
    </message>
    <message>
        <location filename="../review/start_dialog.py" line="92"/>
        <source>Vem är med?</source>
        <translation>Who is present?</translation>
    </message>
    <message>
        <location filename="../review/start_dialog.py" line="100"/>
        <source>Andra som är med: namn, skilda med komma</source>
        <translation>Others present: names, separated by commas</translation>
    </message>
    <message>
        <location filename="../review/start_dialog.py" line="101"/>
        <source>Andra som är med</source>
        <translation>Others present</translation>
    </message>
    <message>
        <location filename="../review/start_dialog.py" line="106"/>
        <source>Visa texten</source>
        <translation>Show the text</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="44"/>
        <source>För vuxna</source>
        <translation>For adults</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="45"/>
        <source>Barnanpassad (större text, symboler, enkla ord)</source>
        <translation>Child-friendly (larger text, symbols, simple words)</translation>
    </message>
    <message>
        <location filename="../review/start_dialog.py" line="116"/>
        <source>Vilka stycken visas?</source>
        <translation>Which passages are shown?</translation>
    </message>
    <message>
        <location filename="../review/start_dialog.py" line="118"/>
        <source>Bocka ur stycken som inte får visas för dem som är med (sekretess mellan barn och vårdnadshavare).</source>
        <translation>Untick passages that must not be shown to those present (secrecy between child and guardian).</translation>
    </message>
    <message>
        <location filename="../review/start_dialog.py" line="125"/>
        <source>Barnets röst</source>
        <translation>The child&apos;s voice</translation>
    </message>
    <message>
        <location filename="../review/start_dialog.py" line="137"/>
        <source>Visa alla</source>
        <translation>Show all</translation>
    </message>
    <message>
        <location filename="../review/start_dialog.py" line="139"/>
        <source>Dölj alla</source>
        <translation>Hide all</translation>
    </message>
    <message>
        <location filename="../review/start_dialog.py" line="182"/>
        <source>{shown} av {total} stycken visas</source>
        <translation>{shown} of {total} passages shown</translation>
    </message>
</context>
<context>
    <name>ReviewSummaryText</name>
    <message>
        <location filename="../../app/review_text.py" line="31"/>
        <source>barnet</source>
        <translation>the child</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="32"/>
        <source>vårdnadshavare</source>
        <translation>guardian</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="33"/>
        <source>barnet och vårdnadshavare</source>
        <translation>the child and guardian</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="34"/>
        <source>namngivna personer</source>
        <translation>named persons</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="49"/>
        <source>Stämmer</source>
        <translation>Correct</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="50"/>
        <source>Stämmer inte</source>
        <translation>Not correct</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="51"/>
        <source>Inget svar</source>
        <translation>No answer</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="82"/>
        <source>Genomgång med familjen</source>
        <translation>Review with the family</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="83"/>
        <source>av {who}</source>
        <translation>by {who}</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="84"/>
        <source>avslutad</source>
        <translation>completed</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="85"/>
        <source>inte avslutad</source>
        <translation>not completed</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="86"/>
        <source>Närvarande: {names}</source>
        <translation>Present: {names}</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="88"/>
        <source>Gäller: {audience}</source>
        <translation>For: {audience}</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="90"/>
        <source>Visade stycken: {shown} · dolda: {hidden}</source>
        <translation>Passages shown: {shown} · hidden: {hidden}</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="110"/>
        <source>Stycke {n}</source>
        <translation>Passage {n}</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="111"/>
        <source>Stycke {n} av {total}</source>
        <translation>Passage {n} of {total}</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="114"/>
        <source>(stycke {n} i anteckningen)</source>
        <translation>(passage {n} in the note)</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="137"/>
        <source>dikterat</source>
        <translation>dictated</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="139"/>
        <source>skrivet</source>
        <translation>typed</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="141"/>
        <source>Egna ord ({how}):</source>
        <translation>Own words ({how}):</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="152"/>
        <source>Anteckningen har inte gåtts igenom med familjen.</source>
        <translation>The note has not been reviewed with the family.</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="102" />
        <source>Anteckningen har gåtts igenom med familjen {count} gång.</source>
        <translation>The note has been reviewed with the family once.</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="104" />
        <source>Anteckningen har gåtts igenom med familjen {count} gånger.</source>
        <translation>The note has been reviewed with the family {count} times.</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="163"/>
        <source>Senast {when} med {audience} ({names}):</source>
        <translation>Latest {when} with {audience} ({names}):</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="167"/>
        <source>{agreed} stycken stämmer, {disagreed} stämmer inte, {unanswered} utan svar; {words} med egna ord.</source>
        <translation>{agreed} passages correct, {disagreed} not correct, {unanswered} unanswered; {words} with own words.</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="173"/>
        <source>{hidden} stycken visades inte.</source>
        <translation>{hidden} passages were not shown.</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="176"/>
        <source>Synpunkterna sparas tillsammans med anteckningen; texten ändras inte.</source>
        <translation>The views are kept with the note; the text is not changed.</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="180"/>
        <source>Den senaste genomgången avslutades inte.</source>
        <translation>The latest review was not completed.</translation>
    </message>
    <message>
        <location filename="../../app/review_text.py" line="183"/>
        <source>Obs! Texten har ändrats efter genomgången.</source>
        <translation>Note: the text has changed since the review.</translation>
    </message>
</context>
<context>
    <name>ScreenCoverWidget</name>
    <message>
        <location filename="../review/screen_cover.py" line="26"/>
        <source>Samskriv – genomgång</source>
        <translation>Samskriv – review</translation>
    </message>
    <message>
        <location filename="../review/screen_cover.py" line="32"/>
        <source>Genomgången visas på den andra skärmen.</source>
        <translation>The review is shown on the other screen.</translation>
    </message>
</context>
<context>
    <name>SummaryPageWidget</name>
    <message>
        <location filename="../review/summary_page.py" line="25"/>
        <source>Så här blev det</source>
        <translation>Here&apos;s how it went</translation>
    </message>
    <message>
        <location filename="../review/summary_page.py" line="26"/>
        <source>Sammanfattning</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../review/summary_page.py" line="35"/>
        <source>←  Tillbaka</source>
        <translation>←  Back</translation>
    </message>
    <message>
        <location filename="../review/summary_page.py" line="36"/>
        <source>←  Tillbaka till texten</source>
        <translation>←  Back to the text</translation>
    </message>
    <message>
        <location filename="../review/summary_page.py" line="39"/>
        <source>Klar!</source>
        <translation>Done!</translation>
    </message>
    <message>
        <location filename="../review/summary_page.py" line="40"/>
        <source>Klart – lämna över till handläggaren</source>
        <translation>Done – hand over to the caseworker</translation>
    </message>
    <message>
        <location filename="../review/summary_page.py" line="57"/>
        <source>👍 {agreed} stämmer   ·   👎 {disagreed} stämmer inte</source>
        <translation>👍 {agreed} right   ·   👎 {disagreed} not right</translation>
    </message>
    <message>
        <location filename="../review/summary_page.py" line="59"/>
        <source>{agreed} av {total} stycken stämmer. {disagreed} stämmer inte.</source>
        <translation>{agreed} of {total} passages are correct. {disagreed} are not.</translation>
    </message>
    <message>
        <location filename="../review/summary_page.py" line="77"/>
        <source>Del {n} av {total}</source>
        <translation>Part {n} of {total}</translation>
    </message>
    <message>
        <location filename="../review/summary_page.py" line="77"/>
        <source>Stycke {n} av {total}</source>
        <translation>Passage {n} of {total}</translation>
    </message>
    <message>
        <location filename="../review/summary_page.py" line="79"/>
        <source>👍 Ja, det stämmer</source>
        <translation>👍 Yes, that&apos;s right</translation>
    </message>
    <message>
        <location filename="../review/summary_page.py" line="79"/>
        <source>✓ Stämmer</source>
        <translation>✓ Correct</translation>
    </message>
    <message>
        <location filename="../review/summary_page.py" line="82"/>
        <source>👎 Nej, det stämmer inte</source>
        <translation>👎 No, that&apos;s not right</translation>
    </message>
    <message>
        <location filename="../review/summary_page.py" line="83"/>
        <source>✗ Stämmer inte</source>
        <translation>✗ Not correct</translation>
    </message>
    <message>
        <location filename="../review/summary_page.py" line="86"/>
        <source>Inget svar</source>
        <translation>No answer</translation>
    </message>
    <message>
        <location filename="../review/summary_page.py" line="94"/>
        <source>Det du sa:</source>
        <translation>What you said:</translation>
    </message>
    <message>
        <location filename="../review/summary_page.py" line="94"/>
        <source>Dina egna ord:</source>
        <translation>Your own words:</translation>
    </message>
</context>
<context>
    <name>UnlockOverlayWidget</name>
    <message>
        <location filename="../review/unlock_overlay.py" line="97"/>
        <source>Handläggaren skriver sitt lösenord eller sin PIN-kod för att avsluta genomgången.</source>
        <translation>The caseworker enters their password or PIN to end the review.</translation>
    </message>
    <message>
        <location filename="../review/unlock_overlay.py" line="62"/>
        <source>Lösenord eller PIN-kod</source>
        <translation>Password or PIN</translation>
    </message>
    <message>
        <location filename="../review/unlock_overlay.py" line="74"/>
        <source>Fortsätt genomgången</source>
        <translation>Continue the review</translation>
    </message>
    <message>
        <location filename="../review/unlock_overlay.py" line="76"/>
        <source>Avsluta genomgången</source>
        <translation>End the review</translation>
    </message>
    <message>
        <location filename="../review/unlock_overlay.py" line="99"/>
        <source>Handläggaren skriver sitt lösenord för att avsluta genomgången.</source>
        <translation>The caseworker types their password to end the review.</translation>
    </message>
    <message>
        <location filename="../review/unlock_overlay.py" line="145"/>
        <source>Vänta {n} sekunder och försök sedan igen.</source>
        <translation>Wait {n} seconds, then try again.</translation>
    </message>
    <message>
        <location filename="../review/unlock_overlay.py" line="165"/>
        <source>Skriv lösenordet eller PIN-koden.</source>
        <translation>Enter the password or PIN.</translation>
    </message>
</context>
</TS>
