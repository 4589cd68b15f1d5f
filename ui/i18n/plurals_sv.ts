<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="sv_SE">
    <context>
        <name>CaseListWidget</name>
        <message numerus="yes">
            <source>%n anteckning(ar)</source>
            <translation>
                <numerusform>%n anteckning</numerusform>
                <numerusform>%n anteckningar</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n träff(ar)</source>
            <translation>
                <numerusform>%n träff</numerusform>
                <numerusform>%n träffar</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImproveTranscriptWidget</name>
        <message numerus="yes">
            <source>Cirka %n min kvar</source>
            <translation>
                <numerusform>Cirka %n min kvar</numerusform>
                <numerusform>Cirka %n min kvar</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NoteCardWidget</name>
        <message numerus="yes">
            <source>%n ord</source>
            <translation>
                <numerusform>%n ord</numerusform>
                <numerusform>%n ord</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StartupOffers</name>
        <message numerus="yes">
            <source>Det finns %n inspelning(ar) som väntar på utskrift. Vill du skriva ut nu?</source>
            <translation>
                <numerusform>Det finns %n inspelning som väntar på utskrift. Vill du skriva ut den nu?</numerusform>
                <numerusform>Det finns %n inspelningar som väntar på utskrift. Vill du skriva ut dem nu?</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SyncStatusWidget</name>
        <message numerus="yes">
            <source>%n anteckning(ar) väntar på att skickas</source>
            <translation>
                <numerusform>%n anteckning väntar på att skickas</numerusform>
                <numerusform>%n anteckningar väntar på att skickas</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n konflikt(er)</source>
            <translation>
                <numerusform>%n konflikt</numerusform>
                <numerusform>%n konflikter</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n kunde inte synkroniseras</source>
            <translation>
                <numerusform>%n kunde inte synkroniseras</numerusform>
                <numerusform>%n kunde inte synkroniseras</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n ändring(ar) väntar på att skickas</source>
            <translation>
                <numerusform>%n ändring väntar på att skickas</numerusform>
                <numerusform>%n ändringar väntar på att skickas</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>VisitPageWidget</name>
        <message numerus="yes">
            <source>Sparar slutet av inspelningen: %n sekund(er) kvar att skriva ut. Du kan gå tillbaka till ärendet under tiden – det fortsätter i bakgrunden.</source>
            <translation>
                <numerusform>Sparar slutet av inspelningen: %n sekund kvar att skriva ut. Du kan gå tillbaka till ärendet under tiden – det fortsätter i bakgrunden.</numerusform>
                <numerusform>Sparar slutet av inspelningen: %n sekunder kvar att skriva ut. Du kan gå tillbaka till ärendet under tiden – det fortsätter i bakgrunden.</numerusform>
            </translation>
        </message>
    </context>
</TS>
