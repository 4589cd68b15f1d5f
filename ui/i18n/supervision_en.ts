<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
<context>
    <name>AuditLogDialog</name>
    <message>
        <location filename="../supervision/log_view.py" line="37" />
        <source>Öppnade</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="38" />
        <source>Sökte</source>
        <translation>Searched</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="39" />
        <source>Exporterade</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="40" />
        <source>Signerade</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="41" />
        <source>Rättade</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="42" />
        <source>Genomgångar</source>
        <translation>Reviews</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="46" />
        <source>Många journaler på kort tid</source>
        <translation>Many journals in a short time</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="47" />
        <source>Inte tilldelad ärendet</source>
        <translation>Not assigned to the case</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="50" />
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="50" />
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="51" />
        <location filename="../supervision/log_view.py" line="74" />
        <location filename="../supervision/log_view.py" line="88" />
        <source>Användare</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="52" />
        <source>Händelse</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="53" />
        <location filename="../supervision/log_view.py" line="77" />
        <location filename="../supervision/log_view.py" line="90" />
        <source>Ärende</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="54" />
        <source>Detaljer</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="55" />
        <source>Flaggor</source>
        <translation>Flags</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="67" />
        <source>Logguppföljning</source>
        <translation>Log follow-up</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="76" />
        <source>Ärendenummer</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="78" />
        <source>&amp;Hela tiden</source>
        <translation>&amp;All time</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="103" />
        <source>&amp;Visa</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="113" />
        <source>Mönster att titta närmare på</source>
        <translation>Patterns to look into</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="125" />
        <source>Spara som &amp;CSV…</source>
        <translation>Save as &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="126" />
        <source>Spara som &amp;PDF…</source>
        <translation>Save as &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="166" />
        <source>Inga ovanliga mönster under perioden.</source>
        <translation>No unusual patterns in the period.</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="184" />
        <source>Spara loggen</source>
        <translation>Save the log</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="197" />
        <source>Sparad i {path}</source>
        <translation>Saved in {path}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../supervision/export_dialog.py" line="70" />
        <source>Exportera journal</source>
        <translation>Export journal</translation>
    </message>
    <message>
        <location filename="../supervision/export_dialog.py" line="71" />
        <source>Exportera enhetens journaler</source>
        <translation>Export the unit's journals</translation>
    </message>
    <message>
        <location filename="../supervision/export_dialog.py" line="73" />
        <source>Ärende {number}</source>
        <translation>Case {number}</translation>
    </message>
    <message>
        <location filename="../supervision/export_dialog.py" line="74" />
        <source>Alla ärenden du ser, med anteckningar under perioden.</source>
        <translation>All cases you can see, with notes in the period.</translation>
    </message>
    <message>
        <location filename="../supervision/export_dialog.py" line="78" />
        <source>PDF/A (för arkiv och myndigheter)</source>
        <translation>PDF/A (for archives and authorities)</translation>
    </message>
    <message>
        <location filename="../supervision/export_dialog.py" line="79" />
        <source>Word (DOCX)</source>
        <translation>Word (DOCX)</translation>
    </message>
    <message>
        <location filename="../supervision/export_dialog.py" line="80" />
        <source>CSV (för verksamhetssystemet)</source>
        <translation>CSV (for the case system)</translation>
    </message>
    <message>
        <location filename="../supervision/export_dialog.py" line="81" />
        <source>JSON (för verksamhetssystemet)</source>
        <translation>JSON (for the case system)</translation>
    </message>
    <message>
        <location filename="../supervision/export_dialog.py" line="84" />
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <location filename="../supervision/export_dialog.py" line="85" />
        <source>&amp;Hela journalen</source>
        <translation>&amp;Whole journal</translation>
    </message>
    <message>
        <location filename="../supervision/export_dialog.py" line="95" />
        <source>Från</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../supervision/export_dialog.py" line="96" />
        <source>Till</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../supervision/export_dialog.py" line="99" />
        <source>Visa &amp;hela personnummer (annars maskerade)</source>
        <translation>Show &amp;full personal identity numbers (masked otherwise)</translation>
    </message>
    <message>
        <location filename="../supervision/export_dialog.py" line="103" />
        <source>Fil att spara</source>
        <translation>File to save</translation>
    </message>
    <message>
        <location filename="../supervision/export_dialog.py" line="104" />
        <source>&amp;Välj…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <location filename="../supervision/export_dialog.py" line="108" />
        <source>&amp;Spara som</source>
        <translation>&amp;Save as</translation>
    </message>
    <message>
        <location filename="../supervision/export_dialog.py" line="113" />
        <source>Förlopp</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../supervision/export_dialog.py" line="122" />
        <source>&amp;Exportera</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <location filename="../supervision/export_dialog.py" line="124" />
        <source>&amp;Avbryt</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../supervision/export_dialog.py" line="158" />
        <source>Spara export</source>
        <translation>Save export</translation>
    </message>
    <message>
        <location filename="../supervision/export_dialog.py" line="183" />
        <source>Välj var filen ska sparas.</source>
        <translation>Choose where to save the file.</translation>
    </message>
    <message>
        <location filename="../supervision/export_dialog.py" line="206" />
        <source>Klart: {notes} anteckningar sparades i {path}</source>
        <translation>Done: {notes} notes saved in {path}</translation>
    </message>
    <message>
        <location filename="../supervision/export_dialog.py" line="208" />
        <source>&amp;Stäng</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../supervision/export_dialog.py" line="214" />
        <source>Exporten avbröts. Ingen fil skrevs.</source>
        <translation>The export was cancelled. No file was written.</translation>
    </message>
</context>
<context>
    <name>SupervisionMenu</name>
    <message>
        <location filename="../supervision/__init__.py" line="35" />
        <source>E&amp;xportera journal…</source>
        <translation>E&amp;xport journal…</translation>
    </message>
    <message>
        <location filename="../supervision/__init__.py" line="36" />
        <source>Spara ärendets journal som PDF/A, Word, CSV eller JSON (Ctrl+E)</source>
        <translation>Save the case's journal as PDF/A, Word, CSV or JSON (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../supervision/__init__.py" line="40" />
        <source>E&amp;xportera ärendets journal…</source>
        <translation>E&amp;xport the case's journal…</translation>
    </message>
    <message>
        <location filename="../supervision/__init__.py" line="49" />
        <source>&amp;Uppföljning</source>
        <translation>&amp;Follow-up</translation>
    </message>
    <message>
        <location filename="../supervision/__init__.py" line="52" />
        <source>Exportera &amp;enhetens journaler…</source>
        <translation>Export the &amp;unit's journals…</translation>
    </message>
    <message>
        <location filename="../supervision/__init__.py" line="55" />
        <source>&amp;Logguppföljning…</source>
        <translation>&amp;Log follow-up…</translation>
    </message>
    <message>
        <location filename="../supervision/__init__.py" line="66" />
        <source>Öppna ett ärende först.</source>
        <translation>Open a case first.</translation>
    </message>
</context>
</TS>