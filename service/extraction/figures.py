"""Casualty and arrest figures: killed, injured, missing, kidnapped, arrested.

Rules are patterns over clauses; each clause already carries its event_ref (see `events.py`).
Ordering of the result: for each kind (killed, injured, missing, kidnapped, arrested) the
first claim of that kind is the *headline*: the most authoritative main-event total (the latest
"toll rose to" update, else the largest whole-event count, else a total built from disjoint
subgroups). The other claims follow in document order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from service.domain import FigureClaim, FigureKind, Qualifier, Span
from service.extraction.numbers import CARDINAL, QUALIFIER, QUANTITY, Quantity, parse_cardinal, quantity_from_match
from service.extraction.text import Segment, keyword_text, mentions_any, span_of

_SHOT = "shot"  # internal kind: shot, fate unknown (injured unless they died)
_KindName = str

_SUBGROUPS: dict[str, str] = {}
for _group, _nouns in {
    "civilians": "civilian civilians citizen citizens resident residents villager villagers worshipper worshippers "
    "worshiper worshipers passenger passengers bystander bystanders farmer farmers pilgrim pilgrims "
    "journalist journalists worker workers employee employees shopper shoppers customer customers "
    "tourist tourists migrant migrants refugee refugees teacher teachers doctor doctors nurse nurses "
    "patient patients miner miners fishermen herders herder traders trader",
    "security forces": "soldier soldiers troops trooper troopers officer officers policeman policemen "
    "police cops cop guard guards personnel serviceman servicemen deputy deputies "
    "gendarmes gendarme marines",
    "militants": "militant militants fighter fighters insurgent insurgents rebel rebels jihadist "
    "jihadists terrorist terrorists militiaman militiamen members member bandits bandit kidnappers "
    "combatants combatant operatives operative",
    "perpetrators": "gunman gunmen attacker attackers assailant assailants suspects suspect shooter "
    "shooters perpetrator perpetrators bomber bombers",
    "children": "child children kids kid minors minor babies infants toddlers schoolchildren",
}.items():
    for _noun in _nouns.split():
        _SUBGROUPS[_noun] = _group

_PERSON_PLURAL = (
    r"(?:people|persons|individuals|men|women|victims|others|adults|boys|girls|teens|teenagers|"
    r"youths|juveniles|students|relatives|family members|siblings|brothers|sisters|daughters|sons|"
    r"inmates|prisoners|detainees|officials|staff|security forces|forces|security personnel|"
    r"partygoers|protesters|protestors|demonstrators|hostages|females|males|"
    + "|".join(
        sorted(
            {n for n in _SUBGROUPS if n.endswith(("s", "men", "ren", "ople", "nnel", "ps"))} | {"police"},
            key=len,
            reverse=True,
        )
    )
    + r")"
)
_PERSON_SINGULAR = (
    r"(?:man|woman|person|boy|girl|teen|teenager|child|infant|baby|toddler|officer|soldier|deputy|"
    r"trooper|victim|driver|motorist|resident|student|bystander|civilian|guard|employee|worker|clerk|"
    r"customer|individual|male|female|juvenile|suspect|gunman|shooter|relative|father|mother|son|"
    r"daughter|brother|sister|husband|wife|girlfriend|boyfriend|friend|neighbou?r|cousin|uncle|aunt|"
    r"grandmother|grandfather|grandson|granddaughter|nephew|niece|stepson|stepdaughter|stepbrother|stepsister|pedestrian|cyclist|policeman|youth|militant|member|farmer|journalist|"
    r"teacher|priest|imam|leader|passenger|homeowner|owner|roommate|patient|inmate|adult|"
    r"fighter|commander|official|security guard|police officer|store clerk|cashier|agent|assailant|"
    r"attacker|perpetrator|bomber|grader|(?:\d{1,3}|[a-z]+)-year-old(?:\s+(?:boy|girl|man|woman|son|daughter|male|female|child|teen))?)"
)
# Words between a number and its noun ("three *security* officers"); never a clause boundary.
_MODIFIERS = (
    r"(?:(?-i:(?!(?:and|or|but|were|was|are|is|who|that|in|on|at|of|from|by|with|after|before|during|a|an|the|his|her|their|its|"
    r"killed|injured|wounded|dead|died|shot)\b))"
    # Nor another count or an article: "11 News Two brothers" counts two, "Image 1 of 16 A man died" one.
    r"(?!(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an|the)\b)[A-Za-z][\w'’.-]*\s+){0,3}?"
)
_AUX = (
    r"(?:(?:were|was|have|has|had|are|is|got|been|being|be|reportedly|also|later|allegedly|all|both|"
    r"critically|seriously|severely|slightly|badly|gravely|reported|confirmed|"
    r"believed|feared|now|initially|subsequently|each|apparently|then|officially|tragically|remain|remained|remains|"
    r"still|later|listed|accidentally)\s+){0,4}"
)
_KILLED_VERBS = (
    r"(?:shot and killed|shot dead|shot to death|stabbed to death|beaten to death|burned to death|"
    r"hacked to death|fatally (?:shot|wounded|injured|stabbed|struck)|killed|slain|murdered|"
    r"executed|beheaded|massacred|perished|died|dies|die|dead|found dead|pronounced dead|confirmed dead|"
    r"gunned down|lost their lives|lost (?:his|her) life|succumbed|found shot dead|found shot to death|"
    r"passed away|did not survive|didn[’']t survive)"
)
_INJURED_VERBS = (
    r"(?:injured|wounded|hurt|grazed|hospitali[sz]ed|"
    r"treated (?:and released )?for (?:[\w-]+\s+){0,2}?(?:injuries|wounds?)|"
    r"(?:taken|transported|rushed|airlifted|flown) (?:by (?:\w+ )?(?:helicopter|ambulance|car) )?to "
    r"(?:a |the |an area |local |nearby )?(?:\w+\s+){0,3}?hospitals?|"
    # "three juveniles are recovering": alive, and hurt.
    r"recovering|"
    # "two men were in critical condition": alive, and hurt.
    r"in (?:critical|serious|grave|stable|fair|good)"
    r"(?: (?:but|and|or) (?:critical|serious|stable|fair|good))? condition)"
)
# "suffered gunshot wounds": shot, and the dead among them too ("all three suffered gunshot wounds").
_WOUND_VERBS = (
    r"(?:suffered|sustained|suffering|sustaining|received)\s+(?:from\s+)?(?:an?\s+|multiple\s+|several\s+)?(?!(?:fatal|mortal|deadly)\b)"
    r"(?:[\w-]+\s+){0,2}?(?:gunshot|bullet|graze)\s+(?:wounds?|injuries|injury)"
)
_OTHER_VERBS = {
    FigureKind.MISSING: r"(?:missing|unaccounted for)",
    FigureKind.KIDNAPPED: r"(?:kidnapped|abducted|taken hostage|held hostage)",
    FigureKind.ARRESTED: r"(?:arrested|detained|taken into custody|apprehended|rounded up)",
}
_PERPETRATOR = r"(?:assailants?|gunm[ae]n|attackers?|perpetrators?|shooters?|suspects?|bombers?|killers?)"
_PERPETRATOR_WORD = re.compile(_PERPETRATOR, re.IGNORECASE)
_PERPETRATORS = r"(?:assailants|gunmen|attackers|perpetrators|shooters|suspects|bombers|hijackers)"
# "Both assailants ... were located and killed", "The gunmen were shot dead": the attackers' own deaths.
_ATTACKERS_DIED = re.compile(
    rf"\b(?:(?P<both>both)|the)\s+(?P<noun>{_PERPETRATORS})\b(?:,[^.;]{{1,80}},)?[^.;]{{0,60}}?"
    r"\bwere\s+(?:[\w-]+\s+){0,3}?(?:killed|shot\s+dead|shot\s+to\s+death|pronounced\s+dead)\b",
    re.IGNORECASE,
)
# "Two assailants opened fire": how many attackers "the assailants" are.
_ATTACKER_COUNT = re.compile(rf"\b(?P<n>{CARDINAL})\s+(?:[\w'’-]+\s+)?(?P<noun>{_PERPETRATORS})\b", re.IGNORECASE)
# "shot at" is fired upon, unless a place or time follows: "five people were shot at a party".
# (_shot_at_is_fired_upon also wants a passive auxiliary: "two men shot at a house" is fired upon.)
_SHOT_AT_TARGET = (
    r"at(?!\s+(?:(?:a|an|the|about|around|approximately|roughly)\b|close\s+range|point[\s-]blank|\d|(?-i:[A-Z])))"
)
_BODY_PART = (
    r"(?:the|his|her|their)\s+(?:(?:left|right|upper|lower)\s+)?"
    r"(?:head|face|chest|neck|back|arm|arms|leg|legs|shoulder|abdomen|stomach|hip|foot|hand|side|torso|thigh|buttocks?|knee|groin)"
)
# "struck by gunfire", "hit by a stray bullet": shot.
_HIT_BY_GUNFIRE = (
    r"(?:struck|hit)\s+(?:\w+\s+)?by\s+(?:a\s+|an\s+)?(?:stray\s+|single\s+)?"
    r"(?:gunfire|bullets?|rounds?|gunshots?|shotgun\s+pellets)"
    # "was struck in the chest", "hit in the leg": a bullet's wound, told by where it hit.
    rf"|(?:struck|hit)\s+(?:once\s+|twice\s+)?(?:in|on)\s+{_BODY_PART}"
    # "was also hit during the shooting"
    r"|(?:struck|hit)\s+(?:during|in)\s+the\s+(?:shooting|gunfire|crossfire|exchange\s+of\s+gunfire)"
)
_VERB = (
    rf"(?:(?P<v_killed>{_KILLED_VERBS})|(?P<v_injured>{_INJURED_VERBS})"
    rf"|(?P<v_shot>shot(?!\s+(?:{_SHOT_AT_TARGET}|in the air))|{_HIT_BY_GUNFIRE}|{_WOUND_VERBS})"
    rf"|(?P<v_missing>{_OTHER_VERBS[FigureKind.MISSING]})|(?P<v_kidnapped>{_OTHER_VERBS[FigureKind.KIDNAPPED]})"
    rf"|(?P<v_arrested>{_OTHER_VERBS[FigureKind.ARRESTED]}))(?![\w-])"
)

# A person's full name: "Jane Roe", "John Q. Public", "Ana Ruiz-Soto".
_FULL_NAME = r"(?-i:[A-Z][a-z'’-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]+)){1,3})"
_FULL_NAME_RE = re.compile(_FULL_NAME)
# People named by what they do: "two firefighters", "four mail carriers", "three journalists".
_AGENT_NOUN = r"[a-z]{3,}(?:ers|ors|ists|ians|ees|men)\b"
# "a 21 year old female was shot": an age written without hyphens, not a count.
_NOT_AGE = r"(?!(?:years?|yrs?\.?)[\s-]+old\b|[ap]\.m\.|[ap]m\b)"
# "three security officers were killed", "5 killed", "at least 12 people have been injured"
_SUBJECT_COUNT = re.compile(
    rf"(?<![\w$.,:-]){QUANTITY}\s+{_NOT_AGE}(?:{_MODIFIERS}(?P<noun>{_PERSON_PLURAL}|{_PERSON_SINGULAR}|{_AGENT_NOUN}|other(?=\s+(?:was|is|has|had)\b)"
    # A force named by its acronym: "24 SDF killed", "3 YPG were killed".
    rf"|(?-i:[A-Z]{{2,5}})(?=\s+(?:were\s+|have\s+been\s+|had\s+been\s+)?(?:killed|dead|died|slain)\b))"
    # A mixed group: "14 civilians and fighters were killed", "13 civilians and ISIS operatives".
    rf"(?P<conj>\s+and\s+{_MODIFIERS}(?:{_PERSON_PLURAL})(?![\w-]))?\s*)?"
    rf"(?P<plus>(?:,\s*)?(?:and|as well as)\s+(?:the|a|an|one)\s+(?:[\w-]+\s+)?"
    rf"(?:{_PERPETRATOR}|{_PERSON_SINGULAR})\s*)?"
    rf"(?:,\s+(?:identified\s+as|who\s+(?:was|were)\s+identified\s+as)\s+[^,;.]{{1,60}},\s*)?"
    # "five men between the ages of 21 and 58 were shot", "four victims, ages 19 to 24, were".
    rf"(?:,?\s*(?:between\s+)?(?:the\s+)?(?:ages?|aged)\s+(?:of\s+)?\d+\s*(?:and|to|-|–)\s*\d+\s*,?\s*)?"
    rf"(?P<including>,\s*(?:including|among them|most of them|many of them|mostly)\s+[^,.;]{{1,90}},\s*"
    # A listed "including" part with its own commas: "44 people, including 33 passengers, seven crew
    # members, and four hijackers, were killed".
    rf"|,\s*including\s+[^.;]{{1,120}}?,?\s+(?=(?:were|was|have|had|are|died)\b)"
    rf"|\s+including\s+[^,.;]{{1,40}}?\s+(?=(?:were|have|had|died|killed)\b))?"
    # "43 members of the regime, its allies, and ISIS have been killed": a list may run on after a comma.
    # "four students at the school were shot"; never across "and" + another count ("200 teens at the
    # party and four of them were shot"), though "members of the army and their allies were" is one phrase.
    rf"(?:(?<=\s)(?:of|from|belonging\s+to|in|at|with)\s+(?:the\s+)?(?:(?!\s(?:and|but)\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|several|some|many)\b|\s(?:are|is|after|when|before|while)\s)(?:[^,.;\d]|,(?=\s+(?:its|their)\s|\s+and\s|\s+(?-i:[A-Z]))|\.(?=(?-i:[A-Z])\.)|(?<=(?-i:[A-Z]))\.(?=\s))){{1,80}}?\s+(?=(?:were|was|have|had|are)\s))?"
    rf"(?:(?:of them|of whom|who|that|in all|in total|total)\s+)?,?\s*{_AUX}{_VERB}",
    re.IGNORECASE,
)
# "killing at least five people", "injured three others", "left two dead"
_OBJECT_COUNT = re.compile(
    r"\b(?:(?P<v_killed>killing|killed|kills|kill|claim(?:ed|s)? the lives of|claiming the lives of|"
    r"execut(?:ed|es|e|ing)|assassinat(?:ed|es|e|ing)|(?:a\s+)?massacre\s+of|"
    r"took the lives of|taking the lives of|(?:shot|stabbed|beat|hacked|strangled)\s+and\s+killed|fatally shot|"
    r"gunned down|massacred|(?:the\s+)?deaths?\s+of|the\s+killing\s+of)"
    r"|(?P<v_injured>injuring|injured|wounding|wounded|injures|wounds|hurting|hurt|(?:the\s+)?(?:wounding|injuring)\s+of)"
    r"|(?P<v_shot>shooting|shot|shoots|hitting|striking|(?:the\s+)?shootings?\s+of)"
    r"|(?P<v_kidnapped>abducting|abducted|kidnapping|kidnapped|abducts|kidnaps)"
    r"|(?P<v_arrested>arresting|arrested|detaining|detained|arrests|detains|apprehended))\s+"
    r"(?:(?:his|her|their|its)\s+(?:[\w-]+['’]s\s+)?|the\s+)?"
    rf"{QUANTITY}(?:\s+{_MODIFIERS}(?P<noun>{_PERSON_PLURAL}|{_PERSON_SINGULAR})(?![\w-]))?",
    re.IGNORECASE,
)
_LEFT_COUNT = re.compile(
    rf"\b(?:leaving|left|leaves|leave)\s+{QUANTITY}\s+(?:{_MODIFIERS}(?P<noun>{_PERSON_PLURAL}|{_PERSON_SINGULAR})\s+)?"
    r"(?:(?:from|of)\s+(?:the\s+)?(?:same|one|a|an)\s+family\s+)?"  # "leaves 2 people from one family killed"
    r"(?:(?P<v_killed>dead|killed)|(?P<v_injured>injured|wounded|hurt))\b",
    re.IGNORECASE,
)
# "the death toll rose to 7", "a death toll of 12"
_TOLL = re.compile(
    # Up to 16 words between "toll" and its verb: "the toll from Monday's bombing of a police station in X rose to 7".
    r"\b(?:(?P<death>death|fatality|casualty)\s+)?toll\s+(?:[\w'’-]+,?\s+){0,16}?"
    r"(?:(?P<update>has\s+risen|had\s+risen|rose|risen|climbed|has\s+climbed|increased|jumped|reached|"
    r"grew|mounted|went up)|stands at|stood at|is|was|of|at|now)\s+(?:to\s+|at\s+)?"
    rf"{QUANTITY}",
    re.IGNORECASE,
)
# Monitors' running tolls: "more casualties raise the death toll to 13", "raises to 7, the number of
# people killed", "the number of casualties rises to 6", "brings to 12 the number of victims".
_RAISED_TO = re.compile(
    r"\b(?:rais(?:e|es|ed|ing)|ris(?:e|es|en|ing)|rose|climb(?:s|ed|ing)?|increas(?:e|es|ed|ing)|jump(?:s|ed)?|"
    r"bring(?:s|ing)?|brought)\s+(?:[^,.;]{0,120}?\s)?to\s+"
    rf"{QUANTITY}(?![\w-])"
    r"(?!\s*(?:%|percent|per\s*cent|km|kilomet|miles?\b|degrees|years?\b|months?\b|weeks?\b|days?\b|hours?\b|"
    r"villages?\b|towns?\b|areas?\b|points?\b|million|billion|dollars))",
    re.IGNORECASE,
)
# What such a rise must be about: a number of the dead, not of villages taken or strikes flown.
_TOLL_WORDS = re.compile(r"casualt|kill|death|dead|martyr|victim|losses|lives|toll|bodies|corpses", re.IGNORECASE)
# "raise to 6, the number of villages held": what the number counts, named after it.
_NUMBER_OF = re.compile(r"\s*,?\s*the\s+number\s+of\s+(?:the\s+)?(?P<what>[\w'’-]+)", re.IGNORECASE)
_COUNTS_PEOPLE = re.compile(
    rf"(?:{_PERSON_PLURAL}|those|civilian|casualties|victims|martyrs|dead|deaths)$", re.IGNORECASE
)
# "20 casualties at least": the qualifier written after the number.
_AT_LEAST_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?at\s+least\b", re.IGNORECASE)
# "kill and injure 20 people", "20 people were killed and injured", "35 casualties and wounded": one
# number for the dead and the wounded together, a count of neither.
_COMBINED = re.compile(
    r"\b(?:kill(?:s|ed|ing)?|dead|deaths?|casualties|martyrs)\s+(?:and|or|&)\s+"
    r"(?:injur(?:e|es|ed|ing|ies|y)|wound(?:s|ed|ing)?|hurt)\b"
    r"|\b(?:injur(?:e|es|ed|ing|ies|y)|wound(?:s|ed|ing)?)\s+(?:and|or|&)\s+(?:kill(?:s|ed|ing)?|dead|deaths?)\b",
    re.IGNORECASE,
)
# "kills and injures 11 persons", "Massacre kills and injuries about 20 persons": the combined count in the
# object, read here as the wounded and turned into a bound on the dead by _drop_combined.
_COMBINED_OBJECT = re.compile(
    r"\bkill(?:s|ed|ing)?\s+(?:and|or|&)\s+(?P<v_injured>injur(?:e|es|ed|ing|ies|y)|wound(?:s|ed|ing)?)\s+"
    rf"{QUANTITY}(?![\w-])",
    re.IGNORECASE,
)
# "1 fatality", "3 fatalities", "12 deaths", "20 martyrs", "two injuries".
# "Casualties" is read as the dead: conflict monitors (and news translated from Arabic, where the
# word renders "victims killed") count the wounded apart, as "injuries" or "wounded". Where the
# two are joined ("35 casualties and wounded"), the number is a combined count; see _COMBINED.
_NOUN_COUNT = re.compile(
    rf"(?<![\w$.,-]){QUANTITY}\s+(?:(?:reported|confirmed|civilian|total|other|more|further|new|human)\s+)?"
    r"(?:(?P<v_killed>fatalit(?:y|ies)|deaths|dead bodies|bodies|corpses|martyrs|casualties)"
    r"|(?P<v_injured>injuries))\b",
    re.IGNORECASE,
)
# A dataset writer's coding note: "Unclear fatalities coded as 10".
_CODED_AS = re.compile(
    rf"\b(?:fatalities|casualties)\b[^.;]{{0,40}}?\b(?:is|are|were|was)?\s*coded\s+(?:as|to)\s+(?:an?\s+)?"
    rf"(?:additional\s+)?(?P<n>{CARDINAL})\b",
    re.IGNORECASE,
)
_SPLIT = re.compile(
    rf"\s*(?:are\s+|were\s+|have\s+been\s+)?(?:split|spread|divided|distributed)\s+(?:evenly\s+)?(?:among|between|across|over|into)\s+"
    rf"(?P<parts>{CARDINAL})\s+(?:events|locations|incidents|days)",
    re.IGNORECASE,
)
# "a woman's body was found", "2 young men's bodies were found".
_BODY_FOUND = re.compile(
    rf"(?:(?<![\w.,])(?P<n>{CARDINAL})|\b(?:a|an|the))\s+(?:[\w'’-]+\s+){{0,3}}?bod(?:y|ies)\s+(?:was|were|had\s+been|have\s+been|has\s+been)\s+"
    rf"(?:\w+\s+)?(?:found|discovered|recovered|retrieved)",
    re.IGNORECASE,
)
_BODIES = re.compile(
    rf"\b(?:the\s+)?(?:dead\s+)?bod(?:y|ies)\s+of\s+(?:(?P<n>{CARDINAL})\s+|a\s+|an\s+)(?:[\w'’-]+\s+){{0,2}}?(?:{_PERSON_PLURAL}|{_PERSON_SINGULAR})\b",
    re.IGNORECASE,
)
# One person as a subject: "a man", "another woman", "Jane Doe, 25,", "the victim", "she".
_ONE_SUBJECT = (
    rf"(?:(?<![Nn]o\s)\b(?:a|an|one|another)\s+(?:[\w'’.-]+\s+){{0,4}}?(?P<noun>{_PERSON_SINGULAR})(?:\s+(?:of|from|with|in|at)\s+[^,.;]{{1,60}}?)?"
    rf"(?:,\s+identified\s+as\s+[^,;]{{1,60}},)?"
    rf"|(?-i:\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){{0,3}}),\s+(?:a\s+)?\d{{1,3}}(?:-year-old)?,"
    rf"|(?-i:\b[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’.-]+){{1,2}})(?=\s+was\s)"
    rf"|\b(?:the|this|that|his|her|their)\s+(?:[\w'’.-]+\s+){{0,2}}?(?P<noun2>{_PERSON_SINGULAR})(?:,\s+(?:identified\s+as\s+|an?\s+|the\s+)[^,;.]{{1,60}},)?"
    rf"|(?-i:\b(?:He|She))|(?-i:\b(?:where|when|until|before|after)\s+(?:he|she)))"
)
# Implicit singulars: "a man was shot and killed", "Jane Doe, 25, was fatally shot".
_SINGULAR_SUBJECT = re.compile(
    rf"{_ONE_SUBJECT}(?:,\s+(?:who|that)\s+|\s+(?:(?:who|that)\s+)?)"
    rf"(?:(?:was|has been|had been|is|has|had|reportedly|later|also|allegedly|"
    rf"critically|seriously|severely|badly|apparently|then|accidentally|listed|remains|remained|still|now)\s+){{1,4}}{_VERB}",
    re.IGNORECASE,
)
# "Jane Doe, 19, sustained a gunshot wound": one shot, with no auxiliary before the verb.
_ONE_WOUNDED = re.compile(
    rf"{_ONE_SUBJECT}\s+(?:(?:who|that|also|later|had|has|reportedly|apparently)\s+){{0,2}}"
    r"(?:suffered|sustained|received|(?:suffering|recovering)\s+from)\s+(?:an?\s+|multiple\s+|several\s+|minor\s+)?(?!(?:fatal|mortal|deadly)\b)"
    r"(?:[\w-]+\s+){0,2}?(?:gunshot|bullet|stab|shrapnel|graze)\s+wounds?\b",
    re.IGNORECASE,
)
# "one fatally", "one of them died"
_ONE_FATALLY = re.compile(
    rf"\b(?P<num>{CARDINAL})\s+(?:of\s+(?:them|whom|the victims)\s+)?(?:(?:later|was|were|has|have|since)\s+)*"
    r"(?:fatally\b|mortally\b|died\b|succumbed\b|was killed\b|were killed\b|dead\b)",
    re.IGNORECASE,
)
# "six people wounded -- two mortally": the dead are among the wounded just counted.
_SOME_FATALLY = re.compile(
    rf"\s*(?:,|--|—|–)\s*(?:including\s+)?{CARDINAL}\s+(?:of\s+(?:them|whom)\s+)?(?:fatally|mortally)\b", re.IGNORECASE
)
_AGES_BEFORE = re.compile(r"\b(?:ages?|aged)\s+(?:of\s+)?(?:between\s+)?(?:\d+\s*(?:and|to|-|–)\s*)?$", re.IGNORECASE)
# "1 Killed, 4 Wounded": the comma ends another figure, so the number after it is a count, not an age.
_AFTER_FIGURE = re.compile(r"\b(?:killed|dead|died|injured|wounded|hurt|shot)\s*,\s*$", re.IGNORECASE)
_SUICIDE = re.compile(
    r"\b(?:turn(?:ed|ing|s) the (?:gun|weapon|rifle|pistol|shotgun) on (?:himself|herself)|"
    r"(?:killed|killing|kills) (?:himself|herself)|(?:and\s+)?then\s+(?:killed\s+|shot\s+)?(?:himself|herself)\b|"
    r"(?:then|before|later)\s+(?:fatally\s+)?(?:shot|shooting|shoots)\s+(?:and\s+killed\s+)?(?:himself|herself)|"
    # "after shooting himself" tells an outcome first: a death only when it says so ("wounded after
    # shooting himself" is an accident).
    r"after\s+(?:fatally\s+(?:shooting|shot)|shooting\s+and\s+killing)\s+(?:himself|herself)|"
    r"fatally\s+(?:shot|shoots|shooting)\s+(?:himself|herself)|"
    r"took (?:his|her) own life|taking (?:his|her) own life|committed suicide|"
    r"died (?:of|from) (?:a |an )?(?:apparent )?self-inflicted|fatal self-inflicted|murder-suicide)",
    re.IGNORECASE,
)
# "... in 2008", "... two years later": a date that puts a death apart from the event.
_LATER_ON = re.compile(
    r"\s+(?:[\w,]+\s+){0,2}?(?:in\s+(?:(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+)?(?:19|20)\d\d|(?:\w+\s+)?(?:months|years)\s+later)\b",
    re.IGNORECASE,
)
# Accidental self-injury: one person shot, not a suicide.
_SELF_SHOT = re.compile(
    r"\b(?:shot|shoots|shooting)\s+(?:himself|herself)\b|\bself-inflicted\s+(?:gunshot\s+)?wound", re.IGNORECASE
)
# "the shooting death of a 16-year-old", "charged with killing his uncle": one victim.
_DEATH_OF = re.compile(
    rf"\b(?:shooting\s+death|fatal\s+shooting|stabbing\s+death|killing|murder|slaying|death|homicide)\s+of\s+"
    rf"(?:a|an|one|his|her|their)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_PERSON_SINGULAR}|[a-z]+)\b"
    # "resulted in the death of Jane Roe"; not "the death of Jane Roe and John Doe" (two).
    rf"|\b(?:shooting\s+death|death|killing|murder|slaying)\s+of\s+{_FULL_NAME}(?![\w'’-]|\.\s*(?-i:[A-Z])|\s+(?:and\s|(?-i:[A-Z])))"
    rf"|(?:fatal|deadly)\s+(?:[\w-]+\s+)?shooting\s+of\s+(?:a|an|his|her|their)\s+"
    rf"|\b(?:charged|accused|convicted|arrested|indicted|sentenced|suspected)\s+(?:\w+\s+){{0,2}}(?:with|of|in|for)\s+(?:the\s+)?"
    rf"(?:killing|murdering|shooting\s+death|fatal\s+shooting|murder|death|fatally\s+shooting)\s+(?:of\s+)?(?:a|an|his|her|their)?\s*(?:[\w'’-]+\s+){{0,3}}?{_PERSON_SINGULAR}\b",
    re.IGNORECASE,
)
# "a deadly shooting", "the shooting death": at least one person died.
_DEADLY = re.compile(
    r"\b(?:fatal|deadly)\s+(?:[\w-]+\s+)?(?:shooting|stabbing|attack|shootout)s?\b|\bshooting\s+deaths?\b",
    re.IGNORECASE,
)
# "shot and killed a civilian", "killed a 17-year-old boy", "fatally shot Bruce Cofield".
_SINGLE_OBJECT = re.compile(
    rf"\b(?:shot\s+and\s+killed|shoots\s+and\s+kills|(?:shooting|striking|stabbing)\s+and\s+killing|"
    rf"fatally\s+(?:shot|shoots|stabbed|stabs|wounded)|killed|kills|murdered|shot\s+dead|"
    rf"gunned\s+down|stabbed\s+to\s+death|(?:claimed|claims|took|takes|taking)\s+the\s+life\s+of|"
    rf"beat\s+to\s+death|beaten\s+to\s+death|hacked\s+to\s+death|lynched|executed|beheaded)\s+"
    rf"(?:(?:a|an|one|his|her|their|the(?!\s+(?:\d|two|three|four|five|six|seven|eight|nine|ten|several|many|dozens)\b))"
    rf"\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_PERSON_SINGULAR}\b|\d+-year-old\b|[a-z]+(?=\s*(?:[,.;]|$|\s+(?:in|at|near|on|who|after|while|with|and|from)\b)))|(?:\d{{1,3}}-year-old\s+)?(?-i:[A-Z][a-z'’-]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z'’-]+)(?!\s+(?:Police|County|Sheriff|Department|Street|Avenue|Road))"
    # "killing Mr. Valentine"
    rf"|(?-i:(?:Mr|Mrs|Ms|Miss)\.?\s+[A-Z][a-z'’-]+))",
    re.IGNORECASE,
)
_COUNT_WORD = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|"
    r"dozens?|several|many|multiple|numerous|both|\d+)"
)
# One wounded person not counted by number: "one officer died and the other was wounded",
# "critically injuring the man", "shot and injured police officer Jane Roe".
_ONE_INJURED = re.compile(
    r"\b(?:another|the\s+other)(?:\s+[\w-]+){0,2}?\s+(?:was|had\s+been)\s+(?:\w+\s+)?(?:wounded|injured|hurt|hospitali[sz]ed)\b"
    # "Three people are dead and another hospitalized": the auxiliary is left out after "and".
    r"|\b(?:dead|killed|died)\s+(?:,\s*)?and\s+(?:another|one\s+other)(?:\s+(?!(?:was|is|were|had|has)\b)[\w-]+){0,2}?\s+"
    r"(?:(?:critically|seriously|slightly)\s+)?(?:wounded|injured|hurt|hospitali[sz]ed)\b"
    # "Accidental shooting hurts Wichita child": a present tense is a verb, with or without an article.
    rf"|\b(?:shooting|gunfire|bullet|shot)\s+(?:injures|wounds|hurts)\s+(?:(?:a|an|the|one|another|his|her|their)\s+)?"
    rf"(?:[\w'’-]+\s+){{0,2}}?(?:{_PERSON_SINGULAR}|minor)\b"
    # "The attackers were killed and a guard wounded": the auxiliary is left out after "and".
    rf"|\b(?:were|was)\s+(?:\w+\s+)?(?:killed|shot\s+dead|slain)\s+and\s+(?:a|an|one)\s+(?:[\w'’-]+\s+){{0,2}}?{_PERSON_SINGULAR}"
    r"\s+(?:(?:critically|seriously|slightly)\s+)?(?:wounded|injured|hurt)\b"
    r"|(?<!fatally\s)(?<!mortally\s)\b(?:injuring|wounding|(?:shot|stabbed)\s+and\s+(?:injured|wounded)"
    # "killed a boy and critically injured a man", "a shooting that injured a toddler": active, after a
    # conjunction or a relative pronoun (so not the adjective of "an injured man").
    r"|(?:\band|,|\bthat|\bwhich|\bwho)\s+(?:(?:critically|seriously|severely|badly|also|slightly)\s+)?(?:injured|wounded))\s+"
    rf"(?:(?:a|an|the|one|another|his|her|their)\s+(?:[\w'’-]+\s+){{0,2}}?{_PERSON_SINGULAR}\b|(?:[a-z]+\s+){{0,2}}{_FULL_NAME})",
    re.IGNORECASE,
)
# Headlines drop the auxiliary: "Teen injured in accidental shooting", "Boy, 5, shot by brother",
# "Woman, 1-year-old boy wounded in shooting", "Exclusive: Woman struck by stray bullet speaks out".
# Read only in a report's first clause, where headline grammar is expected; in the body such a line is
# more often a link to another story. Headlines capitalise every word, so a name cannot be told from
# other words there: the victim is a person noun. A clause opening with an article is prose, which keeps
# its auxiliary ("A farmer shot at the intruders" aims, it does not hit).
_HEADLINE_VICTIM = rf"(?:{_PERSON_SINGULAR}|minor|tot|preteen)(?:,\s*\d{{1,3}},?)?"
_HEADLINE_WOUNDED = re.compile(
    # At the start, or after a comma: "Husband and wife dead, daughter in hospital".
    r"(?:^(?:[A-Za-z][\w .'’-]{0,30}:\s+)?|(?<=[,;]\s))(?!(?:a|an|the)\s)(?:[\w'’.-]+\s+){0,3}?"
    rf"(?P<first>{_HEADLINE_VICTIM})(?:(?:\s*,\s*|\s+and\s+)(?:(?:a|an|his|her|the)\s+)?(?:[\w'’.-]+\s+){{0,2}}?(?P<second>{_HEADLINE_VICTIM}))?"
    r"\s+(?:(?:accidentally|critically|seriously|severely|badly|reportedly|allegedly)\s+)?"
    r"(?:(?P<v_killed>fatally\s+(?:shot|wounded|stabbed)|(?:shot|stabbed|beaten)\s+(?:to\s+death|dead)|killed|slain|murdered|"
    r"dies|died|(?:found\s+)?dead|found\s+shot\s+(?:to\s+death|dead))"
    rf"|(?P<v_injured>injured|wounded|hurt|hospitali[sz]ed|recovering|grazed(?:\s+by\s+(?:a\s+)?(?:stray\s+)?bullet)?"
    # "Father critical after shooting", "daughter in hospital", "child in critical condition"
    r"|critical|in\s+(?:the\s+)?hospital|in\s+(?:critical|serious|grave|stable|fair|good)\s+condition)"
    rf"|(?P<v_shot>shot(?!\s+{_SHOT_AT_TARGET})|{_HIT_BY_GUNFIRE}|struck\s+by\s+(?:a\s+)?(?:stray\s+)?(?:bullet|gunfire)))"
    r"(?=\s*(?:[,;:.!?|(—–-]|$)|\s+(?:in|on|at|by|after|during|while|near|outside|inside|following|as|when|with|"
    r"early|late|overnight|last|this|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)",
    re.IGNORECASE,
)
# "found a 5-year-old boy dead", "a shooting that left his cousin dead": one death told of its victim.
_ONE_FOUND_DEAD = re.compile(
    rf"\bfound\s+(?:a|an|the|his|her|their)\s+(?:[\w'’-]+\s+){{0,3}}?{_PERSON_SINGULAR},?\s+"
    r"(?:dead|shot\s+(?:to\s+death|dead)|stabbed\s+to\s+death)\b"
    rf"|\b(?:leaves|left|leaving)\s+(?:(?:a|an|one|his|her|their)\s+|[\w-]+['’]s\s+)(?:(?!and\b)[\w'’-]+\s+){{0,3}}?{_PERSON_SINGULAR}\s+dead\b",
    re.IGNORECASE,
)
# A headline's active verb with a bare object: "6-year-old fatally shoots grandfather", "shooting kills teen girl".
_HEADLINE_KILLS = re.compile(
    rf"\b(?:fatally\s+(?:shoots|stabs|shoot)|shoots?\s+and\s+kills?|kills?)\s+(?!{_COUNT_WORD}\b)(?:[\w'’-]+\s+){{0,2}}?"
    rf"{_PERSON_SINGULAR}\b(?!['’-])",
    re.IGNORECASE,
)
# "Teen accidentally shoots 5-year-old boy in leg", "Gunshot wounds Chetek teen": one shot.
_HEADLINE_SHOOTS = re.compile(
    rf"\b(?:shoots|wounds|injures)\s+(?!{_COUNT_WORD}\b(?!-))(?:[\w'’-]+\s+){{0,2}}?{_PERSON_SINGULAR}\b(?!['’-])",
    re.IGNORECASE,
)
_AND_ANOTHER_NAME = re.compile(rf"(?:,\s+\d{{1,3}},)?\s+and\s+{_FULL_NAME}(?!\s+(?:was|were|is|had|has)\b)")
_ENDS_IN_NAME = re.compile(r"(?-i:[A-Z][a-z'’-]+)$")
_WEEKDAY_OR_MONTH = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)"
)
# "accidentally shot his 8-year-old sister", "shooting a man in the leg": one person shot, fate told elsewhere.
_SHOT_OBJECT = re.compile(
    rf"\b(?:shot|shoots|(?<!fatal\s)(?<!deadly\s)shooting(?:\s+of)?)\s+(?:(?:a|an|the|his|her|their|another)\s+(?:[\w'’-]+\s+){{0,3}}?{_PERSON_SINGULAR}"
    # A name after the lower-case verb only: "Teen Shot In Hermosa Park" is a headline, not a name.
    rf"|(?<=(?-i:shot|oots|ting)\s)(?-i:(?!{_WEEKDAY_OR_MONTH}\b)[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+)"
    # "accidentally shot him in the foot": a pronoun, with where the bullet hit.
    rf"|(?:him|her)(?=\s+(?:once\s+|twice\s+)?in\s+{_BODY_PART}))\b"
    r"(?!['’]s|-|\s+(?:dead|to\s+death|and\s+killed|and\s+(?:injured|wounded))\b)",
    re.IGNORECASE,
)
_THEN_DIED = re.compile(
    r"\b(?:kill(?:ed|ing)|died|dies|dead|death|fatal(?:ly)?|succumbed|did not survive|passed away)\b", re.IGNORECASE
)
# "a triple shooting", "a double homicide": the count is in the adjective.
_MULTIPLE = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
_MULTIPLE_EVENT = re.compile(
    r"\b(?P<n>double|triple|quadruple|quintuple)[\s-]+(?:(?P<fatal>fatal|deadly)\s+)?"
    r"(?:(?P<shot>shootings?)|(?P<dead>homicides?|murders?|slayings?|killings?))\b(?!-)",
    re.IGNORECASE,
)
# "a shooting that sent five people to the hospital".
_SENT_TO_HOSPITAL = re.compile(
    rf"\bsen(?:t|ds|ding|d)\s+(?:{QUANTITY}\s+(?:{_MODIFIERS}(?:{_PERSON_PLURAL}|{_PERSON_SINGULAR})\s+)?"
    # "sent an 8-year-old boy to the hospital": one person.
    rf"|(?P<one>a|an)\s+(?:[\w'’-]+\s+){{0,3}}?{_PERSON_SINGULAR}\s+)"
    r"to\s+(?:a\s+|the\s+|area\s+|local\s+|nearby\s+)*(?:hospitals?|medical\s+cent)",
    re.IGNORECASE,
)
# Headline and named subjects that die: "Teen dies after shooting", "Jovan Wilson, 15, died".
_SUBJECT_DIES = re.compile(
    rf"(?:\b(?:a|an|one|the)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_PERSON_SINGULAR}|villager|local|informant|administrator|artist|chief|trader|vendor|"
    rf"herder|herdsman|fisherman|activist|lawyer|politician|councillor|councilor|mayor|monk|nun|pastor|refugee|migrant|detainee|prisoner|"
    rf"worshipper|protester|demonstrator|dealer|trafficker|smuggler|thief|robber|militiaman|policewoman|gendarme|ranger|"
    rf"guard|watchman|shopkeeper|businessman|businesswoman|contractor|engineer|doctor|nurse|medic|elder|firefighter|hunter|"
    rf"grader|[a-z]+-?year-old|(?!number\b)[a-z]+er)(?:\s+(?:of|from|in)\s+[^,.;]{{1,50}}?)?"
    rf"|^(?:[\w'’.-]+\s+){{0,3}}?(?!{_COUNT_WORD}\b)[\w'’-]+(?:,\s+[^,.;]{{1,40}},)?(?=\s+(?:dies|died|killed|fatally|shot\s+dead|found\s+dead))"
    rf"|(?-i:\b[A-Z][a-z'’-]+(?:\s+[A-Z][\w'’.-]+){{0,3}})(?:,\s+\d{{1,3}},)?)"
    rf"(?:,\s+(?:identified\s+as\s+|an?\s+|the\s+)[^,;.]{{1,60}},)?"
    rf"\s+(?:(?:who|that)\s+)?(?:(?:has|have|later|also|eventually|then|was|accidentally)\s+)*(?:dies|died|succumbed|is\s+dead|killed|fatally\s+shot|"
    rf"passed\s+away|did\s+not\s+survive|"
    rf"shot\s+and\s+killed|found\s+dead|pronounced\s+dead|shot\s+to\s+death|shot\s+dead|stabbed\s+to\s+death|"
    rf"found\s+shot\s+(?:dead|to\s+death))\b"
    rf"(?!\s+(?:(?:a|an|the|his|her|their|him|them|{_COUNT_WORD})\b|(?-i:[A-Z][a-z]+\s+[A-Z])))",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"\b(?:(?:no one|nobody|no-one|none|no other (?:people|persons)|no (?:people|persons|civilians|officers|one else))"
    r"\s+(?:else\s+)?(?:(?:was|were|has been|had been|is|got|reportedly|believed|to have been|appeared to be)\s+)+"
    r"(?:(?:seriously|critically|physically)\s+)?(?P<what>killed|injured|hurt|wounded|harmed|shot|struck)"
    r"|(?:no|without|zero|not (?:result in|cause) any|did not result in any|without any|caused no|causing no)\s+"
    r"(?:(?:reported|immediate|other|known|serious|further|human)\s+)*"
    r"(?P<noun>casualties|injuries|injured|fatalities|deaths|loss of life|one injured|one killed|one hurt|victims)"
    r"(?:\s+(?:or|and|nor)\s+(?P<noun2>injuries|deaths|casualties|fatalities))?)",
    re.IGNORECASE,
)
# "shot and killed his wife": one victim, and the killer is not among them.
_KIN_VICTIM = re.compile(
    r"\b(?P<v_killed>shot and killed|killed|fatally shot|fatally stabbed|murdered|shot dead|strangled|"
    r"stabbed to death)\s+"
    r"(?:his|her)\s+(?:[\w-]+\s+)?(?:wife|husband|girlfriend|boyfriend|ex-wife|ex-husband|ex-girlfriend|"
    r"ex-boyfriend|mother|father|son|daughter|brother|sister|stepfather|stepmother|stepson|stepdaughter|"
    r"fianc[eé]e?|partner|grandmother|grandfather|roommate|neighbou?r|friend|uncle|aunt|cousin|nephew|niece|"
    r"landlord|co-worker|coworker|boss|child|baby|infant)\b(?!['’]s)",
    re.IGNORECASE,
)
# "shot his 1-year-old daughter dead": one victim, the killer apart.
_SHOT_DEAD_OBJECT = re.compile(
    r"\bshot\s+(?:his|her|their)\s+(?:[\w'’-]+\s+){0,2}?(?:wife|husband|girlfriend|boyfriend|mother|father|son|daughter|"
    r"brother|sister|child|baby|infant|friend|neighbou?r|partner|uncle|aunt|cousin|grandmother|grandfather)\s+"
    r"(?:dead|to\s+death)\b",
    re.IGNORECASE,
)
# "a father and his baby boy were found dead", "Jane Roe and John Doe were killed": two people.
_PAIR_SUBJECT = re.compile(
    rf"(?:\b(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,2}}?{_PERSON_SINGULAR}\s+and\s+(?:his|her|their|a|an|the)\s+(?:[\w'’-]+\s+){{0,2}}?"
    rf"{_PERSON_SINGULAR}|{_FULL_NAME}(?:,\s+\d{{1,3}},)?\s+and\s+{_FULL_NAME}(?:,\s+\d{{1,3}},)?)"
    r"(?:\s+(?:in|inside|at|from|of)\s+(?:the|a|an|his|her|their)\s+[^,.;]{1,40}?)?"  # "... in the car with him were"
    rf"\s+(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?"
    rf"(?:(?P<v_killed>{_KILLED_VERBS})|(?P<v_injured>{_INJURED_VERBS})|(?P<v_shot>shot(?!\s+{_SHOT_AT_TARGET})|{_HIT_BY_GUNFIRE}))\b",
    re.IGNORECASE,
)
# "The assailant and one civilian were killed", "a woman and three children were wounded": one more.
_ONE_AND_COUNT = re.compile(
    rf"\b(?:the|a|an|one)\s+(?:[\w'’-]+\s+){{0,2}}?(?P<one>{_PERPETRATOR}|{_PERSON_SINGULAR})\s+and\s+{QUANTITY}\s+"
    rf"{_MODIFIERS}(?P<noun>{_PERSON_PLURAL}|{_PERSON_SINGULAR}|others?)\s+(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?"
    rf"(?:(?P<v_killed>{_KILLED_VERBS})|(?P<v_injured>{_INJURED_VERBS})|(?P<v_shot>shot(?!\s+{_SHOT_AT_TARGET})))\b",
    re.IGNORECASE,
)
# The earlier members of a coordinated subject: "2 soldiers and 3 militants were killed".
_LIST_PART = re.compile(
    rf"(?P<num>{CARDINAL})\s+{_MODIFIERS}(?P<noun>{_PERSON_PLURAL}|{_PERSON_SINGULAR})\s*(?:,\s*(?:and\s+)?|and\s+)$",
    re.IGNORECASE,
)
_OTHERS_WOUNDED = re.compile(
    r"\b(?P<v_injured>wounding|injuring|wounded|injured)\s+(?:many\s+|several\s+)?others\b", re.IGNORECASE
)
_QUOTED_SOURCE = re.compile(
    r"(?:according to\s+(?P<according>(?:[\w'’.-]+\s+){0,4}?[\w'’.-]+)(?=\s*[,.;]|\s*$|\s+(?:who|which|that))"
    r"|(?P<said>(?:[\w'’.-]+\s+){0,2}?(?:state\s+)?(?:media|television|TV|radio|news agency|agency|police|"
    r"officials?|authorities|ministry|sources?|spokes(?:man|woman|person)|witnesses|observatory|army|"
    r"military|hospital|medics|doctors|residents|activists|monitor|governor|sheriff|coroner|prosecutors?|"
    r"SOHR|SANA|Reuters|AFP|AP))\s+(?:said|says|say|reported|reports|told|tell|announced|confirmed|stated))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Hit:
    kind: _KindName
    quantity: Quantity
    start: int  # offsets in the clause text
    end: int
    subgroup: str | None = None
    is_update: bool = False
    excludes_agent: bool = False  # an object count: the killer is not among them
    counts_agent: bool = False  # "four people, including the assailant": the killer is among them
    summary: bool = False  # "3 fatalities", "fatalities coded as 10": the writer's own total
    implicit: bool = False  # a count read from the grammar ("a man was killed"), not a stated number
    bound_only: bool = False  # a combined count of the dead and the wounded: caps the dead, counts neither
    # "the assailants were killed": as many as the report says attacked; the noun to count them by
    attackers_noun: str | None = None
    case: bool = False  # "Jane Roe was diagnosed with skin anthrax": one case of a poisoning or infection


def _kind_from(match: re.Match[str]) -> _KindName | None:
    for kind in ("killed", "injured", "shot", "missing", "kidnapped", "arrested"):
        if match.groupdict().get(f"v_{kind}"):
            return kind
    return None


def _subgroup_of(noun: str | None) -> str | None:
    if not noun:
        return None
    return _SUBGROUPS.get(noun.lower().split()[-1])


# Cheap gate: a clause with none of these words states no figure, so the costly patterns skip it.
_TRIGGER = re.compile(
    r"kill|dead|die[ds]?\b|death|fatal|injur|wound|hurt|hospital|shot|shoot|slain|murder|missing|unaccounted|"
    r"kidnap|abduct|hostage|arrest|detain|custody|apprehend|rounded up|toll|casualt|no one|nobody|no-one|none|"
    r"suicide|himself|herself|stabbed|beaten|burned to|lives|life|massacre|execut|assassinat|behead|perish|succumb|"
    r"gunned|diagnosed|contracted|tested positive|infected|burn|sever|blinding|"
    r"victim|harmed|martyr|corpse|grazed|gunfire|bullet|passed away|survive|save|"
    r"(?:critical|serious|grave|stable|fair|good) condition|recovering",
)


_PROTEST = re.compile(
    r"\b(?:protest(?:ed|ers|ors|ing|s)?|demonstrat(?:ed|ion|ions|ors|ing)|rall(?:y|ied|ies)|marched|sit-in|picket(?:ed)?|"
    r"demand(?:ed|ing)?\s+justice|memorial\s+rally)\b",
    re.IGNORECASE,
)
_DEATH_WORDS = re.compile(
    r"\b(?:died|dies|dead|killed|fatal(?:ly)?|succumbed|deadly|death|homicide|passed\s+away|did\s+not\s+survive"
    r"|(?:not|unable)\s+(?:able\s+)?to\s+save)\b",
    re.IGNORECASE,
)
# "doctors were unable to save her": one death, told by those who tried.
# "... several times and died at a hospital", "... where she later died": the subject just shot dies.
_SAME_SUBJECT_DIED = re.compile(
    r"[^.;:]{0,80}?(?:\b(?:and|but|where|before)\s+(?:(?:he|she)\s+)?|,\s+)"
    r"(?:(?:later|eventually|subsequently|was|has|had|then)\s+)*"
    r"(?:died|dies|dying|pronounced\s+dead|succumbed|passed\s+away|did\s+not\s+survive)\b",
    re.IGNORECASE,
)
_COULD_NOT_SAVE = re.compile(
    r"\b(?:were|was|are|is)\s+(?:not\s+able|unable)\s+to\s+save\s+(?:him|her|the\s+(?:[\w-]+\s+)?(?:victim|boy|girl|man|woman|child))\b",
    re.IGNORECASE,
)


# Searched in `keyword_text`: case-sensitive over lower-cased text, the same matches as IGNORECASE
# over the clause, found faster.
_HAS_QUANTITY = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|"
    r"thousands|dozen|dozens|several|few|many|some|couple|pair|both|number|scores|multiple|numerous)\b",
)
# Gate for _SINGULAR_SUBJECT (in `keyword_text`): its verb comes right after one of its auxiliaries.
_AUX_THEN_VERB = re.compile(
    r"\b(?:was|been|is|has|had|reportedly|later|also|allegedly|critically|seriously|severely|badly|apparently|then|"
    r"accidentally|remains|remained|still|now)\s+(?:shot|stabbed|beaten|burned|hacked|fatally|killed|slain|murdered|executed|beheaded|massacred|"
    r"perished|die|dead|found|pronounced|confirmed|gunned|lost|succumbed|injured|wounded|hurt|hospitali|treated|taken|"
    r"transported|rushed|airlifted|flown|driven|grazed|struck|hit|suffered|sustained|suffering|missing|unaccounted|"
    r"in critical|in serious|in grave|in stable|in fair|in good|in the hospital|in hospital|recovering|listed|"
    r"kidnapped|abducted|held|arrested|detained|apprehended|rounded)"
)


# Keyword gates: each pattern below cannot match a clause that holds none of its words (checked in
# `keyword_text`, lower-cased), so the costly scan is skipped. Keep them in step with the patterns.
_PAIR_WORDS = ("were", "been")
_KIN_WORDS = ("his", "her")
_KIN_VERB_WORDS = ("kill", "fatally", "murdered", "shot", "strangled", "stabbed")
_OBJECT_COUNT_WORDS = (
    *("kill", "claim", "execut", "assassinat", "massacre", "took", "taking", "fatally", "gunned", "death", "injur"),
    *("wound", "hurt", "shot", "shoot", "hitting", "striking", "abduct", "kidnap", "arrest", "detain", "apprehended"),
)
_LEFT_COUNT_WORDS = ("leav", "left")
_RAISED_TO_WORDS = ("rais", "ris", "rose", "climb", "increas", "jump", "bring", "brought")
_NOUN_COUNT_WORDS = ("fatalit", "deaths", "bodies", "corpses", "martyrs", "casualties", "injuries")
_ONE_FATALLY_WORDS = ("fatally", "mortally", "died", "succumbed", "killed", "dead")
_SUICIDE_WORDS = ("himself", "herself", "life", "suicide", "self-inflicted")
_ATTACKERS_DIED_WORDS = (
    "assailants",
    "gunmen",
    "attackers",
    "perpetrators",
    "shooters",
    "suspects",
    "bombers",
    "hijackers",
)
_SELF_SHOT_WORDS = ("himself", "herself", "self-inflicted")
_DEADLY_WORDS = ("fatal", "deadly", "shooting")
_DEATH_OF_WORDS = ("death", "killing", "murder", "slaying", "homicide", "shooting")
_SINGLE_OBJECT_WORDS = (
    *("kill", "fatally", "murdered", "dead", "gunned", "death", "life", "lynched", "executed", "beheaded"),
)
_ONE_INJURED_WORDS = ("wound", "injur", "hurt", "hospitali")
_ONE_WOUNDED_WORDS = ("suffered", "sustained", "received", "suffering", "recovering")
_MULTIPLE_WORDS = ("double", "triple", "quadruple", "quintuple")
_SUBJECT_DIES_WORDS = ("die", "succumbed", "dead", "kill", "fatally", "death", "passed", "survive")
_NEGATION_WORDS = ("no", "without", "zero")
_COMBINED_DEAD_WORDS = ("kill", "dead", "death", "casualties", "martyrs")
_COMBINED_HURT_WORDS = ("injur", "wound", "hurt")
_PROTEST_WORDS = ("protest", "demonstrat", "rall", "marched", "sit-in", "picket", "demand")


# "The package ignited and burned the employee's fingers": one person hurt, told by the wound.
_HURT_BODY_PART = re.compile(
    r"\b(?:burn(?:ed|ing|t)|injur(?:ed|ing)|wound(?:ed|ing)|sever(?:ed|ing)|blinding)\s+(?:the|an?|his|her)\s+"
    r"(?:[\w-]+(?:'s|’s)\s+)?(?:left\s+|right\s+)?(?:fingers?|hands?|face|arms?|legs?|eyes?|feet|foot)\b",
    re.IGNORECASE,
)
_HURT_BODY_PART_WORDS = ("burn", "injur", "wound", "sever", "blinding")
# A poisoning or an infection by a letter or an agent: each person who caught it is hurt ("Four postal
# workers also contracted skin anthrax", "a boy tested positive for anthrax"). One who died of it is dead.
_INFECTED = re.compile(
    r"\b(?:diagnosed\s+with|contracted|tested\s+positive\s+for|infected\s+with|sickened\s+by|poisoned\s+(?:by|with))\s+"
    r"[^.;]{0,30}?\b(?:anthrax|ricin|sarin|plague|botulism|toxin|nerve\s+agent|cyanide)\b(?![^.;]*\bdied\b)",
    re.IGNORECASE,
)
_INFECTED_WORDS = ("diagnosed", "contracted", "tested positive", "infected", "sickened", "poisoned")
_CASES_COUNTED = re.compile(
    rf"^\W*(?:[\w’']+,?\s+){{0,2}}?{QUANTITY}\s+(?:[\w’'-]+\s+){{0,3}}?{_PERSON_PLURAL}\b", re.IGNORECASE
)
_NOT_A_CASE = re.compile(r"\b(?:no|not|none|never)\b", re.IGNORECASE)


def _infection_cases(text: str, match: re.Match[str]) -> _Hit | None:
    """The people who caught it in one sentence: its count ("Four New Jersey postal workers"), else one."""
    before = text[: match.start()]
    if _NOT_A_CASE.search(before):
        return None  # "no other employees were diagnosed": says nothing of the cases told
    counted = _CASES_COUNTED.match(before)
    quantity = quantity_from_match(counted) if counted else None
    one = quantity is None
    return _Hit("injured", quantity or Quantity(1, 1, Qualifier.EXACT), 0, match.end(), implicit=one, case=True)


def _hits_in(text: str, headline: bool = False) -> list[_Hit]:
    hits: list[_Hit] = []
    if not _TRIGGER.search(text.lower()):  # lower-casing first is cheaper than IGNORECASE
        return hits
    keywords = keyword_text(text)
    counted = bool(_HAS_QUANTITY.search(keywords))  # the count patterns need a number or quantity word
    for match in _SUBJECT_COUNT.finditer(text) if counted else ():
        kind, quantity = _kind_from(match), quantity_from_match(match)
        if kind is None or quantity is None or _looks_like_year(match, quantity):
            continue
        if match.group("plus"):
            quantity = Quantity(
                quantity.low + 1, None if quantity.high is None else quantity.high + 1, quantity.qualifier
            )
        # A headline drops the auxiliary: "Six shot at nightclub" is hit, not aiming.
        if _active_voice(text, match) or (not headline and _fired_upon(text, match)):
            continue
        before = text[: match.start()].rstrip()
        if (
            match.group("noun") is None
            and before.endswith(",")
            and not _AFTER_FIGURE.search(before)
            and not _PARTITIVE_OF.match(text, match.end("num") if match.group("num") else match.end())
        ):
            continue  # "Ginger Reeves, 64 were found dead": an age, not a count ("..., 35 of them were" is one)
        if _AGES_BEFORE.search(before):
            continue  # "five men between the ages of 21 and 58 were shot": ages, not counts
        listed = match.group("noun") is None and match.group("num") is not None and _LISTED_BEFORE.search(before)
        if listed and _RELATIVE.match(text, match.end("num")):
            continue  # "three were shot, two with minor wounds and one who was in critical condition": a part
        if kind == "injured" and _SOME_FATALLY.match(text, match.end()):
            kind = _SHOT  # "five people were wounded, one of them fatally": the wounded include the dead
        elif kind == _SHOT and _OTHERS.search(match.group(0)):
            kind = "injured"  # "three others were shot": told apart from the dead just counted
        counts_agent = bool(_PERPETRATOR_WORD.search((match.group("plus") or "") + (match.group("including") or "")))
        subgroup = None if match.group("plus") or match.group("conj") else _subgroup_of(match.group("noun"))
        hits.append(_Hit(kind, quantity, match.start(), match.end(), subgroup, counts_agent=counts_agent))
        hits.extend(_coordinated(text, match, kind, quantity))
    for match in (
        _SHOT_DEAD_OBJECT.finditer(text) if "shot" in keywords and mentions_any(keywords, ("dead", "death")) else ()
    ):
        hits.append(_Hit("killed", Quantity(1, 1, Qualifier.EXACT), match.start(), match.end(), excludes_agent=True))
    pair_gate = "and" in keywords and mentions_any(keywords, _PAIR_WORDS)
    for match in _PAIR_SUBJECT.finditer(text) if pair_gate else ():
        kind = _kind_from(match) or "killed"
        if kind != "killed" and _DEATH_WORDS.search(text, match.end()):
            continue  # "a man and a woman were shot and died": counted among the dead
        hits.append(_Hit(kind, Quantity(2, 2, Qualifier.EXACT), match.start(), match.end()))
    for match in _ONE_AND_COUNT.finditer(text) if pair_gate and counted else ():
        kind, quantity = _kind_from(match), quantity_from_match(match)
        if kind is None or quantity is None or _looks_like_year(match, quantity):
            continue
        if kind != "killed" and _DEATH_WORDS.search(text, match.end()):
            continue
        more = Quantity(quantity.low + 1, None if quantity.high is None else quantity.high + 1, quantity.qualifier)
        agent = bool(_PERPETRATOR_WORD.fullmatch(match.group("one")))
        hits.append(_Hit(kind, more, match.start(), match.end(), counts_agent=agent))
    kin_gate = mentions_any(keywords, _KIN_WORDS) and mentions_any(keywords, _KIN_VERB_WORDS)
    for match in _KIN_VICTIM.finditer(text) if kin_gate else ():
        extra, end = _object_list(text, match.end())  # "killed his wife, 2 sons, then himself"
        hits.append(
            _Hit("killed", Quantity(1 + extra, 1 + extra, Qualifier.EXACT), match.start(), end, excludes_agent=True)
        )
    object_patterns = (
        (_OBJECT_COUNT, True, _OBJECT_COUNT_WORDS),
        (_LEFT_COUNT, False, _LEFT_COUNT_WORDS),
    )
    for pattern, agentless, gate_words in object_patterns if counted else ():
        for match in pattern.finditer(text) if mentions_any(keywords, gate_words) else ():
            kind, quantity = _kind_from(match), quantity_from_match(match)
            if kind is None or quantity is None or _looks_like_year(match, quantity):
                continue
            if match.group("noun") is None and not _bare_count_ok(text, match):
                continue
            if kind == "injured" and _SOME_FATALLY.match(text, match.end()):
                kind = _SHOT
            extra, end = _object_list(text, match.end()) if pattern is _OBJECT_COUNT else (0, match.end())
            if extra:
                total = quantity.low + extra
                quantity = Quantity(total, total if quantity.qualifier == Qualifier.EXACT else None, quantity.qualifier)
                hits.append(_Hit(kind, quantity, match.start(), end, None, excludes_agent=agentless))
                continue
            hits.append(
                _Hit(
                    kind,
                    quantity,
                    match.start(),
                    match.end(),
                    _subgroup_of(match.group("noun")),
                    excludes_agent=agentless,
                )
            )
            whole = _OUT_OF.match(text, match.end())
            whole_value = parse_cardinal(whole.group("num")) if whole else None
            if whole is not None and whole_value is not None and whole_value > quantity.low:
                # "kills 4 children out of 19 civilians": the 19 are the whole toll.
                hits.append(_Hit(kind, Quantity(whole_value, whole_value, Qualifier.EXACT), match.start(), whole.end()))
    for match in _TOLL.finditer(text) if counted and "toll" in keywords else ():
        quantity = quantity_from_match(match)
        if quantity is None or _looks_like_year(match, quantity):
            continue
        hits.append(_Hit("killed", quantity, match.start(), match.end(), is_update=bool(match.group("update"))))
    if counted and mentions_any(keywords, _RAISED_TO_WORDS) and _TOLL_WORDS.search(text):
        hits.extend(_raised_tolls(text))
    for match in _NOUN_COUNT.finditer(text) if counted and mentions_any(keywords, _NOUN_COUNT_WORDS) else ():
        kind, quantity = _kind_from(match), quantity_from_match(match)
        if kind is None or quantity is None or _looks_like_year(match, quantity):
            continue
        summary = kind == "killed" and match.group("v_killed").lower().startswith("fatalit")
        split = _SPLIT.match(text, match.end()) if summary else None
        if split is not None:
            # "[38 fatalities split among 10 events]": this event's share, rounded up as the coders do.
            parts = parse_cardinal(split.group("parts")) or 1
            share = -(-quantity.low // parts)
            quantity = Quantity(share, share, Qualifier.EXACT)
        quantity = _with_trailing_at_least(text, match.end(), quantity)
        hits.append(_Hit(kind, quantity, match.start(), match.end(), summary=summary))
    for match in _CODED_AS.finditer(text) if "coded" in keywords else ():
        value = parse_cardinal(match.group("n"))
        if value is not None:
            hits.append(
                _Hit("killed", Quantity(value, value, Qualifier.EXACT), match.start(), match.end(), summary=True)
            )
    bodies_gate = "bod" in keywords
    for match in _BODY_FOUND.finditer(text) if bodies_gate else ():
        value = parse_cardinal(match.group("n")) if match.group("n") else 1
        if value is not None and value < 1000:
            hits.append(_Hit("killed", Quantity(value, value, Qualifier.EXACT), match.start(), match.end()))
    for match in _BODIES.finditer(text) if bodies_gate else ():
        value = parse_cardinal(match.group("n")) if match.group("n") else 1
        if value is not None:
            hits.append(_Hit("killed", Quantity(value, value, Qualifier.EXACT), match.start(), match.end()))
    for match in _SINGULAR_SUBJECT.finditer(text) if _AUX_THEN_VERB.search(keywords) else ():
        kind = _kind_from(match)
        if kind is None or _fired_upon(text, match):
            continue
        if kind != "killed" and _DEFINITE_ORDINAL.match(match.group(0)):
            continue  # "The fourth person is still in critical condition": one of a group counted before
        if not _PASSIVE.search(match.group(0)) and _ACTIVE_OBJECT.match(text, match.end()):
            continue  # "another teen accidentally shot him": the subject is the shooter
        noun = match.group("noun") or match.group("noun2")
        if kind == _SHOT and match.group(0).lower().startswith("another"):
            kind = "injured"  # "another man was also shot": told apart from the dead, like "others"
        if kind in ("injured", "shot") and _DEATH_WORDS.search(text, match.end()):
            # "was shot and later died at the hospital": the victim is counted among the dead,
            # as one death when the same subject dies in the same breath.
            if _SAME_SUBJECT_DIED.match(text, match.end()):
                hits.append(_Hit("killed", Quantity(1, 1, Qualifier.EXACT), match.start(), match.end(), implicit=True))
            continue
        hits.append(
            _Hit(kind, Quantity(1, 1, Qualifier.EXACT), match.start(), match.end(), _subgroup_of(noun), implicit=True)
        )
    for match in _ONE_FATALLY.finditer(text) if counted and mentions_any(keywords, _ONE_FATALLY_WORDS) else ():
        value = parse_cardinal(match.group("num"))
        if value is not None and value < 1000:
            hits.append(_Hit("killed", Quantity(value, value, Qualifier.EXACT), match.start(), match.end()))
    for match in _OTHERS_WOUNDED.finditer(text) if "others" in keywords else ():
        hits.append(_Hit("injured", Quantity(2, None, Qualifier.VAGUE), match.start(), match.end()))
    suicide = False
    for match in _SUICIDE.finditer(text) if mentions_any(keywords, _SUICIDE_WORDS) else ():
        suicide = True
        if _LATER_ON.match(text, match.end()):
            continue  # "the suspect committed suicide in 2008": a death long after the event
        hits.append(_Hit("killed", Quantity(1, 1, Qualifier.EXACT), match.start(), match.end(), "perpetrators"))
    for match in _ATTACKERS_DIED.finditer(text) if mentions_any(keywords, _ATTACKERS_DIED_WORDS) else ():
        # "the assailants": their number is told where they are introduced, resolved over the whole report
        if match.group("both"):
            hits.append(_Hit("killed", Quantity(2, 2, Qualifier.EXACT), match.start(), match.end(), "perpetrators"))
        else:
            noun = match.group("noun").lower()
            at_least_two = Quantity(2, None, Qualifier.AT_LEAST)
            hits.append(_Hit("killed", at_least_two, match.start(), match.end(), "perpetrators", attackers_noun=noun))
    if not suicide:
        for match in _SELF_SHOT.finditer(text) if mentions_any(keywords, _SELF_SHOT_WORDS) else ():
            hits.append(_Hit("shot", Quantity(1, 1, Qualifier.EXACT), match.start(), match.end()))
    one = Quantity(1, 1, Qualifier.EXACT)
    for match in _DEADLY.finditer(text) if mentions_any(keywords, _DEADLY_WORDS) else ():
        hits.append(_Hit("killed", Quantity(1, None, Qualifier.AT_LEAST), match.start(), match.end(), implicit=True))
    for match in _DEATH_OF.finditer(text) if mentions_any(keywords, _DEATH_OF_WORDS) else ():
        hits.append(_Hit("killed", one, match.start(), match.end(), implicit=True))
    for match in _SINGLE_OBJECT.finditer(text) if mentions_any(keywords, _SINGLE_OBJECT_WORDS) else ():
        hits.append(_Hit("killed", one, match.start(), match.end(), excludes_agent=True, implicit=True))
    for match in _ONE_INJURED.finditer(text) if mentions_any(keywords, _ONE_INJURED_WORDS) else ():
        # "injuring Jane Roe and John Doe": two named victims, not "another was hurt and Jane Roe was killed".
        second = _AND_ANOTHER_NAME.match(text, match.end()) if _ENDS_IN_NAME.search(match.group(0)) else None
        if second is not None:
            two = Quantity(2, 2, Qualifier.EXACT)
            hits.append(_Hit("injured", two, match.start(), second.end(), implicit=True))
        else:
            hits.append(_Hit("injured", one, match.start(), match.end(), implicit=True))
    for match in _COULD_NOT_SAVE.finditer(text) if "save" in keywords else ():
        hits.append(_Hit("killed", one, match.start(), match.end(), implicit=True))
    for match in _ONE_WOUNDED.finditer(text) if mentions_any(keywords, _ONE_WOUNDED_WORDS) else ():
        if not _DEATH_WORDS.search(text, match.end()):  # "suffered a gunshot wound and died": among the dead
            noun = match.group("noun") or match.group("noun2")
            hits.append(_Hit(_SHOT, one, match.start(), match.end(), _subgroup_of(noun), implicit=True))
    for match in _SHOT_OBJECT.finditer(text) if "shoot" in keywords or "shot" in keywords else ():
        if not _THEN_DIED.search(text, match.end()):  # "shot his brother, killing him": counted among the dead
            hits.append(_Hit(_SHOT, one, match.start(), match.end(), implicit=True))
    for match in _MULTIPLE_EVENT.finditer(text) if mentions_any(keywords, _MULTIPLE_WORDS) else ():
        count = _MULTIPLE[match.group("n").lower()]
        kind = _SHOT if match.group("shot") and not match.group("fatal") else "killed"
        hits.append(_Hit(kind, Quantity(count, count, Qualifier.EXACT), match.start(), match.end(), implicit=True))
    sent_gate = "sen" in keywords and mentions_any(keywords, ("hospital", "medical"))
    for match in _SENT_TO_HOSPITAL.finditer(text) if sent_gate else ():
        quantity = one if match.group("one") else quantity_from_match(match) if counted else None
        if quantity is not None:
            hits.append(_Hit("injured", quantity, match.start(), match.end(), implicit=bool(match.group("one"))))
    for match in (
        _ONE_FOUND_DEAD.finditer(text)
        if mentions_any(keywords, ("found", "lef", "leav")) and "dead" in keywords
        else ()
    ):
        hits.append(_Hit("killed", one, match.start(), match.end(), implicit=True))
    for match in (
        _HEADLINE_KILLS.finditer(text) if headline and mentions_any(keywords, ("kill", "shoot", "stab")) else ()
    ):
        hits.append(_Hit("killed", one, match.start(), match.end(), excludes_agent=True, implicit=True))
    for headline_match in _HEADLINE_WOUNDED.finditer(text) if headline else ():
        if not headline_match.group("v_killed") and _headline_victim_dies(text, headline_match.end()):
            continue  # "Man shot in leg dies" is read among the dead; a victim who survives is wounded.
        kind = _kind_from(headline_match) or "injured"
        count = 2 if headline_match.group("second") else 1
        quantity = Quantity(count, count, Qualifier.EXACT)
        hits.append(_Hit(kind, quantity, headline_match.start(), headline_match.end(), implicit=True))
    for match in _HEADLINE_SHOOTS.finditer(text) if headline and mentions_any(keywords, ("shoots", "wounds")) else ():
        if not _THEN_DIED.search(text, match.end()):  # "shoots his wife, then himself dead": among the dead
            hits.append(_Hit(_SHOT, one, match.start(), match.end(), implicit=True))
    for match in _SUBJECT_DIES.finditer(text) if mentions_any(keywords, _SUBJECT_DIES_WORDS) else ():
        if _PLURAL_SUBJECT.match(match.group(0)):
            continue  # "Three security officers were killed" is a count, read by the count patterns
        hits.append(_Hit("killed", one, match.start(), match.end(), implicit=True))
    if mentions_any(keywords, _COMBINED_DEAD_WORDS) and mentions_any(keywords, _COMBINED_HURT_WORDS):
        for match in _COMBINED_OBJECT.finditer(text) if counted else ():
            quantity = quantity_from_match(match)
            if quantity is not None and not _looks_like_year(match, quantity):
                quantity = _with_trailing_at_least(text, match.end(), quantity)
                hits.append(_Hit("injured", quantity, match.start(), match.end()))
        hits = _drop_combined(text, hits)
    if "includ" in keywords:
        hits.extend(part for hit in list(hits) for part in _listed_parts(text, hit))
    for match in _HURT_BODY_PART.finditer(text) if mentions_any(keywords, _HURT_BODY_PART_WORDS) else ():
        hits.append(_Hit("injured", one, match.start(), match.end(), implicit=True))
    for match in _INFECTED.finditer(text) if mentions_any(keywords, _INFECTED_WORDS) else ():
        if (cases := _infection_cases(text, match)) is not None:
            hits.append(cases)
    for match in _NEGATION.finditer(text) if mentions_any(keywords, _NEGATION_WORDS) else ():
        if _NOT_THE_TOTAL.search(match.group(0)):
            continue  # "no one else was hurt": says nothing about the total
        zero = Quantity(0, 0, Qualifier.EXACT)
        for kind in _negated_kinds(match):
            hits.append(_Hit(kind, zero, match.start(), match.end()))
    if hits and mentions_any(keywords, _HYPOTHETICAL_WORDS):
        hits = [hit for hit in hits if not _hypothetical(text, hit)]
    if hits and _PERPETRATOR_WORD.search(text):
        hits = [_attacker_as_object(text, hit) for hit in hits]
    return _drop_overlaps(hits)


# "Police shot the gunman", "Hartnett returned fire and injured the assailant": the attacker is the one hurt.
_ATTACKER_AS_OBJECT = re.compile(
    rf"\b(?:shot|injured|wounded|hit|struck)\s+(?:and\s+(?:injured|wounded)\s+)?the\s+{_PERPETRATOR}\s*$",
    re.IGNORECASE,
)


_FATALLY = re.compile(r"\b(?:fatally|mortally)\b", re.IGNORECASE)


def _attacker_as_object(text: str, hit: _Hit) -> _Hit:
    """An attacker shot in the act ("police fatally shot the gunman") is counted among the dead or the
    injured as an attacker (see `_subgroup_total`), not as a victim."""
    if hit.kind not in (_SHOT, "injured", "killed") or hit.subgroup is not None or hit.quantity.low != 1:
        return hit
    if not _ATTACKER_AS_OBJECT.search(text, hit.start, hit.end):
        return hit
    fatal = hit.kind == "killed" or _FATALLY.search(text, max(0, hit.start - 12), hit.end) is not None
    return replace(hit, kind="killed" if fatal else "injured", subgroup="perpetrators", excludes_agent=False)


# "I could have been killed", "police could not say if the man had died": no one was.
_HYPOTHETICAL_WORDS = ("could", "would", "might", "if ", "whether", "neither")
_MODAL = re.compile(r"\b(?:could|would|might)\s+(?:\w+\s+)?have\b", re.IGNORECASE)
_CONDITION_BEFORE = re.compile(r"\b(?:if|whether)\s+$", re.IGNORECASE)
# "Neither the driver nor the other passenger was injured": a denial, of the people it names.
_NEITHER_BEFORE = re.compile(r"\bneither\b", re.IGNORECASE)
_BREAK = re.compile(r"[,;]")


def _hypothetical(text: str, hit: _Hit) -> bool:
    """A death or wound told as a possibility, not as a fact."""
    if hit.quantity.low == 0 or hit.kind not in ("killed", "injured", _SHOT):
        return False
    return bool(
        _MODAL.search(text, hit.start, hit.end) or _CONDITION_BEFORE.search(text, 0, hit.start) or _denied(text, hit)
    )


def _denied(text: str, hit: _Hit) -> bool:
    """'Neither the driver nor the passenger was injured', not '..., but a woman was shot'."""
    neither = _NEITHER_BEFORE.search(text, max(0, hit.start - 40), hit.end)
    return neither is not None and not _BREAK.search(text, neither.end(), max(neither.end(), hit.start))


# ", one suspect dead": another subject, after a break, for the death that follows.
_NEW_SUBJECT = re.compile(
    r"[,;|]\s*(?:(?:a|an|the|one|two|three|four|five|another|\d+)\s|(?:[\w'’-]+\s+){0,2}?"
    r"(?:suspect|gunman|shooter|man|woman|officer|teen|boy|girl|child)\b)",
    re.IGNORECASE,
)


def _headline_victim_dies(text: str, end: int) -> bool:
    """'Man shot in leg dies', not 'Trooper wounded, one suspect dead': a death told of the victim."""
    death = _DEATH_WORDS.search(text, end)
    return death is not None and _NEW_SUBJECT.search(text, end, death.start()) is None


# The last item of a breakdown: "..., and one who was", "..., two with minor wounds and one that".
_LISTED_BEFORE = re.compile(r"(?:,|\band)\s*$", re.IGNORECASE)
_RELATIVE = re.compile(r"\s+(?:who|that)\b", re.IGNORECASE)
_DEFINITE_ORDINAL = re.compile(
    r"(?:the|this|that)\s+(?:second|third|fourth|fifth|sixth|last|remaining)\b", re.IGNORECASE
)
_PLURAL_SUBJECT = re.compile(
    r"\W*(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|"
    r"dozens?|several|many|scores|hundreds|thousands|multiple|numerous|both|\d+(?![\d-]*\s*-?year))\b",
    re.IGNORECASE,
)
_AUX_WORD = re.compile(r"\b(?:were|was|have|has|had|are|is|been|being|got)\b", re.IGNORECASE)
_OBJECT_FOLLOWS = re.compile(
    r"\s+(?:(?:a|an|the|his|her|their|two|three|four|five|\d+|(?-i:[A-Z]))\b"
    # A name: "officers accidentally shot Christopher Doe"; never a title-case headline's preposition or day.
    r"|(?-i:(?!(?:At|In|On|Near|After|Before|During|Outside|Inside|Following|While|Over|Early|Late|Along|Across|Behind|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Last|This|Overnight|And|Or|But|As|By|For|From|To|With)\b)"
    r"[A-Z][a-z]+\s+[A-Z][a-z]+))",
    re.IGNORECASE,
)


def _active_voice(text: str, match: re.Match[str]) -> bool:
    """'three suspects shot and killed a man': the count is of the killers, not the killed."""
    verb = match.group("v_killed") or match.group("v_shot") or match.group("v_injured") or ""
    if not verb or (
        verb.lower() in ("dead", "died", "killed", "injured", "wounded", "hurt")
        and not _OBJECT_FOLLOWS.match(text[match.end() :])
    ):
        return False
    if _AUX_WORD.search(text[match.start() : match.end()]):
        return False
    return bool(_OBJECT_FOLLOWS.match(text[match.end() :]))


_ACTIVE_OBJECT = re.compile(
    r"\s+(?:him|her|them|himself|herself|a|an|the|his|her|their|(?-i:[A-Z][a-z]+))\b", re.IGNORECASE
)
_OTHERS = re.compile(r"\bothers?\b", re.IGNORECASE)
_SHOT_AT = re.compile(r"\s+at\b", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:were|was|are|is|been|got|get|gets)\b", re.IGNORECASE)


def _fired_upon(text: str, match: re.Match[str]) -> bool:
    """'Two men then shot at a passing car': without a passive, 'shot at' aims, it does not hit."""
    if not match.group("v_shot") or not _SHOT_AT.match(text, match.end()):
        return False
    return not _PASSIVE.search(text, match.start(), match.end())


def _raised_tolls(text: str) -> list[_Hit]:
    """'More casualties raise the death toll to 13': the latest word on the toll."""
    hits = []
    for match in _RAISED_TO.finditer(text):
        quantity = quantity_from_match(match)
        if quantity is None or _looks_like_year(match, quantity) or not _counts_the_dead(text, match.end()):
            continue
        hits.append(
            _Hit(
                "killed",
                _with_trailing_at_least(text, match.end(), quantity),
                match.start(),
                match.end(),
                is_update=True,
            )
        )
    return hits


def _counts_the_dead(text: str, end: int) -> bool:
    """False for 'raises to 6 the number of villages': the count is named, and it is not of people."""
    named = _NUMBER_OF.match(text, end)
    return named is None or bool(_COUNTS_PEOPLE.match(named.group("what")))


def _with_trailing_at_least(text: str, end: int, quantity: Quantity) -> Quantity:
    """'20 casualties at least' is 'at least 20 casualties'."""
    if quantity.qualifier == Qualifier.EXACT and _AT_LEAST_AFTER.match(text, end):
        return Quantity(quantity.low, None, Qualifier.AT_LEAST)
    return quantity


def _drop_combined(text: str, hits: list[_Hit]) -> list[_Hit]:
    """Read killed and injured counts of a combined 'killed and injured' number as a bound on the dead.

    "10 casualties and injuries", "kill and wound 23 civilians": the number counts the dead and the wounded
    together, so it is a count of neither; the dead are at most that many. The stated number is kept as a
    killed claim marked bound-only, and a count read from the grammar alone ("the warplanes killed" as one)
    is dropped.
    """
    combined = [(m.start(), m.end()) for m in _COMBINED.finditer(text)]
    if not combined:
        return hits
    kept: list[_Hit] = []
    for hit in hits:
        if (
            hit.quantity.low == 0  # "no one was killed or injured" is two zeros
            or hit.kind not in ("killed", "injured", _SHOT)
            or not any(hit.start < end and start < hit.end for start, end in combined)
        ):
            kept.append(hit)
        elif not hit.implicit and hit.quantity.qualifier != Qualifier.VAGUE:
            kept.append(replace(hit, kind="killed", subgroup=None, is_update=False, bound_only=True))
    return kept


# "47 were killed yesterday, including 4 members of the regime forces and 11 other civilians": the parts a
# count is broken into, written after it. The words up to "including" stay in the count's clause.
_PARTS_START = re.compile(r"[^,;.\d]{0,40}?,?\s*\b(?:including|among them|of whom)\s+", re.IGNORECASE)
_PART = re.compile(
    rf"{QUANTITY}\s+(?:other\s+)?(?P<what>[^,;.…\d]{{1,80}}?)"
    rf"(?=\s*,?\s*and\s+(?:(?:{QUALIFIER})\s+)?{CARDINAL}\s|\s*[,;.…]|\s+(?:were|was|have|had|are)\b|\s*$)",
    re.IGNORECASE,
)
_PART_SEPARATOR = re.compile(r"\s*,?\s*and\s+", re.IGNORECASE)
_PART_IS_PEOPLE = re.compile(rf"^(?:{_MODIFIERS})(?:{_PERSON_PLURAL}|members|{_PERSON_SINGULAR})\b", re.IGNORECASE)
_FORCES = re.compile(
    r"\b(?:regime|government|army|armed|security|police)\s+forces\b|\bsoldiers\b|\btroops\b", re.IGNORECASE
)


def _part_group(what: str) -> str | None:
    """The subgroup a listed part names: 'members of the regime forces' are security forces."""
    if _FORCES.search(what):
        return "security forces"
    return next((group for word in what.lower().split() if (group := _SUBGROUPS.get(word))), None)


def _listed_parts(text: str, hit: _Hit) -> list[_Hit]:
    """The parts a stated killed count is broken into after it ("..., including 4 soldiers and 11 civilians").

    Each part is a count of its own: a subgroup of the total, or, for "15 other people", the rest. Beside a
    day's round-up, such a part is often the one event being reconciled; beside one attack's toll it is
    part of that toll, and reconciliation weighs it as such.
    """
    if hit.kind != "killed" or hit.bound_only or hit.implicit or hit.quantity.low == 0:
        return []
    start = _PARTS_START.match(text, hit.end)
    if start is None:
        return []
    parts: list[_Hit] = []
    at = start.end()
    while len(parts) < 5:
        part = _PART.match(text, at)
        quantity = quantity_from_match(part) if part else None
        if part is None or quantity is None or quantity.qualifier == Qualifier.VAGUE:
            break
        what = part.group("what")
        if not _PART_IS_PEOPLE.match(what) or quantity.low >= hit.quantity.low or _looks_like_year(part, quantity):
            break
        parts.append(_Hit("killed", quantity, part.start(), part.end(), _part_group(what)))
        separator = _PART_SEPARATOR.match(text, part.end())
        if separator is None:
            break
        at = separator.end()
    return parts


def _coordinated(text: str, match: re.Match[str], kind: _KindName, last: Quantity) -> list[_Hit]:
    """Parts listed before a subject count, and their sum as the whole count."""
    parts: list[_Hit] = []
    prefix_end = match.start()
    while len(parts) < 5:
        part = _LIST_PART.search(text[:prefix_end])
        value = parse_cardinal(part.group("num")) if part else None
        if part is None or value is None or text[: part.start()].rstrip().endswith(","):
            break
        parts.append(
            _Hit(
                kind,
                Quantity(value, value, Qualifier.EXACT),
                part.start(),
                part.end(),
                _subgroup_of(part.group("noun")),
            )
        )
        prefix_end = part.start()
    if not parts:
        return []
    total = sum(p.quantity.low for p in parts) + last.low
    exact = last.qualifier == Qualifier.EXACT
    whole = _Hit(
        kind,
        Quantity(total, total if exact else None, Qualifier.EXACT if exact else Qualifier.AT_LEAST),
        prefix_end,
        match.end(),
    )
    return [*parts, whole]


_OBJECT_MORE = re.compile(
    rf"[^,.;]{{0,40}}?(?:,\s*(?:and\s+)?|\s+and\s+)(?P<num>{CARDINAL})\s+(?!(?:years?|days?|hours?|minutes?|times|am|pm|a\.m|p\.m|others)\b)(?=[A-Za-z])(?!(?:dead|injured|wounded|hurt|others|people\s+(?:injured|wounded|hurt))\b)",
    re.IGNORECASE,
)


def _object_list(text: str, end: int) -> tuple[int, int]:
    """'the death of 1 X and 3 Y': the counts listed after an object count, and where they end."""
    extra = 0
    for _ in range(4):
        more = _OBJECT_MORE.match(text, end)
        value = parse_cardinal(more.group("num")) if more else None
        if more is None or value is None or value > 10000:
            break
        extra += value
        end = more.end()
    return extra, end


_NOT_THE_TOTAL = re.compile(r"\b(?:else|other|further)\b", re.IGNORECASE)
_NEGATED_DEAD = re.compile(r"casualt|harmed|hurt|victims|struck|shot|loss of life|deaths|fatalit|killed")
_NEGATED_HURT = re.compile(r"casualt|harmed|hurt|injur|wounded|victims|struck|shot")


def _negated_kinds(match: re.Match[str]) -> list[_KindName]:
    words = " ".join(w for w in (match.group("what"), match.group("noun"), match.group("noun2")) if w).lower()
    kinds: list[_KindName] = []
    if _NEGATED_DEAD.search(words):
        kinds.append("killed")
    if _NEGATED_HURT.search(words):
        kinds.append("injured")
    if words in ("killed", "deaths", "fatalities", "loss of life", "one killed"):
        return ["killed"]
    return kinds


def _looks_like_year(match: re.Match[str], quantity: Quantity) -> bool:
    return (
        quantity.qualifier == Qualifier.EXACT
        and 1900 <= quantity.low <= 2100
        and match.group("num") is not None
        and match.group("num").isdigit()
    )


_PARTITIVE = re.compile(
    rf"\s+of\s+(?:its|their|them|whom|both|those)\b|\s+of\s+the\s+(?:[\w-]+\s+){{0,2}}?{_PERSON_PLURAL}\b",
    re.IGNORECASE,
)
# "4 children out of 19 civilians": the part, then the whole it is taken from.
_OUT_OF = re.compile(rf"\s+(?:out\s+of|among)\s+(?:a\s+total\s+of\s+)?(?P<num>{CARDINAL})\b", re.IGNORECASE)
# "..., 35 of both parties were killed": a count of people, never an age ("two bystanders, one of
# whom was" counts within the two, read elsewhere).
_PARTITIVE_OF = re.compile(r"\s+of\s+(?!whom\b|them\b|which\b)", re.IGNORECASE)
_NOT_PEOPLE = re.compile(r"\s+(?:times|rounds|shots|bullets)\b", re.IGNORECASE)


# What may follow a bare count: the clause's end, a conjunction or preposition, a plural or a name.
_COUNT_ENDS = re.compile(
    r"\s*(?:[,.;:)]|(?-i:[A-Z])|[a-z]{3,}s\b|[a-z]{2,}ing\b|[a-z]{3,}\s*(?:[,.;)]|$)|and\b|in\b|on\b|at\b|near\b|when\b|after\b|during\b|including\b|—|-)"
)


def _bare_count_ok(text: str, match: re.Match[str]) -> bool:
    """'killed three' with no noun is a count only when the clause ends or a conjunction follows."""
    rest = text[match.end() :]
    if _NOT_PEOPLE.match(rest):
        return False  # "shot multiple times" counts shots, not people
    if _PARTITIVE.match(rest):
        return True  # "kills 34 of its members"
    return not rest.strip() or bool(_COUNT_ENDS.match(rest))


def _drop_overlaps(hits: list[_Hit]) -> list[_Hit]:
    """Two patterns reading the same words as the same kind keep only the longer reading."""
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[_Hit] = []
    for hit in hits:
        clash = next(
            (
                k
                for k in kept
                if k.kind == hit.kind and k.subgroup == hit.subgroup and hit.start < k.end and k.start < hit.end
            ),
            None,
        )
        if clash is None:
            kept.append(hit)
        elif _reads_better(hit, clash):
            kept[kept.index(clash)] = hit
    return kept


def _reads_better(hit: _Hit, clash: _Hit) -> bool:
    """Which of two overlapping readings of the same words to keep.

    A stated number beats a count read from the grammar ("30 killed" over the "a man killed" reading of
    "Observatory says 30 killed"); else the longer reading wins ("Gunmen killed between 16 and 25 people":
    the count, not "Gunmen killed").
    """
    if hit.implicit != clash.implicit:
        return clash.implicit
    return hit.end - hit.start > clash.end - clash.start and hit.quantity.low > 0 and clash.quantity.low > 0


_TALLY = re.compile(
    r"\b(?:collectively|(?:violent|bloody|deadly)\s+(?:weekend|night|holiday)|weekend\s+(?:of\s+violence|shootings|gunfire|violence)"
    r"|across\s+(?:the\s+)?(?:city|town|five\s+boroughs)|city-?wide"
    r"|(?:three|four|five|six|seven|eight|nine|ten|several|multiple|\d+|two)\s+(?:separate|different|unrelated)\s+"
    r"(?:shootings|shooting\s+incidents)"
    r"|in\s+(?:\d+|several|multiple|a\s+(?:string|series|spate|rash)\s+of)\s+(?:separate\s+)?(?:shootings|shooting\s+incidents)"
    r"|since\s+(?:Friday|Saturday|Sunday|Monday|Tuesday|Wednesday|Thursday)"
    r"|\bin\s+(?:weekend|overnight|city|separate|unrelated|several|multiple|two|three|four|five|\d+)\s+shootings)\b",
    re.IGNORECASE,
)
_SOURCE_GATE = re.compile(
    r"\b(?:according|said|says|say|reported|reports|told|tell|announced|confirmed|stated)\b", re.IGNORECASE
)


_LEADING_FILLER = re.compile(r"^(?:the|a|an|and|but|as|when|that|,)\s+", re.IGNORECASE)


def _quoted_source(text: str) -> str | None:
    if not _SOURCE_GATE.search(text):
        return None
    match = _QUOTED_SOURCE.search(text)
    if match is None:
        return None
    source = match.group("according") or match.group("said") or ""
    source = _LEADING_FILLER.sub("", source.strip())
    return source or None


def extract_figures(clauses: Sequence[tuple[Segment, int]]) -> list[FigureClaim]:
    """All figure claims in the clauses, headline per kind first (see module docstring)."""
    claims: list[FigureClaim] = []
    shot: list[FigureClaim] = []
    roles = _Roles()
    implicit: list[FigureClaim] = []
    told_in_full: list[tuple[int, int]] = []  # clauses stating a count, or a gunman's death
    seen: set[tuple[str, int, int | None, str, int, str | None, bool]] = set()
    cause_ref = max((ref for _, ref in clauses), default=0) + 1
    tally_ref = cause_ref + 1
    link_ref = cause_ref + 2
    attackers = _Attackers()
    for clause, clause_ref in clauses:
        # A report's first clause is its headline, unless it ends as prose does, with a full stop.
        in_title = clause.start == 0 and not _PROSE_END.search(clause.text)
        hits = _hits_in(clause.text, headline=in_title)
        hits = attackers.read(clause.text, hits)
        source = _quoted_source(clause.text) if hits else None
        protest = (
            _PROTEST.search(clause.text) if hits and mentions_any(keyword_text(clause.text), _PROTEST_WORDS) else None
        )
        states_dead = any(h.kind == "killed" and h.quantity.low > 0 for h in hits)
        # "6 dead, 28 wounded in weekend shootings": a tally of many events, not this one's count.
        tally = bool(hits) and _TALLY.search(clause.text) is not None
        earlier = _earlier_spans(clause.text, hits) if hits and "after" in clause.text.lower() else []
        link = bool(hits) and _LINK.match(clause.text) is not None
        if any((not h.implicit and h.quantity.low > 0) or h.subgroup == "perpetrators" for h in hits):
            told_in_full.append((clause.start, clause.end))
        for hit in hits:
            # "protested over the killing of a student": the death is what the protest is about,
            # an earlier event, not a casualty of the protest.
            event_ref = cause_ref if protest is not None and hit.start > protest.start() else clause_ref
            if tally:
                event_ref = tally_ref
            elif link:
                event_ref = link_ref
            elif any(start <= hit.start < end for start, end in earlier):
                event_ref = cause_ref
            span = _evidence(clause, hit)
            if hit.kind == _SHOT:
                shot.append(_claim(FigureKind.INJURED, hit, span, source, event_ref))
                continue
            claim = _claim(FigureKind(hit.kind), hit, span, source, event_ref)
            if hit.implicit:
                implicit.append(claim)
            if hit.case and claim.low > 0:
                roles.cases.append(claim)
            key = (claim.kind, claim.low, claim.high, claim.qualifier, event_ref, claim.subgroup, claim.bound_only)
            if key in seen and hit.subgroup != "perpetrators":
                continue
            seen.add(key)
            claims.append(claim)
            if hit.excludes_agent and claim.kind == FigureKind.KILLED:
                roles.agentless_killed.append(claim)
            if hit.counts_agent:
                roles.agent_counted.append(claim)
            if hit.summary:
                roles.summaries.append(claim)
            if states_dead and claim.kind == FigureKind.INJURED:
                roles.beside_killed.append(claim)
            if in_title:
                roles.in_title.append(claim)
    moved = _deaths_in_passing(claims, implicit, told_in_full, cause_ref)
    if moved:
        claims = [moved.get(id(c), c) for c in claims]
        roles.agentless_killed = [moved.get(id(c), c) for c in roles.agentless_killed]
    claims.extend(_derived_from_shot(claims, shot))
    return _order(claims, roles)


# "Hesham Hadayet, an Egyptian-born man, opened fire", "An assailant, identified as Elliot Rodger,": the
# attacker by name, so that "Hadayet was killed by security" reads as the attacker's death, not a victim's.
_NAMED_ATTACKER = re.compile(
    rf"\b{_PERPETRATOR}\s*,?\s+(?:later\s+)?(?:identified|named)\s+as\s+(?P<named>{_FULL_NAME})"
    rf"|(?P<actor>{_FULL_NAME})\s*(?:,[^,.;]{{1,60}},\s*)?(?:opened\s+fired?|open\s+fire|flew|drove|detonated|set\s+off|"
    r"stabbed|shot\s+and\s+killed|ambushed|fired\s+(?:at|on|into|upon))\b",
    re.IGNORECASE,
)
_NAMED_ATTACKER_WORDS = (
    "identified",
    "named",
    "open",
    "flew",
    "drove",
    "detonated",
    "set off",
    "stabbed",
    "shot and",
    "ambushed",
    "fired",
)
# "Hadayet was killed by security", "Stack died on impact", "Thomas F. Matusiewicz, 68, was fatally shot".
_NAMED_SUBJECT_DIES = re.compile(
    rf"(?P<name>{_FULL_NAME}|(?-i:\b[A-Z][a-z'’-]+))(?:,\s+(?:\d{{1,3}}|[^,.;]{{1,60}}),)?\s+(?:was|died|dies|is|had|has|succumbed)\b"
)


class _Attackers:
    """What a report has said so far of its attackers: how many, and their names, read clause by clause."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.names: set[str] = set()  # full names
        self.surnames: set[str] = set()

    def read(self, text: str, hits: list[_Hit]) -> list[_Hit]:
        """Learn from `text`, then return its hits with the attackers' deaths told apart."""
        keywords = keyword_text(text)
        if mentions_any(keywords, _ATTACKERS_DIED_WORDS):
            for match in _ATTACKER_COUNT.finditer(text):
                value = parse_cardinal(match.group("n"))
                if value is not None and 1 < value < 100:
                    self.counts[match.group("noun").lower()] = value
        if mentions_any(keywords, _NAMED_ATTACKER_WORDS):
            for match in _NAMED_ATTACKER.finditer(text):
                name = match.group("named") or match.group("actor")
                self.names.add(name)
                self.surnames.add(name.split()[-1])
        return [self._told_apart(text, hit) for hit in hits] if hits else hits

    def _told_apart(self, text: str, hit: _Hit) -> _Hit:
        if hit.attackers_noun is not None:
            count = self.counts.get(hit.attackers_noun)
            return replace(hit, quantity=Quantity(count, count, Qualifier.EXACT)) if count else hit
        if (
            hit.kind == "killed"
            and hit.subgroup is None
            and hit.implicit
            and hit.quantity.low == 1
            and self.surnames
            and self._names_an_attacker(text[hit.start : hit.end])
        ):
            return replace(hit, subgroup="perpetrators")
        return hit

    def _names_an_attacker(self, words: str) -> bool:
        """The one who died is named, as an attacker: by full name, or by a bare surname."""
        subject = _NAMED_SUBJECT_DIES.search(words)
        if subject is None:
            return False  # "Kyle Carney shot and killed Regula": the attacker named as the killer
        name = subject.group("name")
        return name in self.names if " " in name else name in self.surnames


