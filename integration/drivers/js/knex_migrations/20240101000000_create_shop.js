// knex migration 1 of the knex workload: two tables with a foreign key,
// unique and check-free constraints, an index, and the common column types.
'use strict'

exports.up = async (knex) => {
  await knex.schema.createTable('customer', (t) => {
    t.increments('id')
    t.string('email', 120).notNullable().unique()
    t.string('name', 60).notNullable()
    t.boolean('vip').notNullable().defaultTo(false)
    t.timestamp('joined', { useTz: true }).notNullable()
  })
  await knex.schema.createTable('purchase', (t) => {
    t.bigIncrements('id')
    t.integer('customer_id').unsigned().notNullable().references('id').inTable('customer').onDelete('CASCADE')
    t.decimal('amount', 10, 2).notNullable()
    t.jsonb('details')
    t.uuid('ref')
    t.date('day')
    t.index(['customer_id', 'day'])
  })
}

exports.down = async (knex) => {
  await knex.schema.dropTable('purchase')
  await knex.schema.dropTable('customer')
}
