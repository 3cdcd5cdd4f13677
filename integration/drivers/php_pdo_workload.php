<?php
// PHP PDO pgsql workload, run in three modes: native prepares (named
// statements, PQprepare/PQexecPrepared, DEALLOCATE when a statement object is
// freed), PDO::PGSQL_ATTR_DISABLE_PREPARES (unnamed statements through
// PQexecParams) and emulated prepares (values quoted into simple queries).
// Covers bound parameters of every type in the schema (bytea as PARAM_LOB,
// sent in binary format when not emulated), fetched values and column
// metadata, filtered SELECTs, UPDATE/DELETE row counts, a transaction rolled
// back with statements prepared and freed inside it, lastInsertId() on the
// serial's sequence, and a unique violation caught as PDOException with
// SQLSTATE 23505. PDO pgsql in PHP 8.2 has no row-limited fetch other than
// scrollable cursors (DECLARE CURSOR), so none is used.

const CREATE_TABLE =
    'CREATE TABLE items ('
    . ' id serial PRIMARY KEY,'
    . ' flag boolean, small smallint, num integer, big bigint,'
    . ' ratio real, score double precision, price numeric(12,3),'
    . ' name text NOT NULL UNIQUE, code varchar(10), tag char(4),'
    . ' payload bytea, ident uuid,'
    . ' day date, at timestamp, at_tz timestamptz,'
    . ' doc json, docb jsonb)';

const COLUMNS = ['flag', 'small', 'num', 'big', 'ratio', 'score', 'price', 'name', 'code', 'tag',
    'payload', 'ident', 'day', 'at', 'at_tz', 'doc', 'docb'];

// Values with the PDO parameter type each is bound as.
function rows(): array
{
    $s = PDO::PARAM_STR;
    $i = PDO::PARAM_INT;
    $b = PDO::PARAM_BOOL;
    $l = PDO::PARAM_LOB;
    return [
        [[true, $b], [7, $i], [42, $i], [2 ** 40, $i], ['1.5', $s], ['2.25', $s], ['12.5', $s], ['alpha', $s],
         ['A-1', $s], ['ab', $s], ["\x00\x01\xfe\xff", $l], ['12345678-1234-5678-1234-567812345678', $s],
         ['2024-01-15', $s], ['2024-01-15 10:30:05.123', $s], ['2024-01-15 10:30:00+00', $s],
         ['{"a": 1}', $s], ['{"b": [1, 2]}', $s]],
        [[false, $b], [-3, $i], [-1, $i], [-(2 ** 40), $i], ['-0.5', $s], ['1e-05', $s], ['-0.25', $s],
         ['beta', $s], ['B-2', $s], ['cdef', $s], ['', $l], ['00000000-0000-0000-0000-000000000001', $s],
         ['1999-12-31', $s], ['1999-12-31 23:59:59', $s], ['2000-01-01 12:00:00+00', $s],
         ['[1, 2]', $s], ['{"c": null}', $s]],
        array_merge(array_fill(0, 7, [null, PDO::PARAM_NULL]), [['gamma', $s]],
                    array_fill(0, 9, [null, PDO::PARAM_NULL])),
    ];
}

function render($value): string
{
    if ($value === null) {
        return 'NULL';
    }
    if (is_resource($value)) {
        return '\\x' . bin2hex(stream_get_contents($value));
    }
    return var_export($value, true);
}

function render_row(array $row): string
{
    return implode(' | ', array_map('render', $row));
}

function error_line(PDOException $e): string
{
    return get_class($e) . ' ' . $e->getCode() . ' ' . ($e->errorInfo[0] ?? '-');
}

// Rows deleted inside the caller's transaction; the statement is freed (and,
// with native prepares, deallocated) on return.
function delete_named(PDO $pdo, string $name): int
{
    $st = $pdo->prepare('DELETE FROM items WHERE name = :name');
    $st->execute(['name' => $name]);
    return $st->rowCount();
}