# How far into a report its opening runs: the headline and the first sentence or two.
OPENING_CHARS = 300


def _deaths_in_passing(
    claims: Sequence[FigureClaim],
    implicit: Sequence[FigureClaim],
    told_in_full: Sequence[tuple[int, int]],
    other_ref: int,
) -> dict[int, FigureClaim]:
    """One death told deep in a report that opens with a count of the wounded alone is another event's.

    "Five wounded in shooting at nightclub" and, further down, "a security worker was fatally shot there in
    July": a report leads with its toll, so a story of the wounded that states no death up front is not
    about one, and a victim singled out later (no number written) is an earlier shooting told for context.
    Returns the moved claims by the id of the claim they replace.
    """
    opening = [c for c in claims if c.event_ref == 0 and c.span.start < OPENING_CHARS and c.low > 0]
    implicit_ids = {id(c) for c in implicit}
    # The wounded, not the shot: "four people had been shot" counts the dead among them.
    wounded = any(
        c.kind == FigureKind.INJURED and c.low >= 2 and c.subgroup is None and id(c) not in implicit_ids
        for c in opening
    )
    if not wounded or any(c.kind == FigureKind.KILLED for c in opening):
        return {}
    # A clause that states a count beside the death ("X was slain and three others were wounded") tells
    # its own event in full; a gunman's death is told apart from the victims' count.
    return {
        id(c): replace(c, event_ref=other_ref)
        for c in implicit
        if c.kind == FigureKind.KILLED
        and c.event_ref == 0
        and c.span.start >= OPENING_CHARS
        and not any(start <= c.span.start < end for start, end in told_in_full)
    }


