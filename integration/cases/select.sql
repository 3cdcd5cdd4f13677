-- SELECT: expressions without FROM, casts, filters, sorting, paging, DISTINCT,
-- aggregates, grouping, joins, subqueries, CASE/COALESCE/NULLIF, and the text
-- form of boolean, float, numeric, date and timestamp values.

SELECT 1;
SELECT 1 + 2;
SELECT 'a' || 'b';
SELECT 10 / 3;
SELECT -7 / 2;
SELECT 7 % 3;
SELECT 2 * 3 + 4, 2 * (3 + 4);
SELECT true, false;
SELECT NULL;
SELECT 1.5;
SELECT 1.10 + 2.205;
SELECT 2.5::float8;
SELECT 0.1::float8 + 0.2::float8;
SELECT 10::float8 / 4, 1::float8 / 3;
SELECT 2147483648, 9223372036854775807;
SELECT 1 AS one, 'x' AS letter, 2 + 2 AS "Four";
SELECT 1 + 1, 'lit', NULL AS n;
SELECT '42'::int, 42::text, '3.14'::numeric, '1e3'::float8, 5::bigint, 'yes'::boolean;
SELECT '2024-01-15'::date, '2024-01-15 10:30:00'::timestamp;
-- known gap: numeric division does not yet use PostgreSQL's result scale (issue 5)
SELECT 7::numeric / 2, 3.7::int, 2.5::int, '12'::int + 1;
SELECT 1 < 2, 2 <= 2, 3 > 4, 3 >= 3, 1 = 1, 1 <> 2, 1 != 1;
SELECT NULL = NULL, NULL IS NULL, 1 IS NOT NULL;
SELECT true AND NULL, false AND NULL, true OR NULL, NOT true;
SELECT 'it''s', '', 'a' || NULL;
SELECT 'abc' < 'abd', 'B' < 'a', 'Z' = 'z';
CREATE TABLE sel_emp (id integer PRIMARY KEY, name text NOT NULL, dept text, salary numeric(10,2), active boolean, hired date, last_login timestamp, score double precision);
INSERT INTO sel_emp VALUES (1, 'Alice', 'eng', 120000.00, true, '2020-03-01', '2024-01-15 10:30:00', 4.5), (2, 'Bob', 'eng', 95000.50, true, '2021-07-15', '2024-01-14 09:00:00', 3.75), (3, 'Carol', 'sales', 70000, false, '2019-11-30', NULL, 4.0), (4, 'Dave', NULL, 50000, true, '2022-01-10', '2024-02-01 18:45:30', NULL), (5, 'Eve', 'sales', 88000.25, NULL, '2023-05-05', '2023-12-31 23:59:59', 2.25);
CREATE TABLE sel_dept (code text PRIMARY KEY, title text);
INSERT INTO sel_dept VALUES ('eng', 'Engineering'), ('sales', 'Sales'), ('hr', 'Human Resources');
SELECT * FROM sel_emp ORDER BY id;
SELECT name FROM sel_emp ORDER BY id;
SELECT id, active, hired, last_login, score, salary FROM sel_emp ORDER BY id;
SELECT sel_emp.name, e.id FROM sel_emp, sel_emp AS e WHERE sel_emp.id = e.id AND e.id < 3 ORDER BY e.id;
SELECT id, name FROM sel_emp WHERE dept = 'eng' AND salary > 100000;
SELECT id, name FROM sel_emp WHERE dept = 'sales' OR salary < 60000 ORDER BY id;
SELECT id FROM sel_emp WHERE NOT (dept = 'eng') ORDER BY id;
SELECT id FROM sel_emp WHERE dept <> 'eng' ORDER BY id;
SELECT id FROM sel_emp WHERE salary >= 88000.25 AND salary <= 95000.50 ORDER BY id;
SELECT name FROM sel_emp WHERE dept IS NULL;
SELECT name FROM sel_emp WHERE active IS NOT NULL ORDER BY name;
SELECT id FROM sel_emp WHERE active ORDER BY id;
SELECT id FROM sel_emp WHERE NOT active;
SELECT id, NOT active FROM sel_emp ORDER BY id;
SELECT name FROM sel_emp WHERE id IN (1, 3, 5) ORDER BY id;
SELECT name FROM sel_emp WHERE id NOT IN (1, 3, 5) ORDER BY id;
SELECT name FROM sel_emp WHERE dept IN ('eng', 'hr') ORDER BY id;
SELECT name FROM sel_emp WHERE salary BETWEEN 70000 AND 95000.50 ORDER BY id;
SELECT name FROM sel_emp WHERE hired NOT BETWEEN '2020-01-01' AND '2022-12-31' ORDER BY id;
SELECT name FROM sel_emp WHERE name LIKE 'C%';
SELECT name FROM sel_emp WHERE name LIKE '%e' ORDER BY id;
SELECT name FROM sel_emp WHERE name LIKE 'a%';
SELECT name FROM sel_emp WHERE name LIKE '_o%' ORDER BY id;
SELECT name FROM sel_emp WHERE name NOT LIKE '%a%' ORDER BY id;
SELECT name FROM sel_emp WHERE hired > '2021-01-01' ORDER BY hired;
SELECT name, last_login FROM sel_emp WHERE last_login < '2024-01-15' ORDER BY last_login;
SELECT dept, name FROM sel_emp ORDER BY dept, name DESC;
SELECT dept, salary FROM sel_emp ORDER BY dept DESC, salary;
SELECT name, score FROM sel_emp ORDER BY score DESC, id;
SELECT name FROM sel_emp ORDER BY 1 DESC;
SELECT name AS n FROM sel_emp ORDER BY n;
SELECT name FROM sel_emp ORDER BY id LIMIT 2;
SELECT name FROM sel_emp ORDER BY id LIMIT 2 OFFSET 2;
SELECT name FROM sel_emp ORDER BY id OFFSET 4;
SELECT name FROM sel_emp ORDER BY id LIMIT 0;
SELECT DISTINCT dept FROM sel_emp ORDER BY dept;
SELECT DISTINCT dept, active FROM sel_emp ORDER BY dept, active;
SELECT count(*) FROM sel_emp;
SELECT count(dept), count(active), count(DISTINCT dept) FROM sel_emp;
-- known gap: numeric aggregates do not yet keep their display scale (issue 5)
SELECT sum(salary), avg(salary), min(salary), max(salary) FROM sel_emp;
-- known gap: avg() of integers does not yet use numeric's result scale (issue 5)
SELECT sum(id), avg(id), min(name), max(hired), min(last_login) FROM sel_emp;
SELECT sum(score), avg(score), max(score) FROM sel_emp;
SELECT count(*), sum(id), max(id), avg(id) FROM sel_emp WHERE false;
-- known gap: numeric aggregates do not yet keep their display scale (issue 5)
SELECT dept, count(*), sum(salary) FROM sel_emp GROUP BY dept ORDER BY dept;
SELECT dept, count(*) AS n FROM sel_emp GROUP BY dept HAVING count(*) > 1 ORDER BY dept;
SELECT active, min(id) FROM sel_emp GROUP BY active ORDER BY active;
-- known gap: numeric results do not yet keep their display scale (issue 5)
SELECT dept, max(salary) - min(salary) AS spread FROM sel_emp WHERE dept IS NOT NULL GROUP BY dept ORDER BY spread DESC;
SELECT e.name, d.title FROM sel_emp e JOIN sel_dept d ON e.dept = d.code ORDER BY e.id;
SELECT e.name, d.title FROM sel_emp e INNER JOIN sel_dept d ON d.code = e.dept WHERE e.salary > 80000 ORDER BY e.name;
SELECT e.name, d.title FROM sel_emp e LEFT JOIN sel_dept d ON e.dept = d.code ORDER BY e.id;
SELECT e.name, d.code FROM sel_emp e RIGHT JOIN sel_dept d ON e.dept = d.code ORDER BY d.code, e.name;
SELECT e.id, d.code FROM sel_emp e FULL JOIN sel_dept d ON e.dept = d.code ORDER BY e.id, d.code;
SELECT d.code FROM sel_dept d LEFT JOIN sel_emp e ON e.dept = d.code WHERE e.id IS NULL;
SELECT e.name, d.code FROM sel_emp e CROSS JOIN sel_dept d WHERE e.id <= 2 ORDER BY e.name, d.code;
SELECT count(*) FROM sel_emp, sel_dept;
SELECT d.title, count(e.id) FROM sel_dept d LEFT JOIN sel_emp e ON e.dept = d.code GROUP BY d.title ORDER BY d.title;
CREATE TABLE sel_badge (id integer, badge text);
INSERT INTO sel_badge VALUES (1, 'gold'), (2, 'silver'), (9, 'orphan');
SELECT id, name, badge FROM sel_emp JOIN sel_badge USING (id) ORDER BY id;
SELECT * FROM sel_emp JOIN sel_badge USING (id) ORDER BY id;
SELECT id, badge FROM sel_emp LEFT JOIN sel_badge USING (id) ORDER BY id;
SELECT name FROM sel_emp WHERE dept IN (SELECT code FROM sel_dept WHERE title LIKE 'S%') ORDER BY id;
SELECT name FROM sel_emp WHERE id NOT IN (SELECT id FROM sel_badge) ORDER BY id;
SELECT code FROM sel_dept d WHERE EXISTS (SELECT 1 FROM sel_emp e WHERE e.dept = d.code) ORDER BY code;
SELECT code FROM sel_dept d WHERE NOT EXISTS (SELECT 1 FROM sel_emp e WHERE e.dept = d.code);
SELECT name, (SELECT title FROM sel_dept WHERE code = sel_emp.dept) AS title FROM sel_emp ORDER BY id;
-- known gap: numeric aggregates do not yet keep their display scale (issue 5)
SELECT (SELECT max(salary) FROM sel_emp);
SELECT name FROM sel_emp WHERE salary = (SELECT max(salary) FROM sel_emp);
SELECT name FROM sel_emp WHERE salary > (SELECT avg(salary) FROM sel_emp) ORDER BY name;
SELECT name, CASE WHEN salary >= 100000 THEN 'high' WHEN salary >= 80000 THEN 'mid' ELSE 'low' END AS band FROM sel_emp ORDER BY id;
SELECT CASE dept WHEN 'eng' THEN 1 WHEN 'sales' THEN 2 END FROM sel_emp ORDER BY id;
SELECT CASE WHEN active THEN 'yes' END FROM sel_emp ORDER BY id;
SELECT name, COALESCE(dept, 'none') FROM sel_emp ORDER BY id;
SELECT COALESCE(NULL, NULL, 3), COALESCE(score, 0) FROM sel_emp ORDER BY id;
SELECT NULLIF(dept, 'eng'), NULLIF(1, 1), NULLIF(1, 2) FROM sel_emp ORDER BY id;
-- known gap: numeric results do not yet keep their display scale (issue 5)
SELECT id, salary * 2, salary + 0.005, score * 2, id * 1.5 FROM sel_emp ORDER BY id;
SELECT id::text || ':' || name AS label FROM sel_emp ORDER BY label;
SELECT hired::text, salary::int, score::numeric, active::text FROM sel_emp ORDER BY id;
