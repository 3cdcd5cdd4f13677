// knex workload: migrations (latest, rollback, latest again) with knex's own
// bookkeeping tables and lock, schema inspection (hasTable, hasColumn,
// columnInfo), then query-builder work: inserts with RETURNING, joins,
// aggregates, increments, ON CONFLICT merge, transactions with rollback and
// pagination. Prints a transcript that must be the same against PostgreSQL 15
// and litegres.
//
//   node knex_workload.js postgresql://USER@HOST:PORT/DATABASE
'use strict'

process.env.TZ = 'UTC'
const path = require('path')
const knexFactory = require('knex')

const show = (label, value) => console.log(`${label}: ${JSON.stringify(value)}`)
const MIGRATIONS = { directory: path.join(__dirname, 'knex_migrations') }

async function schema (knex, label) {
  show(`${label} tables`, {
    customer: await knex.schema.hasTable('customer'),
    purchase: await knex.schema.hasTable('purchase'),
    notes: await knex.schema.hasColumn('customer', 'notes')
  })
  if (await knex.schema.hasTable('customer')) show(`${label} customer columns`, await knex('customer').columnInfo())
  if (await knex.schema.hasTable('purchase')) show(`${label} purchase columns`, await knex('purchase').columnInfo())
}

async function migrations (knex) {
  const [batch, applied] = await knex.migrate.latest(MIGRATIONS)
  show('latest', { batch, applied })
  await schema(knex, 'after latest')
  show('status', await knex.migrate.status(MIGRATIONS))
  show('rollback', await knex.migrate.rollback(MIGRATIONS, true))
  await schema(knex, 'after rollback')
  show('latest again', await knex.migrate.latest(MIGRATIONS))
  show('currentVersion', await knex.migrate.currentVersion(MIGRATIONS))
  show('migration rows', await knex('knex_migrations').select('name', 'batch').orderBy('id'))
}

async function queries (knex) {
  const joined = new Date(Date.UTC(2024, 0, 15, 9, 30))
  const customers = await knex('customer').insert([
    { email: 'ada@example.org', name: 'Ada', vip: true, joined },
    { email: 'bob@example.org', name: 'Bob', joined },
    { email: 'cy@example.org', name: 'Cy', joined: new Date(Date.UTC(2024, 1, 1)) }
  ]).returning(['id', 'email', 'vip', 'points'])
  show('inserted', customers)
  const ids = Object.fromEntries(customers.map((c) => [c.name || c.email.split('@')[0], c.id]))
  await knex('purchase').insert([
    { customer_id: ids.ada, amount: '19.99', details: { items: 2 }, ref: '00000000-0000-0000-0000-000000000001', purchased_on: '2024-02-01' },
    { customer_id: ids.ada, amount: '5.01', details: null, ref: null, purchased_on: '2024-02-03' },
    { customer_id: ids.bob, amount: '100.00', details: { items: [1, 2, 3], gift: true }, ref: '00000000-0000-0000-0000-000000000002', purchased_on: '2024-03-01' }
  ])
  show('join', await knex('purchase as p').join('customer as c', 'c.id', 'p.customer_id')
    .select('c.name', 'p.amount', 'p.details', 'p.ref', 'p.purchased_on').orderBy('p.id'))
  show('group', await knex('customer as c').leftJoin('purchase as p', 'p.customer_id', 'c.id')
    .select('c.name').count('p.id as n').sum('p.amount as total').groupBy('c.name').orderBy('c.name'))
  show('where', await knex('customer').where('name', 'ilike', '%a%').orWhereIn('id', [ids.cy]).orderBy('id').pluck('name'))
  show('between', await knex('purchase').whereBetween('amount', [5, 20]).orderBy('amount').pluck('amount'))
  show('json path', await knex('purchase').whereRaw("details->>'gift' = 'true'").pluck('amount'))
  show('first', await knex('customer').where({ vip: true }).first('name', 'joined'))
  show('increment', await knex('customer').where('id', ids.bob).increment('points', 5))
  // RETURNING comes in the table's physical order, which an UPDATE changes
  // in PostgreSQL: sorted here.
  const updated = await knex('customer').where('vip', false).update({ notes: 'regular' }, ['name', 'notes'])
  show('update returning', updated.sort((a, b) => a.name.localeCompare(b.name)))
  await knex('customer').insert({ email: 'ada@example.org', name: 'Ada Lovelace', joined })
    .onConflict('email').merge({ name: knex.raw('EXCLUDED.name') })
  await knex('customer').insert({ email: 'bob@example.org', name: 'ignored', joined }).onConflict('email').ignore()
  show('after upsert', await knex('customer').orderBy('id').select('name', 'points', 'notes'))
  try {
    await knex.transaction(async (trx) => {
      await trx('purchase').del()
      throw new Error('rollback')
    })
  } catch (error) {
    show('transaction error', error.message)
  }
  show('after rollback', await knex('purchase').count('* as n'))
  try {
    await knex('customer').insert({ email: 'cy@example.org', name: 'dup', joined })
  } catch (error) {
    show('unique violation', error.code)
  }
  show('page', await knex('customer').orderBy('email').limit(2).offset(1).pluck('email'))
  show('delete cascade', await knex('customer').where('id', ids.ada).del())
  show('remaining purchases', await knex('purchase').count('* as n'))
  show('raw', (await knex.raw('SELECT ?::int + 1 AS n, ? AS s', [41, 'x'])).rows)
}

async function main () {
  const knex = knexFactory({ client: 'pg', connection: process.argv[2], pool: { min: 0, max: 2 } })
  try {
    await migrations(knex)
    await queries(knex)
    show('rollback all', await knex.migrate.rollback(MIGRATIONS, true))
    await schema(knex, 'after rollback all')
  } finally {
    await knex.destroy()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
