"""Who did it, and how sure the report is: claimed, suspected, attributed, denied or unknown.

Group names are normalised through `data/actor_aliases.json`. Ordering of the result: the
main-event group claims first (claimed, then attributed, then suspected, then denied), then
named individuals, then "unknown" markers, so that the first claim is the report's best answer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from service.domain import AttributionStatus, PerpetratorClaim, Span
from service.extraction.text import Segment, keyword_text, mentions_any

UNKNOWN_ACTOR = "unknown"


@dataclass(frozen=True, slots=True)
class AliasTable:
    """Compiled alias patterns: canonical names of groups and of ideology categories."""

    groups: re.Pattern[str]
    group_by_alias: dict[str, str]
    first_words: frozenset[str]  # lower-cased first word of every alias: a cheap gate before the regex
    group_words: tuple[str, ...]  # finer gate: leading words of the case-insensitive aliases, lower-cased
    acronym_words: tuple[str, ...]  # and of the case-sensitive ones (acronyms), as written
    ideologies: re.Pattern[str]
    ideology_by_cue: dict[str, str]
    ideology_words: tuple[str, ...]  # keyword gate for `ideologies` (see `_required_words`)
    targets: re.Pattern[str]
    ideology_by_target: dict[str, str]
    target_words: tuple[str, ...]  # keyword gate for `targets`
    claims_by_default: frozenset[str]
    targets_alone: frozenset[str]  # target categories that name the ideology with nobody identified

    def canonical(self, alias: str) -> str | None:
        """The canonical group name for an alias as written (case rules as in the table)."""
        return self.group_by_alias.get(alias) or self.group_by_alias.get(alias.lower())

    def is_known_actor(self, name: str) -> bool:
        """True for a canonical group or ideology category (not an individual's name)."""
        known = (
            set(self.group_by_alias.values())
            | set(self.ideology_by_cue.values())
            | set(self.ideology_by_target.values())
        )
        return name in known or name == "Jihadi-inspired extremists" or _GROUP_NAME.fullmatch(name) is not None


# A group missing from the table, recognised by its shape: capitalised words ending in a word that
# names an organisation ("the Patriot Freedom Fighters Militia", "the People's Revolutionary Front").
_GROUP_HEAD = (
    r"(?:Militia|Front|Army|Brigades?|Movement|Organi[sz]ation|Cells?|Commandos?|Battalion|Network|Brotherhood"
    r"|Alliance|Resistance|Fighters|Division|Legion|Coalition|Faction|Liberation|Guerrillas?|Command)"
)
_GROUP_NAME = re.compile(rf"(?:[A-Z][\w'’-]*\s+){{1,9}}{_GROUP_HEAD}")
# Where such a name is the perpetrator: "attributed the attack to the X Militia", "claimed by the X
# Front", "on behalf of the X Army", "the X Brigade claimed responsibility".
_UNLISTED_GROUP = re.compile(
    rf"(?:\battributed\s+(?:[\w-]+\s+){{0,4}}?to|\bclaimed\s+by|\bblamed\s+(?:[\w-]+\s+){{0,3}}?on|\bon\s+behalf\s+of"
    rf"|\bmembers?\s+of)\s+(?:the\s+)?(?P<name>{_GROUP_NAME.pattern})\b"
    rf"|(?P<name2>{_GROUP_NAME.pattern})\s+(?:later\s+|has\s+|had\s+)?claimed\b"
)
# "opened fire on members of the X Movement": the group is the victim.
_VICTIMS_BEFORE = re.compile(
    r"\b(?:on|at|against|targeting|targeted|attacked|killed|injured|wounded|shot|stabbed|threatened)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_UNLISTED_GROUP_WORDS = ("attributed", "claimed", "blamed", "behalf", "member")
_GROUP_HEAD_WORDS = (  # keyword gate for `_GROUP_HEAD`, lower-cased stems
    *("militia", "front", "army", "brigade", "movement", "organi", "cell", "commando", "battalion", "network"),
    *("brotherhood", "alliance", "resistance", "fighters", "division", "legion", "coalition", "faction"),
    *("liberation", "guerrilla", "command"),
)


def is_group_actor(name: str) -> bool:
    """True when an actor is a group or an ideology category from the alias table."""
    return alias_table().is_known_actor(name)


def _alternation(aliases: Sequence[str], case_sensitive: set[str]) -> str:
    parts = []
    for alias in sorted(aliases, key=len, reverse=True):
        escaped = re.escape(alias).replace(r"\ ", r"\s+").replace("'", "['’]?")
        parts.append(f"(?-i:{escaped})" if alias in case_sensitive else escaped)
    return r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])"


