"""SQLAlchemy ORM models: the schema of a Parallax library.

These classes never leave ``db``: repositories translate them to the frozen records of
``db.records``. Editable rows carry created/updated times, an author and a ``version`` used by
SQLAlchemy as ``version_id_col``, so a stale update raises instead of overwriting a newer row.
The schema itself changes only through Alembic revisions in ``db/migrations``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.ext.orderinglist import ordering_list
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON}


class Stamped:
    """Mixin for editable rows: times, author and the optimistic-concurrency version."""

    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    author: Mapped[str] = mapped_column(String(200), default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - SQLAlchemy's declared_attr
        return {"version_id_col": cls.version}


class LibraryMeta(Base):
    __tablename__ = "library_meta"
    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Lane(Base):
    __tablename__ = "lanes"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    color: Mapped[str] = mapped_column(String(20), default="#607d8b")
    position: Mapped[int] = mapped_column(Integer, default=0)


class Era(Base):
    __tablename__ = "eras"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    start: Mapped[str] = mapped_column(String(40))
    end: Mapped[str] = mapped_column(String(40))
    t_lo: Mapped[float] = mapped_column(Float)
    t_hi: Mapped[float] = mapped_column(Float)
    color: Mapped[str] = mapped_column(String(20), default="#cfd8dc")


class Source(Stamped, Base):
    __tablename__ = "sources"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    title: Mapped[str] = mapped_column(Text)
    outlet: Mapped[str] = mapped_column(String(300), default="")
    label: Mapped[str] = mapped_column(String(80), default="")
    color: Mapped[str] = mapped_column(String(7), default="")
    authors: Mapped[list[str]] = mapped_column(default=list)
    published: Mapped[str | None] = mapped_column(String(40))
    published_t: Mapped[float | None] = mapped_column(Float)
    published_note: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(40), default="other")
    language: Mapped[str] = mapped_column(String(20), default="en")
    full_text: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    file_name: Mapped[str | None] = mapped_column(Text)
    file_sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    imported_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    country: Mapped[str] = mapped_column(String(200), default="")
    affiliation: Mapped[str] = mapped_column(Text, default="")
    stance: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


event_tags = Table(
    "event_tags",
    Base.metadata,
    Column("event_id", ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)


class Actor(Base):
    """A person, state, organisation or place events name; ``aliases`` are its other names in
    any language or script ("Россия", "РФ" for "Russia")."""

    __tablename__ = "actors"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    aliases: Mapped[list[str]] = mapped_column(default=list, server_default="[]")


class EventActor(Base):
    """An actor of an event, in the order the researcher gave them (first = main actor)."""

    __tablename__ = "event_actors"
    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    actor_id: Mapped[int] = mapped_column(
        ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    actor: Mapped[Actor] = relationship(lazy="joined")


class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class Event(Stamped, Base):
    __tablename__ = "events"
    __table_args__ = (Index("ix_events_time", "t_lo", "t_hi"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text, default="")
    start: Mapped[str] = mapped_column(String(40))
    end: Mapped[str | None] = mapped_column(String(40))
    t_lo: Mapped[float] = mapped_column(Float)
    t_hi: Mapped[float] = mapped_column(Float)
    lane_id: Mapped[int | None] = mapped_column(ForeignKey("lanes.id", ondelete="SET NULL"))
    importance: Mapped[int] = mapped_column(Integer, default=2)
    context: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    aliases: Mapped[list[str]] = mapped_column(default=list)
    lane: Mapped[Lane | None] = relationship(lazy="joined")
    actor_links: Mapped[list[EventActor]] = relationship(
        order_by=EventActor.position,
        collection_class=ordering_list("position"),
        cascade="all, delete-orphan",
        lazy="selectin",
    )
    tags: Mapped[list[Tag]] = relationship(secondary=event_tags, order_by=Tag.name, lazy="selectin")


class Passage(Stamped, Base):
    __tablename__ = "passages"
    __table_args__ = (Index("ix_passages_source_span", "source_id", "start"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(Text, default="")
    suffix: Mapped[str] = mapped_column(Text, default="")
    anchor_status: Mapped[str] = mapped_column(String(20), default="ok")
    voice: Mapped[str] = mapped_column(String(300), default="author")
    tone: Mapped[str] = mapped_column(String(40), default="")
    epistemic: Mapped[str] = mapped_column(String(40), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[Source] = relationship(lazy="joined")
    links: Mapped[list[PassageEvent]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", back_populates="passage"
    )
    codings: Mapped[list[Coding]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", back_populates="passage"
    )


class PassageEvent(Base):
    __tablename__ = "passage_events"
    passage_id: Mapped[int] = mapped_column(
        ForeignKey("passages.id", ondelete="CASCADE"), primary_key=True
    )
    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    origin: Mapped[str] = mapped_column(String(20), default="manual")
    passage: Mapped[Passage] = relationship(back_populates="links")
    event: Mapped[Event] = relationship(lazy="joined")


class Code(Stamped, Base):
    __tablename__ = "codes"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("codes.id", ondelete="SET NULL"))
    group: Mapped[str] = mapped_column(String(40), default="user")
    color: Mapped[str] = mapped_column(String(20), default="#9e9e9e")
    definition: Mapped[str] = mapped_column(Text, default="")
    include: Mapped[str] = mapped_column(Text, default="")
    exclude: Mapped[str] = mapped_column(Text, default="")
    example: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    parent: Mapped[Code | None] = relationship(remote_side="Code.id", lazy="joined")


class Attribute(Base):
    __tablename__ = "attributes"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    definition: Mapped[str] = mapped_column(Text, default="")
    values: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)


class Coding(Base):
    __tablename__ = "codings"
    __table_args__ = (UniqueConstraint("passage_id", "code_id", "coder"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    passage_id: Mapped[int] = mapped_column(ForeignKey("passages.id", ondelete="CASCADE"))
    code_id: Mapped[int] = mapped_column(ForeignKey("codes.id", ondelete="CASCADE"), index=True)
    coder: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    passage: Mapped[Passage] = relationship(back_populates="codings")
    code: Mapped[Code] = relationship(lazy="joined")


class Claim(Stamped, Base):
    __tablename__ = "claims"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    # null for a record value that cites its own reference instead of a passage
    passage_id: Mapped[int | None] = mapped_column(
        ForeignKey("passages.id", ondelete="CASCADE"), index=True
    )
    subject: Mapped[str] = mapped_column(String(300), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    stated: Mapped[str] = mapped_column(Text, default="")
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    date: Mapped[str | None] = mapped_column(String(40))
    unit: Mapped[str] = mapped_column(String(60), default="")
    hedge: Mapped[str] = mapped_column(String(20), default="exact")
    event_key: Mapped[str | None] = mapped_column(String(200), index=True)
    holds: Mapped[bool | None] = mapped_column(Boolean)
    reference: Mapped[str] = mapped_column(Text, default="", server_default="")
    passage: Mapped[Passage | None] = relationship(lazy="joined")


class Note(Base):
    __tablename__ = "notes"
    __table_args__ = (Index("ix_notes_target", "target_kind", "target_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    target_kind: Mapped[str] = mapped_column(String(20))
    target_key: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class PassageRelation(Base):
    __tablename__ = "passage_relations"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    from_id: Mapped[int] = mapped_column(ForeignKey("passages.id", ondelete="CASCADE"))
    to_id: Mapped[int] = mapped_column(ForeignKey("passages.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    from_passage: Mapped[Passage] = relationship(foreign_keys=[from_id], lazy="joined")
    to_passage: Mapped[Passage] = relationship(foreign_keys=[to_id], lazy="joined")


class Suggestion(Base):
    """A machine proposal about a source awaiting a person's word (see ``db.records``)."""

    __tablename__ = "suggestions"
    __table_args__ = (
        UniqueConstraint("source_id", "kind", "ref"),
        Index("ix_suggestions_source_status", "source_id", "status"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    ref: Mapped[str] = mapped_column(String(300))
    target: Mapped[str] = mapped_column(String(200), default="")
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text, default="")
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    reasons: Mapped[list[str]] = mapped_column(default=list)
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    source: Mapped[Source] = relationship(lazy="joined")
