"""SQLAlchemy 1.4 workload (psycopg2 dialect): metadata.create_all, the
Inspector's reflection of what it created, Core inserts with RETURNING and
PostgreSQL's ON CONFLICT, and ORM sessions with relationships, eager loading,
cascading deletes and rollbacks. Prints a transcript that must be the same
against PostgreSQL 15 and litegres.

    /usr/bin/python3 sqlalchemy_workload.py postgresql://USER@HOST:PORT/DATABASE
"""

import datetime
import decimal
import sys
import uuid

from sqlalchemy import (JSON, Boolean, CheckConstraint, Column, Date, DateTime, Enum, ForeignKey, Index, Integer,
                        MetaData, Numeric, String, Table, Text, UniqueConstraint, create_engine, func, inspect,
                        select, text)
from sqlalchemy.dialects.postgresql import JSONB, UUID, insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, declarative_base, joinedload, relationship, selectinload

UTC = datetime.timezone.utc
Base = declarative_base(metadata=MetaData())


class Author(Base):
    __tablename__ = "author"
    id = Column(Integer, primary_key=True)
    name = Column(String(60), nullable=False, unique=True)
    email = Column(String(120))
    active = Column(Boolean, nullable=False, server_default=text("true"))
    joined = Column(DateTime(timezone=True), nullable=False)
    books = relationship("Book", back_populates="author", cascade="all, delete-orphan", order_by="Book.id")


class Book(Base):
    __tablename__ = "book"
    __table_args__ = (
        UniqueConstraint("author_id", "title", name="book_author_title_key"),
        CheckConstraint("price >= 0", name="book_price_nonnegative"),
        Index("book_published_idx", "published"),
        Index("book_lower_title_idx", func.lower(Column("title"))),
    )
    id = Column(Integer, primary_key=True)
    author_id = Column(Integer, ForeignKey("author.id", ondelete="CASCADE"), nullable=False, index=True)
    title = Column(String(200), nullable=False)
    price = Column(Numeric(8, 2), nullable=False, default=decimal.Decimal("0"))
    published = Column(Date)
    genre = Column(Enum("fiction", "science", "history", name="genre"), nullable=False, server_default="fiction")
    isbn = Column(UUID(as_uuid=True), unique=True)
    meta = Column(JSONB, nullable=False, server_default=text("'{}'::jsonb"))
    notes = Column(Text)
    author = relationship("Author", back_populates="books")


counters = Table(
    "counter", Base.metadata,
    Column("key", String(30), primary_key=True),
    Column("hits", Integer, nullable=False, server_default="0"),
    Column("extra", JSON),
)


def show(label, value) -> None:
    print(f"{label}: {value}")


def reflect(engine) -> None:
    inspector = inspect(engine)
    # Reflection lists come in catalog order (no ORDER BY): sorted here.
    show("table names", sorted(inspector.get_table_names()))
    show("enums", [(e["name"], e["labels"]) for e in inspector.get_enums()])
    for table in sorted(inspector.get_table_names()):
        for column in inspector.get_columns(table):
            show(f"column {table}", (column["name"], repr(column["type"]), column["nullable"], column["default"],
                                     column.get("autoincrement")))
        show(f"pk {table}", inspector.get_pk_constraint(table))
        show(f"fks {table}", inspector.get_foreign_keys(table))
        show(f"indexes {table}", sorted(inspector.get_indexes(table), key=lambda i: i["name"]))
        show(f"uniques {table}", sorted(inspector.get_unique_constraints(table), key=lambda u: u["name"]))
        show(f"checks {table}", sorted(inspector.get_check_constraints(table), key=lambda c: c["name"]))
    show("has_table", (inspector.has_table("book"), inspector.has_table("nothing")))
    show("sequences", sorted(inspector.get_sequence_names()))
    show("views", inspector.get_view_names())


def core(engine) -> None:
    with engine.begin() as conn:
        rows = conn.execute(insert(counters).returning(counters.c.key, counters.c.hits),
                            [{"key": "a", "extra": {"x": 1}}, {"key": "b", "hits": 5, "extra": None}])
        show("insert returning", rows.fetchall())
        upsert = insert(counters).values(key="a", hits=1)
        upsert = upsert.on_conflict_do_update(index_elements=[counters.c.key],
                                              set_={"hits": counters.c.hits + upsert.excluded.hits})
        show("upsert", conn.execute(upsert.returning(counters.c.hits)).scalar_one())
        ignore = insert(counters).values(key="b", hits=100).on_conflict_do_nothing()
        show("do nothing rowcount", conn.execute(ignore).rowcount)
        on_constraint = insert(counters).values(key="c", hits=2)
        on_constraint = on_constraint.on_conflict_do_update(constraint="counter_pkey", set_={"hits": 0})
        conn.execute(on_constraint)
        conn.execute(on_constraint)
        show("counters", conn.execute(select(counters).order_by(counters.c.key)).fetchall())
        updated = conn.execute(counters.update().where(counters.c.hits >= 1).values(hits=counters.c.hits * 10)
                               .returning(counters.c.key, counters.c.hits))
        show("update returning", sorted(updated.fetchall()))
        show("delete rowcount", conn.execute(counters.delete().where(counters.c.key == "c")).rowcount)
        show("text bind", conn.execute(text("SELECT hits FROM counter WHERE key = :k"), {"k": "b"}).scalar_one())


