// statistics_aggregates_test.cpp — stddev/variance with PostgreSQL's result
// types, scales and digits, bitwise aggregates, gcd/lcm and width_bucket
// (values checked against PostgreSQL 15).
#include "translate/statistics_aggregates.h"

#include <doctest/doctest.h>

#include "translate_harness.h"

using namespace litegres::test;

TEST_CASE("stddev and variance of integers and numeric are exact numerics at select_div_scale") {
    SqlHarness sql;
    CHECK(sql.text("SELECT stddev(x), variance(x) FROM generate_series(1, 10) x") ==
          "3.0276503540974917|9.1666666666666667");
    CHECK(sql.text("SELECT stddev_pop(x), var_pop(x) FROM generate_series(1, 10) x") ==
          "2.8722813232690143|8.2500000000000000");
    CHECK(sql.text("SELECT variance(x) FROM (VALUES (1.5), (2.25), (3.125)) v(x)") ==
          "0.66145833333333333333");
    CHECK(sql.translate("SELECT stddev(1)").columns.at(0).type.oid ==
          litegres::pgwire::oid::kNumeric);
}

TEST_CASE("stddev of a single value is NULL for the sample forms, 0 for the population forms") {
    SqlHarness sql;
    CHECK(sql.text("SELECT stddev(x), stddev_pop(x) FROM (VALUES (7)) v(x)") == "NULL|0");
    CHECK(sql.text("SELECT variance(x) FROM (VALUES (1.5), (1.5)) v(x)") == "0");
}

TEST_CASE("float statistics are double precision, also over a moving window frame") {
    SqlHarness sql;
    CHECK(sql.translate("SELECT stddev(1.5::float8)").columns.at(0).type.oid ==
          litegres::pgwire::oid::kFloat8);
    CHECK(sql.text("SELECT var_pop(x::float8) FROM generate_series(1, 4) x") == "1.25");
    CHECK(
        sql.text(
            "SELECT var_samp(x::float8) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) "
            "FROM generate_series(1, 3) x") == "NULL,0.5,0.5");
    CHECK(sql.text("SELECT var_samp(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) "
                   "FROM (VALUES (1.5), (2), (3)) v(x)") ==
          "NULL,0.12500000000000000000,0.50000000000000000000");
}

TEST_CASE("bit_and, bit_or and bit_xor fold integers and skip NULLs") {
    SqlHarness sql;
    CHECK(sql.text("SELECT bit_and(x), bit_or(x), bit_xor(x) FROM generate_series(1, 5) x") ==
          "0|7|1");
    CHECK(sql.text("SELECT bit_and(x) FROM (VALUES (NULL::int)) v(x)") == "NULL");
}

TEST_CASE("gcd and lcm are never negative and range-checked for their type") {
    SqlHarness sql;
    CHECK(sql.text("SELECT gcd(-12, 18), lcm(-12, 18), gcd(7, 0), lcm(7, 0)") == "6|36|7|0");
    CHECK(pg_error_of([&] { sql.run("SELECT gcd(-2147483648, 0)"); }).sqlstate() == "22003");
    CHECK(pg_error_of([&] { sql.run("SELECT lcm(2147483647, 2147483646)"); }).sqlstate() ==
          "22003");
    CHECK(sql.text("SELECT lcm(2147483647::int8, 2147483646)") == "4611686011984936962");
}

TEST_CASE("width_bucket numbers equal-width buckets, 0 below and count + 1 above") {
    SqlHarness sql;
    CHECK(sql.text("SELECT width_bucket(5, 0, 10, 4), width_bucket(-1, 0, 10, 3), width_bucket(10, "
                   "0, 10, 3)") == "3|0|4");
    CHECK(sql.text("SELECT width_bucket(5, 10, 0, 4)") == "3");
    CHECK(sql.text("SELECT width_bucket(5.35, 0.024, 10.06, 5)") == "3");
    CHECK(pg_error_of([&] { sql.run("SELECT width_bucket(1, 5, 5, 2)"); }).sqlstate() == "2201G");
}
