<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
    <context>
        <name>ConsentDialog</name>
        <message>
            <location filename="../visit/consent_dialog.py" line="71" />
            <source>Samtycke till inspelning</source>
            <translation>Consent to recording</translation>
        </message>
        <message>
            <location filename="../visit/consent_dialog.py" line="75" />
            <source>Berätta för alla som är med att samtalet spelas in, varför, att ljudet sparas krypterat och raderas när anteckningen signeras, och att de kan säga nej eller be dig stänga av när som helst. Markera vad var och en svarade.</source>
            <translation>Tell everyone present that the conversation will be recorded, why, that the audio is stored encrypted and deleted when the note is signed, and that they can say no or ask you to stop at any time. Mark what each person answered.</translation>
        </message>
        <message>
            <location filename="../visit/consent_dialog.py" line="87" />
            <source>Fler närvarande (namn)</source>
            <translation>More people present (name)</translation>
        </message>
        <message>
            <location filename="../visit/consent_dialog.py" line="88" />
            <source>Namn på fler närvarande</source>
            <translation>Name of another person present</translation>
        </message>
        <message>
            <location filename="../visit/consent_dialog.py" line="89" />
            <source>Lägg till</source>
            <translation>Add</translation>
        </message>
        <message>
            <location filename="../visit/consent_dialog.py" line="100" />
            <source>Registrera samtycke</source>
            <translation>Record consent</translation>
        </message>
        <message>
            <location filename="../visit/consent_dialog.py" line="133" />
            <source>Markera om {names} samtycker eller säger nej.</source>
            <translation>Mark whether {names} agrees or says no.</translation>
        </message>
    </context>
    <context>
        <name>LiveTranscriptWidget</name>
        <message>
            <location filename="../visit/live_transcript.py" line="25" />
            <source>Dikteringskommandon</source>
            <translation>Dictation commands</translation>
        </message>
        <message>
            <location filename="../visit/live_transcript.py" line="28" />
            <source>Säg ”punkt”, ”komma”, ”frågetecken”, ”ny rad”, ”nytt stycke” eller ”ångra”.</source>
            <translation>Say “punkt”, “komma”, “frågetecken”, “ny rad”, “nytt stycke” or “ångra” (Swedish commands).</translation>
        </message>
        <message>
            <location filename="../visit/live_transcript.py" line="32" />
            <source>Utskrift</source>
            <translation>Transcript</translation>
        </message>
        <message>
            <location filename="../visit/live_transcript.py" line="33" />
            <source>Det som sägs skrivs ut här.</source>
            <translation>What is said is written here.</translation>
        </message>
    </context>
    <context>
        <name>ModelManagerWidget</name>
        <message>
            <location filename="../visit/model_manager.py" line="53" />
            <source>Talmodell som används</source>
            <translation>Speech model in use</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="54" />
            <location filename="../visit/model_manager.py" line="59" />
            <source>Namn</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="54" />
            <location filename="../visit/model_manager.py" line="59" />
            <source>Språk</source>
            <translation>Language</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="54" />
            <location filename="../visit/model_manager.py" line="59" />
            <source>Storlek</source>
            <translation>Size</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="55" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="56" />
            <source>Importera från zip…</source>
            <translation>Import from zip…</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="57" />
            <source>Importera från mapp…</source>
            <translation>Import from folder…</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="58" />
            <source>Ta bort</source>
            <translation>Remove</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="63" />
            <source>Avbryt</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="70" />
            <source>Används</source>
            <translation>In use</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="80" />
            <source>Installerade modeller</source>
            <translation>Installed models</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="83" />
            <source>Ladda ned (kräver internet)</source>
            <translation>Download (needs internet)</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="96" />
            <source>Talmodeller</source>
            <translation>Speech models</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="117" />
            <source>Giltig</source>
            <translation>Valid</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="117" />
            <source>Ogiltig: saknar {what}</source>
            <translation>Invalid: missing {what}</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="130" />
            <source>Installerad</source>
            <translation>Installed</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="130" />
            <source>Ladda ned</source>
            <translation>Download</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="140" />
            <source>Svenska</source>
            <translation>Swedish</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="140" />
            <source>Engelska (USA)</source>
            <translation>English (US)</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="141" />
            <source>Engelska (Storbritannien)</source>
            <translation>English (UK)</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="141" />
            <source>Engelska (Indien)</source>
            <translation>English (India)</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="142" />
            <source>Tyska</source>
            <translation>German</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="142" />
            <source>Franska</source>
            <translation>French</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="142" />
            <source>Spanska</source>
            <translation>Spanish</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="143" />
            <source>Italienska</source>
            <translation>Italian</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="143" />
            <source>Nederländska</source>
            <translation>Dutch</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="143" />
            <source>Polska</source>
            <translation>Polish</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="144" />
            <source>Ryska</source>
            <translation>Russian</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="144" />
            <source>Arabiska</source>
            <translation>Arabic</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="144" />
            <source>Persiska</source>
            <translation>Persian</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="145" />
            <source>Turkiska</source>
            <translation>Turkish</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="167" />
            <source>Importera talmodell</source>
            <translation>Import speech model</translation>
        </message>
        <message>
            <location filename="../visit/model_manager.py" line="172" />
            <source>Zip-filer (*.zip)</source>
            <translation>Zip files (*.zip)</translation>
        </message>
    </context>
    <context>
        <name>RecordingBarWidget</name>
        <message>
            <location filename="../visit/recording_bar.py" line="21" />
            <source>● Spela in (F9)</source>
            <translation>● Record (F9)</translation>
        </message>
        <message>
            <location filename="../visit/recording_bar.py" line="22" />
            <source>Starta och stoppa inspelningen med F9</source>
            <translation>Start and stop recording with F9</translation>
        </message>
        <message>
            <location filename="../visit/recording_bar.py" line="24" />
            <location filename="../visit/recording_bar.py" line="62" />
            <source>Pausa</source>
            <translation>Pause</translation>
        </message>
        <message>
            <location filename="../visit/recording_bar.py" line="25" />
            <source>Stoppa</source>
            <translation>Stop</translation>
        </message>
        <message>
            <location filename="../visit/recording_bar.py" line="27" />
            <source>Inspelningsstatus</source>
            <translation>Recording status</translation>
        </message>
        <message>
            <location filename="../visit/recording_bar.py" line="30" />
            <source>Inspelad tid</source>
            <translation>Recorded time</translation>
        </message>
        <message>
            <location filename="../visit/recording_bar.py" line="38" />
            <source>Ljudnivå</source>
            <translation>Audio level</translation>
        </message>
        <message>
            <location filename="../visit/recording_bar.py" line="62" />
            <source>Fortsätt</source>
            <translation>Resume</translation>
        </message>
        <message>
            <location filename="../visit/recording_bar.py" line="65" />
            <source>Startar…</source>
            <translation>Starting…</translation>
        </message>
        <message>
            <location filename="../visit/recording_bar.py" line="67" />
            <source>Spelar in</source>
            <translation>Recording</translation>
        </message>
        <message>
            <location filename="../visit/recording_bar.py" line="69" />
            <source>Pausad</source>
            <translation>Paused</translation>
        </message>
        <message>
            <location filename="../visit/recording_bar.py" line="70" />
            <source>Sparar…</source>
            <translation>Saving…</translation>
        </message>
        <message>
            <location filename="../visit/recording_bar.py" line="71" />
            <source>Sparad</source>
            <translation>Saved</translation>
        </message>
    </context>
    <context>
        <name>SpeechModels</name>
        <message>
            <location filename="../../app/speech_models.py" line="22" />
            <source>Ingen talmodell är installerad – ljudet sparas och skrivs ut när en modell finns</source>
            <translation>No speech model is installed – the audio is saved and transcribed when a model is available</translation>
        </message>
        <message>
            <location filename="../../app/speech_models.py" line="25" />
            <source>Diktering fungerar inte än: ingen talmodell är laddad.</source>
            <translation>Dictation is not available yet: no speech model is loaded.</translation>
        </message>
        <message>
            <location filename="../../app/dictation.py" line="22" />
            <source>Dikteringen stannade på grund av ett oväntat fel. Skriv gärna orden i stället.</source>
            <translation>Dictation stopped because of an unexpected error. Please type the words instead.</translation>
        </message>
    </context>
    <context>
        <name>StartupOffers</name>
        <message>
            <location filename="../visit/startup_offers.py" line="39" />
            <source>Utskrift av väntande inspelningar</source>
            <translation>Transcription of waiting recordings</translation>
        </message>
        <message>
            <location filename="../visit/startup_offers.py" line="61" />
            <source>En inspelning avbröts oväntat (startad {when}). Det som hann sparas finns kvar. Vill du återställa den?</source>
            <translation>A recording was interrupted unexpectedly (started {when}). What was saved is still there. Do you want to recover it?</translation>
        </message>
        <message>
            <location filename="../visit/startup_offers.py" line="64" />
            <source>Återställ inspelning</source>
            <translation>Recover recording</translation>
        </message>
        <message numerus="yes">
            <location filename="../visit/startup_offers.py" line="90" />
            <source>Det finns %n inspelning(ar) som väntar på utskrift. Vill du skriva ut nu?</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../visit/startup_offers.py" line="92" />
            <source>Skriv ut väntande inspelningar</source>
            <translation>Transcribe waiting recordings</translation>
        </message>
        <message>
            <location filename="../visit/startup_offers.py" line="125" />
            <source>Ja</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location filename="../visit/startup_offers.py" line="126" />
            <source>Inte nu</source>
            <translation>Not now</translation>
        </message>
    </context>
    <context>
        <name>TranscriptWidget</name>
        <message>
            <location filename="../visit/transcript_widget.py" line="87" />
            <source>Ljudet finns på kollegans dator. Här visas bara utskriften.</source>
            <translation>The audio is on your colleague's computer. Only the transcript is shown here.</translation>
        </message>
        <message>
            <location filename="../visit/transcript_widget.py" line="67" />
            <source>Utskrift kopplad till ljudet</source>
            <translation>Transcript linked to the audio</translation>
        </message>
        <message>
            <location filename="../visit/transcript_widget.py" line="70" />
            <source>Klicka på ett ord för att höra det. Ctrl+Mellanslag spelar upp eller pausar. Orange understrykning: kontrollera ordet.</source>
            <translation>Click a word to hear it. Ctrl+Space plays or pauses. Orange underline: check the word.</translation>
        </message>
        <message>
            <location filename="../visit/transcript_widget.py" line="78" />
            <location filename="../visit/transcript_widget.py" line="197" />
            <source>Spela upp</source>
            <translation>Play</translation>
        </message>
        <message>
            <location filename="../visit/transcript_widget.py" line="80" />
            <source>Ljudet är raderat (efter signeringen). Utskriften finns kvar.</source>
            <translation>The audio is deleted (after signing). The transcript is kept.</translation>
        </message>
        <message>
            <location filename="../visit/transcript_widget.py" line="85" />
            <source>Skapa anteckning av utskriften</source>
            <translation>Create note from the transcript</translation>
        </message>
        <message>
            <location filename="../visit/transcript_widget.py" line="139" />
            <source>Osäker igenkänning – kontrollera</source>
            <translation>Uncertain recognition – please check</translation>
        </message>
        <message>
            <location filename="../visit/transcript_widget.py" line="175" />
            <source>Pausa</source>
            <translation>Pause</translation>
        </message>
        <message>
            <location filename="../visit/transcript_widget.py" line="182" />
            <source>Ljudet kunde inte spelas upp.</source>
            <translation>The audio could not be played.</translation>
        </message>
    </context>
    <context>
        <name>VisitExtension</name>
        <message>
            <location filename="../visit/__init__.py" line="79" />
            <source>Besök</source>
            <translation>Visit</translation>
        </message>
        <message>
            <location filename="../visit/__init__.py" line="89" />
            <source>Inspelningen sparas i bakgrunden…</source>
            <translation>The recording is being saved in the background…</translation>
        </message>
        <message>
            <location filename="../visit/__init__.py" line="97" />
            <source>Inspelningen är sparad.</source>
            <translation>The recording is saved.</translation>
        </message>
        <message>
            <location filename="../visit/__init__.py" line="160" />
            <source>Öppna besöket</source>
            <translation>Open visit</translation>
        </message>
        <message>
            <location filename="../visit/__init__.py" line="164" />
            <source>Importera inspelning…</source>
            <translation>Import recording…</translation>
        </message>
    </context>
    <context>
        <name>VisitPageWidget</name>
        <message>
            <location filename="../visit/visit_page.py" line="61" />
            <source>Registrera samtycke…</source>
            <translation>Record consent…</translation>
        </message>
        <message>
            <location filename="../visit/visit_page.py" line="63" />
            <location filename="../visit/visit_page.py" line="236" />
            <source>← Tillbaka</source>
            <translation>← Back</translation>
        </message>
        <message>
            <location filename="../visit/visit_page.py" line="67" />
            <source>Meddelande</source>
            <translation>Message</translation>
        </message>
        <message>
            <location filename="../visit/visit_page.py" line="74" />
            <source>Importera inspelning…</source>
            <translation>Import recording…</translation>
        </message>
        <message>
            <location filename="../visit/visit_page.py" line="78" />
            <source>Sparar slutet av inspelningen</source>
            <translation>Saving the end of the recording</translation>
        </message>
        <message>
            <location filename="../visit/visit_page.py" line="79" />
            <source>%p % utskrivet</source>
            <translation>%p % transcribed</translation>
        </message>
        <message>
            <location filename="../visit/visit_page.py" line="86" />
            <source>Förlopp</source>
            <translation>Progress</translation>
        </message>
        <message>
            <location filename="../visit/visit_page.py" line="158" />
            <source>Samtycke till inspelning är inte registrerat.</source>
            <translation>Consent to recording has not been recorded.</translation>
        </message>
        <message>
            <location filename="../visit/visit_page.py" line="160" />
            <source>Nej till inspelning: {names}.</source>
            <translation>Refused recording: {names}.</translation>
        </message>
        <message>
            <location filename="../visit/visit_page.py" line="162" />
            <source>Samtycke: {names} ({by})</source>
            <translation>Consent: {names} ({by})</translation>
        </message>
        <message>
            <location filename="../visit/visit_page.py" line="235" />
            <source>← Tillbaka (sparas i bakgrunden)</source>
            <translation>← Back (saving in the background)</translation>
        </message>
        <message numerus="yes">
            <location filename="../visit/visit_page.py" line="252" />
            <source>Sparar slutet av inspelningen: %n sekund(er) kvar att skriva ut. Du kan gå tillbaka till ärendet under tiden – det fortsätter i bakgrunden.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../visit/visit_page.py" line="261" />
            <source>Talmodellen laddas fortfarande – ljudet sparas och skrivs ut efteråt.</source>
            <translation>The speech model is still loading – the audio is saved and transcribed afterwards.</translation>
        </message>
        <message>
            <location filename="../visit/visit_page.py" line="284" />
            <source>Ett problem uppstod under inspelningen – ljudet sparas ändå. ({detail})</source>
            <translation>A problem occurred while recording – the audio is still being saved. ({detail})</translation>
        </message>
        <message>
            <location filename="../visit/visit_page.py" line="288" />
            <source>Ett problem uppstod under inspelningen – ljudet sparas ändå.</source>
            <translation>A problem occurred while recording – the audio is still being saved.</translation>
        </message>
        <message>
            <location filename="../visit/visit_page.py" line="326" />
            <source>Importera inspelning</source>
            <translation>Import recording</translation>
        </message>
        <message>
            <location filename="../visit/visit_page.py" line="328" />
            <source>Ljudfiler (*.wav *.mp3 *.m4a *.ogg *.flac);;Alla filer (*)</source>
            <translation>Audio files (*.wav *.mp3 *.m4a *.ogg *.flac);;All files (*)</translation>
        </message>
    </context>
    <context>
        <name>WhisperModelsWidget</name>
        <message>
            <location filename="../visit/whisper_models.py" line="58" />
            <source>Modell för förbättrad utskrift</source>
            <translation>Model for the improved transcript</translation>
        </message>
        <message>
            <location filename="../visit/whisper_models.py" line="61" />
            <source>Mät den här datorn</source>
            <translation>Measure this computer</translation>
        </message>
        <message>
            <location filename="../visit/whisper_models.py" line="63" />
            <source>Skriver ut de första 30 sekunderna av din senaste inspelning och mäter tiden</source>
            <translation>Transcribes the first 30 seconds of your latest recording and measures the time</translation>
        </message>
        <message>
            <location filename="../visit/whisper_models.py" line="64" />
            <location filename="../visit/whisper_models.py" line="65" />
            <source>Namn</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../visit/whisper_models.py" line="64" />
            <location filename="../visit/whisper_models.py" line="65" />
            <source>Storlek</source>
            <translation>Size</translation>
        </message>
        <message>
            <location filename="../visit/whisper_models.py" line="64" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../visit/whisper_models.py" line="65" />
            <source>Ordfel</source>
            <translation>Word errors</translation>
        </message>
        <message>
            <location filename="../visit/whisper_models.py" line="66" />
            <source>Importera KB-Whisper från zip…</source>
            <translation>Import KB-Whisper from zip…</translation>
        </message>
        <message>
            <location filename="../visit/whisper_models.py" line="67" />
            <source>Importera KB-Whisper från mapp…</source>
            <translation>Import KB-Whisper from folder…</translation>
        </message>
        <message>
            <location filename="../visit/whisper_models.py" line="68" />
            <source>Ta bort</source>
            <translation>Remove</translation>
        </message>
        <message>
            <location filename="../visit/whisper_models.py" line="72" />
            <source>Avbryt</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../visit/whisper_models.py" line="87" />
            <source>Förbättrad utskrift (KB-Whisper)</source>
            <translation>Improved transcript (KB-Whisper)</translation>
        </message>
        <message>
            <location filename="../visit/whisper_models.py" line="90" />
            <source>Modell</source>
            <translation>Model</translation>
        </message>
        <message>
            <location filename="../visit/whisper_models.py" line="108" />
            <source>KB-Whisper att ladda ned (kräver internet)</source>
            <translation>KB-Whisper to download (needs internet)</translation>
        </message>
        <message>
            <location filename="../visit/whisper_models.py" line="141" />
            <source>Den rekommenderade</source>
            <translation>The recommended one</translation>
        </message>
        <message>
            <location filename="../visit/whisper_models.py" line="158" />
            <source>Ogiltig: saknar {what}</source>
            <translation>Invalid: missing {what}</translation>
        </message>
        <message>
            <location filename="../visit/whisper_models.py" line="160" />
            <source>Giltig · används</source>
            <translation>Valid · in use</translation>
        </message>
        <message>
            <location filename="../visit/whisper_models.py" line="161" />
            <source>Giltig</source>
            <translation>Valid</translation>
        </message>
        <message>
            <location filename="../visit/whisper_models.py" line="168" />
            <source>{name} (rekommenderad)</source>
            <translation>{name} (recommended)</translation>
        </message>
        <message>
            <location filename="../visit/whisper_models.py" line="169" />
            <source>ca {size}</source>
            <translation>approx. {size}</translation>
        </message>
        <message>
            <location filename="../visit/whisper_models.py" line="172" />
            <source>Installerad</source>
            <translation>Installed</translation>
        </message>
        <message>
            <location filename="../visit/whisper_models.py" line="172" />
            <source>Installera</source>
            <translation>Install</translation>
        </message>
        <message>
            <location filename="../visit/whisper_models.py" line="179" />
            <source>Rekommenderad storlek för den här datorn: {name} (mätt här).</source>
            <translation>Recommended size for this computer: {name} (measured here).</translation>
        </message>
        <message>
            <location filename="../visit/whisper_models.py" line="182" />
            <source>Inte mätt än: {name} är förvalet. Mät datorn när en modell är installerad och det finns en inspelning.</source>
            <translation>Not measured yet: {name} is the default. Measure the computer once a model is installed and there is a recording.</translation>
        </message>
        <message>
            <location filename="../visit/whisper_models.py" line="209" />
            <source>Importera KB-Whisper-modell</source>
            <translation>Import KB-Whisper model</translation>
        </message>
        <message>
            <location filename="../visit/whisper_models.py" line="214" />
            <source>Zip-filer (*.zip)</source>
            <translation>Zip files (*.zip)</translation>
        </message>
    </context>
</TS>
