// postgres.js (postgres) workload: a connection with the default options
// (which loads array types from pg_catalog.pg_type before the first query),
// then tagged-template queries over the extended protocol with named
// prepared statements described before binding (ParameterDescription drives
// how values are serialized), the dynamic insert helper, unsafe() and
// simple() queries, describe(), result columns and counts, a transaction
// rolled back by sql.begin(), a unique violation caught as
// postgres.PostgresError, and .cursor(n) reading in row-limited chunks
// (Execute with a row count, PortalSuspended).
'use strict'

const { CREATE_TABLE, COLUMNS, ROWS, render, renderRow } = require('./common')
const postgres = require('postgres')

function columns (result) {
  return result.columns.map((c) => `${c.name}:${c.type}`).join(' ')
}

function errorLine (error) {
  return `${error.constructor.name} ${error.code} ${error.message}`
}

// json/jsonb travel as text both ways: values are already-canonical JSON
// text, and the transcript shows the server's own spelling.
const JSON_AS_TEXT = {
  jsontext: { to: 114, from: [114, 3802], serialize: (x) => (typeof x === 'string' ? x : JSON.stringify(x)), parse: (x) => x },
}

async function defaultConnect (dsn) {
  // Everything default: postgres.js first runs its pg_type query. When that
  // query fails, postgres.js also rejects a promise nobody awaits.
  const unhandled = (error) => console.log('default options: unhandled rejection', errorLine(error))
  process.on('unhandledRejection', unhandled)
  const sql = postgres(dsn, { max: 1, onnotice: () => {}, connect_timeout: 5 })
  try {
    const rows = await sql`SELECT ${41}::int + 1 AS answer`
    console.log('default options', JSON.stringify(rows))
  } catch (error) {
    console.log('default options failed', errorLine(error))
  } finally {
    await sql.end({ timeout: 1 })
    await new Promise((resolve) => setImmediate(resolve))
    process.off('unhandledRejection', unhandled)
  }
}

async function run (dsn) {
  await defaultConnect(dsn)

  const notices = []
  const sql = postgres(dsn, {
    max: 1,
    fetch_types: false,
    types: JSON_AS_TEXT,
    connect_timeout: 5,
    onnotice: (notice) => notices.push(`${notice.severity} ${notice.code} ${notice.message}`),
  })

  let res = await sql.unsafe('DROP TABLE IF EXISTS items')
  console.log('drop', res.command, res.count, JSON.stringify(notices))
  res = await sql.unsafe(CREATE_TABLE)
  console.log('create', res.command, res.count)
  res = await sql.unsafe("SELECT 1 AS one; SELECT 'two'::text AS two").simple()
  console.log('simple multi', res.map((r) => `${columns(r)} ${JSON.stringify([...r])}`).join(' ; '))

  // Dynamic insert: sql(row, columns) expands to a column list and $n values.
  for (const row of ROWS) {
    const record = Object.fromEntries(COLUMNS.map((c, i) => [c, row[i]]))
    res = await sql`INSERT INTO items ${sql(record, COLUMNS)} RETURNING id`
    console.log('inserted', res.command, res.count, JSON.stringify([...res]))
  }

  res = await sql`SELECT id, ${sql(COLUMNS)} FROM items ORDER BY id`.values()
  console.log('columns', columns(res))
  for (const row of res) console.log('row', renderRow(row))

  // describe(): parameter types and columns of a statement, without running it.
  const described = await sql`SELECT name, price FROM items WHERE num > ${0} AND day < ${'2030-01-01'}`.describe()
  console.log('describe', JSON.stringify(described.types), described.columns.map((c) => `${c.name}:${c.type}`).join(' '))

  res = await sql`SELECT name, price, at_tz FROM items WHERE num > ${0} AND flag = ${true}`
  console.log('filtered', res.count, res.map((r) => `${r.name}/${render(r.price)}/${render(r.at_tz)}`).join(', '))
  res = await sql`SELECT name FROM items WHERE payload = ${Buffer.from([0x00, 0x01, 0xfe, 0xff])} OR at < ${new Date(Date.UTC(2000, 0, 1))} ORDER BY name`
  console.log('by bytea or timestamp', JSON.stringify([...res]))
  res = await sql`SELECT ${42n}::int8 AS big, ${'12345678-1234-5678-1234-567812345678'}::uuid AS u, ${'{"k": [1, 2]}'}::jsonb AS j`
  console.log('typed params', renderRow(Object.values(res[0])))
  res = await sql.unsafe('SELECT name, small FROM items WHERE small = $1 OR name = $2 ORDER BY name', [-3, 'gamma'])
  console.log('unsafe with params', JSON.stringify([...res]))

  res = await sql`UPDATE items SET score = score * ${2} WHERE name = ${'alpha'}`
  console.log('updated', res.command, res.count)
  res = await sql`UPDATE items SET code = ${'zzz'} WHERE name = ${'nobody'}`
  console.log('updated none', res.command, res.count)

  try {
    await sql.begin(async (tx) => {
      const deleted = await tx`DELETE FROM items WHERE name = ${'beta'}`
      console.log('deleted in transaction', deleted.count)
      throw new Error('roll back')
    })
  } catch (error) {
    console.log('transaction', error.message)
  }
  res = await sql`SELECT count(*) AS n FROM items`
  console.log('after rollback', JSON.stringify([...res]))

  try {
    await sql`INSERT INTO items (name) VALUES (${'alpha'})`
    console.log('unique violation not raised')
  } catch (error) {
    console.log('unique violation', error instanceof postgres.PostgresError, error.code, error.severity)
  }
  res = await sql`SELECT 1 AS still_usable`
  console.log('after error', JSON.stringify([...res]))

  for (let k = 1; k <= 12; k++) await sql`INSERT INTO items (name, num) VALUES (${'bulk' + k}, ${k})`
  const chunks = []
  for await (const chunk of sql`SELECT name, num FROM items WHERE num > ${5} ORDER BY num`.cursor(4)) {
    chunks.push(chunk.map((r) => `${r.name}:${r.num}`).join(' '))
  }
  console.log('cursor chunks', JSON.stringify(chunks))
  // A cursor left early closes its portal.
  for await (const [row] of sql`SELECT name FROM items ORDER BY id`.cursor()) {
    console.log('first cursor row', row.name)
    break
  }
  res = await sql`SELECT count(*) AS n FROM items`
  console.log('after cursor', JSON.stringify([...res]))

  res = await sql`DELETE FROM items WHERE small < ${0} OR name LIKE ${'bulk1%'} RETURNING name`
  console.log('deleted', res.command, res.count, JSON.stringify([...res]))
  await sql.end({ timeout: 1 })
}

run(process.argv[2]).catch((error) => {
  console.log('error', errorLine(error))
  process.exit(1)
})
