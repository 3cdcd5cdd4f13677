// knex migration 2 of the knex workload: ALTER TABLE add/rename/alter column.
'use strict'

exports.up = async (knex) => {
  await knex.schema.alterTable('customer', (t) => {
    t.text('notes')
    t.integer('points').notNullable().defaultTo(0)
  })
  await knex.schema.alterTable('purchase', (t) => {
    t.renameColumn('day', 'purchased_on')
  })
}

exports.down = async (knex) => {
  await knex.schema.alterTable('purchase', (t) => {
    t.renameColumn('purchased_on', 'day')
  })
  await knex.schema.alterTable('customer', (t) => {
    t.dropColumn('points')
    t.dropColumn('notes')
  })
}
