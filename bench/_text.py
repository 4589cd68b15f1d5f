"""Invented but realistic Swedish journal-note text for benchmarks (no real persons)."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

CHILDREN = (
    "Alva",
    "Elias",
    "Maja",
    "Noah",
    "Saga",
    "Liam",
    "Wilma",
    "Hugo",
    "Ella",
    "Adam",
    "Selma",
    "Oskar",
    "Leah",
    "Vincent",
    "Tyra",
    "Milo",
    "Ines",
    "Sigge",
    "Juni",
    "Ebbe",
)
ADULTS = (
    "Sanna",
    "Jonas",
    "Petra",
    "Mikael",
    "Leyla",
    "Tomas",
    "Ingrid",
    "Ahmed",
    "Karin",
    "Dragan",
    "Helena",
    "Farid",
    "Louise",
    "Rasmus",
)
SURNAMES = (
    "Björkmalm",
    "Lindqvarn",
    "Ekholmsberg",
    "Sjövreten",
    "Granlid",
    "Tallhammar",
    "Åkervik",
    "Norrbacken",
    "Stenholt",
    "Ljungdal",
    "Videmark",
    "Fjällrosen",
)
PLACES = (
    "lägenheten i Rosengård",
    "radhuset i Tallbacka",
    "mormors lägenhet",
    "familjens hyresrätt på Norra vägen",
    "stödboendet",
    "jourhemmet",
)
SCHOOLS = ("Ängsskolan", "Björkhagaskolan", "Kvarnbyskolan", "Solbackens förskola")
TEACHERS = ("mentorn", "klassläraren", "specialpedagogen", "skolkuratorn", "rektorn")
SECTIONS = (
    "Hälsa",
    "Utbildning",
    "Känslor och beteende",
    "Identitet",
    "Familj och sociala relationer",
    "Socialt uppträdande",
    "Förmåga att klara sig själv",
    "Grundläggande omsorg",
    "Säkerhet",
    "Känslomässig tillgänglighet",
    "Stimulans",
    "Vägledning och gränssättning",
    "Stabilitet",
    "Familjens bakgrund",
    "Nätverk",
    "Ekonomi",
    "Boende",
    "Arbete",
    "Social integrering",
    "",
)

_SLOTS: dict[str, tuple[str, ...]] = {
    "home": (
        "städat och ombonat",
        "stökigt med disk framme",
        "trångt men välordnat",
        "kallt eftersom elementen inte fungerade",
        "nyligen ommålat",
    ),
    "mood": (
        "glad och pratsam",
        "ledsen och tystlåten",
        "orolig inför framtiden",
        "trött efter skoldagen",
        "lugn och avslappnad",
        "arg på sin pappa",
    ),
    "absence": ("tolv", "fyra", "tjugotre", "sju", "trettio"),
    "health": ("tandläkaren", "BUP", "barnavårdscentralen", "skolsköterskan", "vårdcentralen"),
    "issue": (
        "magont",
        "sömnsvårigheter",
        "huvudvärk",
        "astma",
        "oro och nedstämdhet",
        "en uppföljning av medicineringen",
    ),
    "sleep": (
        "dåligt och vaknar flera gånger per natt",
        "bra sedan rutinerna ändrades",
        "sent eftersom mobilen används på natten",
        "i mammas säng",
    ),
    "family": (
        "hon har svårt att få ekonomin att gå ihop",
        "relationen till pappan har blivit bättre",
        "de ska flytta till en större lägenhet",
        "morföräldrarna hjälper till med hämtning",
        "han har fått ett nytt arbete",
        "det förekommer bråk i hemmet på kvällarna",
    ),
    "freq": ("varannan helg", "en gång i veckan", "under loven", "oregelbundet"),
    "view": (
        "det är tryggt hemma",
        "hon saknar sina kompisar från förra skolan",
        "han vill bo kvar hos mamma",
        "det är jobbigt när de vuxna bråkar",
        "fotbollsträningen är det roligaste i veckan",
        "läxorna är för svåra",
        "hon inte vill träffa pappa just nu",
        "han vill ha mer tid med sina syskon",
    ),
    "wish": (
        "få ett eget rum",
        "börja på simskola",
        "att mamma ska må bättre",
        "fortsätta på fritids",
        "träffa mormor oftare",
    ),
    "assess": (
        "barnets behov av stabilitet tillgodoses",
        "fortsatt utredning behövs",
        "föräldrarnas förmåga att sätta gränser behöver stärkas",
        "barnet har ett fungerande nätverk",
        "insatsen ger effekt",
        "det finns risk för att barnet far illa",
    ),
    "activity": ("fotboll", "innebandy", "kören", "scouterna", "simträning", "dataspel"),
    "where": (
        "i skolans samtalsrum",
        "på kontoret",
        "under en promenad",
        "i bilen på väg hem",
        "i barnets rum",
    ),
    "weekday": ("måndag", "tisdag", "onsdag", "torsdag", "fredag"),
}

_TEMPLATES: dict[str, tuple[str, ...]] = {
    "hembesök": (
        "Hembesök genomfördes i {place} tillsammans med kollega.",
        "Bostaden var {home} vid besöket.",
        "{child} visade sitt rum och berättade om sina saker.",
        "Vid besöket var {adult} och {child} närvarande.",
        "{adult} bjöd på kaffe och samtalet hölls i köket.",
        "Handläggaren informerade om utredningen och hur den går till.",
    ),
    "skola": (
        "{child} går på {school} och {teacher} har kontaktats.",
        "Enligt {teacher} har {child} varit frånvarande {absence} procent av terminen.",
        "{teacher} beskriver att {child} ofta är {mood} på lektionerna.",
        "Skolan har upprättat ett åtgärdsprogram för läsning och matematik.",
        "{child} går på fritids efter skolan och trivs där.",
    ),
    "hälsa": (
        "{child} har varit hos {health} på grund av {issue}.",
        "Enligt {adult} sover {child} {sleep}.",
        "Vaccinationerna är enligt barnhälsovården genomförda.",
        "{adult} uppger att {child} äter bra men behöver påminnas om frukosten.",
    ),
    "familj": (
        "{adult} berättar att {family}.",
        "Umgänget med pappan sker {freq} och fungerar enligt {adult} bra.",
        "{adult} har kontakt med familjebehandlare och tycker att samtalen hjälper.",
        "Vårdnadshavarna är överens om att {child} ska fortsätta på {school}.",
        "{child} har två syskon som bor hos {adult}.",
    ),
    "barnets röst": (
        "Samtalet med {child} hölls {where} utan vårdnadshavare närvarande.",
        "{child} säger att {view}.",
        "{child} önskar att {wish}.",
        "{child} berättar att {activity} är roligt och att hen tränar två gånger i veckan.",
        "{child} var {mood} under samtalet.",
    ),
    "bedömning": (
        "Handläggaren bedömer att {assess}.",
        "Nästa uppföljning planeras till {weekday} vecka {week}.",
        "Ärendet tas upp på ärendedragning med enhetschefen.",
        "Vårdnadshavarna har fått information om att de kan lämna synpunkter på anteckningen.",
    ),
}
TOPICS = tuple(_TEMPLATES)
_SLOT = re.compile(r"\{(\w+)\}")
# One- and two-word searches a caseworker would type; all of them occur in generated text.
QUERY_WORDS = (
    "hembesök",
    "skolan",
    "frånvarande",
    "mentorn",
    "skolkuratorn",
    "BUP",
    "sömnsvårigheter",
    "umgänget",
    "pappan",
    "mamma",
    "vårdnadshavare",
    "fritids",
    "fotboll",
    "kompisar",
    "ekonomin",
    "lägenhet",
    "tryggt",
    "ledsen",
    "orolig",
    "bråk",
    "åtgärdsprogram",
    "familjebehandlare",
    "uppföljning",
    "syskon",
    "simskola",
    "mormor",
    "magont",
    "astma",
    "Björkmalm",
    "Saga",
    "Tallbacka",
    "jourhemmet",
    "stabilitet",
    "gränser",
    "kören",
    "frukosten",
)


@dataclass(frozen=True)
class Family:
    """The invented people of one case; notes about the case use their names."""

    child: str
    adult: str
    surname: str
    school: str
    place: str


def family(rng: random.Random) -> Family:
    return Family(
        rng.choice(CHILDREN),
        rng.choice(ADULTS),
        rng.choice(SURNAMES),
        rng.choice(SCHOOLS),
        rng.choice(PLACES),
    )


def _fill(template: str, fam: Family, rng: random.Random) -> str:
    def slot(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "child":
            return fam.child
        if name == "adult":
            return rng.choice((fam.adult, f"{fam.adult} {fam.surname}", "mamma", "pappa"))
        if name in ("school", "place"):
            return str(getattr(fam, name))
        if name == "teacher":
            return rng.choice(TEACHERS)
        if name == "week":
            return str(rng.randint(2, 51))
        return rng.choice(_SLOTS[name])

    sentence = _SLOT.sub(slot, template)
    return sentence[0].upper() + sentence[1:]


def paragraph_text(fam: Family, rng: random.Random, words: int, topics: tuple[str, ...]) -> str:
    """Sentences from the given topics until about ``words`` words, in short paragraphs."""
    paragraphs: list[str] = []
    sentences: list[str] = []
    count = 0
    while count < words:
        sentence = _fill(rng.choice(_TEMPLATES[rng.choice(topics)]), fam, rng)
        sentences.append(sentence)
        count += sentence.count(" ") + 1
        if len(sentences) >= rng.randint(3, 6):
            paragraphs.append(" ".join(sentences))
            sentences = []
    if sentences:
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def note_text(fam: Family, rng: random.Random) -> tuple[str, str, str]:
    """(section, body, child_voice): a body of 50–300 words, often a "Barnets röst" part."""
    total = rng.randint(50, 300)
    voice_words = rng.randint(15, min(60, total // 3)) if rng.random() < 0.6 else 0
    topics = tuple(t for t in TOPICS if t != "barnets röst")
    chosen = tuple(rng.sample(topics, k=rng.randint(2, len(topics))))
    body = paragraph_text(fam, rng, total - voice_words, chosen)
    voice = paragraph_text(fam, rng, voice_words, ("barnets röst",)) if voice_words else ""
    return rng.choice(SECTIONS), body, voice


def corrected(body: str, rng: random.Random) -> str:
    """A rättelse: the text with a correcting sentence, as when a date or a name was wrong."""
    return (
        body
        + "\n\nRättelse: "
        + rng.choice(
            (
                "fel veckonummer angavs.",
                "fel namn på skolan angavs.",
                "uppgiften om umgänget var fel.",
            )
        )
    )


def queries(rng: random.Random, n: int) -> list[str]:
    """Mixed one- and two-word searches from the vocabulary."""
    out = []
    for _ in range(n):
        words = rng.sample(QUERY_WORDS, k=rng.choice((1, 1, 2)))
        out.append(" ".join(words))
    return out