def _required_words(cues: Sequence[str], lower: bool = True) -> tuple[str, ...]:
    """Keyword gate for an `_alternation` of cues: a match holds the longest piece of its cue between
    spaces and apostrophes (written literally in the pattern), lower-cased unless `lower` is False.
    """
    required = {max(re.split(r"[ ']", cue.lower() if lower else cue), key=len) for cue in cues}
    if not all(word.isascii() for word in required):
        return ("",)  # case folding beyond ASCII is not worth the risk: the gate always passes
    # A word that holds another one adds nothing to the gate ("jihadist" is covered by "jihad").
    return tuple(sorted(w for w in required if not any(other != w and other in w for other in required)))


@lru_cache(maxsize=1)
def alias_table() -> AliasTable:
    """Load and compile the alias table once per process."""
    raw = json.loads(resources.files("service.extraction").joinpath("data/actor_aliases.json").read_text("utf-8"))
    group_by_alias: dict[str, str] = {}
    acronyms: set[str] = set()
    for canonical, aliases in raw["groups"].items():
        for alias in [canonical, *aliases]:
            # Acronyms match case: "ISIS", and mixed ones such as "LeT" (never the verb "let").
            if alias.isupper() or re.fullmatch(r"[A-Z0-9-]+|[A-Za-z]*[A-Z][a-z]*[A-Z][A-Za-z]*", alias):
                acronyms.add(alias)
                group_by_alias[alias] = canonical
            else:
                group_by_alias[alias.lower()] = canonical
    ideology_by_cue: dict[str, str] = {}
    for category, cues in raw["ideologies"].items():
        if category.startswith("_"):
            continue
        for cue in cues:
            ideology_by_cue[cue.lower()] = category
    ideology_by_target: dict[str, str] = {}
    for category, cues in raw.get("ideology_targets", {}).items():
        for cue in cues:
            ideology_by_target[cue.lower()] = category
    all_aliases = [a for a in group_by_alias]
    first_words = frozenset(re.split(r"[\s'’-]+", alias.lower())[0] for alias in all_aliases)
    return AliasTable(
        groups=re.compile(_alternation(all_aliases, acronyms), re.IGNORECASE),
        group_by_alias=group_by_alias,
        first_words=first_words,
        group_words=_required_words([a for a in all_aliases if a not in acronyms]),
        acronym_words=_required_words(sorted(acronyms), lower=False),
        ideologies=re.compile(_alternation(list(ideology_by_cue), set()), re.IGNORECASE),
        ideology_by_cue=ideology_by_cue,
        ideology_words=_required_words(list(ideology_by_cue)),
        targets=re.compile(_alternation(list(ideology_by_target), set()), re.IGNORECASE),
        ideology_by_target=ideology_by_target,
        target_words=_required_words(list(ideology_by_target)),
        claims_by_default=frozenset(raw.get("claims_by_default", {}).get("groups", [])),
        targets_alone=frozenset(raw.get("ideology_targets_alone", {}).get("categories", [])),
    )


