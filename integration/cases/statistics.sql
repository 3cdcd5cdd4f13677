-- Statistical and bitwise aggregates (numeric results exact with PostgreSQL's
-- scales, float results as float.c accumulates them, also as window
-- functions), gcd/lcm, width_bucket, bit_length, array_position(s), and the
-- type of a negative literal at the edge of int4.

SELECT count(*) FILTER (WHERE x > 5), sum(x), avg(x), stddev(x), variance(x) FROM generate_series(1,10) x;
SELECT stddev_pop(x), var_pop(x), stddev_samp(x), var_samp(x) FROM generate_series(1,10) x;
SELECT stddev(x), variance(x) FROM (VALUES (1.5), (2.25), (3.125)) v(x);
SELECT stddev(x), variance(x), var_pop(x) FROM (VALUES (1.5::float8), (2.25), (3.125)) v(x);
SELECT stddev(x), variance(x), stddev_pop(x) FROM (VALUES (1.5), (1.5)) v(x);
SELECT stddev(x), variance(x), stddev_pop(x), var_pop(x) FROM (VALUES (7)) v(x);
SELECT stddev(x) FROM (VALUES (NULL::int)) v(x);
SELECT stddev(x::real), variance(x::real) FROM generate_series(1,5) x;
SELECT stddev(x::bigint) FROM generate_series(1,1000) x;
SELECT variance(x * 1000000000000) FROM generate_series(1,3) x;
SELECT stddev(x) FROM (VALUES (0.000001), (0.000002), (0.000004)) v(x);
SELECT x, stddev(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM generate_series(1,4) x;
SELECT x, var_samp(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES (1.5), (2.25), (3), (4.125)) v(x);
SELECT x, stddev(x::float8) OVER (ORDER BY x ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM generate_series(1,5) x;
SELECT g, stddev(x), var_samp(x) FROM (SELECT x % 3 AS g, x FROM generate_series(1,20) x) s GROUP BY g ORDER BY g;
SELECT stddev('a'::text);
SELECT every(x > 0), bool_or(x > 4), bit_and(x), bit_or(x), bit_xor(x) FROM generate_series(1,5) x;
SELECT bit_and(x::int2), bit_or(x::int8) FROM generate_series(1,5) x;
SELECT bit_and(x) FROM generate_series(1,0) x;
SELECT a, b, gcd(a, b), lcm(a, b) FROM (VALUES (0::int4, 0::int4), (12, 18), (-12, 18), (7, 0)) AS v(a, b);
SELECT gcd(-2147483648, 0);
SELECT gcd(-2147483648, 6);
SELECT lcm(2147483647, 2147483646);
SELECT gcd(12::int8, 18), lcm(12::int8, 18), pg_typeof(gcd(12::int8, 18));
SELECT gcd(-9223372036854775808, 0::int8);
SELECT pg_typeof(-2147483648), pg_typeof(-9223372036854775808), pg_typeof(2147483648);
SELECT width_bucket(5, 0, 10, 4), width_bucket(5.35, 0.024, 10.06, 5), width_bucket(-1, 0, 10, 3), width_bucket(10, 0, 10, 3), width_bucket(5, 10, 0, 4), width_bucket(2.5::float8, 1, 3, 2);
SELECT width_bucket(x, 0, 10, 0) FROM (VALUES (1)) v(x);
SELECT width_bucket(1, 5, 5, 2);
SELECT width_bucket(0.5, 0, 1, 3), width_bucket(0.999999999999999999, 0, 1, 3), width_bucket(1::numeric/3, 0, 1, 3);
SELECT bit_length('a'), bit_length('héllo');
SELECT array_position(ARRAY['a','b','c','b'], 'b'), array_position(ARRAY['a','b','c','b'], 'b', 3), array_position(ARRAY[1,NULL,3], NULL), array_position(ARRAY[1,2], 5), array_positions(ARRAY[1,2,1,1], 1), array_positions(ARRAY[1], 2);
SELECT array_position(NULL::int[], 1), array_positions(NULL::int[], 1);
SELECT array_position(ARRAY[[1,2],[3,4]], 3);
