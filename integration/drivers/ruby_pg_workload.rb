# ruby-pg workload: notices, parameter statuses, a named prepared statement
# and its description, rows inserted through ruby-pg's type encoders (one row
# with text parameters, one with binary parameters where ruby-pg has binary
# encoders), results decoded by explicit type maps in text and in binary
# format, filtered SELECTs, UPDATE/DELETE row counts, a transaction block
# rolled back by an exception, a unique violation caught as
# PG::UniqueViolation, single-row mode, and last PG::BasicTypeMapForResults /
# BasicTypeMapForQueries, which load the type catalog from pg_type.

require 'bigdecimal'
require 'date'
require 'pg'

CREATE_TABLE =
  'CREATE TABLE items (' \
  ' id serial PRIMARY KEY,' \
  ' flag boolean, small smallint, num integer, big bigint,' \
  ' ratio real, score double precision, price numeric(12,3),' \
  ' name text NOT NULL UNIQUE, code varchar(10), tag char(4),' \
  ' payload bytea, ident uuid,' \
  ' day date, at timestamp, at_tz timestamptz,' \
  ' doc json, docb jsonb)'

COLUMNS = %w[flag small num big ratio score price name code tag payload ident day at at_tz doc docb].freeze

ROWS = [
  [true, 7, 42, 2**40, 1.5, 2.25, BigDecimal('12.5'), 'alpha', 'A-1', 'ab',
   "\x00\x01\xfe\xff".b, '12345678-1234-5678-1234-567812345678',
   Date.new(2024, 1, 15), Time.utc(2024, 1, 15, 10, 30, 5.123r),
   Time.utc(2024, 1, 15, 10, 30), '{"a": 1}', '{"b": [1, 2]}'],
  [false, -3, -1, -(2**40), -0.5, 1e-05, BigDecimal('-0.25'), 'beta', 'B-2', 'cdef',
   ''.b, '00000000-0000-0000-0000-000000000001',
   Date.new(1999, 12, 31), Time.utc(1999, 12, 31, 23, 59, 59),
   Time.utc(2000, 1, 1, 12, 0), '[1, 2]', '{"c": null}'],
  [nil, nil, nil, nil, nil, nil, nil, 'gamma', nil, nil, nil, nil, nil, nil, nil, nil, nil],
].freeze

T = PG::TextEncoder
B = PG::BinaryEncoder
TEXT_ENCODERS = [
  T::Boolean, T::Integer, T::Integer, T::Integer, T::Float, T::Float, T::Numeric, T::String, T::String,
  T::String, T::Bytea, T::String, T::Date, T::TimestampWithoutTimeZone, T::TimestampUtc, T::String, T::String
].map(&:new).freeze
# Binary where ruby-pg has a binary encoder, text otherwise.
MIXED_ENCODERS = [
  B::Boolean, B::Int2, B::Int4, B::Int8, T::Float, T::Float, T::Numeric, B::String, B::String,
  B::String, B::Bytea, T::String, T::Date, T::TimestampWithoutTimeZone, T::TimestampUtc, T::String, T::String
].map(&:new).freeze

def text_results_map
  map = PG::TypeMapByOid.new
  td = PG::TextDecoder
  map.add_coder(td::Boolean.new(oid: 16))
  [20, 21, 23].each { |oid| map.add_coder(td::Integer.new(oid: oid)) }
  [700, 701].each { |oid| map.add_coder(td::Float.new(oid: oid)) }
  map.add_coder(td::Numeric.new(oid: 1700))
  map.add_coder(td::Bytea.new(oid: 17))
  map.add_coder(td::Date.new(oid: 1082))
  map.add_coder(td::TimestampUtc.new(oid: 1114))
  map.add_coder(td::TimestampWithTimeZone.new(oid: 1184))
  map
end

def binary_results_map
  map = PG::TypeMapByOid.new
  bd = PG::BinaryDecoder
  map.add_coder(bd::Boolean.new(oid: 16, format: 1))
  [20, 21, 23].each { |oid| map.add_coder(bd::Integer.new(oid: oid, format: 1)) }
  [700, 701].each { |oid| map.add_coder(bd::Float.new(oid: oid, format: 1)) }
  [25, 1042, 1043].each { |oid| map.add_coder(bd::String.new(oid: oid, format: 1)) }
  map.add_coder(bd::Bytea.new(oid: 17, format: 1))
  [1114, 1184].each { |oid| map.add_coder(bd::TimestampUtc.new(oid: oid, format: 1)) }
  # Everything else (numeric, uuid, date, json, jsonb) stays raw bytes.
  map
end

def render(value)
  case value
  when nil then 'NULL'
  when Time then value.utc.strftime('%Y-%m-%dT%H:%M:%S.%6N')
  when Date then value.iso8601
  when BigDecimal then value.to_s('F')
  when String
    value.encoding == Encoding::BINARY ? "\\x#{value.unpack1('H*')}" : value.inspect
  else value.inspect
  end
end

def render_row(row)
  row.map { |v| render(v) }.join(' | ')
end

def fields(res)
  (0...res.nfields).map { |i| "#{res.fname(i)}:#{res.ftype(i)}:#{res.fmod(i)}:#{res.fformat(i)}" }.join(' ')
end