# A video in a page's playlist, by its running time: "1:51 Boy killed with machete", "00:39 Man charged".
_LINK = re.compile(r"\d{1,2}:\d{2}\s+(?-i:[A-Z])")


# A full stop, not an ellipsis: "Man, child dead in apparent murder-suicide near..." is still a headline.
_PROSE_END = re.compile(r"(?<!\.)\.\s*$")


# "one day after massacres that killed 19 civilians": a dated earlier event, told to set the scene.
_EARLIER = re.compile(
    r"\b(?:a|one|two|three|four|five|six|seven|\d+|a\s+few|several)\s+(?:days?|weeks?|months?|years?)\s+after\b"
    r"|\bafter\s+(?:about\s+|more\s+than\s+|nearly\s+)?(?:\d+|one|two|three|several|a\s+few)\s+"
    r"(?:days?|weeks?|months?|years?)\s+of\b",
    re.IGNORECASE,
)
# Where such an earlier event's words end: a comma, an ellipsis, a dash or a semicolon.
_EARLIER_END = re.compile(r"[,;…]|\.\.\.|\s[-–—]\s")


def _earlier_spans(text: str, hits: Sequence[_Hit]) -> list[tuple[int, int]]:
    """Offsets of 'N days after <an earlier event>' phrases, up to the next break.

    Only after the clause has told its own toll: "Four weeks after a massacre in which six were killed,
    police have a suspect" is a follow-up whose main event is that massacre.
    """
    spans = []
    for match in _EARLIER.finditer(text):
        if not any(h.end <= match.start() and h.quantity.low > 0 for h in hits):
            continue
        end = _EARLIER_END.search(text, match.end())
        spans.append((match.start(), end.start() if end else len(text)))
    return spans


