// node-postgres (pg) workload: simple-protocol DDL and multi-statement
// queries, notices, parameterized extended-protocol queries (a bytea
// parameter goes in binary format), named prepared statements, results in
// text and in binary format, RowDescription type oids, UPDATE/DELETE row
// counts, a rolled-back transaction, a unique violation caught as
// pg.DatabaseError, a row-limited Query (portal suspension, Execute with a
// row count and Flush) and a pg-cursor read in chunks.
//
// node-postgres decodes every DataRow field as UTF-8 even in binary mode,
// so the binary fetch is limited to rows whose binary encodings are
// ASCII-safe; values without a binary parser are printed as raw hex.
'use strict'

const { CREATE_TABLE, COLUMNS, ROWS, render, renderRow } = require('./common')
const pg = require('pg')
const Cursor = require('pg-cursor')

// Binary-format columns of types node-postgres has no binary parser for
// stay Buffers (printed as hex); json/jsonb text stays the server's text.
const BINARY_PARSED = new Set([16, 20, 21, 23, 25, 26, 700, 701, 1114, 1184, 1700])
const rawTypes = {
  getTypeParser (oid, format) {
    if (format === 'binary' && !BINARY_PARSED.has(oid)) return (value) => value
    if (oid === 114 || oid === 3802) return (value) => value
    return pg.types.getTypeParser(oid, format)
  },
}

function fields (result) {
  return result.fields.map((f) => `${f.name}:${f.dataTypeID}:${f.format}`).join(' ')
}

async function run (dsn) {
  const client = new pg.Client({ connectionString: dsn })
  client.on('notice', (msg) => console.log('notice', msg.severity, msg.code, msg.message))
  await client.connect()

  // Simple query protocol (no parameters).
  let res = await client.query('DROP TABLE IF EXISTS items')
  console.log('drop', res.command, res.rowCount)
  res = await client.query(CREATE_TABLE)
  console.log('create', res.command, res.rowCount)
  const multi = await client.query("SELECT 1 AS one; SELECT 'two'::text AS two, NULL::int AS nothing")
  for (const r of multi) console.log('multi', r.command, fields(r), JSON.stringify(r.rows))

  // Extended protocol: a named prepared statement reused for every row.
  const placeholders = COLUMNS.map((_, i) => `$${i + 1}`).join(', ')
  const insert = `INSERT INTO items (${COLUMNS.join(', ')}) VALUES (${placeholders}) RETURNING id`
  for (const row of ROWS) {
    res = await client.query({ name: 'insert_item', text: insert, values: row })
    console.log('inserted', res.command, res.rowCount, JSON.stringify(res.rows))
  }

  // Text-format results, parsed by pg's type parsers.
  const selectAll = `SELECT id, ${COLUMNS.join(', ')} FROM items ORDER BY id`
  res = await client.query({ text: selectAll, rowMode: 'array' })
  console.log('text columns', fields(res))
  for (const row of res.rows) console.log('text row', renderRow(row))
  // The same through the extended protocol (a parameter forces it), with
  // json/jsonb as the server's text.
  res = await client.query({ text: `SELECT id, ${COLUMNS.join(', ')} FROM items WHERE id > $1 ORDER BY id`, values: [0], rowMode: 'array', types: rawTypes })
  for (const row of res.rows) console.log('extended text row', renderRow(row))

  // Binary-format results.
  res = await client.query({
    text: 'SELECT id, flag, small, num, big, score, name, code, tag, ident, doc, docb FROM items WHERE name <> $1 ORDER BY id',
    values: ['beta'],
    binary: true,
    types: rawTypes,
  })
  console.log('binary columns', fields(res))
  for (const row of res.rows) console.log('binary row', renderRow(Object.values(row)))
  res = await client.query({
    text: 'SELECT $1::int2 AS a, $2::int4 AS b, $3::int8 AS c, $4::float8 AS d, $5::bool AS e, $6::text AS f, $7::bytea AS g',
    values: [12, 16909060, '4294967296', 2.25, false, 'hello', Buffer.from('xyz')],
    binary: true,
    types: rawTypes,
  })
  console.log('binary params', fields(res))
  console.log('binary params row', renderRow(Object.values(res.rows[0])))

  // Filtered SELECT with parameters, object rows.
  res = await client.query('SELECT name, price, day FROM items WHERE num > $1 AND flag = $2', [0, true])
  console.log('filtered', res.rowCount, res.rows.map((r) => `${r.name}/${render(r.price)}/${render(r.day)}`).join(', '))
  res = await client.query('SELECT name FROM items WHERE payload = $1', [Buffer.from([0x00, 0x01, 0xfe, 0xff])])
  console.log('by bytea', JSON.stringify(res.rows))
  res = await client.query('SELECT name FROM items WHERE ident = $1 OR at_tz < $2 ORDER BY name',
    ['00000000-0000-0000-0000-000000000001', new Date(Date.UTC(2020, 0, 1))])
  console.log('by uuid or timestamptz', JSON.stringify(res.rows))

  // UPDATE / DELETE row counts.
  res = await client.query('UPDATE items SET score = score * $1 WHERE name = $2', [2, 'alpha'])
  console.log('updated', res.command, res.rowCount)
  res = await client.query('UPDATE items SET code = $1 WHERE name = $2', ['zzz', 'nobody'])
  console.log('updated none', res.command, res.rowCount)

  // A transaction rolled back.
  await client.query('BEGIN')
  res = await client.query('DELETE FROM items WHERE name = $1', ['beta'])
  console.log('deleted in transaction', res.rowCount)
  await client.query('ROLLBACK')
  res = await client.query('SELECT count(*) AS n FROM items')
  console.log('after rollback', JSON.stringify(res.rows))

  // A unique violation.
  try {
    await client.query('INSERT INTO items (name) VALUES ($1)', ['alpha'])
    console.log('unique violation not raised')
  } catch (error) {
    console.log('unique violation', error instanceof pg.DatabaseError, error.code, error.severity)
  }
  res = await client.query('SELECT 1 AS still_usable')
  console.log('after error', JSON.stringify(res.rows))

  // Row-limited fetches: more rows than one Execute returns.
  for (let k = 1; k <= 12; k++) {
    res = await client.query('INSERT INTO items (name, num) VALUES ($1, $2)', [`bulk${k}`, k])
  }
  console.log('bulk', res.command, res.rowCount)
  res = await client.query({ text: 'SELECT name, num FROM items WHERE num >= $1 ORDER BY num, name', values: [0], rows: 3 })
  console.log('rows=3 query', res.rowCount, res.rows.map((r) => `${r.name}:${r.num}`).join(' '))
  const cursor = client.query(new Cursor('SELECT name, num FROM items WHERE num > $1 ORDER BY num', [5], { rowMode: 'array' }))
  for (;;) {
    const chunk = await cursor.read(4)
    console.log('cursor chunk', JSON.stringify(chunk))
    if (chunk.length === 0) break
  }
  await cursor.close()
  res = await client.query('SELECT count(*) AS n FROM items')
  console.log('after cursor', JSON.stringify(res.rows))

  res = await client.query('DELETE FROM items WHERE small < $1 OR name LIKE $2 RETURNING name', [0, 'bulk1%'])
  console.log('deleted', res.command, res.rowCount, JSON.stringify(res.rows))
  await client.end()
}

run(process.argv[2]).catch((error) => {
  console.log('error', error.constructor.name, error.code, error.message)
  process.exit(1)
})
