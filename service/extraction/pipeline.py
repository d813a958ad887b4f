"""The one entry point: a report document in, an Extraction out."""

from __future__ import annotations

import datetime as dt

from service.domain import Extraction
from service.extraction.dates import extract_dates
from service.extraction.event_types import extract_event_types
from service.extraction.events import segment
from service.extraction.figures import extract_figures
from service.extraction.perpetrators import extract_perpetrators
from service.extraction.places import extract_places
from service.extraction.text import sentences


def extract(document: str, published_at: dt.date | None) -> Extraction:
    """Read every claim the document makes; spans are offsets into `document`."""
    document_sentences = sentences(document)
    clauses = segment(document, document_sentences)
    return Extraction(
        figures=extract_figures(clauses),
        perpetrators=extract_perpetrators(clauses, document_sentences),
        places=extract_places(clauses),
        dates=extract_dates(clauses, published_at),
        event_types=extract_event_types(clauses),
    )
