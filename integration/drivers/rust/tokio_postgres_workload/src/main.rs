//! tokio-postgres workload (Rust): the items table written and read back
//! through tokio-postgres's binary protocol — named prepared statements whose
//! parameter types come from the server's ParameterDescription, parameters of
//! every column type (numeric through its own binary codec below; json/jsonb
//! as canonical text, since litegres keeps jsonb text as given), binary
//! results checked against each column's type, the same rows read as text via
//! simple_query, a filtered SELECT, UPDATE/DELETE row counts, a transaction
//! rolled back, a unique violation caught as tokio_postgres::Error (SQLSTATE
//! 23505), pipelined queries, a portal fetched in row-limited chunks
//! (Execute with a row limit / PortalSuspended) and a streamed RowStream.
//!
//! Run: run.sh DSN (builds offline in a cache dir, see run.sh and .cargo/config.toml)

use std::error::Error;

use bytes::{BufMut, BytesMut};
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use futures_util::{future, pin_mut, TryStreamExt};
use tokio_postgres::error::SqlState;
use tokio_postgres::types::{accepts, to_sql_checked, FromSql, IsNull, ToSql, Type};
use tokio_postgres::{NoTls, Row, SimpleQueryMessage};
use uuid::Uuid;

const CREATE_TABLE: &str = "CREATE TABLE items (\
     id serial PRIMARY KEY,\
     flag boolean, small smallint, num integer, big bigint,\
     ratio real, score double precision, price numeric(12,3),\
     name text NOT NULL UNIQUE, code varchar(10), tag char(4),\
     payload bytea, ident uuid,\
     day date, at timestamp, at_tz timestamptz,\
     doc json, docb jsonb)";

const COLUMNS: [&str; 17] = [
    "flag", "small", "num", "big", "ratio", "score", "price", "name", "code", "tag", "payload", "ident", "day",
    "at", "at_tz", "doc", "docb",
];

/// A numeric as decimal text, converted to and from PostgreSQL's binary
/// NUMERIC format (base-10000 digits, weight, sign, display scale).
#[derive(Debug, Clone, PartialEq)]
struct Numeric(String);

impl<'a> FromSql<'a> for Numeric {
    fn from_sql(_: &Type, raw: &'a [u8]) -> Result<Self, Box<dyn Error + Sync + Send>> {
        if raw.len() < 8 {
            return Err("numeric: short header".into());
        }
        let word = |i: usize| u16::from_be_bytes([raw[2 * i], raw[2 * i + 1]]);
        let (ndigits, weight, sign, dscale) = (word(0) as usize, word(1) as i16 as i32, word(2), word(3) as usize);
        if raw.len() != 8 + 2 * ndigits {
            return Err("numeric: length does not match digit count".into());
        }
        if sign == 0xC000 {
            return Ok(Numeric("NaN".into()));
        }
        let digit = |i: i32| if i >= 0 && (i as usize) < ndigits { word(4 + i as usize) } else { 0 };
        let mut s = String::new();
        if sign == 0x4000 {
            s.push('-');
        }
        if weight < 0 {
            s.push('0');
        } else {
            for i in 0..=weight {
                if i == 0 {
                    s.push_str(&digit(i).to_string());
                } else {
                    s.push_str(&format!("{:04}", digit(i)));
                }
            }
        }
        if dscale > 0 {
            let mut frac = String::new();
            let mut i = weight + 1;
            while frac.len() < dscale {
                frac.push_str(&format!("{:04}", digit(i)));
                i += 1;
            }
            frac.truncate(dscale);
            s.push('.');
            s.push_str(&frac);
        }
        Ok(Numeric(s))
    }

    accepts!(NUMERIC);
}