def orm(engine) -> None:
    joined = datetime.datetime(2023, 5, 1, 8, 0, tzinfo=UTC)
    with Session(engine) as session:
        le_guin = Author(name="Le Guin", email="ursula@example.org", joined=joined)
        sagan = Author(name="Sagan", joined=joined + datetime.timedelta(days=40))
        le_guin.books = [
            Book(title="The Dispossessed", price=decimal.Decimal("9.99"), published=datetime.date(1974, 5, 1),
                 isbn=uuid.UUID(int=1), meta={"awards": ["Hugo", "Nebula"]}),
            Book(title="The Lathe of Heaven", price=decimal.Decimal("7.50"), published=datetime.date(1971, 3, 1),
                 isbn=uuid.UUID(int=2)),
        ]
        sagan.books = [Book(title="Cosmos", price=decimal.Decimal("15.00"), genre="science",
                            published=datetime.date(1980, 10, 1), isbn=uuid.UUID(int=3), notes="TV series")]
        session.add_all([le_guin, sagan])
        session.commit()
        show("ids", [(a.id, [b.id for b in a.books]) for a in (le_guin, sagan)])
        show("server defaults", (le_guin.active, le_guin.books[1].genre, le_guin.books[1].meta))

    with Session(engine) as session:
        authors = session.execute(select(Author).options(selectinload(Author.books)).order_by(Author.name)).scalars()
        show("selectinload", [(a.name, [(b.title, b.price, b.genre) for b in a.books]) for a in authors])
        books = session.execute(select(Book).options(joinedload(Book.author)).order_by(Book.published)).scalars()
        show("joinedload", [(b.title, b.author.name, b.published.isoformat(), str(b.isbn)) for b in books])
        show("group by", session.execute(
            select(Author.name, func.count(Book.id), func.sum(Book.price), func.avg(Book.price))
            .join(Book).group_by(Author.name).order_by(Author.name)).all())
        show("filter", session.execute(select(Book.title).where(Book.title.ilike("%the%"),
                                                                Book.price.between(5, 10)).order_by(Book.title))
             .scalars().all())
        show("jsonb", session.execute(select(Book.title).where(Book.meta["awards"].contains(["Hugo"])))
             .scalars().all())
        show("jsonb text", session.execute(select(Book.meta["awards"][0].astext).where(Book.id == 1)).scalar_one())
        show("enum filter", session.execute(select(Book.title).where(Book.genre == "science")).scalars().all())
        show("date extract", session.execute(
            select(func.extract("year", Book.published), Book.title).order_by(Book.published)).all())
        show("timestamptz", [a.joined.astimezone(UTC).isoformat() for a in
                             session.execute(select(Author).order_by(Author.id)).scalars()])
        show("limit offset", session.execute(select(Book.title).order_by(Book.title).limit(2).offset(1))
             .scalars().all())
        show("exists", session.execute(select(Author.name).where(Author.books.any(Book.price > 10))).scalars().all())
        show("subquery", session.execute(
            select(Author.name).where(Author.id.in_(select(Book.author_id).where(Book.genre == "fiction"))))
             .scalars().all())

    with Session(engine) as session:
        book = session.execute(select(Book).where(Book.title == "Cosmos")).scalar_one()
        book.price = Book.price + decimal.Decimal("1.25")
        session.commit()
        show("sql expression update", book.price)
        session.add(Book(author_id=book.author_id, title="Cosmos", price=decimal.Decimal("1")))
        try:
            session.commit()
        except IntegrityError as error:
            show("unique violation", type(error.orig).__name__)
            session.rollback()
        session.add(Book(author_id=book.author_id, title="Contact", price=decimal.Decimal("-1")))
        try:
            session.flush()
        except IntegrityError as error:
            show("check violation", type(error.orig).__name__)
            session.rollback()
        with session.begin_nested():
            session.add(Book(author_id=book.author_id, title="Contact", price=decimal.Decimal("8")))
        nested = session.begin_nested()
        session.add(Book(author_id=book.author_id, title="Pale Blue Dot", price=decimal.Decimal("9")))
        session.flush()
        nested.rollback()
        session.commit()
        show("savepoints", session.execute(select(Book.title).order_by(Book.id)).scalars().all())

        author = session.execute(select(Author).where(Author.name == "Le Guin")).scalar_one()
        session.delete(author)
        session.commit()
        show("after delete", (session.execute(select(func.count()).select_from(Author)).scalar_one(),
                              session.execute(select(func.count()).select_from(Book)).scalar_one()))
        session.execute(Author.__table__.delete())
        session.commit()
        show("db cascade", session.execute(select(func.count()).select_from(Book)).scalar_one())


def main(dsn: str) -> None:
    engine = create_engine(dsn.replace("postgresql://", "postgresql+psycopg2://"), future=True)
    Base.metadata.create_all(engine)
    reflect(engine)
    core(engine)
    orm(engine)
    Base.metadata.drop_all(engine)
    show("after drop_all", inspect(engine).get_table_names())


if __name__ == "__main__":
    main(sys.argv[1])
