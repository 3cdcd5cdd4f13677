-- Regular expressions: regexp_matches / regexp_split_to_table as set-returning
-- functions (in FROM, with ORDINALITY, in the select list, LATERAL), regexp_match,
-- regexp_split_to_array (empty matches at the ends do not split), and
-- substring(text FROM pattern).

SELECT regexp_matches('foobarbequebaz', '(bar)(beque)');
SELECT regexp_matches('foobarbequebazilbarfbonk', '(b[^b]+)(b[^b]+)', 'g');
SELECT regexp_matches('abc', 'x');
SELECT regexp_matches('abc', '', 'g');
SELECT regexp_matches('foo bar', '\w+', 'g');
SELECT regexp_matches('ab', '(a)(x)?');
SELECT regexp_matches('ABC', 'b', 'i');
SELECT regexp_matches('abc', 'b', 'z');
SELECT regexp_matches('abc', '(');
SELECT * FROM regexp_matches('a1b22c333', '\d+', 'g') WITH ORDINALITY AS m(v, n);
SELECT regexp_match('foobarbequebaz', 'bar.*que');
SELECT regexp_match('foobarbequebaz', '^(bar)');
SELECT regexp_match('abc', 'b', 'g');
SELECT regexp_split_to_table('the quick brown fox', '\s+');
SELECT regexp_split_to_array('the quick brown fox', '\s*');
SELECT regexp_split_to_array('abc', '');
SELECT regexp_split_to_array('', 'x');
SELECT regexp_split_to_array('a,b,,c,', ',');
SELECT regexp_split_to_array('héllo wörld', '');
SELECT regexp_matches('héllo', '', 'g');
SELECT foo, length(foo) FROM regexp_split_to_table('the quick brown fox jumps', 'e') AS foo;
SELECT substring('foobar' from 'o(b)a'), substring('foobar' from 'o.b'), substring('foobar' from 'x'), substring('foobar', 2), substring('foobar' from 2 for 3);
SELECT substring('foobar', 'o+');
SELECT regexp_split_to_array('a b', ' ', 'g');
SELECT regexp_matches(12, '2');
CREATE TABLE rx (id int, s text);
INSERT INTO rx VALUES (1, 'a-b-c'), (2, 'x'), (3, NULL);
SELECT id, regexp_split_to_table(s, '-') FROM rx ORDER BY 1, 2;
SELECT id, regexp_matches(s, '[a-z]', 'g') FROM rx ORDER BY 1, 2;
SELECT r.id, p FROM rx r, regexp_split_to_table(r.s, '-') p ORDER BY 1, 2;
SELECT r.id, m FROM rx r LEFT JOIN LATERAL regexp_matches(r.s, '([a-z])-([a-z])') m ON true ORDER BY 1;
