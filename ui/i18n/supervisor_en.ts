<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
<context>
    <name>CullingDialog</name>
    <message>
        <location filename="../supervisor/culling_dialog.py" line="45" />
        <source>Gallring</source>
        <translation>Culling</translation>
    </message>
    <message>
        <location filename="../supervisor/culling_dialog.py" line="48" />
        <source>Stängda ärenden som är äldre än gallringsfristen ({years} år) kan gallras. Ärenden med placering, faderskap eller adoption är undantagna och bevaras. Inget tas bort förrän du bekräftar.</source>
        <translation>Closed cases older than the retention period ({years} years) may be culled. Cases with placement, paternity or adoption are exceptions and are kept. Nothing is removed until you confirm.</translation>
    </message>
    <message>
        <location filename="../supervisor/culling_dialog.py" line="55" />
        <source>Ärende</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../supervisor/culling_dialog.py" line="55" />
        <source>Stängt</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../supervisor/culling_dialog.py" line="55" />
        <source>Får gallras från</source>
        <translation>May be culled from</translation>
    </message>
    <message>
        <location filename="../supervisor/culling_dialog.py" line="56" />
        <source>Anteckningar</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../supervisor/culling_dialog.py" line="56" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../supervisor/culling_dialog.py" line="64" />
        <source>&amp;Gallra markerade…</source>
        <translation>&amp;Cull selected…</translation>
    </message>
    <message>
        <location filename="../supervisor/culling_dialog.py" line="84" />
        <source>Kan gallras</source>
        <translation>May be culled</translation>
    </message>
    <message>
        <location filename="../supervisor/culling_dialog.py" line="84" />
        <source>Undantag – bevaras</source>
        <translation>Exception – kept</translation>
    </message>
    <message>
        <location filename="../supervisor/culling_dialog.py" line="85" />
        <source>Inte än</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <location filename="../supervisor/culling_dialog.py" line="103" />
        <source>Stängda ärenden: {total}. Kan gallras nu: {due}.</source>
        <translation>Closed cases: {total}. May be culled now: {due}.</translation>
    </message>
    <message>
        <location filename="../supervisor/culling_dialog.py" line="120" />
        <source>Gallra ärenden</source>
        <translation>Cull cases</translation>
    </message>
    <message>
        <location filename="../supervisor/culling_dialog.py" line="121" />
        <source>Innehållet i de valda ärendena ({n} st.) tas bort för alltid: anteckningar, genomgångar, besök, personer och inspelningar. Ärendenumren och gallringen finns kvar i loggen. Vill du gallra?</source>
        <translation>The content of the selected cases ({n}) is removed for good: notes, reviews, visits, persons and recordings. The case numbers and the culling stay in the log. Do you want to cull?</translation>
    </message>
    <message>
        <location filename="../supervisor/culling_dialog.py" line="130" />
        <source>Spara förteckning över det gallrade</source>
        <translation>Save the list of what was culled</translation>
    </message>
    <message>
        <location filename="../supervisor/culling_dialog.py" line="149" />
        <source>Gallrade ärenden: {n}. Förteckningen sparades i {path}.</source>
        <translation>Cases culled: {n}. The list was saved in {path}.</translation>
    </message>
</context>
<context>
    <name>StaffingPage</name>
    <message>
        <location filename="../supervisor/staffing_page.py" line="55" />
        <source>Handläggare</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <location filename="../supervisor/staffing_page.py" line="55" />
        <source>Timmar/vecka</source>
        <translation>Hours/week</translation>
    </message>
    <message>
        <location filename="../supervisor/staffing_page.py" line="56" />
        <location filename="../supervisor/staffing_page.py" line="69" />
        <source>Gäller från</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location filename="../supervisor/staffing_page.py" line="64" />
        <source>Spara arbetstid</source>
        <translation>Save working time</translation>
    </message>
    <message>
        <location filename="../supervisor/staffing_page.py" line="66" />
        <source>Avtalad arbetstid</source>
        <translation>Contracted working time</translation>
    </message>
    <message>
        <location filename="../supervisor/staffing_page.py" line="68" />
        <source>Timmar per vecka</source>
        <translation>Hours per week</translation>
    </message>
    <message>
        <location filename="../supervisor/staffing_page.py" line="74" />
        <source>Spara frånvaro</source>
        <translation>Save absence</translation>
    </message>
    <message>
        <location filename="../supervisor/staffing_page.py" line="76" />
        <source>Frånvaro en vecka</source>
        <translation>Absence in a week</translation>
    </message>
    <message>
        <location filename="../supervisor/staffing_page.py" line="78" />
        <source>En dag i veckan</source>
        <translation>A day in the week</translation>
    </message>
    <message>
        <location filename="../supervisor/staffing_page.py" line="79" />
        <source>Timmar frånvaro</source>
        <translation>Hours absent</translation>
    </message>
    <message>
        <location filename="../supervisor/staffing_page.py" line="86" />
        <source>&amp;Handläggare</source>
        <translation>&amp;Caseworker</translation>
    </message>
    <message>
        <location filename="../supervisor/staffing_page.py" line="127" />
        <source>Välj en handläggare.</source>
        <translation>Choose a caseworker.</translation>
    </message>
    <message>
        <location filename="../supervisor/staffing_page.py" line="147" />
        <source>Arbetstiden för {name} sparades.</source>
        <translation>The working time of {name} was saved.</translation>
    </message>
    <message>
        <location filename="../supervisor/staffing_page.py" line="159" />
        <source>Frånvaron för {name} vecka {week} sparades.</source>
        <translation>The absence of {name} in week {week} was saved.</translation>
    </message>