function run(PDO $pdo, string $mode): void
{
    $p = fn (string $what) => print("$mode $what\n");
    $pdo->exec('DROP TABLE IF EXISTS items');
    $p('create ' . var_export($pdo->exec(CREATE_TABLE), true));

    $placeholders = implode(', ', array_map(fn ($c) => ":$c", COLUMNS));
    $insert = $pdo->prepare('INSERT INTO items (' . implode(', ', COLUMNS) . ") VALUES ($placeholders) RETURNING id");
    foreach (rows() as $row) {
        foreach (COLUMNS as $k => $column) {
            $insert->bindValue(":$column", $row[$k][0], $row[$k][1]);
        }
        $insert->execute();
        $p('inserted ' . render_row($insert->fetch(PDO::FETCH_NUM)) . ' rowCount=' . $insert->rowCount());
        try {
            $p('lastInsertId ' . $pdo->lastInsertId('items_id_seq'));
        } catch (PDOException $e) {
            $p('lastInsertId failed ' . error_line($e));
        }
    }

    $st = $pdo->query('SELECT id, ' . implode(', ', COLUMNS) . ' FROM items ORDER BY id');
    $meta = [];
    for ($c = 0; $c < $st->columnCount(); $c++) {
        $m = $st->getColumnMeta($c);
        $meta[] = $m['name'] . ':' . ($m['native_type'] ?? '(none)') . ':' . $m['pgsql:oid'] . ':' . $m['pdo_type']
            . ':' . ($m['table'] ?? '(none)');
    }
    $p('columns ' . implode(' ', $meta));
    while ($row = $st->fetch(PDO::FETCH_NUM)) {
        $p('row ' . render_row($row));
    }

    $st = $pdo->prepare('SELECT name, price, at_tz FROM items WHERE num > ? AND flag = ?');
    $st->bindValue(1, 0, PDO::PARAM_INT);
    $st->bindValue(2, true, PDO::PARAM_BOOL);
    $st->execute();
    $p('filtered ' . json_encode($st->fetchAll(PDO::FETCH_ASSOC)));
    $st = $pdo->prepare('SELECT name FROM items WHERE payload = :p OR ident = :u ORDER BY id');
    $st->bindValue(':p', "\x00\x01\xfe\xff", PDO::PARAM_LOB);
    $st->bindValue(':u', '00000000-0000-0000-0000-000000000001');
    $st->execute();
    $p('by bytea or uuid ' . json_encode($st->fetchAll(PDO::FETCH_COLUMN)));
    $st = $pdo->prepare('SELECT name, code FROM items WHERE day < ? OR code = ? ORDER BY id');
    $st->execute(['2000-01-01', 'A-1']);
    $p('execute array ' . json_encode($st->fetchAll(PDO::FETCH_NUM)));

    $st = $pdo->prepare('UPDATE items SET score = score * ? WHERE name = ?');
    $st->execute([2, 'alpha']);
    $p('updated ' . $st->rowCount());
    $st->execute([2, 'nobody']);
    $p('updated none ' . $st->rowCount());
    $p('exec update ' . $pdo->exec("UPDATE items SET tag = 'zz' WHERE small IS NOT NULL"));

    $pdo->beginTransaction();
    $p('in transaction ' . var_export($pdo->inTransaction(), true));
    try {
        $p('deleted in transaction ' . delete_named($pdo, 'beta'));
        $p('count in transaction ' . $pdo->query('SELECT count(*) FROM items')->fetchColumn());
    } catch (PDOException $e) {
        $p('in transaction failed ' . error_line($e));
    }
    $pdo->rollBack();
    $p('after rollback ' . $pdo->query('SELECT count(*) FROM items')->fetchColumn()
        . ' in transaction ' . var_export($pdo->inTransaction(), true));

    try {
        $pdo->prepare('INSERT INTO items (name) VALUES (?)')->execute(['alpha']);
        $p('unique violation not raised');
    } catch (PDOException $e) {
        $p('unique violation ' . error_line($e));
    }
    $p('after error ' . $pdo->query("SELECT 'usable'")->fetchColumn());

    $st = $pdo->prepare('DELETE FROM items WHERE small < ? RETURNING name');
    $st->execute([0]);
    $p('deleted ' . $st->rowCount() . ' ' . json_encode($st->fetchAll(PDO::FETCH_COLUMN)));
}

function main(string $url): void
{
    $u = parse_url($url);
    $dsn = sprintf('pgsql:host=%s;port=%d;dbname=%s', $u['host'], $u['port'], ltrim($u['path'], '/'));
    $modes = [
        'native' => [],
        'unnamed' => [PDO::PGSQL_ATTR_DISABLE_PREPARES => true],
        'emulated' => [PDO::ATTR_EMULATE_PREPARES => true],
    ];
    foreach ($modes as $mode => $options) {
        $pdo = new PDO($dsn, $u['user'], null, [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION] + $options);
        run($pdo, $mode);
        $pdo = null;
    }
}

main($argv[1]);
