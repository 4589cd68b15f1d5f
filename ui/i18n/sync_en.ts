<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
    <context>
        <name>ConflictDialog</name>
        <message>
            <location filename="../sync/conflict_view.py" line="42" />
            <source>Konflikter vid synkronisering</source>
            <translation>Sync conflicts</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="45" />
            <source>Det här har ändrats både på den här datorn och på en annan. Inget har slagits ihop av sig självt: välj vilken version som ska gälla, eller skriv ihop dem. Ett utkast kan inte signeras förrän det är gjort.</source>
            <translation>This was changed both on this computer and on another one. Nothing has been merged on its own: choose which version applies, or write them together. A draft cannot be signed until that is done.</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="51" />
            <source>Konflikter</source>
            <translation>Conflicts</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="56" />
            <location filename="../sync/conflict_view.py" line="60" />
            <source>Min version</source>
            <translation>My version</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="61" />
            <source>Den andra versionen</source>
            <translation>The other version</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="67" />
            <source>&amp;Sammanslagen text</source>
            <translation>&amp;Merged text</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="70" />
            <source>Sammanslagen text</source>
            <translation>Merged text</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="71" />
            <source>Spara sammanslagen text</source>
            <translation>Save merged text</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="79" />
            <source>Behåll min</source>
            <translation>Keep mine</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="80" />
            <source>Behåll serverns</source>
            <translation>Keep the server's</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="81" />
            <source>Skriv sammanslagen text</source>
            <translation>Write merged text</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="82" />
            <source>Stäng</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="122" />
            <source>Inga konflikter kvar.</source>
            <translation>No conflicts left.</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="127" />
            <source>Utkast</source>
            <translation>Draft</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="127" />
            <source>Ärende</source>
            <translation>Case</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="128" />
            <source>Person</source>
            <translation>Person</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="128" />
            <source>Besök</source>
            <translation>Visit</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="132" />
            <source>Avsnitt</source>
            <translation>Section</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="132" />
            <source>Barnets röst</source>
            <translation>The child's voice</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="133" />
            <source>Ärendenummer</source>
            <translation>Case number</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="133" />
            <source>Rubrik</source>
            <translation>Title</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="134" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="134" />
            <source>Namn</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="134" />
            <source>Roll</source>
            <translation>Role</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="135" />
            <source>Personnummer</source>
            <translation>Personal identity number</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="135" />
            <source>Anteckning</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="136" />
            <source>Typ</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="154" />
            <source>Serverns version (från {author})</source>
            <translation>The server's version (from {author})</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="155" />
            <source>Serverns version</source>
            <translation>The server's version</translation>
        </message>
        <message>
            <location filename="../sync/conflict_view.py" line="158" />
            <source>Bara text i ett utkast kan skrivas ihop; välj en av versionerna.</source>
            <translation>Only the text of a draft can be written together; choose one of the versions.</translation>
        </message>
    </context>
    <context>
        <name>ConnectDialog</name>
        <message>
            <location filename="../sync/server_page.py" line="38" />
            <source>Anslut till servern</source>
            <translation>Connect to the server</translation>
        </message>
        <message>
            <location filename="../sync/server_page.py" line="40" />
            <source>Logga in med ditt konto på servern ({url}). Det behövs bara en gång på den här datorn.</source>
            <translation>Log in with your account on the server ({url}). This is needed only once on this computer.</translation>
        </message>
        <message>
            <location filename="../sync/server_page.py" line="46" />
            <source>Användarnamn på servern</source>
            <translation>Username on the server</translation>
        </message>
        <message>
            <location filename="../sync/server_page.py" line="49" />
            <source>Lösenord på servern</source>
            <translation>Password on the server</translation>
        </message>
        <message>
            <location filename="../sync/server_page.py" line="51" />
            <source>&amp;Användarnamn:</source>
            <translation>&amp;Username:</translation>
        </message>
        <message>
            <location filename="../sync/server_page.py" line="53" />
            <source>&amp;Lösenord:</source>
            <translation>&amp;Password:</translation>
        </message>
        <message>
            <location filename="../sync/server_page.py" line="60" />
            <source>Anslut</source>
            <translation>Connect</translation>
        </message>
    </context>
    <context>
        <name>ExportFailedDialog</name>
        <message>
            <location filename="../sync/failed_list.py" line="139" />
            <source>Exportera krypterat</source>
            <translation>Export encrypted</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="141" />
            <source>Välj en lösenfras på minst {n} tecken. IT behöver den för att öppna filen.</source>
            <translation>Choose a passphrase of at least {n} characters. IT needs it to open the file.</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="148" />
            <source>Lösenfras</source>
            <translation>Passphrase</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="151" />
            <source>Lösenfrasen igen</source>
            <translation>Passphrase again</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="155" />
            <source>Spara som</source>
            <translation>Save as</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="156" />
            <source>Välj…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="160" />
            <source>&amp;Lösenfras:</source>
            <translation>&amp;Passphrase:</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="161" />
            <source>&amp;Samma igen:</source>
            <translation>&amp;Same again:</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="163" />
            <source>Spara &amp;som:</source>
            <translation>Save &amp;as:</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="178" />
            <source>Spara export</source>
            <translation>Save export</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="186" />
            <source>Lösenfraserna är inte lika.</source>
            <translation>The passphrases are not the same.</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="191" />
            <source>Välj var filen ska sparas.</source>
            <translation>Choose where to save the file.</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="195" />
            <source>Mappen finns inte.</source>
            <translation>The folder does not exist.</translation>
        </message>
    </context>
    <context>
        <name>FailedDialog</name>
        <message>
            <location filename="../sync/failed_list.py" line="47" />
            <location filename="../sync/failed_list.py" line="59" />
            <source>Kunde inte synkroniseras</source>
            <translation>Could not be synced</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="50" />
            <source>Servern tog inte emot det här. Det finns kvar på datorn och tas aldrig bort av synkroniseringen. Försök igen när felet är åtgärdat, eller exportera det krypterat till IT.</source>
            <translation>The server did not accept this. It stays on the computer and is never deleted by syncing. Try again once the problem is fixed, or export it encrypted for IT.</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="57" />
            <source>Vad</source>
            <translation>What</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="57" />
            <source>Skapad</source>
            <translation>Created</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="57" />
            <source>Orsak</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="67" />
            <source>Försök igen</source>
            <translation>Try again</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="69" />
            <source>Exportera krypterat…</source>
            <translation>Export encrypted…</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="71" />
            <source>Stäng</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="98" />
            <source>Allt har kunnat synkroniseras.</source>
            <translation>Everything could be synced.</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="101" />
            <source>Anteckning</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="101" />
            <source>Ärende</source>
            <translation>Case</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="102" />
            <source>Person</source>
            <translation>Person</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="102" />
            <source>Besök</source>
            <translation>Visit</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="103" />
            <source>Samtycke</source>
            <translation>Consent</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="103" />
            <source>Genomgång</source>
            <translation>Review</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="104" />
            <source>Synpunkt</source>
            <translation>Comment</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="104" />
            <source>Utskrift</source>
            <translation>Transcript</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="114" />
            <source>Lagt tillbaka i kön. Det skickas vid nästa synkronisering.</source>
            <translation>Put back in the queue. It is sent at the next sync.</translation>
        </message>
        <message>
            <location filename="../sync/failed_list.py" line="127" />
            <source>Sparat krypterat i {path}. Lämna filen och lösenfrasen till IT på olika sätt.</source>
            <translation>Saved encrypted in {path}. Give IT the file and the passphrase by different means.</translation>
        </message>
    </context>
    <context>
        <name>ServerSettingsWidget</name>
        <message>
            <location filename="../sync/server_page.py" line="127" />
            <source>Skicka även inspelningarnas &amp;ljud till servern</source>
            <translation>Also send the recordings' &amp;audio to the server</translation>
        </message>
        <message>
            <location filename="../sync/server_page.py" line="129" />
            <source>Utskrifterna och uppgifterna om inspelningarna skickas alltid. Ljudet stannar på datorn om du inte kryssar i rutan. Kryssar du i den skickas ljudet till servern och sparas i dess databas.</source>
            <translation>Transcripts and the details of recordings are always sent. The audio stays on this computer unless you tick the box. If you tick it, the audio is sent to the server and stored in its database.</translation>
        </message>
        <message>
            <location filename="../sync/server_page.py" line="103" />
            <source>Serverns adress</source>
            <translation>Server address</translation>
        </message>
        <message>
            <location filename="../sync/server_page.py" line="105" />
            <source>Serverns &amp;adress:</source>
            <translation>Server &amp;address:</translation>
        </message>
        <message>
            <location filename="../sync/server_page.py" line="108" />
            <location filename="../sync/server_page.py" line="148" />
            <source>Inte ansluten.</source>
            <translation>Not connected.</translation>
        </message>
        <message>
            <location filename="../sync/server_page.py" line="112" />
            <location filename="../sync/server_page.py" line="151" />
            <source>Anslut till servern…</source>
            <translation>Connect to the server…</translation>
        </message>
        <message>
            <location filename="../sync/server_page.py" line="114" />
            <source>Koppla från</source>
            <translation>Disconnect</translation>
        </message>
        <message>
            <location filename="../sync/server_page.py" line="126" />
            <source>En administratör synkroniserar inget ärendeinnehåll.</source>
            <translation>An administrator syncs no case content.</translation>
        </message>
        <message>
            <location filename="../sync/server_page.py" line="133" />
            <source>Server</source>
            <translation>Server</translation>
        </message>
        <message>
            <location filename="../sync/server_page.py" line="145" />
            <source>Ansluten som {user} till {url}.</source>
            <translation>Connected as {user} to {url}.</translation>
        </message>
        <message>
            <location filename="../sync/server_page.py" line="150" />
            <source>Anslut igen…</source>
            <translation>Connect again…</translation>
        </message>
        <message>
            <location filename="../sync/server_page.py" line="159" />
            <source>Skriv serverns adress, till exempel https://samskriv.kommun.se</source>
            <translation>Type the server's address, for example https://samskriv.kommun.se</translation>
        </message>
    </context>
    <context>
        <name>SyncFeature</name>
        <message>
            <location filename="../sync/__init__.py" line="52" />
            <source>S&amp;ynk</source>
            <translation>S&amp;ync</translation>
        </message>
        <message>
            <location filename="../sync/__init__.py" line="54" />
            <source>&amp;Synkronisera nu</source>
            <translation>&amp;Sync now</translation>
        </message>
        <message>
            <location filename="../sync/__init__.py" line="56" />
            <source>&amp;Konflikter…</source>
            <translation>&amp;Conflicts…</translation>
        </message>
        <message>
            <location filename="../sync/__init__.py" line="59" />
            <source>Kunde &amp;inte synkroniseras…</source>
            <translation>Could &amp;not be synced…</translation>
        </message>
        <message>
            <location filename="../sync/__init__.py" line="118" />
            <source>Konflikt – visa båda versionerna…</source>
            <translation>Conflict – show both versions…</translation>
        </message>
    </context>
    <context>
        <name>SyncStatusWidget</name>
        <message>
            <location filename="../sync/status_widget.py" line="51" />
            <source>Synkronisera</source>
            <translation>Sync</translation>
        </message>
        <message>
            <location filename="../sync/status_widget.py" line="52" />
            <source>Skicka och hämta ändringar från servern nu</source>
            <translation>Send and fetch changes from the server now</translation>
        </message>
        <message>
            <location filename="../sync/status_widget.py" line="62" />
            <location filename="../sync/status_widget.py" line="67" />
            <source>Inte ansluten till någon server</source>
            <translation>Not connected to a server</translation>
        </message>
        <message>
            <location filename="../sync/status_widget.py" line="70" />
            <source>Servern kan inte nås</source>
            <translation>The server cannot be reached</translation>
        </message>
        <message>
            <location filename="../sync/status_widget.py" line="72" />
            <source>Synkroniseringen nekades: {reason}</source>
            <translation>The sync was refused: {reason}</translation>
        </message>
        <message numerus="yes">
            <location filename="../sync/status_widget.py" line="75" />
            <source>%n anteckning(ar) väntar på att skickas</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../sync/status_widget.py" line="78" />
            <source>%n ändring(ar) väntar på att skickas</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../sync/status_widget.py" line="80" />
            <source>Senast synkroniserad {when}</source>
            <translation>Last synced {when}</translation>
        </message>
        <message>
            <location filename="../sync/status_widget.py" line="83" />
            <source>Aldrig synkroniserad</source>
            <translation>Never synced</translation>
        </message>
        <message numerus="yes">
            <location filename="../sync/status_widget.py" line="93" />
            <source>%n konflikt(er)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../sync/status_widget.py" line="95" />
            <source>%n kunde inte synkroniseras</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../sync/status_widget.py" line="101" />
            <source>Synkroniserar…</source>
            <translation>Syncing…</translation>
        </message>
        <message>
            <location filename="../sync/status_widget.py" line="110" />
            <source>Skickar {done} av {total}…</source>
            <translation>Sending {done} of {total}…</translation>
        </message>
        <message>
            <location filename="../sync/status_widget.py" line="114" />
            <source>Hämtar… {done} hittills</source>
            <translation>Fetching… {done} so far</translation>
        </message>
    </context>
</TS>