_NEGATED_CLAIM = re.compile(
    r"\b(?:no|none|nobody|no one|not|never|yet to|unclaimed)\b[^.;]{0,40}?\b(?:claim|responsibility|credit)",
    re.IGNORECASE,
)
_CLAIM = re.compile(
    r"\b(?:claim(?:ed|s|ing)?\s+(?:full\s+|sole\s+)?(?:responsibility|credit)|claimed\s+(?:the|this|that|an|its|a)\s+\w+"
    r"|claimed\s+(?:it|them)\b|took\s+responsibility|accepted\s+responsibility|assumed\s+responsibility"
    r"|responsibility\s+(?:was|has\s+been|had\s+been)\s+claimed|in\s+the\s+name\s+of|said\s+(?:it|they)\s+(?:had\s+)?(?:carried\s+out|was\s+behind|were\s+behind)"
    r"|confess(?:ed|ing)?\b|admitted\s+(?:to|that|responsibility)|manifesto|communiqu[eé]|note\s+left\s+at|left\s+(?:a|the)\s+note"
    r"|note\s+(?:and\s+[\w-]+\s+)?left\s+at|identified\s+(?:themselves|himself|herself)\s+as"
    r"|claimed\s+(?:\w+\s+)?for\s+(?:the|this|these|both)\s+(?:attacks?|bombings?|shootings?|incidents?|arsons?|stabbings?)"
    r"|wrote\s+(?:on|in)\s+(?:his|her|their)\s+(?:Facebook|social\s+media|blog|Twitter)"
    r"|claim\s+of\s+responsibility|suicide\s+note|(?:letter|note|message|communiqu[eé])\b[^.;]{0,80}?\bsigned\s+(?:by|as)\b"
    r"|spray-?painted|posted\s+(?:a\s+|an\s+)?(?:lengthy\s+)?(?:video|statement|message|manifesto)|stated\s+that\s+(?:he|she|they)"
    r"|told\s+(?:police|investigators|authorities|detectives)\s+(?:that\s+)?(?:he|she|they))",
    re.IGNORECASE,
)
_DENIED = re.compile(
    r"\b(?:denied|denies|deny|denying|rejected|rejects)\s+(?:any\s+)?(?:involvement|responsibility|role|claims|the\s+accusation|links|being\s+behind)",
    re.IGNORECASE,
)
# Doubt cast on the whole attribution, anywhere in the report.
_DOUBT = re.compile(
    r"\b(?:inconclusive|(?:has|have|having)\s+not\s+been\s+(?:arrested|charged|prosecuted|tried)"
    r"|never\s+(?:been\s+)?(?:arrested|charged|prosecuted|tried)|pleaded\s+not\s+guilty|(?:unable|failed)\s+to\s+confirm|no\s+confirmation\s+that)\b",
    re.IGNORECASE,
)
_DOUBT_WORDS = ("inconclusive", "not been", "never", "confirm", "not guilty")
_SUSPECTED = re.compile(
    r"\b(?:suspected\s+(?:of|to|in|that|militants|members)|(?:is|are|was|were|being)\s+suspected|suspectedly|"
    r"believed\s+(?:to|responsible|that)|(?:is|are|was|were)\s+believed|blamed|blames|blaming|likely|allegedly|"
    r"alleged\s+(?:members|militants)|presumed|presumably|thought\s+to|possibly|may\s+have|might\s+have|assumed|"
    r"hallmarks|signatures?\s+of|suspicion|probably|associated\s+with|linked\s+to|"
    # "sources suspected the involvement of the X", "police suspect the group"
    r"(?:sources|police|authorities|officials|investigators|officers)\s+(?:had\s+|have\s+)?suspect(?:ed|s)?|"
    r"suspected\s+the\s+(?:involvement|incident|attacks?))\b",
    re.IGNORECASE,
)
_CHANNEL = re.compile(
    r"\b(?:through|via|on|in|by|using|with)\s+(?:a\s+|an\s+|its\s+|their\s+|the\s+|his\s+|her\s+)?(?P<channel>(?:[\w'’-]+\s+){0,3}?"
    r"(?:news\s+agency|agency|statement|communiqu[eé]|letter|note|video|website|web\s+site|blog|Telegram|Twitter|"
    r"social\s+media|e-?mail|phone\s+call|call|message|post|posting|manifesto|press\s+release|press\s+office))\b",
    re.IGNORECASE,
)
_KNOWN_CHANNELS = re.compile(r"\b(?:Amaq|A'maq|Nashir|al-Naba|Al-Naba|Shahada News Agency|Al-Kataib|Press Office)\b")
_BLAMER = re.compile(
    r"(?P<by>(?:[A-Z][\w'’-]+\s+){0,2}(?:officials|authorities|police|government|army|military|ministry|investigators|"
    r"sources|analysts|prosecutors|FBI|officers|security\s+forces|residents|witnesses))\s+(?:\w+\s+)?"
    r"(?:said|say|says|blamed|blame|suspect|suspected|believe|believed|accused|attributed)"
    r"|(?:according\s+to|blamed\s+by|said\s+by)\s+(?P<by2>(?:[\w'’-]+\s+){0,3}?(?:officials|authorities|police|government|army|military|sources|investigators|prosecutors|FBI))",
    re.IGNORECASE,
)
_UNKNOWN = re.compile(
    r"\b(?:unknown|unidentified|unnamed)\s+(?:gunm[ae]n|assailants?|attackers?|perpetrators?|suspects?|persons?|individuals?|men|shooters?|arsonists?)"
    r"|\bno\s+(?:group|one|organi[sz]ation)\s+(?:has\s+|had\s+|immediately\s+)*(?:claimed|taken|accepted)"
    r"|(?:police|authorities|investigators|deputies|officers)\s+(?:are|were)\s+(?:still\s+)?(?:looking|searching)\s+for\s+(?:a|the|two|three|several|multiple)?\s*(?:(?:second|third|male|lone|possible|armed)\s+)?(?:suspects?|gunm[ae]n|shooters?)"
    r"|\bno\s+arrests?\s+(?:have|has|had)\s+been\s+made|\bremains?\s+at\s+large|\bno\s+suspects?\b",
    re.IGNORECASE,
)
# A named individual charged, arrested, identified as the attacker, claiming the attack or carrying
# it out: "John Smith, 32, was arrested", "police arrested John Smith", "the gunman, identified as
# John Smith", "John Smith, a former soldier, claimed responsibility", "John Smith opened fire".
_NAME_WORD = r"[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)*"  # "Taheri-azar", "El-Mofty"
_NAME = rf"(?-i:{_NAME_WORD}(?:\s+(?:[A-Z]\.|{_NAME_WORD})){{1,3}})"
_PERSON_NOUN = (
    r"(?:suspects?|shooters?|gunm[ae]n|assailants?|attackers?|perpetrators?|bombers?|individuals?|offenders?)"
)
# What may stand between a name and its verb: an age, a home town, or a short apposition.
_APPOSITION = (
    r"(?:,\s+(?:a\s+)?\d{1,3}(?:-year-old)?(?:,\s+of\s+[\w\s]+?)?,"
    r"|,\s+(?:a|an|the|another|who)\s+[^,.;()]{1,70}?,"
    r"|\s+of\s+(?-i:[A-Z][\w-]+)(?:\s+(?-i:[A-Z][\w-]+))?)?"
)
_AGENT_VERB = (
    r"(?:claimed\s+(?:full\s+)?(?:responsibility|credit)|confessed|admitted|pleaded\s+guilty|was\s+responsible"
    r"|opened\s+fired?|fired|shot|stabbed|attacked|bombed|detonated|set\s+fire|flew|crashed|rammed|hurled|threw"
    r"|ambushed|mailed|took\s+(?:\w+\s+)?hostages?|held\s+(?:\w+\s+){0,2}hostages?)"
)
# Name first ("John Smith, 32, was arrested", "John Smith opened fire"): case-sensitive, so the
# search only starts at capitals.
_NAMED_FIRST = re.compile(
    rf"(?P<name>{_NAME}){_APPOSITION}\s+(?:(?:(?:was|has\s+been|had\s+been|is|were)\s+)"
    r"(?:later\s+|subsequently\s+|also\s+)?(?:arrested|charged|booked|indicted|convicted|sentenced|detained"
    r"|taken\s+into\s+custody|identified\s+as\s+the\s+(?:suspect|shooter|gunman))"
    rf"|(?:later\s+|also\s+|then\s+)?{_AGENT_VERB}\b)"
)
# Name after its cue: "police arrested John Smith", "identified the gunman as John Smith",
# "identified John Smith as the sole perpetrator", "the assailant, identified as John Smith".
_NAMED_AFTER = re.compile(
    rf"(?:arrested|charged|indicted|booked|identified\s+(?:the|an?)\s+{_PERSON_NOUN}\s+as)\s+(?:\d{{1,3}}-year-old\s+)?(?-i:[a-z]+\s+)?(?P<name>{_NAME})"
    rf"|identified\s+(?-i:[a-z]+\s+)?(?:Dr\.\s+)?(?P<name2>{_NAME})\s+as\s+the\s+(?:sole\s+|lone\s+|main\s+)?{_PERSON_NOUN}"
    rf"|{_PERSON_NOUN},?\s+(?:(?:was|were)\s+)?(?:later\s+|subsequently\s+)?(?:identified\s+as\s+)?(?P<name3>{_NAME})",
    re.IGNORECASE,
)
_NOT_A_NAME = re.compile(
    # Collective subjects in capitals ("Ukrainian Forces fired"), which are no one's name.
    r".*\b(?:Forces|Army|Police|Military|Troops|Guard|Department|Office|Company|Authority|Council|Government"
    r"|Ministry|Party|Group|Movement|Coalition|Network|Front|Militia)$|"
    r"^(?:Police|The|Officers?|Authorities|Sheriff|Deputies|Deputy|Troopers?|Sergeant|Agent|Patrolman|President|Governor"
    r"|Senator|Mayor|Judge|Representative|Congressman|Congresswoman|Investigators|Detectives?|Chief|Sgt|Lt|Capt|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday|County|City|State|United|North|South|East|West|New|Saint|St)\b"
)


