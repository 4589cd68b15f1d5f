<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
  <context>
    <name>ImproveTranscriptWidget</name>
    <message>
      <location filename="../visit/second_pass.py" line="101" />
      <source>Ljudet finns inte på den här datorn, så utskriften kan inte göras om.</source>
      <translation>The audio is not on this computer, so the transcript cannot be redone.</translation>
    </message>
    <message>
      <location filename="../visit/second_pass.py" line="65" />
      <source>Förbättra utskriften</source>
      <translation>Improve the transcript</translation>
    </message>
    <message>
      <location filename="../visit/second_pass.py" line="67" />
      <source>Skriver ut inspelningen en gång till med en noggrannare modell (KB-Whisper). Dina ändringar i anteckningen skrivs aldrig över.</source>
      <translation>Transcribes the recording once more with a more accurate model (KB-Whisper). Your changes in the note are never overwritten.</translation>
    </message>
    <message>
      <location filename="../visit/second_pass.py" line="72" />
      <source>Förbättring av utskriften</source>
      <translation>Improvement of the transcript</translation>
    </message>
    <message>
      <location filename="../visit/second_pass.py" line="74" />
      <source>Avbryt</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../visit/second_pass.py" line="115" />
      <source>Startar …</source>
      <translation>Starting …</translation>
    </message>
    <message>
      <location filename="../visit/second_pass.py" line="124" />
      <source>Avbryter …</source>
      <translation>Cancelling …</translation>
    </message>
    <message>
      <location filename="../visit/second_pass.py" line="130" />
      <source>Läser in modellen …</source>
      <translation>Loading the model …</translation>
    </message>
    <message>
      <location filename="../visit/second_pass.py" line="133" />
      <location filename="../visit/second_pass.py" line="136" />
      <source>Beräknar tid kvar …</source>
      <translation>Estimating the time left …</translation>
    </message>
    <message>
      <location filename="../visit/second_pass.py" line="139" />
      <source>Under en minut kvar</source>
      <translation>Less than a minute left</translation>
    </message>
    <message>
      <location filename="../visit/second_pass.py" line="159" />
      <source>Utskriften är förbättrad.</source>
      <translation>The transcript has been improved.</translation>
    </message>
    <message>
      <location filename="../visit/second_pass.py" line="168" />
      <source>Utskriften kunde inte förbättras.</source>
      <translation>The transcript could not be improved.</translation>
    </message>
  </context>
  <context>
    <name>SecondPassSettingsPage</name>
    <message>
      <location filename="../visit/second_pass.py" line="189" />
      <source>Förbättra utskriften automatiskt efter Stopp</source>
      <translation>Improve the transcript automatically after Stop</translation>
    </message>
    <message>
      <location filename="../visit/second_pass.py" line="192" />
      <source>Modell för förbättrad utskrift</source>
      <translation>Model for the improved transcript</translation>
    </message>
    <message>
      <location filename="../visit/second_pass.py" line="193" />
      <source>Den rekommenderade</source>
      <translation>The recommended one</translation>
    </message>
    <message>
      <location filename="../visit/second_pass.py" line="197" />
      <source>Modell</source>
      <translation>Model</translation>
    </message>
    <message>
      <location filename="../visit/second_pass.py" line="202" />
      <source>Förbättrad utskrift (KB-Whisper)</source>
      <translation>Improved transcript (KB-Whisper)</translation>
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
      <translation>Words you have not changed are replaced by the improved transcript. Where you have made changes, suggestions are shown for you to accept or reject.</translation>
    </message>
    <message>
      <location filename="../suggestions.py" line="83" />
      <source>Förslag från den förbättrade utskriften</source>
      <translation>Suggestions from the improved transcript</translation>
    </message>
    <message>
      <location filename="../suggestions.py" line="86" />
      <source>Förslag</source>
      <translation>Suggestions</translation>
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
      <translation>The text changed in the meantime. Try again.</translation>
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
      <translation>you changed the text here</translation>
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
</TS>