# Where the words about a figure end in a long clause: a semicolon, an ellipsis or a full stop.
_QUOTE_END = re.compile(r";|…|\.(?:\s|$)")
# How far past the matched words a quote runs at most.
QUOTE_TAIL_CHARS = 160


def _evidence(clause: Segment, hit: _Hit) -> Span:
    """The clause as the quote when short, else the matched words and what follows them in their clause.

    The words after the number tell its scope ("53 people were killed *yesterday, including 10 soldiers*"
    is a day's round-up), so a quote cut at the verb would hide that the figure is a total of many events.
    """
    if len(clause.text) <= 240:
        return clause.span()
    stop = _QUOTE_END.search(clause.text, hit.end, hit.end + QUOTE_TAIL_CHARS)
    end = stop.start() if stop else min(len(clause.text), hit.end + QUOTE_TAIL_CHARS)
    return span_of(clause.text, clause.start, hit.start, max(end, hit.end))


def _claim(kind: FigureKind, hit: _Hit, span: Span, source: str | None, event_ref: int) -> FigureClaim:
    return FigureClaim(
        kind=kind,
        low=hit.quantity.low,
        high=hit.quantity.high,
        qualifier=hit.quantity.qualifier,
        span=span,
        subgroup=hit.subgroup,
        quoted_source=source,
        is_update=hit.is_update,
        event_ref=event_ref,
        bound_only=hit.bound_only,
    )


