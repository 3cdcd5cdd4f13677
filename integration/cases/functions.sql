-- String functions, regular expressions (~ ~* !~ !~*, SIMILAR TO,
-- regexp_replace/like/count), generate_series in FROM, math functions,
-- gen_random_uuid.

CREATE TABLE fn_t (id integer PRIMARY KEY, s text, n integer);
INSERT INTO fn_t VALUES (1, 'apple pie', 3), (2, 'Banana split', -1), (3, 'cherry', 0), (4, NULL, NULL);
SELECT split_part('a,b,c', ',', 2), split_part('a,b,c', ',', 5), split_part('a,b,c', ',', -1), split_part('', ',', 1);
SELECT split_part('a,b', ',', 0);
SELECT lpad('hi', 5), lpad('hi', 5, 'xy'), lpad('hello', 3), rpad('hi', 5, '*'), rpad('hé', 4, 'ü'), lpad('x', 0);
SELECT repeat('ab', 3), repeat('x', 0), repeat('x', -2), repeat(NULL, 2);
SELECT initcap('hello wORLD foo-bar 3rd'), reverse('abc'), reverse('héllo');
SELECT translate('12345', '143', 'ax'), translate('hello', 'l', 'L');
SELECT md5('abc'), md5(''), to_hex(255), to_hex(-1), to_hex(9223372036854775807);
SELECT concat_ws(',', 'a', NULL, 'b'), concat_ws(NULL, 'a'), concat_ws('-', s, s) FROM fn_t ORDER BY id;
SELECT quote_ident('abc'), quote_ident('Abc'), quote_ident('select'), quote_ident('a"b'), quote_ident('my_table2');
SELECT quote_literal('it''s'), quote_literal('a\b'), quote_nullable(NULL), quote_nullable('x');
SELECT format('Hello %s, %s!', 'you', 42), format('%I.%L', 'My Tab', 'v'), format('%2$s %1$s', 'a', 'b'), format('100%%'), format('%s', NULL);
SELECT format('%x', 1);
SELECT starts_with('alphabet', 'alph'), starts_with('alphabet', 'beta');
SELECT chr(65), ascii('A'), ascii('é');
SELECT s FROM fn_t WHERE s ~ '^[a-c]' ORDER BY id;
SELECT s FROM fn_t WHERE s ~* '^b' ORDER BY id;
SELECT s FROM fn_t WHERE s !~ 'an' ORDER BY id;
SELECT s FROM fn_t WHERE s !~* 'APPLE' ORDER BY id;
SELECT 'abc' ~ 'b', 'abc' ~ '^b', 'ABC' ~* 'b', NULL ~ 'a';
SELECT 'abc' ~ '(';
SELECT 1 ~ 'a';
SELECT 'abc' SIMILAR TO 'a%', 'abc' SIMILAR TO '(a|b)c', 'abc' SIMILAR TO '%(b|z)%', 'a.c' SIMILAR TO 'a.c', 'abc' SIMILAR TO 'a.c', 'abc' NOT SIMILAR TO '_b_';
SELECT '50%' SIMILAR TO '50#%' ESCAPE '#', '501' SIMILAR TO '50#%' ESCAPE '#';
SELECT regexp_replace('foobarbaz', 'b..', 'X'), regexp_replace('foobarbaz', 'b..', 'X', 'g'), regexp_replace('Hello World', '(\w+) (\w+)', '\2 \1');
SELECT regexp_replace('aaa', 'A', 'b', 'gi'), regexp_replace('abc', 'x*', '-', 'g'), regexp_replace('abc', 'b', '[\&]');
SELECT regexp_like('Apple', '^a'), regexp_like('Apple', '^a', 'i'), regexp_count('banana', 'an'), regexp_count('aaa', 'a*');
SELECT regexp_replace('abc', 'b', 'x', 'z');
SELECT * FROM generate_series(1, 5);
SELECT * FROM generate_series(1, 10, 3) AS g;
SELECT g.n FROM generate_series(5, 1, -2) AS g(n);
SELECT count(*), sum(x) FROM generate_series(1, 1000) AS x;
SELECT * FROM generate_series(3, 1);
SELECT * FROM generate_series(1, 3, 0);
SELECT * FROM generate_series(1::bigint, 3::bigint) ORDER BY 1 DESC;
SELECT t.s, g FROM fn_t t, generate_series(1, 2) g WHERE t.id < 3 ORDER BY t.id, g;
SELECT generate_series FROM generate_series(1, 2);
SELECT pi(), sin(0), cos(0), degrees(pi()), radians(180), atan2(1, 1), cbrt(27), cbrt(-8);
SELECT length(gen_random_uuid()::text), gen_random_uuid() <> gen_random_uuid();
SELECT pg_typeof(gen_random_uuid());
SELECT pg_typeof(1), pg_typeof('a'::text), pg_typeof(1.5), pg_typeof(now()), pg_typeof(NULL::bigint);