impl ToSql for Numeric {
    fn to_sql(&self, _: &Type, out: &mut BytesMut) -> Result<IsNull, Box<dyn Error + Sync + Send>> {
        let (negative, text) = match self.0.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, self.0.as_str()),
        };
        let (int_part, frac_part) = text.split_once('.').unwrap_or((text, ""));
        let int_part = int_part.trim_start_matches('0');
        let mut int_digits = "0".repeat((4 - int_part.len() % 4) % 4);
        int_digits.push_str(int_part);
        let mut frac_digits = frac_part.to_string();
        frac_digits.push_str(&"0".repeat((4 - frac_part.len() % 4) % 4));
        let group = |s: &str| -> Vec<u16> { s.as_bytes().chunks(4).map(|c| std::str::from_utf8(c).unwrap().parse().unwrap()).collect() };
        let mut digits = group(&int_digits);
        let mut weight = digits.len() as i32 - 1;
        digits.extend(group(&frac_digits));
        while digits.first() == Some(&0) {
            digits.remove(0);
            weight -= 1;
        }
        while digits.last() == Some(&0) {
            digits.pop();
        }
        if digits.is_empty() {
            weight = 0;
        }
        out.put_u16(digits.len() as u16);
        out.put_i16(weight as i16);
        out.put_u16(if negative && !digits.is_empty() { 0x4000 } else { 0 });
        out.put_u16(frac_part.len() as u16);
        for d in digits {
            out.put_u16(d);
        }
        Ok(IsNull::No)
    }

    accepts!(NUMERIC);
    to_sql_checked!();
}

/// JSON text sent as it is (json: the text; jsonb: version 1, then the text),
/// so the stored text is exactly the canonical spelling given here.
#[derive(Debug)]
struct JsonText(&'static str);

impl ToSql for JsonText {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, Box<dyn Error + Sync + Send>> {
        if *ty == Type::JSONB {
            out.put_u8(1);
        }
        out.put_slice(self.0.as_bytes());
        Ok(IsNull::No)
    }

    accepts!(JSON, JSONB);
    to_sql_checked!();
}

/// A driver-independent spelling of column i, read with the Rust type its
/// column type maps to (a type mismatch is reported, not hidden).
fn render(row: &Row, i: usize) -> String {
    fn show<'a, T: FromSql<'a> + std::fmt::Debug>(row: &'a Row, i: usize, f: impl Fn(T) -> String) -> String {
        match row.try_get::<_, Option<T>>(i) {
            Ok(Some(v)) => f(v),
            Ok(None) => "NULL".into(),
            Err(e) => format!("<error: {}>", e),
        }
    }
    let ty = row.columns()[i].type_().clone();
    match ty {
        Type::BOOL => show(row, i, |v: bool| v.to_string()),
        Type::INT2 => show(row, i, |v: i16| format!("i16:{}", v)),
        Type::INT4 => show(row, i, |v: i32| format!("i32:{}", v)),
        Type::INT8 => show(row, i, |v: i64| format!("i64:{}", v)),
        Type::FLOAT4 => show(row, i, |v: f32| format!("f32:{:?}", v)),
        Type::FLOAT8 => show(row, i, |v: f64| format!("f64:{:?}", v)),
        Type::NUMERIC => show(row, i, |v: Numeric| format!("numeric:{}", v.0)),
        Type::TEXT | Type::VARCHAR | Type::BPCHAR => show(row, i, |v: String| format!("{:?}", v)),
        Type::BYTEA => show(row, i, |v: Vec<u8>| {
            format!("\\x{}", v.iter().map(|b| format!("{:02x}", b)).collect::<String>())
        }),
        Type::UUID => show(row, i, |v: Uuid| v.to_string()),
        Type::DATE => show(row, i, |v: NaiveDate| v.to_string()),
        Type::TIMESTAMP => show(row, i, |v: NaiveDateTime| v.to_string()),
        Type::TIMESTAMPTZ => show(row, i, |v: DateTime<Utc>| v.to_rfc3339()),
        // serde_json's map is a BTreeMap: keys come out sorted.
        Type::JSON | Type::JSONB => show(row, i, |v: serde_json::Value| format!("{}:{}", ty.name(), v)),
        other => format!("<unexpected type {}>", other),
    }
}

fn render_row(row: &Row) -> String {
    (0..row.len()).map(|i| render(row, i)).collect::<Vec<_>>().join(" | ")
}

fn db_error(e: &tokio_postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{} constraint={}", db.code().code(), db.constraint().unwrap_or("")),
        None => format!("client error: {}", e),
    }
}