def _derived_from_shot(claims: list[FigureClaim], shot: list[FigureClaim]) -> list[FigureClaim]:
    """'Two people were shot, one fatally': the shot who did not die are the injured."""
    main_shot = [s for s in shot if s.event_ref == 0 and s.qualifier == Qualifier.EXACT]
    if not main_shot:
        return []
    biggest = max(main_shot, key=lambda s: s.low)
    killed = _headline([c for c in claims if c.kind == FigureKind.KILLED and c.event_ref == 0])
    dead = killed.best if killed is not None else 0
    stated = [c.best for c in claims if c.kind == FigureKind.INJURED and c.event_ref == 0 and c.subgroup is None]
    if biggest.low - dead <= max(stated, default=0):
        return []  # an injured count stated outright already covers the wounded
    if killed is None or killed.qualifier == Qualifier.EXACT:
        return [replace(biggest, low=biggest.low - dead, high=biggest.low - dead)]
    return []


_PARTY_CLAIM = re.compile(r"\bclaim(?:ed|s|ing)?\b|\bsaid\s+(?:it|they)\s+(?:had\s+)?killed", re.IGNORECASE)


def _headline(candidates: list[FigureClaim], summaries: Sequence[FigureClaim] = ()) -> FigureClaim | None:
    """The most authoritative total among one kind's main-event claims.

    The latest 'toll rose to' update, else the writer's own summary ('3 fatalities'), else the
    largest whole-event count not made by a party to the fight, else the largest subgroup count.
    """
    if not candidates:
        return None
    updates = [c for c in candidates if c.is_update and c.subgroup is None]
    if updates:
        return updates[-1]
    own = [c for c in candidates if any(c is s for s in summaries)]
    if own:
        return own[-1]
    neutral = [c for c in candidates if not _PARTY_CLAIM.search(c.span.quote)]
    candidates = neutral or candidates
    wholes = [c for c in candidates if c.subgroup is None]
    rank = {
        Qualifier.EXACT: 0,
        Qualifier.AT_LEAST: 1,
        Qualifier.MORE_THAN: 1,
        Qualifier.RANGE: 2,
        Qualifier.ABOUT: 2,
        Qualifier.AT_MOST: 3,
        Qualifier.VAGUE: 4,
    }
    parts = [c for c in candidates if c.subgroup is not None]
    best_part = max(parts, key=lambda c: c.best) if parts else None
    if wholes:
        whole = max(wholes, key=lambda c: (c.best, -rank[c.qualifier]))
        # A subgroup count is a lower bound on the total: a larger one outranks a smaller whole.
        return best_part if best_part is not None and best_part.best > whole.best else whole
    return best_part