</context>
<context>
    <name>StatsChart</name>
    <message>
        <location filename="../supervisor/stats_chart.py" line="42" />
        <source>Andel av arbetstiden i direkt kontakt (%)</source>
        <translation>Share of working time in direct contact (%)</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_chart.py" line="62" />
        <source>Enheten</source>
        <translation>The unit</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_chart.py" line="67" />
        <source>Mål {percent} %</source>
        <translation>Target {percent} %</translation>
    </message>
</context>
<context>
    <name>StatsDialog</name>
    <message>
        <location filename="../supervisor/stats_view.py" line="56" />
        <source>Statistik</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="66" />
        <source>Per vecka</source>
        <translation>Per week</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="67" />
        <source>Per månad</source>
        <translation>Per month</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="68" />
        <source>&amp;Visa</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="72" />
        <source>&amp;Från</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="72" />
        <source>&amp;Till</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="95" />
        <source>&amp;Diagram</source>
        <translation>&amp;Chart</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="96" />
        <source>&amp;Tabell</source>
        <translation>&amp;Table</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="99" />
        <source>&amp;Per period</source>
        <translation>&amp;Per period</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="103" />
        <source>&amp;Arbetstid</source>
        <translation>&amp;Working time</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="105" />
        <source>Spara diagram som &amp;PNG…</source>
        <translation>Save chart as &amp;PNG…</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="107" />
        <source>Spara tabell som &amp;CSV…</source>
        <translation>Save table as &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="127" />
        <source>Handläggare</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="128" />
        <source>Direkt tid
(timmar)</source>
        <translation>Direct time
(hours)</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="129" />
        <source>Besök och samtal där barn, unga eller vårdnadshavare var med</source>
        <translation>Visits and conversations with a child, youth or guardian present</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="130" />
        <source>Arbetstid
(timmar)</source>
        <translation>Working time
(hours)</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="130" />
        <source>Avtalad arbetstid minus frånvaro</source>
        <translation>Contracted working time minus absence</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="131" />
        <source>Andel
direkt tid</source>
        <translation>Share of
direct time</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="131" />
        <source>Direkt tid av arbetstiden</source>
        <translation>Direct time of the working time</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="132" />
        <source>Signerade
anteckningar</source>
        <translation>Signed
notes</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="133" />
        <source>Signerade
på plats</source>
        <translation>Signed
on site</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="134" />
        <source>Signerade före besökets slut eller strax efter</source>
        <translation>Signed before the visit ended or shortly after</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="135" />
        <source>Till signering
median (h)</source>
        <translation>To signing
median (h)</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="135" />
        <source>Timmar från besökets slut</source>
        <translation>Hours from the end of the visit</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="136" />
        <source>Till signering
p90 (h)</source>
        <translation>To signing
p90 (h)</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="137" />
        <source>9 av 10 anteckningar signerades inom så många timmar</source>
        <translation>9 in 10 notes were signed within this many hours</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="138" />
        <source>Genomgångna
med familjen</source>
        <translation>Reviewed
with the family</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="139" />
        <source>Familjen
instämde</source>
        <translation>The family
agreed</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="139" />
        <source>Andel besvarade stycken där familjen instämde</source>
        <translation>Share of answered passages the family agreed with</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="141" />
        <source>Ord från
taligenkänning</source>
        <translation>Words from
speech recognition</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="142" />
        <source>Andel av de signerade orden som kom från utskriften</source>
        <translation>Share of the signed words that came from the transcript</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="148" />
        <source>Räknar…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="167" />
        <location filename="../supervisor/stats_view.py" line="178" />
        <location filename="../supervisor/stats_view.py" line="233" />
        <source>Enheten</source>
        <translation>The unit</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="171" />
        <source>Målet är {target} % av arbetstiden. Enheten: {share}.</source>
        <translation>The target is {target} % of working time. The unit: {share}.</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="189" />
        <source>{direct} h direkt tid av {working} h arbetstid</source>
        <translation>{direct} h direct time of {working} h working time</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="214" />
        <source>Spara diagram</source>
        <translation>Save chart</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="220" />
        <source>Diagrammet sparades i {path}.</source>
        <translation>The chart was saved in {path}.</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="221" />
        <source>Diagrammet kunde inte sparas i {path}.</source>
        <translation>The chart could not be saved in {path}.</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="226" />
        <source>Spara tabell</source>
        <translation>Save table</translation>
    </message>
    <message>
        <location filename="../supervisor/stats_view.py" line="236" />
        <source>Tabellen sparades i {path}.</source>
        <translation>The table was saved in {path}.</translation>
    </message>
</context>
<context>
    <name>SupervisorMenu</name>
    <message>
        <location filename="../supervisor/__init__.py" line="26" />
        <source>&amp;Uppföljning</source>
        <translation>&amp;Follow-up</translation>
    </message>
    <message>
        <location filename="../supervisor/__init__.py" line="27" />
        <source>&amp;Statistik…</source>
        <translation>&amp;Statistics…</translation>
    </message>
    <message>
        <location filename="../supervisor/__init__.py" line="31" />
        <source>&amp;Gallring…</source>
        <translation>&amp;Culling…</translation>
    </message>
</context>
</TS>