-- Window functions (ranking, distribution, value functions, aggregates with
-- OVER, frames, named windows), FILTER on aggregates.

CREATE TABLE wf_emp (id integer PRIMARY KEY, dept text, name text, salary integer, bonus integer);
INSERT INTO wf_emp VALUES (1, 'eng', 'ann', 120, 10), (2, 'eng', 'bob', 100, NULL), (3, 'eng', 'cid', 100, 5), (4, 'ops', 'dan', 90, 0), (5, 'ops', 'eve', 95, 7), (6, 'hr', 'fay', 70, NULL), (7, NULL, 'gus', 60, 1);
SELECT name, row_number() OVER (ORDER BY id) FROM wf_emp ORDER BY id;
SELECT name, row_number() OVER (PARTITION BY dept ORDER BY salary DESC, id) AS rn FROM wf_emp ORDER BY dept, rn;
SELECT name, rank() OVER (ORDER BY salary DESC), dense_rank() OVER (ORDER BY salary DESC) FROM wf_emp ORDER BY salary DESC, id;
SELECT name, percent_rank() OVER (ORDER BY salary), cume_dist() OVER (ORDER BY salary) FROM wf_emp ORDER BY salary, id;
SELECT name, ntile(3) OVER (ORDER BY id) FROM wf_emp ORDER BY id;
SELECT name, lag(salary) OVER (ORDER BY id), lead(salary, 2) OVER (ORDER BY id), lag(salary, 1, 0) OVER (ORDER BY id) FROM wf_emp ORDER BY id;
SELECT name, lag(name, 1, 'none') OVER (ORDER BY id) FROM wf_emp ORDER BY id;
SELECT name, first_value(name) OVER (PARTITION BY dept ORDER BY salary), last_value(name) OVER (PARTITION BY dept ORDER BY salary ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM wf_emp ORDER BY id;
SELECT name, nth_value(name, 2) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM wf_emp ORDER BY id;
SELECT name, sum(salary) OVER (ORDER BY id) AS running FROM wf_emp ORDER BY id;
SELECT name, sum(salary) OVER (PARTITION BY dept) AS dept_total, count(*) OVER (PARTITION BY dept) FROM wf_emp ORDER BY id;
-- known gap: exact numeric aggregates are not SQLite window functions yet
SELECT name, avg(salary) OVER (PARTITION BY dept) FROM wf_emp WHERE dept = 'eng' ORDER BY id;
SELECT name, min(salary) OVER w, max(salary) OVER w FROM wf_emp WINDOW w AS (PARTITION BY dept) ORDER BY id;
SELECT name, sum(salary) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM wf_emp ORDER BY id;
SELECT name, sum(salary) OVER (ORDER BY id ROWS 2 PRECEDING) FROM wf_emp ORDER BY id;
SELECT name, sum(salary) OVER (ORDER BY salary RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM wf_emp ORDER BY salary, id;
SELECT name, sum(salary) OVER (ORDER BY salary GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM wf_emp ORDER BY salary, id;
SELECT name, sum(salary) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE CURRENT ROW) FROM wf_emp ORDER BY id;
SELECT name, count(*) OVER (ORDER BY salary RANGE BETWEEN 5 PRECEDING AND 5 FOLLOWING) FROM wf_emp ORDER BY salary, id;
SELECT name, sum(salary) OVER (w ROWS UNBOUNDED PRECEDING) FROM wf_emp WINDOW w AS (ORDER BY id) ORDER BY id;
SELECT dept, name, rank() OVER (PARTITION BY dept ORDER BY bonus DESC) FROM wf_emp ORDER BY dept, name;
SELECT dept, name, rank() OVER (PARTITION BY dept ORDER BY bonus NULLS FIRST) FROM wf_emp ORDER BY dept, name;
SELECT * FROM (SELECT name, dept, row_number() OVER (PARTITION BY dept ORDER BY salary DESC) AS rn FROM wf_emp) s WHERE rn = 1 ORDER BY dept;
SELECT dept, sum(salary), rank() OVER (ORDER BY sum(salary) DESC) FROM wf_emp GROUP BY dept ORDER BY 3, 1;
SELECT row_number() OVER () IS NOT NULL FROM wf_emp LIMIT 1;
SELECT name FROM wf_emp WHERE row_number() OVER () = 1;
SELECT row_number() FROM wf_emp;
SELECT lower(name) OVER () FROM wf_emp;
SELECT ntile('x') OVER () FROM wf_emp;
SELECT count(*) FILTER (WHERE salary > 90) AS rich, count(*) FILTER (WHERE bonus IS NULL) AS no_bonus, count(*) FROM wf_emp;
SELECT dept, sum(salary) FILTER (WHERE bonus > 0) FROM wf_emp GROUP BY dept ORDER BY dept;
SELECT sum(salary) FILTER (WHERE dept = 'eng') OVER (ORDER BY id) FROM wf_emp ORDER BY id;
SELECT lower(name) FILTER (WHERE true) FROM wf_emp;
SELECT count(*) FILTER (WHERE 1) FROM wf_emp;
