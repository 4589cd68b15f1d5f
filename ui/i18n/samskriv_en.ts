<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
    <context>
        <name>AssignDialog</name>
        <message>
            <location filename="../case_edit.py" line="168" />
            <source>Handläggare för ärendet</source>
            <translation>Caseworkers on the case</translation>
        </message>
        <message>
            <location filename="../case_edit.py" line="171" />
            <source>Bocka för de kollegor som ska arbeta med ärendet.</source>
            <translation>Tick the colleagues who are to work on the case.</translation>
        </message>
        <message>
            <location filename="../case_edit.py" line="184" />
            <source>Spara</source>
            <translation>Save</translation>
        </message>
    </context>
    <context>
        <name>CaseEditDialog</name>
        <message>
            <location filename="../case_edit.py" line="55" />
            <source>Ändra ärende</source>
            <translation>Change case</translation>
        </message>
        <message>
            <location filename="../case_edit.py" line="60" />
            <source>Ärendenummer</source>
            <translation>Case number</translation>
        </message>
        <message>
            <location filename="../case_edit.py" line="62" />
            <source>Rubrik</source>
            <translation>Title</translation>
        </message>
        <message>
            <location filename="../case_edit.py" line="64" />
            <source>Gallring</source>
            <translation>Culling</translation>
        </message>
        <message>
            <location filename="../case_edit.py" line="65" />
            <source>Gallras enligt standard (efter 5 år)</source>
            <translation>Culled as standard (after 5 years)</translation>
        </message>
        <message>
            <location filename="../case_edit.py" line="66" />
            <source>Bevaras (placering, faderskap, adoption)</source>
            <translation>Kept (placement, paternity, adoption)</translation>
        </message>
        <message>
            <location filename="../case_edit.py" line="70" />
            <source>Ä&amp;rendenummer</source>
            <translation>Case &amp;number</translation>
        </message>
        <message>
            <location filename="../case_edit.py" line="72" />
            <source>R&amp;ubrik</source>
            <translation>&amp;Title</translation>
        </message>
        <message>
            <location filename="../case_edit.py" line="74" />
            <source>&amp;Gallring</source>
            <translation>&amp;Culling</translation>
        </message>
        <message>
            <location filename="../case_edit.py" line="76" />
            <source>Spara</source>
            <translation>Save</translation>
        </message>
    </context>
    <context>
        <name>CaseHeaderWidget</name>
        <message>
            <location filename="../case_header.py" line="38" />
            <source>Ä&amp;ndra ärende…</source>
            <translation>C&amp;hange case…</translation>
        </message>
        <message>
            <location filename="../case_header.py" line="40" />
            <source>&amp;Handläggare…</source>
            <translation>&amp;Caseworkers…</translation>
        </message>
        <message>
            <location filename="../case_header.py" line="52" />
            <source> · Avslutat</source>
            <translation> · Closed</translation>
        </message>
        <message>
            <location filename="../case_header.py" line="53" />
            <source>ingen</source>
            <translation>nobody</translation>
        </message>
        <message>
            <location filename="../case_header.py" line="57" />
            <source>Handläggare: {names}</source>
            <translation>Assigned to: {names}</translation>
        </message>
        <message>
            <location filename="../case_header.py" line="60" />
            <source>Öppna ärendet i&amp;gen</source>
            <translation>Re&amp;open the case</translation>
        </message>
        <message>
            <location filename="../case_header.py" line="61" />
            <source>A&amp;vsluta ärendet</source>
            <translation>Clo&amp;se the case</translation>
        </message>
        <message>
            <location filename="../case_header.py" line="94" />
            <location filename="../case_header.py" line="97" />
            <source>Avsluta ärendet</source>
            <translation>Close the case</translation>
        </message>
        <message>
            <location filename="../case_header.py" line="95" />
            <source>Avsluta ärendet {number}? Ett avslutat ärende kan inte ändras förrän det öppnas igen.</source>
            <translation>Close case {number}? A closed case cannot be changed until it is reopened.</translation>
        </message>
    </context>
    <context>
        <name>CaseListWidget</name>
        <message>
            <location filename="../case_list.py" line="55" />
            <location filename="../case_list.py" line="73" />
            <source>Ärenden</source>
            <translation>Cases</translation>
        </message>
        <message>
            <location filename="../case_list.py" line="56" />
            <location filename="../case_list.py" line="92" />
            <source>Sök i anteckningar</source>
            <translation>Search notes</translation>
        </message>
        <message>
            <location filename="../case_list.py" line="68" />
            <source>Filtrera på nummer eller rubrik</source>
            <translation>Filter by number or title</translation>
        </message>
        <message>
            <location filename="../case_list.py" line="69" />
            <source>Filtrera ärenden</source>
            <translation>Filter cases</translation>
        </message>
        <message>
            <location filename="../case_list.py" line="79" />
            <source>Nytt ärende…</source>
            <translation>New case…</translation>
        </message>
        <message>
            <location filename="../case_list.py" line="91" />
            <source>Sök ord i anteckningar, tryck Enter</source>
            <translation>Search words in notes, press Enter</translation>
        </message>
        <message>
            <location filename="../case_list.py" line="97" />
            <source>Sökträffar</source>
            <translation>Search results</translation>
        </message>
        <message>
            <location filename="../case_list.py" line="123" />
            <source> (avslutat)</source>
            <translation> (closed)</translation>
        </message>
        <message numerus="yes">
            <location filename="../case_list.py" line="126" />
            <source>%n anteckning(ar)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../case_list.py" line="180" />
            <source>%n träff(ar)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../case_list.py" line="185" />
            <source> · i familjens synpunkter</source>
            <translation> · in the family's own words</translation>
        </message>
        <message>
            <location filename="../case_list.py" line="187" />
            <source> · i rättad text</source>
            <translation> · in corrected text</translation>
        </message>
        <message>
            <location filename="../case_list.py" line="159" />
            <source>Söker…</source>
            <translation>Searching…</translation>
        </message>
    </context>
    <context>
        <name>CaseViewWidget</name>
        <message>
            <location filename="../case_view.py" line="75" />
            <source>Välj ett ärende i listan eller skapa ett nytt.</source>
            <translation>Choose a case in the list or create a new one.</translation>
        </message>
        <message>
            <location filename="../case_view.py" line="91" />
            <source>&amp;Ny anteckning</source>
            <translation>&amp;New note</translation>
        </message>
        <message>
            <location filename="../case_view.py" line="92" />
            <source>Ny anteckning (Ctrl+N)</source>
            <translation>New note (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../case_view.py" line="104" />
            <source>&amp;Journal</source>
            <translation>&amp;Journal</translation>
        </message>
        <message>
            <location filename="../case_view.py" line="105" />
            <source>&amp;Personer</source>
            <translation>&amp;Persons</translation>
        </message>
        <message>
            <location filename="../case_view.py" line="106" />
            <source>&amp;Besök</source>
            <translation>&amp;Visits</translation>
        </message>
        <message>
            <location filename="../case_view.py" line="230" />
            <source>Anteckning</source>
            <translation>Note</translation>
        </message>
    </context>
    <context>
        <name>ChangePasswordDialog</name>
        <message>
            <location filename="../accounts_dialog.py" line="198" />
            <location filename="../accounts_dialog.py" line="213" />
            <source>Byt lösenord</source>
            <translation>Change password</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="202" />
            <source>Nuvarande lösenord</source>
            <translation>Current password</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="203" />
            <source>Nytt lösenord</source>
            <translation>New password</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="204" />
            <source>Upprepa det nya lösenordet</source>
            <translation>Repeat the new password</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="205" />
            <source>&amp;Nuvarande lösenord</source>
            <translation>&amp;Current password</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="206" />
            <source>N&amp;ytt lösenord</source>
            <translation>N&amp;ew password</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="207" />
            <source>&amp;Upprepa det nya lösenordet</source>
            <translation>&amp;Repeat the new password</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="223" />
            <source>De nya lösenorden är olika.</source>
            <translation>The new passwords differ.</translation>
        </message>
    </context>
    <context>
        <name>ErrorMessageDialog</name>
        <message>
            <location filename="../errors.py" line="69" />
            <source>Felmeddelande</source>
            <translation>Error message</translation>
        </message>
        <message>
            <location filename="../errors.py" line="76" />
            <source>Det du har skrivit finns kvar. Kopiera detaljerna och skicka dem till IT.</source>
            <translation>What you have typed is still there. Copy the details and send them to IT.</translation>
        </message>
        <message>
            <location filename="../errors.py" line="80" />
            <source>Kopiera detaljer</source>
            <translation>Copy details</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <location filename="../errors.py" line="52" />
            <source>Ett oväntat fel inträffade</source>
            <translation>An unexpected error occurred</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <location filename="../login.py" line="161" />
            <source>Välkommen till Samskriv</source>
            <translation>Welcome to Samskriv</translation>
        </message>
        <message>
            <location filename="../login.py" line="163" />
            <source>Det finns inget konto på den här datorn ännu. Skapa det första kontot. Det blir administratör och kan sedan lägga till kollegor.</source>
            <translation>There is no account on this computer yet. Create the first account. It becomes the administrator and can then add colleagues.</translation>
        </message>
        <message>
            <location filename="../login.py" line="173" />
            <source>&amp;Användarnamn</source>
            <translation>&amp;User name</translation>
        </message>
        <message>
            <location filename="../login.py" line="174" />
            <source>&amp;Namn</source>
            <translation>&amp;Name</translation>
        </message>
        <message>
            <location filename="../login.py" line="175" />
            <source>&amp;Lösenord</source>
            <translation>&amp;Password</translation>
        </message>
        <message>
            <location filename="../login.py" line="176" />
            <source>&amp;Upprepa lösenordet</source>
            <translation>&amp;Repeat the password</translation>
        </message>
        <message>
            <location filename="../login.py" line="177" />
            <source>Skapa konto</source>
            <translation>Create account</translation>
        </message>
        <message>
            <location filename="../login.py" line="185" />
            <source>Lösenorden är olika.</source>
            <translation>The passwords differ.</translation>
        </message>
    </context>
    <context>
        <name>JournalWidget</name>
        <message>
            <location filename="../journal.py" line="200" />
            <source>Journal</source>
            <translation>Journal</translation>
        </message>
        <message>
            <location filename="../journal.py" line="204" />
            <source>Inga anteckningar ännu. Välj Ny anteckning för att skriva den första.</source>
            <translation>No notes yet. Choose New note to write the first one.</translation>
        </message>
    </context>
    <context>
        <name>LockScreenWidget</name>
        <message>
            <location filename="../idle_lock.py" line="103" />
            <source>Samskriv är låst</source>
            <translation>Samskriv is locked</translation>
        </message>
        <message>
            <location filename="../idle_lock.py" line="106" />
            <source>Inloggad: {name}. Skriv ditt lösenord för att fortsätta.</source>
            <translation>Logged in: {name}. Enter your password to continue.</translation>
        </message>
        <message>
            <location filename="../idle_lock.py" line="112" />
            <source>Lösenord</source>
            <translation>Password</translation>
        </message>
        <message>
            <location filename="../idle_lock.py" line="118" />
            <source>Lås upp</source>
            <translation>Unlock</translation>
        </message>
        <message>
            <location filename="../idle_lock.py" line="146" />
            <source>Fel lösenord.</source>
            <translation>Wrong password.</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="../login.py" line="133" />
            <source>Logga in – Samskriv</source>
            <translation>Log in – Samskriv</translation>
        </message>
        <message>
            <location filename="../login.py" line="134" />
            <source>Logga in med ditt användarnamn och lösenord.</source>
            <translation>Log in with your user name and password.</translation>
        </message>
        <message>
            <location filename="../login.py" line="139" />
            <source>&amp;Användarnamn</source>
            <translation>&amp;User name</translation>
        </message>
        <message>
            <location filename="../login.py" line="140" />
            <source>&amp;Lösenord</source>
            <translation>&amp;Password</translation>
        </message>
        <message>
            <location filename="../login.py" line="141" />
            <source>Logga in</source>
            <translation>Log in</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../main_window.py" line="88" />
            <source>Inloggad som {name}</source>
            <translation>Logged in as {name}</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="119" />
            <source>&amp;Arkiv</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="120" />
            <source>&amp;Nytt ärende…</source>
            <translation>&amp;New case…</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="121" />
            <source>&amp;Sök i anteckningar</source>
            <translation>&amp;Search notes</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="123" />
            <source>&amp;Inställningar…</source>
            <translation>&amp;Settings…</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="124" />
            <source>&amp;Lås nu</source>
            <translation>&amp;Lock now</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="126" />
            <source>A&amp;vsluta</source>
            <translation>E&amp;xit</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="127" />
            <source>&amp;Konto</source>
            <translation>&amp;Account</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="129" />
            <source>&amp;Byt lösenord…</source>
            <translation>&amp;Change password…</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="131" />
            <source>&amp;Användare…</source>
            <translation>&amp;Users…</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="186" />
            <source>Inloggningar sedan sist</source>
            <translation>Logins since last time</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="262" />
            <source>Arbetar…</source>
            <translation>Working…</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="113" />
            <source>Varning: {count} poster i databasen stämmer inte med sina signaturer eller med granskningsloggen. De kan ha ändrats utanför Samskriv. Kontakta en administratör.</source>
            <translation>Warning: {count} records in the database do not match their signatures or the audit log. They may have been changed outside Samskriv. Contact an administrator.</translation>
        </message>
    </context>
    <context>
        <name>NewCaseDialog</name>
        <message>
            <location filename="../new_case.py" line="88" />
            <source>Nytt ärende</source>
            <translation>New case</translation>
        </message>
        <message>
            <location filename="../new_case.py" line="94" />
            <source>Ärendenummer</source>
            <translation>Case number</translation>
        </message>
        <message>
            <location filename="../new_case.py" line="97" />
            <source>Rubrik</source>
            <translation>Title</translation>
        </message>
        <message>
            <location filename="../new_case.py" line="100" />
            <source>Ä&amp;rendenummer</source>
            <translation>Case &amp;number</translation>
        </message>
        <message>
            <location filename="../new_case.py" line="102" />
            <source>R&amp;ubrik</source>
            <translation>&amp;Title</translation>
        </message>
        <message>
            <location filename="../new_case.py" line="105" />
            <source>Personer i ärendet</source>
            <translation>Persons in the case</translation>
        </message>
        <message>
            <location filename="../new_case.py" line="108" />
            <source>&amp;Lägg till person</source>
            <translation>&amp;Add person</translation>
        </message>
        <message>
            <location filename="../new_case.py" line="117" />
            <source>Skapa ärende</source>
            <translation>Create case</translation>
        </message>
    </context>
    <context>
        <name>NewVisitDialog</name>
        <message>
            <location filename="../visits.py" line="44" />
            <source>Registrera besök</source>
            <translation>Register visit</translation>
        </message>
        <message>
            <location filename="../visits.py" line="50" />
            <source>Typ av besök</source>
            <translation>Kind of visit</translation>
        </message>
        <message>
            <location filename="../visits.py" line="54" />
            <location filename="../visits.py" line="79" />
            <source>Planerad tid</source>
            <translation>Planned time</translation>
        </message>
        <message>
            <location filename="../visits.py" line="80" />
            <source>Deltagare</source>
            <translation>Participants</translation>
        </message>
        <message>
            <location filename="../visits.py" line="76" />
            <source>Barnet är med</source>
            <translation>The child takes part</translation>
        </message>
        <message>
            <location filename="../visits.py" line="60" />
            <source>Deltar: {name}</source>
            <translation>Takes part: {name}</translation>
        </message>
        <message>
            <location filename="../visits.py" line="78" />
            <source>Typ</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../visits.py" line="81" />
            <source>Handläggare</source>
            <translation>Caseworker</translation>
        </message>
        <message>
            <location filename="../visits.py" line="87" />
            <source>Registrera</source>
            <translation>Register</translation>
        </message>
    </context>
    <context>
        <name>NoteCardWidget</name>
        <message>
            <location filename="../journal.py" line="87" />
            <source>Anteckning {when}</source>
            <translation>Note {when}</translation>
        </message>
        <message>
            <location filename="../journal.py" line="94" />
            <source>Redigera utkast</source>
            <translation>Edit draft</translation>
        </message>
        <message>
            <location filename="../journal.py" line="97" />
            <source>Rättelse…</source>
            <translation>Correction…</translation>
        </message>
        <message>
            <location filename="../journal.py" line="126" />
            <source>Händelsetid {event} · Skriven {written} av {author}</source>
            <translation>Event time {event} · Written {written} by {author}</translation>
        </message>
        <message>
            <location filename="../journal.py" line="131" />
            <source> · Signerad {when} av {who}</source>
            <translation> · Signed {when} by {who}</translation>
        </message>
        <message>
            <location filename="../journal.py" line="138" />
            <source>I konflikt: utkastet har ändrats på en annan dator också. Välj version innan det kan signeras.</source>
            <translation>In conflict: the draft was changed on another computer too. Choose a version before it can be signed.</translation>
        </message>
        <message>
            <location filename="../journal.py" line="148" />
            <location filename="../journal.py" line="172" />
            <source>Barnets röst</source>
            <translation>The child's voice</translation>
        </message>
        <message numerus="yes">
            <location filename="../journal.py" line="161" />
            <source>%n ord</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../journal.py" line="175" />
            <source>Rättad {when} av {who}. Skäl: {reason}</source>
            <translation>Corrected {when} by {who}. Reason: {reason}</translation>
        </message>
        <message>
            <location filename="../journal.py" line="155" />
            <source>direktutskrift</source>
            <translation>live transcript</translation>
        </message>
        <message>
            <location filename="../journal.py" line="155" />
            <source>utskrift av inspelning</source>
            <translation>transcript of the recording</translation>
        </message>
        <message>
            <location filename="../journal.py" line="156" />
            <source>förbättrad utskrift</source>
            <translation>improved transcript</translation>
        </message>
        <message>
            <location filename="../journal.py" line="157" />
            <source>okänd motor</source>
            <translation>unknown engine</translation>
        </message>
        <message>
            <location filename="../journal.py" line="159" />
            <source>{engine}, modell {model}, {kind}: {words}</source>
            <translation>{engine}, model {model}, {kind}: {words}</translation>
        </message>
        <message>
            <location filename="../journal.py" line="163" />
            <source>Skriven med stöd av taligenkänning</source>
            <translation>Written with the help of speech recognition</translation>
        </message>
        <message>
            <location filename="../journal.py" line="164" />
            <source>{machine} av {total} ord kommer från taligenkänning ({origins}). Markerad text kommer från taligenkänning; övrig text är skriven eller ändrad av handläggaren.</source>
            <translation>{machine} of {total} words come from speech recognition ({origins}). Highlighted text comes from speech recognition; the rest was typed or changed by the caseworker.</translation>
        </message>
    </context>
    <context>
        <name>NoteEditorWidget</name>
        <message>
            <location filename="../note_editor.py" line="124" />
            <source>Händelsetid</source>
            <translation>Event time</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="129" />
            <source>Avsnitt</source>
            <translation>Section</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="133" />
            <source>Anteckning</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="137" />
            <source>Barnets röst</source>
            <translation>The child's voice</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="139" />
            <source>Vad barnet sa, hur barnets synpunkter togs fram och hur de har vägts in.</source>
            <translation>What the child said, how the child's views were gathered and how they were weighed.</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="143" />
            <source>Skäl till rättelsen</source>
            <translation>Reason for the correction</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="145" />
            <source>&amp;Händelsetid</source>
            <translation>&amp;Event time</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="147" />
            <source>Skrivtid</source>
            <translation>Written</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="148" />
            <source>A&amp;vsnitt</source>
            <translation>Sec&amp;tion</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="149" />
            <source>A&amp;nteckning</source>
            <translation>N&amp;ote</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="157" />
            <source>&amp;Barnets röst</source>
            <translation>The &amp;child's voice</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="158" />
            <source>&amp;Skäl till rättelsen</source>
            <translation>&amp;Reason for the correction</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="189" />
            <source>Stäng</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="193" />
            <source>Sparar utkastet och visar det för barnet eller vårdnadshavaren</source>
            <translation>Saves the draft and shows it to the child or guardian</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="195" />
            <location filename="../note_editor.py" line="342" />
            <source>Spara utkast</source>
            <translation>Save draft</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="196" />
            <source>Spara utkast (Ctrl+S)</source>
            <translation>Save draft (Ctrl+S)</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="198" />
            <source>Signera…</source>
            <translation>Sign…</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="200" />
            <location filename="../note_editor.py" line="342" />
            <source>Spara rättelse</source>
            <translation>Save correction</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="239" />
            <source>{written} av {author}</source>
            <translation>{written} by {author}</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="242" />
            <source>nu, av {author}</source>
            <translation>now, by {author}</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="256" />
            <source>Rättelse av signerad anteckning</source>
            <translation>Correction of a signed note</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="258" />
            <source>Ny anteckning</source>
            <translation>New note</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="262" />
            <source>Utkastet är skrivet av {author}; bara hen kan ändra och signera det.</source>
            <translation>The draft was written by {author}; only they can change and sign it.</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="265" />
            <source>Signerad anteckning</source>
            <translation>Signed note</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="267" />
            <source>Anteckningen är signerad och kan inte ändras. Använd Rättelse i journalen.</source>
            <translation>The note is signed and cannot be changed. Use Correction in the journal.</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="260" />
            <location filename="../note_editor.py" line="269" />
            <source>Utkast</source>
            <translation>Draft</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="273" />
            <source>Utkastet har ändrats på två datorer. Välj en version eller skriv ihop dem (Konflikt i journalen) innan du signerar.</source>
            <translation>The draft was changed on two computers. Choose a version or write them together (Conflict in the journal) before you sign.</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="338" />
            <source>Spara ändringarna?</source>
            <translation>Save the changes?</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="339" />
            <source>Det finns text som inte är sparad.</source>
            <translation>There is text that has not been saved.</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="341" />
            <source>Spara den innan anteckningen stängs?</source>
            <translation>Save it before the note is closed?</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="344" />
            <source>Släng ändringar</source>
            <translation>Discard changes</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="345" />
            <source>Avbryt</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="401" />
            <source>Händelsetiden var inte helt ifylld och har satts tillbaka till {time}. Skriv datum och tid som ÅÅÅÅ-MM-DD TT:MM.</source>
            <translation>The event time was not complete and has been set back to {time}. Write date and time as YYYY-MM-DD HH:MM.</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="409" />
            <source>Händelsetiden är inte helt ifylld. Skriv datum och tid som ÅÅÅÅ-MM-DD TT:MM.</source>
            <translation>The event time is not complete. Write date and time as YYYY-MM-DD HH:MM.</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="426" />
            <source>Signera anteckningen?</source>
            <translation>Sign the note?</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="427" />
            <source>En signerad anteckning kan inte ändras. Fel rättas med en rättelse där den gamla texten syns överstruken.

Vill du signera nu?</source>
            <translation>A signed note cannot be changed. Mistakes are fixed with a correction in which the old text stays visible, struck through.

Do you want to sign now?</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="436" />
            <source>Signera</source>
            <translation>Sign</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="526" />
            <source>Genomgången med familjen är klar.</source>
            <translation>The review with the family is finished.</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="548" />
            <source>Utkastet sparades {when}.</source>
            <translation>The draft was saved at {when}.</translation>
        </message>
        <message>
            <location filename="../note_editor.py" line="563" />
            <source>Rättelsen sparades.</source>
            <translation>The correction was saved.</translation>
        </message>
    </context>
    <context>
        <name>PersonDialog</name>
        <message>
            <location filename="../case_edit.py" line="107" />
            <source>Ändra person</source>
            <translation>Change person</translation>
        </message>
        <message>
            <location filename="../case_edit.py" line="107" />
            <source>Lägg till person</source>
            <translation>Add person</translation>
        </message>
        <message>
            <location filename="../case_edit.py" line="114" />
            <source>Roll</source>
            <translation>Role</translation>
        </message>
        <message>
            <location filename="../case_edit.py" line="116" />
            <source>Namn</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../case_edit.py" line="118" />
            <source>Personnummer</source>
            <translation>Personal identity number</translation>
        </message>
        <message>
            <location filename="../case_edit.py" line="119" />
            <source>ÅÅÅÅMMDD-NNNN (frivilligt)</source>
            <translation>YYYYMMDD-NNNN (optional)</translation>
        </message>
        <message>
            <location filename="../case_edit.py" line="124" />
            <source>&amp;Roll</source>
            <translation>&amp;Role</translation>
        </message>
        <message>
            <location filename="../case_edit.py" line="125" />
            <source>&amp;Namn</source>
            <translation>&amp;Name</translation>
        </message>
        <message>
            <location filename="../case_edit.py" line="127" />
            <source>&amp;Personnummer</source>
            <translation>&amp;Personal identity number</translation>
        </message>
        <message>
            <location filename="../case_edit.py" line="130" />
            <source>Spara</source>
            <translation>Save</translation>
        </message>
    </context>
    <context>
        <name>PersonRowWidget</name>
        <message>
            <location filename="../new_case.py" line="45" />
            <source>Namn</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../new_case.py" line="48" />
            <source>ÅÅÅÅMMDD-NNNN (frivilligt)</source>
            <translation>YYYYMMDD-NNNN (optional)</translation>
        </message>
        <message>
            <location filename="../new_case.py" line="51" />
            <source>Roll, person {n}</source>
            <translation>Role, person {n}</translation>
        </message>
        <message>
            <location filename="../new_case.py" line="52" />
            <source>Namn, person {n}</source>
            <translation>Name, person {n}</translation>
        </message>
        <message>
            <location filename="../new_case.py" line="53" />
            <source>Personnummer, person {n}</source>
            <translation>Personal identity number, person {n}</translation>
        </message>
    </context>
    <context>
        <name>PersonsWidget</name>
        <message>
            <location filename="../persons_tab.py" line="34" />
            <source>Inga personer registrerade.</source>
            <translation>No persons registered.</translation>
        </message>
        <message>
            <location filename="../persons_tab.py" line="36" />
            <source>Personer</source>
            <translation>Persons</translation>
        </message>
        <message>
            <location filename="../persons_tab.py" line="43" />
            <source>&amp;Lägg till person…</source>
            <translation>&amp;Add person…</translation>
        </message>
        <message>
            <location filename="../persons_tab.py" line="45" />
            <source>Ä&amp;ndra…</source>
            <translation>C&amp;hange…</translation>
        </message>
        <message>
            <location filename="../persons_tab.py" line="47" />
            <source>&amp;Ta bort från ärendet</source>
            <translation>&amp;Remove from the case</translation>
        </message>
        <message>
            <location filename="../persons_tab.py" line="107" />
            <source>Ta bort person</source>
            <translation>Remove person</translation>
        </message>
        <message>
            <location filename="../persons_tab.py" line="108" />
            <source>Ta bort {name} från ärendet? Besök och genomgångar där personen var med visar fortfarande namnet.</source>
            <translation>Remove {name} from the case? Visits and reviews the person took part in still show the name.</translation>
        </message>
        <message>
            <location filename="../persons_tab.py" line="110" />
            <source>Ta bort</source>
            <translation>Remove</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../settings_dialog.py" line="64" />
            <source>Inställningar</source>
            <translation>Settings</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="70" />
            <source>Allmänt</source>
            <translation>General</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="76" />
            <source>Språk</source>
            <translation>Language</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="79" />
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="81" />
            <source>Lås efter inaktivitet i minuter</source>
            <translation>Lock after inactivity, in minutes</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="82" />
            <source>&amp;Språk</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="83" />
            <source>&amp;Lås efter inaktivitet</source>
            <translation>&amp;Lock after inactivity</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="85" />
            <source>Fråga efter lösenordet vid signering</source>
            <translation>Ask for the password when signing</translation>
        </message>
    </context>
    <context>
        <name>SignPasswordDialog</name>
        <message>
            <location filename="../sign_password.py" line="24" />
            <source>Signera med ditt lösenord</source>
            <translation>Sign with your password</translation>
        </message>
        <message>
            <location filename="../sign_password.py" line="25" />
            <source>Skriv ditt lösenord, {name}, för att signera anteckningen.</source>
            <translation>Type your password, {name}, to sign the note.</translation>
        </message>
        <message>
            <location filename="../sign_password.py" line="30" />
            <source>Lösenord</source>
            <translation>Password</translation>
        </message>
        <message>
            <location filename="../sign_password.py" line="35" />
            <source>Signera</source>
            <translation>Sign</translation>
        </message>
    </context>
    <context>
        <name>SuggestionsWidget</name>
        <message>
            <location filename="../suggestions.py" line="65" />
            <source>Skriven med stöd av taligenkänning</source>
            <translation>Written with the help of speech recognition</translation>
        </message>
        <message>
            <location filename="../suggestions.py" line="69" />
            <source>Använd den förbättrade utskriften</source>
            <translation>Use the improved transcript</translation>
        </message>
        <message>
            <location filename="../suggestions.py" line="71" />
            <source>Ord du inte har ändrat byts mot den förbättrade utskriften. Där du har ändrat visas förslag som du själv godtar eller avvisar.</source>
            <translation>Words you have not changed are replaced by the improved transcript. Where you have changed something, suggestions are shown that you accept or reject yourself.</translation>
        </message>
        <message>
            <location filename="../suggestions.py" line="83" />
            <source>Förslag från den förbättrade utskriften</source>
            <translation>Suggestions from the improved transcript</translation>
        </message>
        <message>
            <location filename="../suggestions.py" line="86" />
            <source>Förslag</source>
            <translation>Suggestion</translation>
        </message>
        <message>
            <location filename="../suggestions.py" line="92" />
            <source>Godta</source>
            <translation>Accept</translation>
        </message>
        <message>
            <location filename="../suggestions.py" line="93" />
            <source>Avvisa</source>
            <translation>Reject</translation>
        </message>
        <message>
            <location filename="../suggestions.py" line="94" />
            <source>Godta alla</source>
            <translation>Accept all</translation>
        </message>
        <message>
            <location filename="../suggestions.py" line="143" />
            <source>Texten ändrades under tiden. Försök igen.</source>
            <translation>The text changed meanwhile. Try again.</translation>
        </message>
        <message>
            <location filename="../suggestions.py" line="151" />
            <source>Den förbättrade utskriften kunde inte användas.</source>
            <translation>The improved transcript could not be used.</translation>
        </message>
        <message>
            <location filename="../suggestions.py" line="262" />
            <source>Ljudet kunde inte spelas upp.</source>
            <translation>The audio could not be played.</translation>
        </message>
        <message>
            <location filename="../suggestions.py" line="284" />
            <source>Klicka för att höra ljudet</source>
            <translation>Click to hear the audio</translation>
        </message>
        <message>
            <location filename="../suggestions.py" line="291" />
            <source>(inget)</source>
            <translation>(nothing)</translation>
        </message>
        <message>
            <location filename="../suggestions.py" line="292" />
            <source>(ta bort)</source>
            <translation>(remove)</translation>
        </message>
        <message>
            <location filename="../suggestions.py" line="298" />
            <source>du har ändrat här</source>
            <translation>you changed this</translation>
        </message>
        <message>
            <location filename="../suggestions.py" line="299" />
            <source>osäkert ord</source>
            <translation>uncertain word</translation>
        </message>
        <message>
            <location filename="../suggestions.py" line="300" />
            <source>inget hördes här vid inspelningen</source>
            <translation>nothing was heard here during the recording</translation>
        </message>
        <message>
            <location filename="../suggestions.py" line="301" />
            <source>upprepning, kan vara påhittad</source>
            <translation>repetition, may be invented</translation>
        </message>
        <message>
            <location filename="../suggestions.py" line="302" />
            <source>troligen inget tal</source>
            <translation>probably no speech</translation>
        </message>
        <message>
            <location filename="../suggestions.py" line="303" />
            <source>radbrytning</source>
            <translation>line break</translation>
        </message>
        <message>
            <location filename="../suggestions.py" line="304" />
            <source>saknas i den förbättrade utskriften</source>
            <translation>missing in the improved transcript</translation>
        </message>
    </context>
    <context>
        <name>UsersDialog</name>
        <message>
            <location filename="../accounts_dialog.py" line="49" />
            <source>Användare</source>
            <translation>Users</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="54" />
            <location filename="../accounts_dialog.py" line="86" />
            <source>Användarnamn</source>
            <translation>User name</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="54" />
            <location filename="../accounts_dialog.py" line="87" />
            <source>Namn</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="54" />
            <location filename="../accounts_dialog.py" line="87" />
            <source>Roll</source>
            <translation>Role</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="54" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="60" />
            <source>Stäng av kontot</source>
            <translation>Deactivate the account</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="61" />
            <source>Häv spärren</source>
            <translation>Lift the lockout</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="68" />
            <source>Nytt lösenord för valt konto</source>
            <translation>New password for the selected account</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="70" />
            <location filename="../accounts_dialog.py" line="73" />
            <source>Nytt lösenord</source>
            <translation>New password</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="71" />
            <source>Sätt nytt lösenord</source>
            <translation>Set new password</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="76" />
            <source>Lägg till ett konto</source>
            <translation>Add an account</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="82" />
            <location filename="../accounts_dialog.py" line="88" />
            <source>Lösenord</source>
            <translation>Password</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="83" />
            <location filename="../accounts_dialog.py" line="89" />
            <source>Upprepa lösenordet</source>
            <translation>Repeat the password</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="84" />
            <source>Lägg till</source>
            <translation>Add</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="112" />
            <source>Avstängt</source>
            <translation>Deactivated</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="114" />
            <source>Spärrat</source>
            <translation>Locked out</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="115" />
            <source>Aktivt</source>
            <translation>Active</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="156" />
            <location filename="../accounts_dialog.py" line="164" />
            <location filename="../accounts_dialog.py" line="172" />
            <source>Välj ett konto i listan.</source>
            <translation>Choose an account in the list.</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="159" />
            <source>{name} är avstängt.</source>
            <translation>{name} is deactivated.</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="167" />
            <source>Spärren för {name} är hävd.</source>
            <translation>The lockout of {name} is lifted.</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="177" />
            <source>{name} har fått ett nytt lösenord.</source>
            <translation>{name} has a new password.</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="182" />
            <source>Lösenorden är olika.</source>
            <translation>The passwords differ.</translation>
        </message>
        <message>
            <location filename="../accounts_dialog.py" line="187" />
            <source>{name} har lagts till.</source>
            <translation>{name} has been added.</translation>
        </message>
    </context>
    <context>
        <name>VisitsWidget</name>
        <message>
            <location filename="../visits.py" line="126" />
            <source>Besök</source>
            <translation>Visits</translation>
        </message>
        <message>
            <location filename="../visits.py" line="129" />
            <source>Inga besök registrerade.</source>
            <translation>No visits registered.</translation>
        </message>
        <message>
            <location filename="../visits.py" line="133" />
            <source>&amp;Registrera besök…</source>
            <translation>&amp;Register visit…</translation>
        </message>
        <message>
            <location filename="../visits.py" line="154" />
            <source> · barnet med</source>
            <translation> · with the child</translation>
        </message>
    </context>
    <context>
        <name>Vocabulary</name>
        <message>
            <location filename="../../app/vocabulary.py" line="32" />
            <source>Handläggare</source>
            <translation>Caseworker</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="33" />
            <source>Arbetsledare</source>
            <translation>Supervisor</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="34" />
            <source>Administratör</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="38" />
            <source>Barn</source>
            <translation>Child</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="39" />
            <source>Vårdnadshavare</source>
            <translation>Guardian</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="40" />
            <source>Annan person</source>
            <translation>Other person</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="44" />
            <source>Utkast</source>
            <translation>Draft</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="45" />
            <source>Signerad</source>
            <translation>Signed</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="46" />
            <source>Rättad</source>
            <translation>Corrected</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="50" />
            <source>Hembesök</source>
            <translation>Home visit</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="51" />
            <source>Besök i skolan</source>
            <translation>School visit</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="52" />
            <source>Samtal på kontoret</source>
            <translation>Meeting at the office</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="53" />
            <source>Telefonsamtal</source>
            <translation>Phone call</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="54" />
            <source>Annat</source>
            <translation>Other</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="58" />
            <source>Öppet</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="59" />
            <source>Avslutat</source>
            <translation>Closed</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="91" />
            <source>Fri anteckning</source>
            <translation>Free note</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="102" />
            <source>Barnets utveckling</source>
            <translation>Child's development</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="103" />
            <source>Hälsa</source>
            <translation>Health</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="104" />
            <source>Utbildning</source>
            <translation>Education</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="105" />
            <source>Känslor och beteende</source>
            <translation>Emotions and behaviour</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="106" />
            <source>Identitet</source>
            <translation>Identity</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="107" />
            <source>Familj och sociala relationer</source>
            <translation>Family and social relationships</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="108" />
            <source>Socialt uppträdande</source>
            <translation>Social presentation</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="109" />
            <source>Förmåga att klara sig själv</source>
            <translation>Self-care skills</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="111" />
            <source>Föräldrarnas förmåga</source>
            <translation>Parenting capacity</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="112" />
            <source>Grundläggande omsorg</source>
            <translation>Basic care</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="113" />
            <source>Säkerhet</source>
            <translation>Ensuring safety</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="114" />
            <source>Känslomässig tillgänglighet</source>
            <translation>Emotional warmth</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="115" />
            <source>Stimulans</source>
            <translation>Stimulation</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="116" />
            <source>Vägledning och gränssättning</source>
            <translation>Guidance and boundaries</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="117" />
            <source>Stabilitet</source>
            <translation>Stability</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="119" />
            <source>Familj och miljö</source>
            <translation>Family and environment</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="120" />
            <source>Familjens bakgrund</source>
            <translation>Family history</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="121" />
            <source>Nätverk</source>
            <translation>Network</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="122" />
            <source>Ekonomi</source>
            <translation>Income</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="123" />
            <source>Boende</source>
            <translation>Housing</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="124" />
            <source>Arbete</source>
            <translation>Employment</translation>
        </message>
        <message>
            <location filename="../../app/vocabulary.py" line="125" />
            <source>Social integrering</source>
            <translation>Social integration</translation>
        </message>
    </context>
    <context>
        <name>_CredentialsDialog</name>
        <message>
            <location filename="../login.py" line="72" />
            <source>Väntetid</source>
            <translation>Waiting time</translation>
        </message>
        <message>
            <location filename="../login.py" line="111" />
            <source>Vänta {n} s innan du försöker igen.</source>
            <translation>Wait {n} s before you try again.</translation>
        </message>
    </context>
</TS>
