<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
  <context>
    <name>ImproveTranscriptWidget</name>
    <message>
      <location filename="../visit/second_pass.py" line="54" />
      <source>Förbättra utskriften</source>
      <translation>Improve the transcript</translation>
    </message>
    <message>
      <location filename="../visit/second_pass.py" line="56" />
      <source>Skriver ut inspelningen en gång till med en noggrannare modell (KB-Whisper). Dina ändringar i anteckningen skrivs aldrig över.</source>
      <translation>Transcribes the recording once more with a more accurate model (KB-Whisper). Your changes in the note are never overwritten.</translation>
    </message>
    <message>
      <location filename="../visit/second_pass.py" line="61" />
      <source>Förbättring av utskriften</source>
      <translation>Improvement of the transcript</translation>
    </message>
    <message>
      <location filename="../visit/second_pass.py" line="63" />
      <source>Avbryt</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../visit/second_pass.py" line="96" />
      <source>Startar …</source>
      <translation>Starting …</translation>
    </message>
    <message>
      <location filename="../visit/second_pass.py" line="105" />
      <source>Avbryter …</source>
      <translation>Cancelling …</translation>
    </message>
    <message>
      <location filename="../visit/second_pass.py" line="111" />
      <source>Läser in modellen …</source>
      <translation>Loading the model …</translation>
    </message>
    <message>
      <location filename="../visit/second_pass.py" line="114" />
      <location filename="../visit/second_pass.py" line="117" />
      <source>Beräknar tid kvar …</source>
      <translation>Estimating the time left …</translation>
    </message>
    <message>
      <location filename="../visit/second_pass.py" line="120" />
      <source>Under en minut kvar</source>
      <translation>Less than a minute left</translation>
    </message>
    <message numerus="yes">
      <location filename="../visit/second_pass.py" line="121" />
      <source>Cirka %n min kvar</source>
      <translation>
        <numerusform>About %n min left</numerusform>
        <numerusform>About %n min left</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../visit/second_pass.py" line="140" />
      <source>Utskriften är förbättrad.</source>
      <translation>The transcript has been improved.</translation>
    </message>
    <message>
      <location filename="../visit/second_pass.py" line="149" />
      <source>Utskriften kunde inte förbättras.</source>
      <translation>The transcript could not be improved.</translation>
    </message>
  </context>
  <context>
    <name>SuggestionsWidget</name>
    <message>
      <location filename="../suggestions.py" line="64" />
      <source>Skriven med stöd av taligenkänning</source>
      <translation>Written with the help of speech recognition</translation>
    </message>
    <message>
      <location filename="../suggestions.py" line="74" />
      <source>Förslag från den förbättrade utskriften</source>
      <translation>Suggestions from the improved transcript</translation>
    </message>
    <message>
      <location filename="../suggestions.py" line="77" />
      <source>Förslag</source>
      <translation>Suggestions</translation>
    </message>
    <message>
      <location filename="../suggestions.py" line="83" />
      <source>Godta</source>
      <translation>Accept</translation>
    </message>
    <message>
      <location filename="../suggestions.py" line="84" />
      <source>Avvisa</source>
      <translation>Reject</translation>
    </message>
    <message>
      <location filename="../suggestions.py" line="85" />
      <source>Godta alla</source>
      <translation>Accept all</translation>
    </message>
    <message>
      <location filename="../suggestions.py" line="207" />
      <source>Ljudet kunde inte spelas upp.</source>
      <translation>The audio could not be played.</translation>
    </message>
    <message>
      <location filename="../suggestions.py" line="228" />
      <source>Klicka för att höra ljudet</source>
      <translation>Click to hear the audio</translation>
    </message>
    <message>
      <location filename="../suggestions.py" line="235" />
      <source>(inget)</source>
      <translation>(nothing)</translation>
    </message>
    <message>
      <location filename="../suggestions.py" line="236" />
      <source>(ta bort)</source>
      <translation>(remove)</translation>
    </message>
    <message>
      <location filename="../suggestions.py" line="242" />
      <source>du har ändrat här</source>
      <translation>you changed the text here</translation>
    </message>
    <message>
      <location filename="../suggestions.py" line="243" />
      <source>osäkert ord</source>
      <translation>uncertain word</translation>
    </message>
    <message>
      <location filename="../suggestions.py" line="244" />
      <source>inget hördes här vid inspelningen</source>
      <translation>nothing was heard here during the recording</translation>
    </message>
    <message>
      <location filename="../suggestions.py" line="245" />
      <source>upprepning, kan vara påhittad</source>
      <translation>repetition, may be invented</translation>
    </message>
    <message>
      <location filename="../suggestions.py" line="246" />
      <source>troligen inget tal</source>
      <translation>probably no speech</translation>
    </message>
    <message>
      <location filename="../suggestions.py" line="247" />
      <source>radbrytning</source>
      <translation>line break</translation>
    </message>
    <message>
      <location filename="../suggestions.py" line="248" />
      <source>saknas i den förbättrade utskriften</source>
      <translation>missing in the improved transcript</translation>
    </message>
  </context>
</TS>