def run(dsn)
  conn = PG.connect(dsn)
  conn.set_notice_receiver do |r|
    puts "notice #{r.error_field(PG::PG_DIAG_SEVERITY_NONLOCALIZED)} #{r.error_field(PG::PG_DIAG_SQLSTATE)} " \
         "#{r.error_field(PG::PG_DIAG_MESSAGE_PRIMARY)}"
  end
  %w[client_encoding DateStyle integer_datetimes standard_conforming_strings TimeZone].each do |name|
    puts "parameter #{name} = #{conn.parameter_status(name).inspect}"
  end

  res = conn.exec('DROP TABLE IF EXISTS items')
  puts "drop #{res.cmd_status}"
  res = conn.exec(CREATE_TABLE)
  puts "create #{res.cmd_status}"

  placeholders = (1..COLUMNS.size).map { |i| "$#{i}" }.join(', ')
  conn.prepare('insert_item', "INSERT INTO items (#{COLUMNS.join(', ')}) VALUES (#{placeholders}) RETURNING id")
  desc = conn.describe_prepared('insert_item')
  puts "insert_item params #{(0...desc.nparams).map { |i| desc.paramtype(i) }.join(' ')} fields #{fields(desc)}"
  text_encoders = PG::TypeMapByColumn.new(TEXT_ENCODERS)
  mixed_encoders = PG::TypeMapByColumn.new(MIXED_ENCODERS)
  ROWS.each_with_index do |row, i|
    res = conn.exec_prepared('insert_item', row, 0, i == 1 ? mixed_encoders : text_encoders)
    puts "inserted #{res.cmd_status} #{res.cmd_tuples} #{res.values.inspect}"
  end

  select_all = "SELECT id, #{COLUMNS.join(', ')} FROM items ORDER BY id"
  res = conn.exec(select_all)
  res.type_map = text_results_map
  puts "simple columns #{fields(res)}"
  res.values.each { |row| puts "simple row #{render_row(row)}" }
  res = conn.exec_params(select_all, [], 0)
  res.type_map = text_results_map
  res.values.each { |row| puts "text row #{render_row(row)}" }
  res = conn.exec_params(select_all, [], 1)
  res.type_map = binary_results_map
  puts "binary columns #{fields(res)}"
  res.values.each { |row| puts "binary row #{render_row(row)}" }

  res = conn.exec_params('SELECT name, price FROM items WHERE num > $1 AND flag = $2', [0, true])
  puts "filtered #{res.values.inspect}"
  res = conn.exec_params('SELECT name FROM items WHERE payload = $1 OR small = $2 ORDER BY id',
                         [{ value: "\x00\x01\xfe\xff".b, type: 17, format: 1 },
                          { value: [-3].pack('s>'), type: 21, format: 1 }])
  puts "binary params #{res.values.inspect}"

  res = conn.exec_params('UPDATE items SET score = score * $1 WHERE name = $2', [2, 'alpha'])
  puts "updated #{res.cmd_status} #{res.cmd_tuples}"
  res = conn.exec_params('UPDATE items SET code = $1 WHERE name = $2', ['zzz', 'nobody'])
  puts "updated none #{res.cmd_status} #{res.cmd_tuples}"

  begin
    conn.transaction do |tx|
      res = tx.exec_params('DELETE FROM items WHERE name = $1', ['beta'])
      puts "deleted in transaction #{res.cmd_tuples} status=#{tx.transaction_status}"
      raise ArgumentError, 'roll back'
    end
  rescue ArgumentError => e
    puts "transaction #{e.message} status=#{conn.transaction_status}"
  end
  puts "after rollback #{conn.exec('SELECT count(*) FROM items').getvalue(0, 0)}"

  begin
    conn.exec_params('INSERT INTO items (name) VALUES ($1)', ['alpha'])
    puts 'unique violation not raised'
  rescue PG::UniqueViolation => e
    puts "unique violation #{e.class} #{e.result.error_field(PG::PG_DIAG_SQLSTATE)} #{e.result.result_status == PG::PGRES_FATAL_ERROR}"
  end
  puts "after error #{conn.exec('SELECT 1 AS usable').values.inspect}"

  (1..6).each { |k| conn.exec_params('INSERT INTO items (name, num) VALUES ($1, $2)', ["bulk#{k}", k]) }
  conn.send_query_params('SELECT name, num FROM items WHERE name LIKE $1 ORDER BY num', ['bulk%'])
  conn.set_single_row_mode
  while (res = conn.get_result)
    res.check
    puts "single row #{res.res_status(res.result_status)} #{res.values.inspect}"
    res.clear
  end

  res = conn.exec_params('DELETE FROM items WHERE small < $1 OR name LIKE $2 RETURNING name', [0, 'bulk%'])
  puts "deleted #{res.cmd_status} #{res.cmd_tuples} #{res.column_values(0).inspect}"

  # ruby-pg's automatic type maps query the catalog when built.
  begin
    conn.type_map_for_results = PG::BasicTypeMapForResults.new(conn)
    conn.type_map_for_queries = PG::BasicTypeMapForQueries.new(conn)
    res = conn.exec_params('SELECT id, flag, big, price, day, at_tz FROM items WHERE id = $1', [1])
    puts "basic type maps #{render_row(res.values.first)}"
  rescue PG::Error => e
    puts "basic type maps failed #{e.class} #{e.result&.error_field(PG::PG_DIAG_SQLSTATE)} " \
         "#{e.result&.error_field(PG::PG_DIAG_MESSAGE_PRIMARY)}"
  end
  conn.close
end

run(ARGV.fetch(0))