async fn run(dsn: &str) -> Result<(), Box<dyn Error>> {
    let (mut client, connection) = tokio_postgres::connect(dsn, NoTls).await?;
    let driver = tokio::spawn(async move {
        if let Err(e) = connection.await {
            println!("connection error: {}", e);
        }
    });

    client.batch_execute("DROP TABLE IF EXISTS items").await?;
    client.batch_execute(CREATE_TABLE).await?;

    let placeholders: Vec<String> = (1..=COLUMNS.len()).map(|i| format!("${}", i)).collect();
    let insert = client
        .prepare(&format!(
            "INSERT INTO items ({}) VALUES ({}) RETURNING id",
            COLUMNS.join(", "),
            placeholders.join(", ")
        ))
        .await?;
    println!("insert parameter types {:?}", insert.params().iter().map(|t| t.name()).collect::<Vec<_>>());
    println!("insert columns {:?}", insert.columns().iter().map(|c| (c.name(), c.type_().name())).collect::<Vec<_>>());

    // The same rows as the Python workloads (workload_common.ROWS).
    // JSON as PostgreSQL's canonical jsonb text (serde_json's compact form is not).
    let alpha_doc = JsonText(r#"{"a": 1}"#);
    let alpha_docb = JsonText(r#"{"b": [1, 2]}"#);
    let beta_doc = JsonText("[1, 2]");
    let beta_docb = JsonText(r#"{"c": null}"#);
    let alpha: Vec<Box<dyn ToSql + Sync>> = vec![
        Box::new(true), Box::new(7i16), Box::new(42i32), Box::new(1i64 << 40), Box::new(1.5f32), Box::new(2.25f64),
        Box::new(Numeric("12.5".into())), Box::new("alpha"), Box::new("A-1"), Box::new("ab"),
        Box::new(vec![0x00u8, 0x01, 0xfe, 0xff]), Box::new(Uuid::parse_str("12345678-1234-5678-1234-567812345678")?),
        Box::new(NaiveDate::from_ymd_opt(2024, 1, 15).unwrap()),
        Box::new(NaiveDate::from_ymd_opt(2024, 1, 15).unwrap().and_hms_milli_opt(10, 30, 5, 123).unwrap()),
        Box::new(Utc.with_ymd_and_hms(2024, 1, 15, 10, 30, 0).unwrap()), Box::new(alpha_doc), Box::new(alpha_docb),
    ];
    let beta: Vec<Box<dyn ToSql + Sync>> = vec![
        Box::new(false), Box::new(-3i16), Box::new(-1i32), Box::new(-(1i64 << 40)), Box::new(-0.5f32),
        Box::new(1e-05f64), Box::new(Numeric("-0.25".into())), Box::new("beta"), Box::new("B-2"), Box::new("cdef"),
        Box::new(Vec::<u8>::new()), Box::new(Uuid::parse_str("00000000-0000-0000-0000-000000000001")?),
        Box::new(NaiveDate::from_ymd_opt(1999, 12, 31).unwrap()),
        Box::new(NaiveDate::from_ymd_opt(1999, 12, 31).unwrap().and_hms_opt(23, 59, 59).unwrap()),
        Box::new(Utc.with_ymd_and_hms(2000, 1, 1, 12, 0, 0).unwrap()), Box::new(beta_doc), Box::new(beta_docb),
    ];
    let gamma: Vec<Box<dyn ToSql + Sync>> = vec![
        Box::new(None::<bool>), Box::new(None::<i16>), Box::new(None::<i32>), Box::new(None::<i64>),
        Box::new(None::<f32>), Box::new(None::<f64>), Box::new(None::<Numeric>), Box::new("gamma"),
        Box::new(None::<&str>), Box::new(None::<&str>), Box::new(None::<Vec<u8>>), Box::new(None::<Uuid>),
        Box::new(None::<NaiveDate>), Box::new(None::<NaiveDateTime>), Box::new(None::<DateTime<Utc>>),
        Box::new(None::<serde_json::Value>), Box::new(None::<serde_json::Value>),
    ];
    for row in [&alpha, &beta, &gamma] {
        let params: Vec<&(dyn ToSql + Sync)> = row.iter().map(|b| b.as_ref()).collect();
        let id: i32 = client.query_one(&insert, &params).await?.get(0);
        println!("inserted {}", id);
    }

    let select_all = client.prepare(&format!("SELECT id, {} FROM items ORDER BY id", COLUMNS.join(", "))).await?;
    println!(
        "columns {}",
        select_all.columns().iter().map(|c| format!("{}:{}", c.name(), c.type_().name())).collect::<Vec<_>>().join(" ")
    );
    for row in client.query(&select_all, &[]).await? {
        println!("row {}", render_row(&row));
    }

    // The same rows as text, through the simple query protocol.
    for message in client.simple_query(&format!("SELECT id, {} FROM items ORDER BY id", COLUMNS.join(", "))).await? {
        match message {
            SimpleQueryMessage::Row(row) => {
                let values: Vec<String> =
                    (0..row.len()).map(|i| row.get(i).map_or("NULL".to_string(), |v| format!("{:?}", v))).collect();
                println!("text row {}", values.join(" | "));
            }
            SimpleQueryMessage::CommandComplete(n) => println!("text rows {}", n),
            _ => println!("text other message"),
        }
    }

    // Parameter types inferred by the server (ParameterDescription) must match the Rust types.
    let filtered = client.prepare("SELECT name FROM items WHERE num > $1 AND flag = $2 ORDER BY name").await?;
    println!("filtered parameter types {:?}", filtered.params().iter().map(|t| t.name()).collect::<Vec<_>>());
    for row in client.query(&filtered, &[&0i32, &true]).await? {
        println!("filtered {}", render_row(&row));
    }

    let update = client.prepare("UPDATE items SET score = score * $1 WHERE name = $2").await?;
    println!("update parameter types {:?}", update.params().iter().map(|t| t.name()).collect::<Vec<_>>());
    println!("updated {}", client.execute(&update, &[&2f64, &"alpha"]).await?);
    let price: Numeric = client
        .query_one("SELECT price FROM items WHERE price = $1", &[&Numeric("12.500".into())])
        .await?
        .get(0);
    println!("price by numeric parameter {}", price.0);

    let tx = client.transaction().await?;
    println!("deleted in transaction {}", tx.execute("DELETE FROM items WHERE name = $1", &[&"beta"]).await?);
    let inside: i64 = tx.query_one("SELECT count(*) FROM items", &[]).await?.get(0);
    println!("count inside {}", inside);
    tx.rollback().await?;
    let after: i64 = client.query_one("SELECT count(*) FROM items", &[]).await?.get(0);
    println!("count after rollback {}", after);

    match client.execute("INSERT INTO items (name) VALUES ($1)", &[&"alpha"]).await {
        Ok(n) => println!("expected a unique violation, inserted {}", n),
        Err(e) => {
            println!("unique violation {} is 23505: {}", db_error(&e), e.code() == Some(&SqlState::UNIQUE_VIOLATION))
        }
    }
    let one: i32 = client.query_one("SELECT 1", &[]).await?.get(0);
    println!("after error {}", one);

    // Inserts executed repeatedly through one named statement.
    let add = client.prepare("INSERT INTO items (name, num, price, small) VALUES ($1, $2, $3, $4)").await?;
    let mut added = 0;
    for k in 0..20i32 {
        let name = format!("bulk{:02}", k);
        let price = Numeric(format!("{}.{}", k, k % 10));
        added += client.execute(&add, &[&name, &k, &price, &((k % 3) as i16)]).await?;
    }
    println!("bulk inserted {}", added);

    // Pipelined queries: all sent before any answer is read.
    let echo = client.prepare("SELECT $1::int * 10, $2::text").await?;
    let queries = (0..5i32).map(|k| {
        let text = format!("p{}", k);
        let client = &client;
        let echo = &echo;
        async move { client.query_one(echo, &[&k, &text]).await }
    });
    let results: Vec<String> = future::try_join_all(queries)
        .await?
        .iter()
        .map(|r| format!("{}/{}", r.get::<_, i32>(0), r.get::<_, String>(1)))
        .collect();
    println!("pipelined {}", results.join(" "));
    let (read, written) = future::join(
        client.query_one("SELECT count(*) FROM items WHERE name LIKE $1", &[&"bulk%"]),
        client.execute("UPDATE items SET code = $1 WHERE name = $2", &[&"G-3", &"gamma"]),
    )
    .await;
    println!("pipelined read {} write {}", read?.get::<_, i64>(0), written?);

    // A portal read in chunks of 6 rows inside a transaction.
    let tx = client.transaction().await?;
    let chunked = tx.prepare("SELECT name, num FROM items WHERE num >= $1 ORDER BY num, name").await?;
    let portal = tx.bind(&chunked, &[&0i32]).await?;
    for round in 0.. {
        let rows = tx.query_portal(&portal, 6).await?;
        if rows.is_empty() {
            break;
        }
        if round == 10 {
            // 21 rows take 4 chunks; a portal that keeps answering never ends.
            println!("portal still returning rows after {} chunks", round);
            break;
        }
        let names: Vec<String> = rows.iter().map(|r| format!("{}={}", r.get::<_, String>(0), r.get::<_, i32>(1))).collect();
        println!("chunk {} {}", rows.len(), names.join(","));
    }
    // A second portal abandoned after its first chunk.
    let portal = tx.bind("SELECT id FROM items ORDER BY id DESC", &[]).await?;
    println!("first chunk of abandoned portal {}", tx.query_portal(&portal, 2).await?.len());
    tx.commit().await?;

    // A streamed result, read row by row.
    let stream = client
        .query_raw("SELECT name, price FROM items WHERE small = $1 ORDER BY name", [&1i16 as &(dyn ToSql + Sync)])
        .await?;
    pin_mut!(stream);
    let mut streamed = Vec::new();
    while let Some(row) = stream.try_next().await? {
        streamed.push(format!("{}={}", row.get::<_, String>(0), row.get::<_, Numeric>(1).0));
    }
    println!("streamed {}", streamed.join(","));

    let deleted = client.query("DELETE FROM items WHERE small < $1 RETURNING name", &[&0i16]).await?;
    println!("deleted {:?}", deleted.iter().map(|r| r.get::<_, String>(0)).collect::<Vec<_>>());
    println!("deleted bulk {}", client.execute("DELETE FROM items WHERE name LIKE $1", &[&"bulk%"]).await?);
    let remaining = client.query("SELECT name FROM items ORDER BY name", &[]).await?;
    println!("remaining {:?}", remaining.iter().map(|r| r.get::<_, String>(0)).collect::<Vec<_>>());

    drop(client);
    driver.await?;
    Ok(())
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let dsn = std::env::args().nth(1).expect("usage: tokio_postgres_workload DSN");
    if let Err(e) = run(&dsn).await {
        println!("failed: {}", e);
        if let Some(db) = e.downcast_ref::<tokio_postgres::Error>().and_then(|e| e.as_db_error()) {
            println!("failed: SQLSTATE {} {}", db.code().code(), db.message());
        }
        std::process::exit(1);
    }
}
