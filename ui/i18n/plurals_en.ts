<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
    <context>
        <name>CaseListWidget</name>
        <message numerus="yes">
            <source>%n anteckning(ar)</source>
            <translation>
                <numerusform>%n note</numerusform>
                <numerusform>%n notes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n träff(ar)</source>
            <translation>
                <numerusform>%n result</numerusform>
                <numerusform>%n results</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImproveTranscriptWidget</name>
        <message numerus="yes">
            <source>Cirka %n min kvar</source>
            <translation>
                <numerusform>About %n min left</numerusform>
                <numerusform>About %n min left</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NoteCardWidget</name>
        <message numerus="yes">
            <source>%n ord</source>
            <translation>
                <numerusform>%n word</numerusform>
                <numerusform>%n words</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StartupOffers</name>
        <message numerus="yes">
            <source>Det finns %n inspelning(ar) som väntar på utskrift. Vill du skriva ut nu?</source>
            <translation>
                <numerusform>%n recording is waiting to be transcribed. Transcribe it now?</numerusform>
                <numerusform>%n recordings are waiting to be transcribed. Transcribe them now?</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SyncStatusWidget</name>
        <message numerus="yes">
            <source>%n anteckning(ar) väntar på att skickas</source>
            <translation>
                <numerusform>%n note is waiting to be sent</numerusform>
                <numerusform>%n notes are waiting to be sent</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n konflikt(er)</source>
            <translation>
                <numerusform>%n conflict</numerusform>
                <numerusform>%n conflicts</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n kunde inte synkroniseras</source>
            <translation>
                <numerusform>%n item could not be synced</numerusform>
                <numerusform>%n items could not be synced</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n ändring(ar) väntar på att skickas</source>
            <translation>
                <numerusform>%n change is waiting to be sent</numerusform>
                <numerusform>%n changes are waiting to be sent</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>VisitPageWidget</name>
        <message numerus="yes">
            <source>Sparar slutet av inspelningen: %n sekund(er) kvar att skriva ut. Du kan gå tillbaka till ärendet under tiden – det fortsätter i bakgrunden.</source>
            <translation>
                <numerusform>Saving the end of the recording: %n second left to transcribe. You can go back to the case meanwhile – it goes on in the background.</numerusform>
                <numerusform>Saving the end of the recording: %n seconds left to transcribe. You can go back to the case meanwhile – it goes on in the background.</numerusform>
            </translation>
        </message>
    </context>
</TS>
