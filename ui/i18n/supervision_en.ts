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
        <location filename="../supervision/log_view.py" line="43" />
        <source>Nekades</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="47" />
        <source>Många journaler på kort tid</source>
        <translation>Many journals in a short time</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="48" />
        <source>Inte tilldelad ärendet</source>
        <translation>Not assigned to the case</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="51" />
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="51" />
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="52" />
        <location filename="../supervision/log_view.py" line="75" />
        <location filename="../supervision/log_view.py" line="89" />
        <source>Användare</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="53" />
        <source>Händelse</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="54" />
        <location filename="../supervision/log_view.py" line="78" />
        <location filename="../supervision/log_view.py" line="91" />
        <source>Ärende</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="55" />
        <source>Detaljer</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="56" />
        <source>Flaggor</source>
        <translation>Flags</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="68" />
        <source>Logguppföljning</source>
        <translation>Log follow-up</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="77" />
        <source>Ärendenummer</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="79" />
        <source>&amp;Hela tiden</source>
        <translation>&amp;All time</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="104" />
        <source>&amp;Visa</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="114" />
        <source>Mönster att titta närmare på</source>
        <translation>Patterns to look into</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="126" />
        <source>Spara som &amp;CSV…</source>
        <translation>Save as &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="127" />
        <source>Spara som &amp;PDF…</source>
        <translation>Save as &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="167" />
        <source>Inga ovanliga mönster under perioden.</source>
        <translation>No unusual patterns in the period.</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="185" />
        <source>Spara loggen</source>
        <translation>Save the log</translation>
    </message>
    <message>
        <location filename="../supervision/log_view.py" line="198" />
        <source>Sparad i {path}</source>
        <translation>Saved in {path}</translation>
    </message>
</context>
<context>
    <name>CullingDialog</name>
    <message>
        <location filename="../supervision/culling_dialog.py" line="46" />
        <source>Gallring</source>
        <translation>Culling</translation>
    </message>
    <message>
        <location filename="../supervision/culling_dialog.py" line="49" />
        <source>Stängda ärenden som är äldre än gallringsfristen ({years} år) kan gallras. Ärenden med placering, faderskap eller adoption är undantagna och bevaras. Inget tas bort förrän du bekräftar.</source>
        <translation>Closed cases older than the retention period ({years} years) may be culled. Cases with placement, paternity or adoption are exceptions and are kept. Nothing is removed until you confirm.</translation>
    </message>
    <message>
        <location filename="../supervision/culling_dialog.py" line="56" />
        <source>Ärende</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../supervision/culling_dialog.py" line="56" />
        <source>Stängt</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../supervision/culling_dialog.py" line="56" />
        <source>Får gallras från</source>
        <translation>May be culled from</translation>
    </message>
    <message>
        <location filename="../supervision/culling_dialog.py" line="57" />
        <source>Anteckningar</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../supervision/culling_dialog.py" line="57" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../supervision/culling_dialog.py" line="65" />
        <source>&amp;Gallra markerade…</source>
        <translation>&amp;Cull selected…</translation>
    </message>
    <message>
        <location filename="../supervision/culling_dialog.py" line="85" />
        <source>Kan gallras</source>
        <translation>May be culled</translation>
    </message>
    <message>
        <location filename="../supervision/culling_dialog.py" line="85" />
        <source>Undantag – bevaras</source>
        <translation>Exception – kept</translation>
    </message>
    <message>
        <location filename="../supervision/culling_dialog.py" line="86" />
        <source>Inte än</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <location filename="../supervision/culling_dialog.py" line="104" />
        <source>Stängda ärenden: {total}. Kan gallras nu: {due}.</source>
        <translation>Closed cases: {total}. May be culled now: {due}.</translation>
    </message>
    <message>
        <location filename="../supervision/culling_dialog.py" line="121" />
        <source>Gallra ärenden</source>
        <translation>Cull cases</translation>
    </message>
    <message>
        <location filename="../supervision/culling_dialog.py" line="122" />
        <source>Innehållet i de valda ärendena ({n} st.) tas bort för alltid: anteckningar, genomgångar, besök, personer och inspelningar. Ärendenumren och gallringen finns kvar i loggen. Vill du gallra?</source>
        <translation>The content of the selected cases ({n}) is removed for good: notes, reviews, visits, persons and recordings. The case numbers and the culling stay in the log. Do you want to cull?</translation>
    </message>
    <message>
        <location filename="../supervision/culling_dialog.py" line="131" />
        <source>Spara förteckning över det gallrade</source>
        <translation>Save the list of what was culled</translation>
    </message>
    <message>
        <location filename="../supervision/culling_dialog.py" line="150" />
        <source>Gallrade ärenden: {n}. Förteckningen sparades i {path}.</source>
        <translation>Cases culled: {n}. The list was saved in {path}.</translation>
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
    <name>StaffingPage</name>
    <message>
        <location filename="../supervision/staffing_page.py" line="55" />
        <source>Handläggare</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <location filename="../supervision/staffing_page.py" line="55" />
        <source>Timmar/vecka</source>
        <translation>Hours/week</translation>
    </message>
    <message>
        <location filename="../supervision/staffing_page.py" line="56" />
        <location filename="../supervision/staffing_page.py" line="69" />
        <source>Gäller från</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location filename="../supervision/staffing_page.py" line="64" />
        <source>Spara arbetstid</source>
        <translation>Save working time</translation>
    </message>
    <message>
        <location filename="../supervision/staffing_page.py" line="66" />
        <source>Avtalad arbetstid</source>
        <translation>Contracted working time</translation>
    </message>
    <message>
        <location filename="../supervision/staffing_page.py" line="68" />
        <source>Timmar per vecka</source>
        <translation>Hours per week</translation>
    </message>
    <message>
        <location filename="../supervision/staffing_page.py" line="74" />
        <source>Spara frånvaro</source>
        <translation>Save absence</translation>
    </message>
    <message>
        <location filename="../supervision/staffing_page.py" line="76" />
        <source>Frånvaro en vecka</source>
        <translation>Absence in a week</translation>
    </message>
    <message>
        <location filename="../supervision/staffing_page.py" line="78" />
        <source>En dag i veckan</source>
        <translation>A day in the week</translation>
    </message>
    <message>
        <location filename="../supervision/staffing_page.py" line="79" />
        <source>Timmar frånvaro</source>
        <translation>Hours absent</translation>
    </message>
    <message>
        <location filename="../supervision/staffing_page.py" line="86" />
        <source>&amp;Handläggare</source>
        <translation>&amp;Caseworker</translation>
    </message>
    <message>
        <location filename="../supervision/staffing_page.py" line="127" />
        <source>Välj en handläggare.</source>
        <translation>Choose a caseworker.</translation>
    </message>
    <message>
        <location filename="../supervision/staffing_page.py" line="147" />
        <source>Arbetstiden för {name} sparades.</source>
        <translation>The working time of {name} was saved.</translation>
    </message>
    <message>
        <location filename="../supervision/staffing_page.py" line="159" />
        <source>Frånvaron för {name} vecka {week} sparades.</source>
        <translation>The absence of {name} in week {week} was saved.</translation>
    </message>
