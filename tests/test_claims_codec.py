"""Claims survive the trip through the claims table unchanged."""

from __future__ import annotations

import datetime as dt

import pytest

from service.claims_codec import claim_field, claim_from_row, claim_payload
from service.domain import (
    AttributionStatus,
    Claim,
    DateClaim,
    DatePrecision,
    EventTypeClaim,
    FigureClaim,
    FigureKind,
    PerpetratorClaim,
    PlaceClaim,
    Qualifier,
    Span,
    report_document,
)
from service.ingest import content_hash, event_description

SPAN = Span(3, 9, "quoted")


@pytest.mark.parametrize(
    "claim",
    [
        FigureClaim(FigureKind.KILLED, 5, None, Qualifier.AT_LEAST, SPAN, subgroup="civilians", is_update=True),
        FigureClaim(FigureKind.INJURED, 3, 3, Qualifier.EXACT, SPAN, quoted_source="state media", event_ref=1),
        FigureClaim(FigureKind.KILLED, 10, 10, Qualifier.EXACT, SPAN, bound_only=True),
        PerpetratorClaim("Islamic State", AttributionStatus.CLAIMED, SPAN, by="Amaq"),
        PlaceClaim("al-Mayadeen", SPAN, admin1="Deir ez-Zor", country="Syria", lat=35.0, lon=40.4),
        DateClaim(dt.date(2026, 3, 2), DatePrecision.DAY, SPAN),
        EventTypeClaim("Explosions/Remote violence", SPAN, sub_event_type="Suicide bomb"),
    ],
)
def test_round_trip(claim: Claim) -> None:
    rebuilt = claim_from_row(claim_field(claim), claim_payload(claim), SPAN, claim.event_ref)
    assert rebuilt == claim


def test_unknown_field_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown claim field"):
        claim_from_row("weather", {}, SPAN, 0)


def test_document_and_description() -> None:
    assert report_document("Title", "Body text.") == "Title\n\nBody text."
    assert report_document("Title", "Title and body.") == "Title and body."
    assert report_document("", "Body.") == "Body."
    assert event_description("Headline", "Lead   sentence.\n\nMore.") == "Headline. Lead sentence. More."
    assert len(event_description("", "word " * 1000)) <= 600


def test_content_hash_ignores_whitespace_and_case() -> None:
    assert content_hash("A", "b  c") == content_hash("a", "B c")
    assert content_hash("A", "b c") != content_hash("A", "b d")


def test_extraction_from_claims_sorts_them_back_by_kind() -> None:
    from service.domain import Extraction

    figure = FigureClaim(FigureKind.KILLED, 5, None, Qualifier.AT_LEAST, SPAN)
    place = PlaceClaim("al-Mayadeen", SPAN, country="Syria")
    date = DateClaim(dt.date(2026, 3, 2), DatePrecision.DAY, SPAN)
    original = Extraction(figures=[figure], places=[place], dates=[date])
    assert Extraction.from_claims(original.claims()) == original
    assert Extraction.from_claims([]) == Extraction()


def test_a_figure_stored_before_the_bound_flag_reads_as_a_count() -> None:
    payload = claim_payload(FigureClaim(FigureKind.KILLED, 4, 4, Qualifier.EXACT, SPAN))
    del payload["bound_only"]
    rebuilt = claim_from_row("killed", payload, SPAN, 0)
    assert isinstance(rebuilt, FigureClaim) and not rebuilt.bound_only
