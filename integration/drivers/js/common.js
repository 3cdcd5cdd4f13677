// Shared pieces of the JavaScript driver workloads (node-postgres and
// postgres.js): the schema, the three rows every driver stores and fetches
// back, and a printer that renders fetched values the same way whatever the
// driver returned, so transcripts from PostgreSQL and litegres compare line
// by line. Mirrors ../workload_common.py.
'use strict'

// Dates and timestamps without a zone are parsed by the drivers in the local
// zone: pin it so the transcript does not depend on the machine.
process.env.TZ = 'UTC'

const CREATE_TABLE =
  'CREATE TABLE items (' +
  ' id serial PRIMARY KEY,' +
  ' flag boolean, small smallint, num integer, big bigint,' +
  ' ratio real, score double precision, price numeric(12,3),' +
  ' name text NOT NULL UNIQUE, code varchar(10), tag char(4),' +
  ' payload bytea, ident uuid,' +
  ' day date, at timestamp, at_tz timestamptz,' +
  ' doc json, docb jsonb)'

const COLUMNS = ['flag', 'small', 'num', 'big', 'ratio', 'score', 'price', 'name', 'code', 'tag',
  'payload', 'ident', 'day', 'at', 'at_tz', 'doc', 'docb']

// Values as a JavaScript program would naturally hold them: numbers,
// strings for numeric/uuid/date, Buffers for bytea, Date objects for
// timestamps, already-canonical JSON text.
const ROWS = [
  [true, 7, 42, 2 ** 40, 1.5, 2.25, '12.5', 'alpha', 'A-1', 'ab',
    Buffer.from([0x00, 0x01, 0xfe, 0xff]), '12345678-1234-5678-1234-567812345678',
    '2024-01-15', new Date(Date.UTC(2024, 0, 15, 10, 30, 5, 123)),
    new Date(Date.UTC(2024, 0, 15, 10, 30)), '{"a": 1}', '{"b": [1, 2]}'],
  [false, -3, -1, -(2 ** 40), -0.5, 1e-05, '-0.25', 'beta', 'B-2', 'cdef',
    Buffer.alloc(0), '00000000-0000-0000-0000-000000000001',
    '1999-12-31', new Date(Date.UTC(1999, 11, 31, 23, 59, 59)),
    new Date(Date.UTC(2000, 0, 1, 12, 0)), '[1, 2]', '{"c": null}'],
  [null, null, null, null, null, null, null, 'gamma', null, null, null, null, null, null,
    null, null, null],
]

function sortKeys (value) {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value !== null && typeof value === 'object') {
    const out = {}
    for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key])
    return out
  }
  return value
}

// A driver-independent spelling of a fetched value.
function render (value) {
  if (value === null || value === undefined) return 'NULL'
  if (Buffer.isBuffer(value)) return '\\x' + value.toString('hex')
  if (value instanceof Date) return isNaN(value) ? 'Invalid Date' : value.toISOString()
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'bigint') return value.toString() + 'n'
  if (typeof value === 'object') return 'json:' + JSON.stringify(sortKeys(value))
  return String(value)
}

function renderRow (row) {
  return row.map(render).join(' | ')
}

module.exports = { CREATE_TABLE, COLUMNS, ROWS, render, renderRow }
