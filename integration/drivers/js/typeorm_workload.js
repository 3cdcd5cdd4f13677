// TypeORM 0.3 workload: entities declared as EntitySchema (plain JavaScript,
// no decorators), synchronize (TypeORM's own reading of the catalogs, then
// CREATE/ALTER to match), a second DataSource whose synchronize must find
// nothing to change, then repository and query-builder work: save with
// relations, find with relations/where/order/skip/take, aggregates, upsert,
// transactions with rollback, cascading delete. Prints a transcript that must
// be the same against PostgreSQL 15 and litegres.
//
//   node typeorm_workload.js postgresql://USER@HOST:PORT/DATABASE
'use strict'

process.env.TZ = 'UTC'
require('reflect-metadata')
const { DataSource, EntitySchema, In, Like, Between } = require('typeorm')

const show = (label, value) => console.log(`${label}: ${JSON.stringify(value)}`)

const Author = new EntitySchema({
  name: 'Author',
  tableName: 'author',
  columns: {
    id: { type: 'int', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 60, unique: true },
    rating: { type: 'numeric', precision: 3, scale: 1, default: 0 },
    active: { type: 'boolean', default: true },
    born: { type: 'date', nullable: true },
    meta: { type: 'jsonb', nullable: true }
  },
  relations: { books: { type: 'one-to-many', target: 'Book', inverseSide: 'author' } }
})

const Book = new EntitySchema({
  name: 'Book',
  tableName: 'book',
  columns: {
    id: { type: 'uuid', primary: true },
    title: { type: 'varchar', length: 120 },
    pages: { type: 'int' },
    published: { type: 'timestamptz' }
  },
  indices: [{ name: 'book_title_idx', columns: ['title'] }],
  uniques: [{ name: 'book_author_title_key', columns: ['author', 'title'] }],
  relations: {
    author: { type: 'many-to-one', target: 'Author', inverseSide: 'books', joinColumn: { name: 'author_id' }, onDelete: 'CASCADE', nullable: false }
  }
})

function source (url) {
  return new DataSource({ type: 'postgres', url, entities: [Author, Book], synchronize: false, logging: false })
}

async function main () {
  const url = process.argv[2]
  const ds = await source(url).initialize()
  try {
    await ds.synchronize()
    const second = await source(url).initialize()
    const pending = await second.driver.createSchemaBuilder().log()
    show('second synchronize would run', pending.upQueries.map((q) => q.query))
    await second.destroy()

    const authors = ds.getRepository('Author')
    const books = ds.getRepository('Book')
    const ada = await authors.save({ name: 'Ada', rating: '4.5', born: '1815-12-10', meta: { tags: ['math'] } })
    const bob = await authors.save({ name: 'Bob' })
    show('saved', [ada, bob])
    const at = (m) => new Date(Date.UTC(2024, m, 1, 8))
    await books.save([
      { id: '00000000-0000-0000-0000-000000000001', title: 'Notes', pages: 120, published: at(0), author: ada },
      { id: '00000000-0000-0000-0000-000000000002', title: 'Engines', pages: 300, published: at(3), author: ada },
      { id: '00000000-0000-0000-0000-000000000003', title: 'Basics', pages: 80, published: at(6), author: bob }
    ])
    show('find relations', await authors.find({ relations: { books: true }, order: { name: 'ASC', books: { title: 'ASC' } } }))
    show('find where', await books.find({ where: { title: Like('%s'), pages: Between(100, 400) }, order: { pages: 'DESC' }, select: { title: true, pages: true } }))
    show('find in', await books.find({ where: { author: { name: In(['Bob']) } }, relations: { author: true } }))
    show('skip take', await books.find({ order: { title: 'ASC' }, skip: 1, take: 1, select: { title: true } }))
    show('count', await books.countBy({ author: { id: ada.id } }))
    show('query builder', await books.createQueryBuilder('b').innerJoin('b.author', 'a')
      .select('a.name', 'name').addSelect('COUNT(*)', 'n').addSelect('SUM(b.pages)', 'pages')
      .groupBy('a.name').orderBy('a.name').getRawMany())
    show('update', (await authors.update({ name: 'Bob' }, { active: false, rating: '3.2' })).affected)
    await authors.increment({ name: 'Ada' }, 'rating', 0.5)
    show('after update', await authors.find({ select: { name: true, rating: true, active: true }, order: { id: 'ASC' } }))
    await authors.upsert({ name: 'Ada', rating: '1.0' }, ['name'])
    show('after upsert', await authors.findOneBy({ name: 'Ada' }))
    try {
      await ds.transaction(async (manager) => {
        await manager.getRepository('Book').createQueryBuilder().delete().execute()
        throw new Error('rollback')
      })
    } catch (error) {
      show('transaction', error.message)
    }
    show('after rollback', await books.count())
    try {
      await authors.insert({ name: 'Bob' })
    } catch (error) {
      show('unique violation', error.code)
    }
    await authors.delete({ name: 'Ada' })
    show('after cascade', await books.count())
    await ds.dropDatabase()
    show('after drop', await ds.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'"))
  } finally {
    await ds.destroy()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
