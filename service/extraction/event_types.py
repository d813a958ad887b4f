"""What kind of event: ACLED's event type and sub-event type, by ordered keyword rules.

ACLED's taxonomy: Battles; Explosions/Remote violence; Violence against civilians; Protests;
Riots; Strategic developments. Rules are tried in order and the first that fires wins; the order
encodes ACLED's precedence (a demonstration is coded as such first; a disrupted bomb is not an
explosion; remote violence outranks the clash it happens in; an attack on civilians comes after
armed clashes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from service.domain import EventTypeClaim
from service.extraction.text import Segment, keyword_text, mentions_any

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"


@dataclass(frozen=True, slots=True)
class _Rule:
    event_type: str
    sub_event_type: str
    pattern: re.Pattern[str]
    unless: re.Pattern[str] | None = None
    # Keyword gate: the pattern cannot match a text holding none of these words (see `keyword_text`);
    # empty for no gate. Keep in step with the pattern.
    words: tuple[str, ...] = ()


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_PROTEST = (
    r"\b(?:protest(?:s|ed|ing|ers|ors)?|demonstrat(?:ed|ion|ions|ors|ing|e)|rall(?:y|ies|ied)|march(?:ed|es)?\s+(?:in|to|through|against|from)|"
    r"sit-in|picket(?:ed|s)?|went\s+on\s+strike|on\s+strike|staged\s+a\s+strike|hunger\s+strike|strike\s+action|boycott(?:ed)?|"
    r"gathered\s+(?:to|in\s+front|outside)|blocked\s+(?:a\s+|the\s+)?(?:road|highway)|vigil|walkout|demanding|denouncing|"
    r"denounce[ds]?|demand(?:ed|s)?\s+justice|press\s+conference|petition|banners|placards|slogans|chant(?:ed|ing)|"
    r"\[size=)"
)
_RIOT_VIOLENCE = (
    r"\b(?:clash(?:ed|es)?\s+with|threw\s+(?:stones|rocks|bottles|petrol|molotov|objects|eggs)|pelted|vandali[sz]ed|torched|"
    r"set\s+(?:fire|ablaze)|burn(?:ed|t|ing)|attacked|looted|stormed|riot(?:ed|ing|ers)|violent(?:ly)?|damaged|smashed|beat|assaulted|"
    r"stone-pelting|injur(?:ed|ing)\s+(?:a\s+|two|three|several)?\s*(?:police|officers)|tires\s+on\s+fire|tyres\s+on\s+fire|"
    r"burning\s+(?:tires|tyres)|barricad(?:es|ed|ing)|bonfires?|rocks|stones)"
)
_INTERVENTION = (
    r"\b(?:police|security\s+forces|officers|authorities|troops|soldiers|riot\s+police|gendarmes)\b[^.]{0,80}?\b(?:dispersed|arrested|detained|"
    r"tear\s*gas|water\s+cannon|rubber\s+bullets|prevented|blocked|stopped|intervened|removed|evicted|beat|baton|charged|fired)"
    r"|\b(?:were|was)\s+(?:arrested|detained|dispersed)|\bdispersed\b|\btear\s*gas"
)
_EXCESSIVE = r"\b(?:killed|shot\s+dead|live\s+(?:ammunition|fire|rounds)|died|fatally)\b"
_PROTEST_WORDS = (
    *("protest", "demonstrat", "rall", "march", "sit-in", "picket", "strike", "boycott", "gathered", "blocked"),
    *("vigil", "walkout", "demand", "denounc", "press", "petition", "banners", "placards", "slogans", "chant"),
    "[size=",
)

_RULES: tuple[_Rule, ...] = (
    _Rule(
        STRATEGIC,
        "Disrupted weapons use",
        _rx(
            r"\b(?:defused|diffused|dismantled|disarmed|neutrali[sz]ed\s+(?:an?\s+)?(?:IED|explosive|bomb|mine)|"
            r"(?:seized|recovered|confiscated|found|discovered|intercepted|shot\s+down)\b[^.]{0,60}?\b(?:weapons|arms|ammunition|explosives|IEDs?|"
            r"bombs?|mines?|landmines?|rifles|grenades?|drones?|missiles?|rockets?|devices?)|bomb\s+(?:disposal|squad)|controlled\s+explosion|"
            r"(?:air\s+defen[cs]e|interceptors?)\b[^.]{0,40}?\b(?:intercepted|shot\s+down|downed))"
        ),
        unless=_rx(r"\b(?:killed|exploded|detonated\s+(?:near|at|in|on|under)|injured|wounded)\b"),
        words=(
            *("defused", "diffused", "dismantled", "disarmed", "neutrali", "weapons", "arms", "ammunition"),
            *("explosive", "ied", "bomb", "mine", "rifle", "grenade", "drone", "missile", "rocket", "device"),
            *("controlled", "intercept", "down"),
        ),
    ),
    _Rule(
        RIOTS,
        "Mob violence",
        _rx(
            r"\b(?:mob|lynch(?:ed|ing)?|vigilantes?|angry\s+(?:residents|villagers|crowd)|a\s+group\s+of\s+(?:residents|villagers|people)\s+(?:attacked|beat)|"
            r"villagers\s+(?:attacked|beat|killed)|residents\s+(?:attacked|beat)|communal\s+clash|clashed\s+(?:with\s+each\s+other|over)|"
            r"(?:residents|villagers|relatives|locals|family\s+members|a\s+group\s+of\s+(?:people|men|youths?)|crowd|youths|supporters)\b"
            r"[^.]{0,60}?\b(?:beat|assaulted|attacked|lynched|stoned|burnt|burned|hacked|thrashed|captured))"
        ),
        words=(
            *("mob", "lynch", "vigilante", "angry", "villagers", "communal", "clashed", "beat", "assaulted"),
            *("attacked", "stoned", "burnt", "burned", "hacked", "thrashed", "captured"),
        ),
    ),
    _Rule(
        RIOTS,
        "Violent demonstration",
        _rx(rf"{_PROTEST}[^.]*{_RIOT_VIOLENCE}|{_RIOT_VIOLENCE}[^.]*{_PROTEST}|\brioters?\b|\brioted\b|\brioting\b"),
        words=(*_PROTEST_WORDS, "riot"),
    ),
    _Rule(
        PROTESTS,
        "Excessive force against protesters",
        _rx(
            r"\b(?:police|security\s+forces|troops|soldiers|army|officers)\b[^.]{0,80}?\b(?:killed|shot\s+dead|opened\s+fire|live\s+(?:ammunition|fire|rounds))"
            r"[^.]{0,60}?\b(?:protesters|demonstrators|protestors)|\b(?:protesters|demonstrators|protestors)\s+(?:were|was)\s+(?:killed|shot\s+dead)"
        ),
        words=("protesters", "demonstrators", "protestors"),
    ),
    _Rule(
        PROTESTS,
        "Protest with intervention",
        _rx(rf"{_PROTEST}[^.]*(?:{_INTERVENTION})|(?:{_INTERVENTION})[^.]*{_PROTEST}"),
        words=_PROTEST_WORDS,
    ),
    _Rule(
        PROTESTS,
        "Peaceful protest",
        _rx(_PROTEST),
        unless=_rx(
            r"\b(?:air\s*strikes?|shell(?:ing|ed)|clash(?:ed|es)|ambush(?:ed)?|artillery|IED|exploded|detonated)\b"
        ),
        words=_PROTEST_WORDS,
    ),
    _Rule(
        EXPLOSIONS,
        "Suicide bomb",
        _rx(
            r"\bsuicide\s+(?:bomb(?:er|ing|s)?|attack(?:er)?|car\s+bomb|vest|blast|explosion)|\bblew\s+(?:himself|herself)\s+up"
        ),
        words=("suicide", "blew"),
    ),
    _Rule(
        EXPLOSIONS,
        "Air/drone strike",
        _rx(
            r"\b(?:air\s*strikes?|air\s*raids?|drone\s+(?:strikes?|attacks?)|air\s+attack|warplanes?|fighter\s+jets?|jets|aircraft|helicopter\s+gunships?|"
            r"bombarded\s+from\s+the\s+air|aerial\s+(?:bombardment|attack|bombing)|(?:armed|kamikaze|suicide|loitering)\s+drones?|"
            r"drones?\s+(?:struck|hit|attacked|dropped|targeted)|UAVs?|Shahed|barrel\s+bombs?|airstrike)\b"
        ),
        words=(
            *("air", "drone", "warplane", "fighter", "jets", "helicopter", "bombarded", "aerial", "uav"),
            *("shahed", "barrel"),
        ),
    ),
    _Rule(
        EXPLOSIONS,
        "Shelling/artillery/missile attack",
        _rx(
            r"\b(?:shell(?:ed|ing|s)?|artillery|mortars?|missiles?|rockets?|MLRS|Grad|howitzers?|tank\s+fire|bombard(?:ed|ment)|cluster\s+munitions|"
            r"projectiles?|ballistic|cruise\s+missiles?|Iskander|Tochka-U|S-300|mortar\s+rounds?)\b"
        ),
        words=(
            *("shell", "artillery", "mortar", "missile", "rocket", "mlrs", "grad", "howitzer", "tank", "bombard"),
            *("cluster", "projectile", "ballistic", "iskander", "tochka", "s-300"),
        ),
    ),
    _Rule(EXPLOSIONS, "Grenade", _rx(r"\bgrenades?\b"), words=("grenade",)),
    _Rule(
        EXPLOSIONS,
        "Remote explosive/landmine/IED",
        _rx(
            r"\b(?:IEDs?|VBIEDs?|landmines?|land\s+mines?|(?:anti-personnel|anti-tank)\s+mines?|mine\s+(?:blast|explosion)|stepped\s+on\s+(?:a\s+)?mine|"
            r"roadside\s+bombs?|explosive\s+devices?|car\s+bombs?|bomb\s+(?:blast|explosion|attack|exploded|went\s+off)|explo(?:ded|sions?|sives?)|"
            r"detonat(?:ed|ion)|bomb(?:ing|ed|s)?|blast|blew\s+up|mine\s+attacks?|magnetic\s+bomb|sticky\s+bomb|unexploded\s+ordnance|UXO)\b"
        ),
        words=("ied", "mine", "bomb", "explo", "detonat", "blast", "blew", "uxo"),
    ),
    _Rule(
        BATTLES,
        "Government regains territory",
        _rx(
            r"\b(?:regained|recaptured|retook|re-took|liberated|recovered)\s+(?:control\s+(?:of|over)\s+)?(?:the\s+)?(?:village|town|city|area|settlement|territory|positions?|[A-Z])"
        ),
        words=("regained", "recaptured", "retook", "re-took", "liberated", "recovered"),
    ),
    _Rule(
        BATTLES,
        "Non-state actor overtakes territory",
        _rx(
            r"\b(?:(?:took|seized|gained|captured)\s+control\s+(?:of|over)|overran|captured\s+(?:the\s+)?(?:town|village|city|district|military\s+base|base|headquarters|area))\b"
        ),
        words=("control", "overran", "captured"),
    ),
    _Rule(
        BATTLES,
        "Armed clash",
        _rx(
            r"\b(?:clash(?:ed|es)?|fight(?:ing|s)?|fought|exchange(?:d)?\s+(?:of\s+)?(?:fire|gunfire)|gun\s*fights?|fire\s*fights?|firefight|shoot-?out|"
            r"ambush(?:ed)?|battle(?:d|s)?|engaged|attack(?:ed|s)?\s+(?:against|on)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:military|army|troops|soldiers|police|"
            r"forces|positions?|base|camp|checkpoint|post|convoy|outpost|station)|skirmish(?:es)?|gun\s+battle|armed\s+confrontation|attack(?:ed)?\s+(?:a\s+|an\s+|the\s+)?(?:military|army|police|security|checkpoint|outpost|base|convoy|patrol|position)|"
            r"small\s+arms|heavy\s+weapons|offensive|counter-?attack|assault(?:ed)?\s+on\s+(?:the\s+)?(?:positions?|base|checkpoint)|"
            r"(?:killed|killing)\s+(?:\w+\s+){0,3}(?:militants|insurgents|fighters|terrorists|rebels|soldiers|troops|militiamen|gunmen|bandits))\b"
        ),
        unless=_rx(
            r"\b(?:civilians?|farmers?|villagers|residents|passengers|worshippers|students|teachers|women|children)\b[^.]{0,30}\b(?:killed|kidnapped|abducted|shot)"
        ),
        words=(
            *("clash", "fight", "fought", "exchange", "shoot", "ambush", "battle", "engaged", "attack"),
            *("skirmish", "confrontation", "arms", "weapons", "offensive", "assault", "kill"),
        ),
    ),
    _Rule(
        VIOLENCE_AGAINST_CIVILIANS,
        "Sexual violence",
        _rx(
            r"\b(?:rap(?:e|ed|ing)|gang-?raped?|sexual(?:ly)?\s+(?:assault(?:ed)?|abused?|violence|exploit\w*|harass\w*)|molest(?:ed)?)\b"
        ),
        words=("rap", "sexual", "molest"),
    ),
    _Rule(
        VIOLENCE_AGAINST_CIVILIANS,
        "Abduction/forced disappearance",
        _rx(
            r"\b(?:abduct(?:ed|ion|s)?|kidnap(?:ped|ping|s)?|taken\s+hostage|held\s+hostage|forcibly\s+disappeared|disappearance|whereabouts\s+(?:are|is|remain)\s+unknown)\b"
        ),
        words=("abduct", "kidnap", "hostage", "disappear", "whereabouts"),
    ),
    _Rule(
        STRATEGIC,
        "Arrests",
        _rx(
            r"\b(?:arrest(?:ed|s|ing)?|detain(?:ed|s|ing)?|apprehend(?:ed)?|taken\s+into\s+custody|rounded\s+up|custody)\b"
        ),
        unless=_rx(r"\b(?:killed|shot|stabbed|beaten|tortured|died|injured|wounded)\b"),
        words=("arrest", "detain", "apprehend", "custody", "rounded"),
    ),
    _Rule(
        VIOLENCE_AGAINST_CIVILIANS,
        "Attack",
        _rx(
            r"\b(?:kill(?:ed|ing|s)?|shot|shooting|gunned\s+down|murder(?:ed|s)?|stabb(?:ed|ing)|hack(?:ed)?|beat(?:en|ing)?|assault(?:ed)?|attack(?:ed|s)?|"
            r"tortur(?:ed|e)|lynch(?:ed)?|execut(?:ed|ion)|beheaded|massacre(?:d)?|opened\s+fire|fired\s+(?:at|on)|wounded|injur(?:ed|ing)|"
            r"dead\s+bod(?:y|ies)|body\s+(?:of|was\s+found)|found\s+dead|hostage|threaten(?:ed)?|intimidat(?:ed|ion)|harass(?:ed|ment)|robb(?:ed|ery))\b"
        ),
    ),
    _Rule(
        STRATEGIC,
        "Looting/property destruction",
        _rx(
            r"\b(?:loot(?:ed|ing)?|plunder(?:ed)?|set\s+(?:fire|ablaze)|set\s+on\s+fire|torched|burn(?:ed|t)\s+down|burn(?:ed|t)|arson|vandali[sz](?:ed|ism)|"
            r"destroy(?:ed)?|demolish(?:ed)?|damag(?:ed|e)|raided|ransacked|stole|property\s+destruction|bulldoz(?:ed|ing))\b"
        ),
    ),
    _Rule(
        STRATEGIC,
        "Agreement",
        _rx(
            r"\b(?:agreement|agreed|ceasefire|cease-fire|truce|peace\s+(?:deal|talks|accord)|signed|negotiat(?:ed|ions)|prisoner\s+exchange|released\s+(?:\w+\s+){0,3}(?:prisoners|detainees|hostages))\b"
        ),
    ),
    _Rule(
        STRATEGIC,
        "Non-violent transfer of territory",
        _rx(
            r"\b(?:withdr(?:ew|awn)\s+from|handed\s+over|took\s+over|took\s+control|entered\s+(?:the\s+)?(?:town|city|village)\s+without)\b"
        ),
    ),
    _Rule(
        STRATEGIC,
        "Change to group/activity",
        _rx(
            r"\b(?:recruit(?:ed|ment|ing)?|establish(?:ed)?|formed|announced|launched|merg(?:ed|er)|training|parade|deploy(?:ed|ment)|reinforcements|"
            r"checkpoints?|curfew|imposed|banned|ban|patrol(?:led|s)?|mobili[sz](?:ed|ation)|convoy|headquarters|base|camp|declared|appointed|"
            r"visited|distributed|warned|threat|ultimatum|extort(?:ed|ion)|tax(?:es|ed)?|movement\s+of)\b"
        ),
    ),
)
_ACLED_TAGS = {
    "property destruction": (STRATEGIC, "Looting/property destruction"),
    "looting": (STRATEGIC, "Looting/property destruction"),
    "arrests": (STRATEGIC, "Arrests"),
    "arrest": (STRATEGIC, "Arrests"),
    "defusal": (STRATEGIC, "Disrupted weapons use"),
    "weapons seizure": (STRATEGIC, "Disrupted weapons use"),
    "disrupted weapons use": (STRATEGIC, "Disrupted weapons use"),
    "headquarters or base established": (STRATEGIC, "Headquarters or base established"),
    "non-violent transfer of territory": (STRATEGIC, "Non-violent transfer of territory"),
    "agreement": (STRATEGIC, "Agreement"),
}
_TAG = re.compile(r"^\s*(?P<tag>[A-Z][A-Za-z /-]{2,40}):\s")


_ARMED = _rx(
    r"\b(?:military|army|soldiers?|troops|forces|militants?|fighters?|rebels?|insurgents?|police|policemen|militia\w*|gunmen|armed|"
    r"PDF|guerrillas?|jihadists?|terrorists?|combatants|gangs?|bandits|cartel|commandos?|marines|gendarmes?|battalion|brigade)\b"
)


def classify(text: str) -> tuple[str, str, re.Match[str] | None]:
    """(event type, sub-event type, the match that decided it) for one event's text."""
    tag = _TAG.match(text)
    if tag and tag.group("tag").lower() in _ACLED_TAGS:
        event_type, sub_event_type = _ACLED_TAGS[tag.group("tag").lower()]
        return event_type, sub_event_type, tag
    keywords = keyword_text(text)
    for rule in _RULES:
        if rule.words and not mentions_any(keywords, rule.words):
            continue  # the pattern cannot match: none of its words is here
        match = rule.pattern.search(text)
        if match is None:
            continue
        if rule.unless is not None and rule.unless.search(text):
            continue
        if rule.sub_event_type == "Armed clash" and not _ARMED.search(text):
            return RIOTS, "Mob violence", match  # a fight between unarmed people is a riot, not a battle
        return rule.event_type, rule.sub_event_type, match
    return STRATEGIC, "Other", None


def extract_event_types(clauses: Sequence[tuple[Segment, int]], head_sentences: int = 4) -> list[EventTypeClaim]:
    """One event type per event: the main event's first, then one per other event mentioned."""
    by_event: dict[int, list[Segment]] = {}
    for clause, event_ref in clauses:
        by_event.setdefault(event_ref, []).append(clause)
    claims: list[EventTypeClaim] = []
    for event_ref in sorted(by_event):
        segments = by_event[event_ref][:head_sentences] if event_ref == 0 else by_event[event_ref]
        if not segments:
            continue
        base = segments[0].start
        # Join the clauses with their real gaps so that match offsets stay document offsets.
        text = "".join(
            (" " * (s.start - (segments[i - 1].end if i else base))) + s.text for i, s in enumerate(segments)
        )
        event_type, sub_event_type, match = classify(text)
        position = base + (match.start() if match is not None else 0)
        evidence = next((seg for seg in segments if seg.start <= position < seg.end), segments[0])
        claims.append(EventTypeClaim(event_type, evidence.span(), sub_event_type, event_ref))
    return claims
