// Sequelize 6 workload: models with associations (belongsTo / hasMany,
// belongsToMany through a join table), sync({ force }) and then
// sync({ alter }) over the existing schema (Sequelize's own describe and
// index queries), then model work: create, bulkCreate, finders with
// operators and includes, aggregates, findAndCountAll with paging,
// increment, upsert, managed transactions with rollback, cascading destroy.
// Prints a transcript that must be the same against PostgreSQL 15 and
// litegres.
//
//   node sequelize_workload.js postgresql://USER@HOST:PORT/DATABASE
'use strict'

process.env.TZ = 'UTC'
const { Sequelize, DataTypes, Op } = require('sequelize')

const show = (label, value) => console.log(`${label}: ${JSON.stringify(value)}`)
const plain = (rows) => rows.map((r) => r.get({ plain: true }))

function define (sequelize) {
  const Team = sequelize.define('Team', {
    name: { type: DataTypes.STRING(40), allowNull: false, unique: true },
    budget: { type: DataTypes.DECIMAL(12, 2), allowNull: false, defaultValue: '0' }
  }, { tableName: 'team', timestamps: false })
  const Member = sequelize.define('Member', {
    id: { type: DataTypes.UUID, primaryKey: true },
    handle: { type: DataTypes.STRING(30), allowNull: false },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    level: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
    profile: { type: DataTypes.JSONB },
    joinedAt: { type: DataTypes.DATE, allowNull: false }
  }, {
    tableName: 'member',
    timestamps: false,
    indexes: [{ unique: true, fields: ['TeamId', 'handle'] }, { fields: ['joinedAt'] }]
  })
  const Skill = sequelize.define('Skill', {
    label: { type: DataTypes.STRING(20), allowNull: false, unique: true }
  }, { tableName: 'skill', timestamps: false })
  Team.hasMany(Member, { foreignKey: { allowNull: false }, onDelete: 'CASCADE' })
  Member.belongsTo(Team)
  Member.belongsToMany(Skill, { through: 'member_skill', timestamps: false })
  Skill.belongsToMany(Member, { through: 'member_skill', timestamps: false })
  return { Team, Member, Skill }
}

async function describe (sequelize, label) {
  const qi = sequelize.getQueryInterface()
  const tables = (await qi.showAllTables()).map((t) => (typeof t === 'string' ? t : t.tableName)).sort()
  show(`${label} tables`, tables)
  for (const table of tables) {
    show(`${label} describe ${table}`, await qi.describeTable(table))
    const indexes = (await qi.showIndex(table)).map((i) => ({
      name: i.name, primary: i.primary, unique: i.unique, fields: i.fields.map((f) => f.attribute)
    })).sort((a, b) => a.name.localeCompare(b.name))
    show(`${label} indexes ${table}`, indexes)
  }
}

async function work (sequelize, { Team, Member, Skill }) {
  const [core, ops] = await Team.bulkCreate([{ name: 'core', budget: '1000.50' }, { name: 'ops' }])
  show('teams', plain(await Team.findAll({ order: [['id', 'ASC']] })))
  const at = (day) => new Date(Date.UTC(2024, 2, day, 12))
  const members = await Member.bulkCreate([
    { id: '00000000-0000-0000-0000-00000000000a', handle: 'ann', TeamId: core.id, joinedAt: at(1), profile: { langs: ['c', 'go'] } },
    { id: '00000000-0000-0000-0000-00000000000b', handle: 'ben', TeamId: core.id, joinedAt: at(5), level: 3 },
    { id: '00000000-0000-0000-0000-00000000000c', handle: 'cat', TeamId: ops.id, joinedAt: at(9), active: false, profile: { oncall: true } }
  ])
  const [go, sql] = await Skill.bulkCreate([{ label: 'go' }, { label: 'sql' }])
  await members[0].addSkills([go, sql])
  await members[2].addSkill(sql)
  show('member', (await Member.findByPk('00000000-0000-0000-0000-00000000000a')).get({ plain: true }))
  show('where ops', plain(await Member.findAll({
    attributes: ['handle'],
    where: { [Op.or]: [{ handle: { [Op.iLike]: 'A%' } }, { level: { [Op.gte]: 3 } }], joinedAt: { [Op.between]: [at(1), at(6)] } },
    order: [['handle', 'ASC']]
  })))
  show('in / not', plain(await Member.findAll({ attributes: ['handle'], where: { handle: { [Op.in]: ['ben', 'cat'] }, active: { [Op.not]: false } } })))
  show('json', plain(await Member.findAll({ attributes: ['handle'], where: { 'profile.oncall': true } })))
  show('include', plain(await Team.findAll({
    include: [{ model: Member, attributes: ['handle'], include: [{ model: Skill, attributes: ['label'], through: { attributes: [] } }] }],
    order: [['name', 'ASC'], [Member, 'handle', 'ASC'], [Member, Skill, 'label', 'ASC']]
  })))
  show('count', await Member.count({ where: { active: true } }))
  show('sum / max', [await Member.sum('level'), await Member.max('joinedAt')])
  show('group', plain(await Member.findAll({
    attributes: ['TeamId', [sequelize.fn('COUNT', sequelize.col('id')), 'n'], [sequelize.fn('AVG', sequelize.col('level')), 'avg']],
    group: ['TeamId'],
    order: [['TeamId', 'ASC']]
  })))
  const page = await Member.findAndCountAll({ attributes: ['handle'], order: [['handle', 'DESC']], limit: 2, offset: 1 })
  show('page', { count: page.count, rows: plain(page.rows) })
  await Member.increment({ level: 2 }, { where: { TeamId: core.id } })
  show('after increment', plain(await Member.findAll({ attributes: ['handle', 'level'], order: [['handle', 'ASC']] })))
  show('update', await Member.update({ active: true }, { where: { handle: 'cat' } }))
  const [upserted, created] = await Team.upsert({ id: ops.id, name: 'ops', budget: '42.00' })
  show('upsert', { budget: upserted.budget, created })
  try {
    await sequelize.transaction(async (transaction) => {
      await Member.destroy({ where: {}, transaction })
      throw new Error('rollback')
    })
  } catch (error) {
    show('transaction', error.message)
  }
  show('after rollback', await Member.count())
  try {
    await Team.create({ name: 'core' })
  } catch (error) {
    show('unique violation', [error.name, error.parent && error.parent.code])
  }
  await core.destroy()
  show('after cascade', [await Member.count(), await sequelize.models.member_skill.count()])
}

async function main () {
  const sequelize = new Sequelize(process.argv[2], { logging: false, pool: { max: 2 } })
  try {
    const models = define(sequelize)
    await sequelize.sync({ force: true })
    await describe(sequelize, 'force')
    await sequelize.sync({ alter: true })
    await describe(sequelize, 'alter')
    await work(sequelize, models)
    await sequelize.drop()
    show('after drop', (await sequelize.getQueryInterface().showAllTables()).length)
  } finally {
    await sequelize.close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