LEAD_CHARS = 2000
_DISJOINT = (("civilians", "children"), ("security forces",), ("militants",), ("perpetrators",))


@dataclass(slots=True)
class _Roles:
    """What the reading of each claim told beyond its number; claims are listed by identity."""

    agentless_killed: list[FigureClaim] = field(default_factory=list)  # object counts: the killer not among them
    agent_counted: list[FigureClaim] = field(default_factory=list)  # "including the assailant"
    summaries: list[FigureClaim] = field(default_factory=list)  # the writer's own total
    beside_killed: list[FigureClaim] = field(default_factory=list)  # wounded counted beside the dead
    in_title: list[FigureClaim] = field(default_factory=list)  # read in the report's headline
    cases: list[FigureClaim] = field(default_factory=list)  # one sentence's cases of an infection, repeats kept

    @staticmethod
    def holds(role: list[FigureClaim], claim: FigureClaim) -> bool:
        return any(c is claim for c in role)


def _order(claims: list[FigureClaim], roles: _Roles) -> list[FigureClaim]:
    headlines: list[FigureClaim] = []
    attacker_died = any(
        c.kind == FigureKind.KILLED and c.subgroup == "perpetrators" and c.event_ref == 0 for c in claims
    )
    for kind in FigureKind:
        # A bound on the figure ("20 killed and injured") is no statement of it, so it never heads the report.
        main = [c for c in claims if c.kind == kind and c.event_ref == 0 and not c.bound_only]
        # Reports state their toll up front; counts deep in a long page are more often other
        # stories, links and boilerplate, so they only speak when the lead says nothing.
        lead = [c for c in main if c.span.start < LEAD_CHARS]
        pool = lead or main
        if kind == FigureKind.INJURED:
            # "kills one, injures three": a wounded count given beside the dead leaves them out; a bare
            # "four were taken to hospital" elsewhere may include the one who died there.
            pool = [c for c in pool if roles.holds(roles.beside_killed, c)] or pool
        headline = _headline(pool, roles.summaries)
        if headline is None:
            continue
        headline = _all_the_cases(headline, roles)
        total = (
            None if roles.holds(roles.summaries, headline) else _subgroup_total(main, headline, roles, attacker_died)
        )
        if total is not None:
            claims.append(total)
            headline = total
        headlines.append(headline)
    rest = [c for c in claims if not any(c is h for h in headlines)]
    rest.sort(key=lambda c: c.span.start)
    return [*headlines, *rest]