</context>
<context>
    <name>StatsChart</name>
    <message>
        <location filename="../supervision/stats_chart.py" line="42" />
        <source>Andel av arbetstiden i direkt kontakt (%)</source>
        <translation>Share of working time in direct contact (%)</translation>
    </message>
    <message>
        <location filename="../supervision/stats_chart.py" line="62" />
        <source>Enheten</source>
        <translation>The unit</translation>
    </message>
    <message>
        <location filename="../supervision/stats_chart.py" line="67" />
        <source>Mål {percent} %</source>
        <translation>Target {percent} %</translation>
    </message>
</context>
<context>
    <name>StatsDialog</name>
    <message>
        <location filename="../supervision/stats_view.py" line="56" />
        <source>Statistik</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="66" />
        <source>Per vecka</source>
        <translation>Per week</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="67" />
        <source>Per månad</source>
        <translation>Per month</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="68" />
        <source>&amp;Visa</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="72" />
        <source>&amp;Från</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="72" />
        <source>&amp;Till</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="95" />
        <source>&amp;Diagram</source>
        <translation>&amp;Chart</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="96" />
        <source>&amp;Tabell</source>
        <translation>&amp;Table</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="99" />
        <source>&amp;Per period</source>
        <translation>&amp;Per period</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="103" />
        <source>&amp;Arbetstid</source>
        <translation>&amp;Working time</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="105" />
        <source>Spara diagram som &amp;PNG…</source>
        <translation>Save chart as &amp;PNG…</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="107" />
        <source>Spara tabell som &amp;CSV…</source>
        <translation>Save table as &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="127" />
        <source>Handläggare</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="128" />
        <source>Direkt tid
(timmar)</source>
        <translation>Direct time
(hours)</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="129" />
        <source>Besök och samtal där barn, unga eller vårdnadshavare var med</source>
        <translation>Visits and conversations with a child, youth or guardian present</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="130" />
        <source>Arbetstid