# The group is only a hypothesis under investigation: "investigating whether the ELF was involved".
_OPEN_QUESTION = re.compile(
    r"\b(?:investigat\w*|examin\w*|look\w*\s+into|determin\w*|unclear|unknown|not\s+known|ask\w*)\s+(?:whether|if)\b[^.;]{0,40}$",
    re.IGNORECASE,
)
# An individual named as acting for the group: the group is the perpetrator, but nothing was claimed.
_ACTING_FOR = re.compile(r"\b(?:acting|acted|working)\s+(?:on\s+behalf\s+of|for)\s+(?:the\s+)?$", re.IGNORECASE)


_AS_TARGET = re.compile(
    r"\b(?:killed|killing|kill|arrested|arresting|detained|detaining|captured|against|targeting|targeted|"
    r"fighting|attacked|attacking|suspected|alleged|accused\s+of\s+(?:being|supporting)|joined|former)\s+(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)


_WORDS = re.compile(r"\w+")
# Keyword gates (lower-cased, see `keyword_text`): a clause without any of these words cannot match.
_UNKNOWN_WORDS = (
    *("unknown", "unidentified", "unnamed", "claimed", "taken", "accepted", "looking", "searching", "made"),
    *("remain", "suspect"),
)
_CLAIM_WORDS = (
    *("claim", "responsib", "name", "carried", "behind", "confess", "admitted", "manifesto", "communiqu"),
    *("note", "identified", "spray", "posted", "stated", "told", "signed", "wrote"),
)
_INSPIRED_ANYWHERE_WORDS = (
    *("allegiance", "inspired", "radicali", "sympathi", "soldier", "lone", "connection", "link", "ties"),
)
_NAMED_FIRST_WORDS = frozenset(
    [
        *("arrested", "charged", "booked", "indicted", "convicted", "sentenced", "detained", "custody"),
        *("identified", "claimed", "confessed", "admitted", "pleaded", "responsible", "opened", "fired", "shot"),
        *("stabbed", "attacked", "bombed", "detonated", "fire", "flew", "crashed", "rammed", "hurled", "threw"),
        *("ambushed", "mailed", "hostage", "hostages"),
    ]
)
_NAMED_AFTER_WORDS = frozenset(
    [
        *("arrested", "charged", "booked", "indicted", "identified"),
        *("suspect", "suspects", "shooter", "shooters", "gunman", "gunmen", "assailant", "assailants"),
        *("attacker", "attackers", "perpetrator", "perpetrators", "bomber", "bombers"),
        *("individual", "individuals", "offender", "offenders"),
    ]
)


@dataclass(frozen=True, slots=True)
class _Found:
    actor: str
    status: AttributionStatus
    position: int
    span: Span
    by: str | None
    event_ref: int
    is_group: bool
    by_default: bool = False  # claimed only by the claims_by_default convention


def _sentence_of(clause: Segment, sentences_of: Sequence[Segment]) -> Segment:
    """The sentence holding a clause (binary search: sentences are in document order)."""
    low, high = 0, len(sentences_of)
    while low < high:  # bisect on .start without building a list of starts per call
        middle = (low + high) // 2
        if sentences_of[middle].start <= clause.start:
            low = middle + 1
        else:
            high = middle
    index = low - 1
    if 0 <= index < len(sentences_of) and sentences_of[index].start <= clause.start < sentences_of[index].end:
        return sentences_of[index]
    return clause


def _status_in(text: str) -> AttributionStatus:
    if _DENIED.search(text):
        return AttributionStatus.DENIED
    if _CLAIM.search(text) and not _NEGATED_CLAIM.search(text):
        return AttributionStatus.CLAIMED
    if _SUSPECTED.search(text):
        return AttributionStatus.SUSPECTED
    return AttributionStatus.ATTRIBUTED


def _by_in(text: str, status: AttributionStatus) -> str | None:
    if status == AttributionStatus.CLAIMED:
        known = _KNOWN_CHANNELS.search(text)
        if known:
            return known.group(0)
        channel = _CHANNEL.search(text)
        return " ".join(channel.group("channel").split()) if channel else None
    if status in (AttributionStatus.SUSPECTED, AttributionStatus.ATTRIBUTED, AttributionStatus.DENIED):
        blamer = _BLAMER.search(text)
        if blamer:
            return " ".join((blamer.group("by") or blamer.group("by2")).split())
    return None


def extract_perpetrators(
    clauses: Sequence[tuple[Segment, int]], sentences_of: Sequence[Segment]
) -> list[PerpetratorClaim]:
    """Perpetrator claims, best main-event answer first (see module docstring)."""
    table = alias_table()
    found: list[_Found] = []
    # A lone attacker "inspired by" or "pledging allegiance to" a jihadi group anywhere in the
    # report makes every mention of that group an inspiration, not the group acting.
    unconfirmed_ties = any(
        ref == 0
        and mentions_any(keyword_text(clause.text), _INSPIRED_ANYWHERE_WORDS)
        and _UNCONFIRMED_TIES.search(clause.text)
        for clause, ref in clauses
    )
    inspired = unconfirmed_ties or any(
        mentions_any(keyword_text(clause.text), _INSPIRED_ANYWHERE_WORDS) and _INSPIRED_ANYWHERE.search(clause.text)
        for clause, ref in clauses
        if ref == 0
    )
    for clause, event_ref in clauses:
        sentence = _sentence_of(clause, sentences_of)
        context = sentence.text
        words = set(map(str.lower, _WORDS.findall(clause.text)))
        group_matches = (
            table.groups.finditer(clause.text)
            if words & table.first_words
            and (
                mentions_any(keyword_text(clause.text), table.group_words)
                or mentions_any(clause.text, table.acronym_words)
            )
            else iter(())
        )
        for match in group_matches:
            before = clause.text[max(0, match.start() - 80) : match.start()]
            if _AS_TARGET.search(before[-40:]):
                continue  # "killed three ISIS members": the group is the target here
            if _OPEN_QUESTION.search(before):
                continue  # "investigating whether the ELF was involved": nobody is named yet
            actor = table.canonical(match.group(0)) or table.canonical(" ".join(match.group(0).split()))
            if actor is None:
                continue
            after = clause.text[match.end() : match.end() + 40]
            status = _status_in(context)
            if actor in _JIHADI_GROUPS and (inspired or _INSPIRED.search(before) or _MEDIA_OF.match(after)):
                actor = "Jihadi-inspired extremists"  # a lone actor inspired by the group, not the group
                if unconfirmed_ties and status == AttributionStatus.CLAIMED:
                    status = AttributionStatus.ATTRIBUTED  # the group claimed an attack it may not have directed
            by_default = (
                status == AttributionStatus.ATTRIBUTED
                and actor in table.claims_by_default
                and not _ACTING_FOR.search(before[-40:])  # a named member acting for it claims nothing
            )
            if by_default:
                status = AttributionStatus.CLAIMED  # named only because the action was claimed in its name
            found.append(
                _Found(
                    actor,
                    status,
                    clause.start + match.start(),
                    sentence.span(),
                    _by_in(context, status),
                    event_ref,
                    True,
                    by_default,
                )
            )
        keywords = keyword_text(clause.text)
        if (
            mentions_any(keywords, _UNLISTED_GROUP_WORDS)
            and mentions_any(keywords, _GROUP_HEAD_WORDS)
            and not any(f.is_group and f.position >= clause.start for f in found)
        ):
            unlisted = _UNLISTED_GROUP.search(clause.text)
            before = clause.text[max(0, unlisted.start() - 40) : unlisted.start()] if unlisted else ""
            if unlisted and not _AS_TARGET.search(before) and not _VICTIMS_BEFORE.search(before):
                status = _status_in(context)
                found.append(
                    _Found(
                        " ".join((unlisted.group("name") or unlisted.group("name2")).split()),
                        status,
                        clause.start + unlisted.start(),
                        sentence.span(),
                        _by_in(context, status),
                        event_ref,
                        True,
                    )
                )
        named = [
            *(_NAMED_FIRST.finditer(clause.text) if words & _NAMED_FIRST_WORDS else ()),
            *(_NAMED_AFTER.finditer(clause.text) if words & _NAMED_AFTER_WORDS else ()),
        ]
        for match in sorted(named, key=lambda m: m.start()):
            name = next(filter(None, match.groups()), None)  # the one name group that took part
            if not name or _NOT_A_NAME.match(name) or table.groups.fullmatch(name) or _GROUP_NAME.fullmatch(name):
                continue
            status = _status_in(context)
            if status == AttributionStatus.DENIED:
                status = AttributionStatus.ATTRIBUTED  # a suspect denying a charge is still the accused
            found.append(
                _Found(
                    name,
                    status,
                    clause.start + match.start(),
                    sentence.span(),
                    _by_in(context, status),
                    event_ref,
                    False,
                )
            )
        unknown = _UNKNOWN.search(clause.text) if mentions_any(keyword_text(clause.text), _UNKNOWN_WORDS) else None
        if unknown:
            found.append(
                _Found(
                    UNKNOWN_ACTOR,
                    AttributionStatus.UNKNOWN,
                    clause.start + unknown.start(),
                    sentence.span(),
                    None,
                    event_ref,
                    False,
                )
            )
    if any(
        ref == 0 and mentions_any(keyword_text(clause.text), _DOUBT_WORDS) and _DOUBT.search(clause.text)
        for clause, ref in clauses
    ):
        # "identified X as the perpetrator ... the evidence was inconclusive": named, not established.
        found = [
            replace(f, status=AttributionStatus.SUSPECTED)
            if f.event_ref == 0 and f.status == AttributionStatus.ATTRIBUTED
            else f
            for f in found
        ]
    found.extend(_ideology(clauses, found, sentences_of))
    found.extend(_claims_without_actor(clauses, found, sentences_of))
    return _order(found)


_INSPIRED = re.compile(
    r"\b(?:allegiance\s+to|inspired\s+by|supporters?\s+of|sympathi[sz]\w*|loyalty\s+to|in\s+the\s+name\s+of|propaganda|"
    r"praised|on\s+behalf\s+of|self-radicali[sz]ed|radicali[sz]ed|fascinated\s+by|obsessed\s+with|"
    # A lone actor citing the group, or one said to have no ties to it: "a note referring to al-Qaida".
    r"references?\s+to|referring\s+to|no\s+(?:known\s+)?(?:connections?|links?|ties)\s+(?:with|to))\b[^.;]{0,60}$",
    re.IGNORECASE,
)
_INSPIRED_ANYWHERE = re.compile(
    r"\b(?:pledged\s+(?:his\s+|her\s+)?allegiance|inspired\s+by|(?:ISIS|IS|Islamic\s+State|al-Qaida|al-Qaeda)-inspired|"
    r"self-radicali[sz]ed|sympathi[sz]er|soldier\s+of\s+the\s+(?:Islamic\s+State|caliphate)|lone\s+wolf)",
    re.IGNORECASE,
)
# A group's claim for an attacker it never directed: "his connection to ISIL could not be confirmed".
# The attacker is inspired by the group, and the group's claim is no claim for the attack.
_UNCONFIRMED_TIES = re.compile(
    r"\b(?:connection|links?|ties)\s+to\s+(?:ISIS|ISIL|IS|the\s+Islamic\s+State|al-Qaida|al-Qaeda)\s+"
    r"(?:could|can|has|have|was|were)\s+not\s+(?:be\s+|been\s+)?(?:confirmed|established|verified)",
    re.IGNORECASE,
)
# The group's media, which a lone actor watched or kept: "forced to view ISIL videos".
_MEDIA_OF = re.compile(
    r"\s*(?:\([\w-]+\)\s*)?(?:propaganda\s+|recruitment\s+|online\s+)?(?:videos?|propaganda|literature|magazines?"
    r"|publications?|sermons?|chat\s*rooms?|forums?)\b",
    re.IGNORECASE,
)
_JIHADI_GROUPS = {"Islamic State", "Al-Qaida", "Al-Qaida in the Arabian Peninsula", "al-Shabaab", "Taliban"}


_AGENT_BEFORE = re.compile(r"\bby\s+(?:the\s+|responding\s+|local\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}$")
_NOBODY_CLAIMED = re.compile(
    r"\bno\s+(?:group|one|organi[sz]ation)s?\s+(?:has\s+|have\s+|had\s+)?(?:immediately\s+)?(?:claimed|taken|accepted)"
    r"|\bno\s+claims?\s+of\s+responsibility",
    re.IGNORECASE,
)


def _ideology(
    clauses: Sequence[tuple[Segment, int]], found: list[_Found], sentences_of: Sequence[Segment]
) -> list[_Found]:
    """GTD-style category for a lone or unnamed perpetrator, from the ideology or target named.

    Words describing the perpetrator ("a white supremacist") always count; the kind of target
    (a mosque, a police station) counts only once a perpetrator is identified, except for the
    few targets that name the motive on their own (an abortion clinic: `ideology_targets_alone`).
    """
    if any(f.is_group and f.event_ref == 0 for f in found):
        return []
    table = alias_table()
    someone = [f for f in found if not f.is_group and f.event_ref == 0 and f.actor != UNKNOWN_ACTOR]
    for index, (pattern, lookup, gate_words) in enumerate(
        (
            (table.ideologies, table.ideology_by_cue, table.ideology_words),
            (table.targets, table.ideology_by_target, table.target_words),
        )
    ):
        # Nobody identified: most kinds of target alone say too little about who did it.
        allowed = None if index == 0 or someone else table.targets_alone
        for clause, event_ref in clauses:
            if event_ref != 0 or not mentions_any(keyword_text(clause.text), gate_words):
                continue
            match = next(
                (
                    m
                    for m in pattern.finditer(clause.text)
                    if (allowed is None or lookup[m.group(0).lower()] in allowed)
                    # "shot by police officers": the police are the agents there, not the target
                    and not (index == 1 and _AGENT_BEFORE.search(clause.text, max(0, m.start() - 40), m.start()))
                ),
                None,
            )
            if match is None:
                continue
            if allowed is not None and any(ref == 0 and _NOBODY_CLAIMED.search(other.text) for other, ref in clauses):
                # "No group claimed responsibility" with nobody identified: the report leaves the
                # perpetrator open, and a motive guessed from the target alone would overrule it.
                return []
            category = lookup[match.group(0).lower()]
            sentence = _sentence_of(clause, sentences_of)
            status = someone[0].status if someone else _status_in(sentence.text)
            return [
                _Found(
                    category,
                    status,
                    clause.start + match.start(),
                    sentence.span(),
                    _by_in(sentence.text, status),
                    0,
                    True,
                )
            ]
    return []


# Claim cues that are only someone speaking; they claim the attack only once a perpetrator is named.
_HEARSAY = re.compile(
    r"stated\s+that\s+(?:he|she|they)|told\s+(?:police|investigators|authorities|detectives)\s+(?:that\s+)?(?:he|she|they)",
    re.IGNORECASE,
)


def _claims_without_actor(
    clauses: Sequence[tuple[Segment, int]], found: list[_Found], sentences_of: Sequence[Segment]
) -> list[_Found]:
    """'A lone individual claimed responsibility', 'in a note left at the scene': a claim whose
    claimant is named elsewhere, or not at all."""
    if any(f.status == AttributionStatus.CLAIMED and f.event_ref == 0 for f in found):
        return []
    for clause, event_ref in clauses:
        if event_ref != 0 or not mentions_any(keyword_text(clause.text), _CLAIM_WORDS):
            continue
        sentence = _sentence_of(clause, sentences_of)
        claims = [m.group(0) for m in _CLAIM.finditer(clause.text)]
        if not claims or _NEGATED_CLAIM.search(sentence.text) or _DENIED.search(clause.text):
            continue
        if _UNCONFIRMED_TIES.search(sentence.text):
            continue  # the group's claim for an attacker it may not have directed (see `_UNCONFIRMED_TIES`)
        main = [f for f in found if f.event_ref == 0 and f.actor != UNKNOWN_ACTOR]
        if not main and all(_HEARSAY.fullmatch(claim) for claim in claims):
            continue  # "the owner of the home stated that he...": with nobody identified, a witness speaking
        main.sort(key=lambda f: (not f.is_group, f.position))
        actor, is_group = (main[0].actor, main[0].is_group) if main else (UNKNOWN_ACTOR, False)
        return [
            _Found(
                actor,
                AttributionStatus.CLAIMED,
                clause.start,
                sentence.span(),
                _by_in(sentence.text, AttributionStatus.CLAIMED),
                0,
                is_group,
            )
        ]
    return []


_RANK = {
    AttributionStatus.CLAIMED: 0,
    AttributionStatus.ATTRIBUTED: 1,
    AttributionStatus.SUSPECTED: 2,
    AttributionStatus.DENIED: 3,
    AttributionStatus.UNKNOWN: 4,
}


def _order(found: list[_Found]) -> list[PerpetratorClaim]:
    seen: set[tuple[str, AttributionStatus, int]] = set()
    unique: list[_Found] = []
    # A real claim ("a communique claimed it in the name of the ELF") outranks the same group's
    # claim by convention alone ("members of the ALF and ELF"), wherever each is written.
    for item in sorted(found, key=lambda f: (f.by_default, f.position)):
        key = (item.actor, item.status, item.event_ref)
        if key not in seen:
            seen.add(key)
            unique.append(item)
    unique.sort(
        key=lambda f: (
            f.event_ref != 0,
            not f.is_group,
            f.actor == UNKNOWN_ACTOR,
            _RANK[f.status],
            f.by_default,
            f.position,
        )
    )
    return [
        PerpetratorClaim(actor=f.actor, status=f.status, span=f.span, by=f.by, event_ref=f.event_ref) for f in unique
    ]
