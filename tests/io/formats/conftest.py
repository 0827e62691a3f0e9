"""A small but complete library used by the format tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.io.formats.bundle import (
    AttributeData,
    AttributeValueData,
    Bundle,
    ClaimData,
    CodeData,
    CodingData,
    EraData,
    EventData,
    LaneData,
    MetaData,
    NoteData,
    NoteTargetData,
    PassageData,
    PassageEventLink,
    RelationData,
    SourceData,
    SourceFileData,
)

REPO = Path(__file__).resolve().parents[3]
FIXTURES = REPO / "tests" / "fixtures" / "formats"
REALDATA = REPO / ".." / "shared" / "realdata"

TASS_TEXT = (
    "Russian troops entered South Ossetia on 8 August 2008, the agency reported.\n"
    "Officials in Tbilisi said the shelling of Gori began at dawn; \u00abwe will not yield\u00bb, "
    "one minister said.\n"
)


def _passage(key: str, source: str, text: str, quote: str, **extra: object) -> PassageData:
    start = text.index(quote)
    end = start + len(quote)
    return PassageData(
        key=key,
        source=source,
        start=start,
        end=end,
        quote=quote,
        prefix=text[max(0, start - 32) : start],
        suffix=text[end : end + 32],
        **extra,  # type: ignore[arg-type]
    )


def make_bundle() -> Bundle:
    """Two lanes, an era, two sources (one with full text), five events of every precision."""
    lanes = (
        LaneData(key="georgia", name="Georgia", color="#c0392b", position=0),
        LaneData(
            key="russia-great-powers", name="Russia & great powers", color="#2c3e50", position=1
        ),
    )
    events = (
        EventData(
            key="war-2008",
            title="Russo-Georgian War",
            start="2008-08-07",
            end="2008-08-16",
            lane="georgia",
            summary="Five days of war <over> S. Ossetia.",
            actors=("Russia", "Georgia"),
            tags=("war",),
            importance=1,
        ),
        EventData(
            key="rose-revolution",
            title="Rose Revolution",
            start="2003-11",
            lane="georgia",
            importance=2,
        ),
        EventData(
            key="munich-speech",
            title="Munich speech",
            start="2007",
            lane="russia-great-powers",
            context=True,
            importance=3,
            notes="Background.",
        ),
        EventData(
            key="reset",
            title="The \u201creset\u201d",
            start="2009~",
            end="2011~",
            lane="russia-great-powers",
        ),
        EventData(
            key="colchis",
            title="Greek colonies in Colchis",
            start="-0599",
            lane="georgia",
            context=True,
        ),
    )
    sources = (
        SourceData(
            key="tass-2008-08-08",
            title="Troops enter South Ossetia",
            outlet="TASS",
            authors=("Staff",),
            published="2008-08-08",
            url="https://example.org/t",
            kind="news",
            language="en",
            text=TASS_TEXT,
            file=SourceFileData(name="tass.txt", sha256="0" * 64),
        ),
        SourceData(
            key="civil-ge-2009",
            title="A year after",
            outlet="Civil.ge",
            published="2009-08",
            published_note="inferred: month only",
            kind="analysis",
            language="en",
            stance="critical",
        ),
    )
    codes = (
        CodeData(key="entman", name="Entman frames", group="entman", color="#112233"),
        CodeData(
            key="entman.problem",
            name="Problem definition",
            parent="entman",
            group="entman",
            color="#445566",
            definition="What is wrong.",
            position=1,
        ),
        CodeData(
            key="entman.remedy",
            name="Remedy",
            parent="entman",
            group="entman",
            color="#778899",
            position=2,
        ),
        CodeData(key="sovereignty", name="Sovereignty", group="issue", color="#aabbcc"),
    )
    attributes = (
        AttributeData(key="voice", name="Voice", definition="Who speaks."),
        AttributeData(
            key="tone",
            name="Tone",
            values=(
                AttributeValueData(key="neutral", name="Neutral"),
                AttributeValueData(key="alarmed", name="Alarmed", definition="Urgent language."),
            ),
        ),
    )
    passages = (
        _passage(
            "p-entered",
            "tass-2008-08-08",
            TASS_TEXT,
            "Russian troops entered South Ossetia",
            tone="neutral",
            events=(PassageEventLink(event="war-2008", confidence=0.9, origin="manual"),),
            codings=(
                CodingData(code="entman.problem", coder="ana"),
                CodingData(code="sovereignty", coder="ben"),
            ),
        ),
        _passage(
            "p-yield",
            "tass-2008-08-08",
            TASS_TEXT,
            "\u00abwe will not yield\u00bb",
            voice="one minister",
            tone="alarmed",
            events=(
                PassageEventLink(event="war-2008", confidence=0.5, origin="suggested"),
                PassageEventLink(event="reset", confidence=1.0, origin="imported"),
            ),
            codings=(CodingData(code="entman.remedy", coder="ana"),),
            notes="Defiant.",
        ),
        PassageData(
            key="p-civil",
            source="civil-ge-2009",
            start=120,
            end=140,
            quote="the war changed much",
            events=(PassageEventLink(event="war-2008"),),
            codings=(CodingData(code="entman.problem", coder="ana"),),
        ),
    )
    claims = (
        ClaimData(
            key="c-troops",
            passage="p-entered",
            subject="war-2008.troops",
            kind="number",
            low=10000.0,
            high=12000.0,
            unit="people",
            hedge="about",
            stated="10-12k",
        ),
        ClaimData(
            key="c-date",
            passage="p-entered",
            subject="war-2008.start",
            kind="date",
            date="2008-08-08",
        ),
    )
    notes = (
        NoteData(
            key="n1",
            target=NoteTargetData(kind="passage", key="p-yield"),
            body="**Check** the translation.",
            author="ana",
            created="2026-11-01T10:00:00Z",
            updated="2026-11-02T11:30:00Z",
        ),
        NoteData(
            key="n2",
            target=NoteTargetData(kind="event", key="war-2008"),
            body="Dates differ by source.",
            created="2026-11-01",
            updated="2026-11-01",
        ),
    )
    relations = (
        RelationData(key="r1", from_passage="p-civil", to_passage="p-entered", kind="repeats"),
    )
    eras = (
        EraData(
            key="saakashvili",
            name="Saakashvili years",
            start="2004-01-25",
            end="2013-11-17",
            color="#eeeeee",
        ),
    )
    meta = MetaData(
        title="Test library \u2013 Caucasus",
        description="Fixture.",
        created="2026-11-22",
        license="CC-BY-4.0",
        attribution="Parallax tests",
    )
    return Bundle(
        meta=meta,
        lanes=lanes,
        eras=eras,
        sources=sources,
        events=events,
        codes=codes,
        attributes=attributes,
        passages=passages,
        claims=claims,
        notes=notes,
        relations=relations,
    )


@pytest.fixture
def bundle() -> Bundle:
    return make_bundle()


def realdata_file(name: str) -> Path:
    """A file of ../shared/realdata; skipped when absent locally, a failure when CI=true."""
    import os

    path = REALDATA / name
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"missing test data {path}")
        pytest.skip(f"test data {path} not present")
    return path