(timmar)</source>
        <translation>Working time
(hours)</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="130" />
        <source>Avtalad arbetstid minus frånvaro</source>
        <translation>Contracted working time minus absence</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="131" />
        <source>Andel
direkt tid</source>
        <translation>Share of
direct time</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="131" />
        <source>Direkt tid av arbetstiden</source>
        <translation>Direct time of the working time</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="132" />
        <source>Signerade
anteckningar</source>
        <translation>Signed
notes</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="133" />
        <source>Signerade
på plats</source>
        <translation>Signed
on site</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="134" />
        <source>Signerade före besökets slut eller strax efter</source>
        <translation>Signed before the visit ended or shortly after</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="135" />
        <source>Till signering
median (h)</source>
        <translation>To signing
median (h)</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="135" />
        <source>Timmar från besökets slut</source>
        <translation>Hours from the end of the visit</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="136" />
        <source>Till signering
p90 (h)</source>
        <translation>To signing
p90 (h)</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="137" />
        <source>9 av 10 anteckningar signerades inom så många timmar</source>
        <translation>9 in 10 notes were signed within this many hours</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="138" />
        <source>Genomgångna
med familjen</source>
        <translation>Reviewed
with the family</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="139" />
        <source>Familjen
instämde</source>
        <translation>The family
agreed</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="139" />
        <source>Andel besvarade stycken där familjen instämde</source>
        <translation>Share of answered passages the family agreed with</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="141" />
        <source>Ord från
taligenkänning</source>
        <translation>Words from
speech recognition</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="142" />
        <source>Andel av de signerade orden som kom från utskriften</source>
        <translation>Share of the signed words that came from the transcript</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="148" />
        <source>Räknar…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="167" />
        <location filename="../supervision/stats_view.py" line="178" />
        <location filename="../supervision/stats_view.py" line="233" />
        <source>Enheten</source>
        <translation>The unit</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="171" />
        <source>Målet är {target} % av arbetstiden. Enheten: {share}.</source>
        <translation>The target is {target} % of working time. The unit: {share}.</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="189" />
        <source>{direct} h direkt tid av {working} h arbetstid</source>
        <translation>{direct} h direct time of {working} h working time</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="214" />
        <source>Spara diagram</source>
        <translation>Save chart</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="220" />
        <source>Diagrammet sparades i {path}.</source>
        <translation>The chart was saved in {path}.</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="221" />
        <source>Diagrammet kunde inte sparas i {path}.</source>
        <translation>The chart could not be saved in {path}.</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="226" />
        <source>Spara tabell</source>
        <translation>Save table</translation>
    </message>
    <message>
        <location filename="../supervision/stats_view.py" line="236" />
        <source>Tabellen sparades i {path}.</source>
        <translation>The table was saved in {path}.</translation>
    </message>
</context>
<context>
    <name>SupervisionMenu</name>
    <message>
        <location filename="../supervision/__init__.py" line="39" />
        <source>E&amp;xportera journal…</source>
        <translation>E&amp;xport journal…</translation>
    </message>
    <message>
        <location filename="../supervision/__init__.py" line="40" />
        <source>Spara ärendets journal som PDF/A, Word, CSV eller JSON (Ctrl+E)</source>
        <translation>Save the case's journal as PDF/A, Word, CSV or JSON (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../supervision/__init__.py" line="44" />
        <source>E&amp;xportera ärendets journal…</source>
        <translation>E&amp;xport the case's journal…</translation>
    </message>
    <message>
        <location filename="../supervision/__init__.py" line="53" />
        <source>&amp;Uppföljning</source>
        <translation>&amp;Follow-up</translation>
    </message>
    <message>
        <location filename="../supervision/__init__.py" line="56" />
        <source>&amp;Statistik…</source>
        <translation>&amp;Statistics…</translation>
    </message>
    <message>
        <location filename="../supervision/__init__.py" line="60" />
        <source>Exportera &amp;enhetens journaler…</source>
        <translation>Export the &amp;unit's journals…</translation>
    </message>
    <message>
        <location filename="../supervision/__init__.py" line="63" />
        <source>&amp;Logguppföljning…</source>
        <translation>&amp;Log follow-up…</translation>
    </message>
    <message>
        <location filename="../supervision/__init__.py" line="67" />
        <source>&amp;Gallring…</source>
        <translation>&amp;Culling…</translation>
    </message>
    <message>
        <location filename="../supervision/__init__.py" line="78" />
        <source>Öppna ett ärende först.</source>
        <translation>Open a case first.</translation>
    </message>
</context>
</TS>