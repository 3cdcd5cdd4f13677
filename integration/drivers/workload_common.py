"""Shared pieces of the Python driver workloads: the schema and the rows
every driver stores and fetches back, and a printer that renders values the
same way whatever the driver returned, so transcripts from PostgreSQL and
litegres can be compared line by line."""

import datetime
import decimal
import uuid

CREATE_TABLE = (
    "CREATE TABLE items ("
    " id serial PRIMARY KEY,"
    " flag boolean, small smallint, num integer, big bigint,"
    " ratio real, score double precision, price numeric(12,3),"
    " name text NOT NULL UNIQUE, code varchar(10), tag char(4),"
    " payload bytea, ident uuid,"
    " day date, at timestamp, at_tz timestamptz,"
    " doc json, docb jsonb)"
)

COLUMNS = ("flag", "small", "num", "big", "ratio", "score", "price", "name", "code", "tag",
           "payload", "ident", "day", "at", "at_tz", "doc", "docb")

UTC = datetime.timezone.utc

ROWS = [
    (True, 7, 42, 2**40, 1.5, 2.25, decimal.Decimal("12.5"), "alpha", "A-1", "ab",
     b"\x00\x01\xfe\xff", uuid.UUID("12345678-1234-5678-1234-567812345678"),
     datetime.date(2024, 1, 15), datetime.datetime(2024, 1, 15, 10, 30, 5, 123000),
     datetime.datetime(2024, 1, 15, 10, 30, tzinfo=UTC), '{"a": 1}', '{"b": [1, 2]}'),
    (False, -3, -1, -(2**40), -0.5, 1e-05, decimal.Decimal("-0.25"), "beta", "B-2", "cdef",
     b"", uuid.UUID("00000000-0000-0000-0000-000000000001"),
     datetime.date(1999, 12, 31), datetime.datetime(1999, 12, 31, 23, 59, 59),
     datetime.datetime(2000, 1, 1, 12, 0, tzinfo=UTC), '[1, 2]', '{"c": null}'),
    (None, None, None, None, None, None, None, "gamma", None, None, None, None, None, None,
     None, None, None),
]


def render(value) -> str:
    """A driver-independent spelling of a fetched value."""
    if value is None:
        return "NULL"
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "\\x" + bytes(value).hex()
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value.isoformat()
    if isinstance(value, (datetime.date, uuid.UUID, decimal.Decimal)):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (dict, list)):
        import json
        return json.dumps(value, sort_keys=True)
    return repr(value)


def render_row(row) -> str:
    return " | ".join(render(v) for v in row)
