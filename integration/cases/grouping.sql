-- GROUP BY and aggregates: PostgreSQL's grouping rule (42803), functional
-- dependency on a grouped primary key, grouping by position, alias and
-- expression; scalar subqueries and ANY/ALL with any comparison.

CREATE TABLE gr_author (id integer PRIMARY KEY, name text NOT NULL, country text);
CREATE TABLE gr_book (id integer PRIMARY KEY, author_id integer, title text, pages integer, year integer);
INSERT INTO gr_author VALUES (1, 'ann', 'uk'), (2, 'bob', 'us'), (3, 'cid', 'uk');
INSERT INTO gr_book VALUES (1, 1, 'a', 100, 2001), (2, 1, 'b', 250, 2003), (3, 2, 'c', 80, 2003), (4, NULL, 'd', 40, 2010);
SELECT a.id, a.name, a.country, count(b.id) FROM gr_author a LEFT JOIN gr_book b ON b.author_id = a.id GROUP BY a.id ORDER BY a.id;
SELECT gr_author.name, count(*) FROM gr_author JOIN gr_book ON gr_book.author_id = gr_author.id GROUP BY gr_author.id ORDER BY 1;
SELECT a.name, count(*) FROM gr_author a JOIN gr_book b ON b.author_id = a.id GROUP BY b.author_id ORDER BY 1;
SELECT country, count(*) FROM gr_author GROUP BY country ORDER BY country;
SELECT upper(country) AS c, count(*) FROM gr_author GROUP BY upper(country) ORDER BY c;
SELECT upper(country) AS c, count(*) FROM gr_author GROUP BY c ORDER BY c;
SELECT upper(country), count(*) FROM gr_author GROUP BY 1 ORDER BY 1;
SELECT year / 10 * 10 AS decade, sum(pages) FROM gr_book GROUP BY year / 10 * 10 ORDER BY decade;
SELECT year, count(*) FROM gr_book GROUP BY year HAVING count(*) > 1;
SELECT year, count(*) FROM gr_book GROUP BY year HAVING pages > 50;
SELECT title, count(*) FROM gr_book GROUP BY year;
SELECT year, title FROM gr_book GROUP BY year ORDER BY year;
SELECT year FROM gr_book GROUP BY year ORDER BY pages;
SELECT count(*) FROM gr_book ORDER BY year;
SELECT year, count(*) FROM gr_book GROUP BY year ORDER BY count(*) DESC, year;
SELECT year + 1, count(*) FROM gr_book GROUP BY year ORDER BY 1;
SELECT max(pages) - min(pages), year FROM gr_book GROUP BY 2 ORDER BY 2;
SELECT sum(pages) FILTER (WHERE title <> 'a'), year FROM gr_book GROUP BY year ORDER BY year;
SELECT a.name, (SELECT count(*) FROM gr_book b WHERE b.author_id = a.id) FROM gr_author a ORDER BY a.id;
SELECT name FROM gr_author GROUP BY 3;
SELECT 1 AS one, count(*) FROM gr_book;
SELECT (SELECT title FROM gr_book WHERE pages > 90);
SELECT (SELECT title FROM gr_book WHERE pages > 200);
SELECT (SELECT title FROM gr_book WHERE pages > 1000);
SELECT a.name, (SELECT b.title FROM gr_book b WHERE b.author_id = a.id) FROM gr_author a ORDER BY a.id;
SELECT a.name, (SELECT b.title FROM gr_book b WHERE b.author_id = a.id ORDER BY b.pages DESC LIMIT 1) FROM gr_author a ORDER BY a.id;
SELECT title FROM gr_book WHERE pages > ALL (SELECT pages FROM gr_book WHERE year = 2003) ORDER BY title;
SELECT title FROM gr_book WHERE pages >= ANY (SELECT pages FROM gr_book WHERE year = 2003) ORDER BY title;
SELECT title FROM gr_book WHERE pages < ANY (SELECT pages FROM gr_book WHERE author_id = 99) ORDER BY title;
SELECT 5 > ALL (SELECT author_id FROM gr_book), 0 < ALL (SELECT author_id FROM gr_book), 5 > ANY (SELECT author_id FROM gr_book);
SELECT title FROM gr_book WHERE author_id = ANY (SELECT id FROM gr_author WHERE country = 'uk') ORDER BY title;
SELECT title FROM gr_book WHERE author_id <> ALL (SELECT id FROM gr_author WHERE country = 'uk') ORDER BY title;
SELECT DISTINCT ON (author_id) author_id, title, pages FROM gr_book ORDER BY author_id, pages DESC;
SELECT DISTINCT ON (author_id) author_id, title FROM gr_book ORDER BY author_id, pages;
SELECT DISTINCT ON (year) year, title FROM gr_book ORDER BY year DESC, title;
SELECT DISTINCT ON (1) year, title FROM gr_book ORDER BY 1, 2 DESC;
SELECT DISTINCT ON (country) country, name FROM gr_author;
SELECT DISTINCT ON (a.country) a.country, b.title FROM gr_author a JOIN gr_book b ON b.author_id = a.id ORDER BY a.country, b.pages DESC LIMIT 1;
SELECT DISTINCT ON (year / 1000) year / 1000 AS millennium, count(*) OVER () FROM gr_book ORDER BY year / 1000;
SELECT DISTINCT ON (5) year FROM gr_book;
SELECT DISTINCT year FROM gr_book ORDER BY year;
