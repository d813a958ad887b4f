"""Which event a clause is about: the report's main event (0) or another one mentioned in passing.

A clause starts another event when it speaks of an event in the indefinite or with a time shift
("a raid in Aleppo the day before", "a similar attack in 1997", "arrested 12 suspects in a
sweep"). Definite references ("the attack", "the shooting") stay with the main event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from service.extraction.text import Segment, clauses, keyword_text, mentions_any, sentences

_EVENT_NOUN = (
    r"(?:raid|raids|attack|attacks|bombing|bombings|blast|explosion|shooting|shootings|strike|strikes|"
    r"airstrike|air strike|clash|clashes|ambush|assault|incident|incidents|operation|sweep|crackdown|"
    r"arson|fire|fires|killing|killings|homicide|homicides|murder|murders|massacre|offensive|battle)"
)
_OTHER_EVENT = re.compile(
    rf"\b(?:(?:a|an|another|one)\s+(?:separate|similar|earlier|previous|prior|unrelated|second|different)\s+(?:\w+\s+)?{_EVENT_NOUN}"
    rf"|(?:another|other|previous|prior|earlier)\s+(?:\w+\s+)?{_EVENT_NOUN}"
    rf"|separately|in a separate|in an unrelated"
    rf"|\b(?:this|it)\s+(?:all\s+)?(?:comes|came)\s+(?:after|on the heels of)"
    rf"|\b(?:has|have|had)\s+been\s+the\s+(?:site|scene)\s+of"
    rf"|\b(?:\w+\s+)?(?:years?|months?)\s+ago\b|\bearlier\s+(?:this|that|last)\s+year\b|\blast\s+year\b"
    rf"|^\W*(?:a|one|two|three|four|five|several|\d+)\s+(?:years?|months?|weeks?|days?)\s+(?:earlier|ago|before|prior)\b"
    rf"|^\W*(?:the\s+)?(?:day|night)\s+before\b|^\W*(?:on\s+)?the\s+previous\s+(?:day|night)\b"
    rf"|^\W*(?:last|earlier\s+this|earlier\s+that)\s+(?:year|month)\b|^\W*in\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:19|20)\d\d\b,"
    rf"|(?:a|an)\s+(?:\w+\s+){{0,2}}?{_EVENT_NOUN}\b[^.;]{{0,60}}?\b(?:the day before|the previous day|a day earlier|"
    rf"days earlier|the week before|earlier (?:this|that|last) (?:week|month|year)|last (?:week|month|year)|"
    rf"in (?:19|20)\d\d|on (?:the )?previous)"
    rf"|(?:arrested|detained|rounded up)\b[^.;]{{0,60}}?\bin (?:a|an)\s+(?:\w+\s+)?(?:sweep|crackdown|raids?|operation)"
    rf"|in (?:a|an)\s+(?:\w+\s+)?(?:sweep|crackdown)\b"
    rf"|(?:had|has) (?:also )?been (?:claimed|carried out|responsible)\b[^.;]{{0,80}}?\bin "
    rf"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:19|20)\d\d)",
    re.IGNORECASE,
)
# Keyword gate: every alternative of _OTHER_EVENT needs one of these words (a modifier such as
# "separate", a time word such as "ago" or "last", a year's "19"/"20", or a sweep-like noun).
_OTHER_EVENT_WORDS = (
    *("separate", "similar", "earlier", "previous", "prior", "unrelated", "second", "different", "other"),
    *("came", "comes", "been", "ago", "last", "before", "19", "20", "sweep", "crackdown", "raid", "operation"),
)


def segment(document: str, document_sentences: Sequence[Segment] | None = None) -> list[tuple[Segment, int]]:
    """Clauses of the document in order, each with the event_ref it is about."""
    result: list[tuple[Segment, int]] = []
    next_ref = 1
    for sentence in document_sentences if document_sentences is not None else sentences(document):
        for clause in clauses(sentence):
            if mentions_any(keyword_text(clause.text), _OTHER_EVENT_WORDS) and _OTHER_EVENT.search(clause.text):
                result.append((clause, next_ref))
                next_ref += 1
            else:
                result.append((clause, 0))
    return result