def _all_the_cases(headline: FigureClaim, roles: _Roles) -> FigureClaim:
    """Cases told one sentence at a time ("Erin Roe was diagnosed ... A second employee was later diagnosed
    ... Four postal workers also contracted skin anthrax") add up, when no count of the hurt is stated."""
    if not roles.holds(roles.cases, headline):
        return headline
    by_sentence = {c.span.start: c.low for c in roles.cases if c.event_ref == headline.event_ref}
    total = sum(by_sentence.values())
    return replace(headline, low=total, high=total) if total > headline.low else headline


def _subgroup_total(
    main: list[FigureClaim], headline: FigureClaim, roles: _Roles, attacker_died: bool
) -> FigureClaim | None:
    """A total from disjoint subgroups ('2 soldiers ... 3 militants'), or victims plus attackers dead or
    wounded: GTD and GVA count the attacker among the dead and the injured."""
    if headline.is_update:
        return None
    groups: list[FigureClaim] = []
    for members in _DISJOINT:
        in_group = [c for c in main if c.subgroup in members]
        if in_group:
            groups.append(max(in_group, key=lambda c: c.best))
    attackers = next((g for g in groups if g.subgroup == "perpetrators"), None)
    if headline.subgroup is None:
        # The whole count stands unless attackers come on top of it: an object count ("shot and killed
        # his two daughters, then turned the gun on himself"), or a victims' count told apart from the
        # attacker's fate. A headline's tally ("3 dead in courthouse shooting") already holds the gunman.
        if attackers is None or roles.holds(roles.agent_counted, headline):
            return None
        apart = attackers.span.start != headline.span.start and not roles.holds(roles.in_title, headline)
        if headline.kind == FigureKind.KILLED:
            # A suicide told apart from a victims' count ("five died in a murder-suicide") is usually inside
            # that count; an attacker shot by police, told apart or beside a larger count, usually is not.
            beside_more = headline.low > attackers.low and not roles.holds(roles.in_title, headline)
            on_top = roles.holds(roles.agentless_killed, headline) or (
                (apart or beside_more) and not _SUICIDE.search(attackers.span.quote)
            )
        else:
            # "wounding 31 others. Military police shot the gunman": unless the attacker died of it.
            on_top = headline.kind == FigureKind.INJURED and apart and not attacker_died
        if not on_top:
            return None
        high = None if headline.high is None or attackers.high is None else headline.high + attackers.high
        return replace(headline, low=headline.low + attackers.low, high=high, span=attackers.span, subgroup=None)
    if len(groups) < 2:
        return None
    low = sum(g.low for g in groups)
    if low <= headline.best:
        return None
    exact = all(g.qualifier == Qualifier.EXACT for g in groups)
    return replace(
        groups[0],
        low=low,
        high=low if exact else None,
        qualifier=Qualifier.EXACT if exact else Qualifier.AT_LEAST,
        subgroup=None,
    )
