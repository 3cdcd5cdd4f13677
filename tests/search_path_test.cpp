// search_path_test.cpp — the search_path setting's text ► schema names, and back.
#include "translate/search_path.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace tr = litegres::translate;
using Names = std::vector<std::string>;

TEST_CASE("the default search_path is the user's schema, then public") {
    CHECK(tr::SearchPath::schemas("\"$user\", public", "alice") == Names{"alice", "public"});
}

TEST_CASE("unquoted schema names are lower-cased, quoted ones kept as written") {
    CHECK(tr::SearchPath::schemas("S,  \"My S\" ,public", "u") == Names{"s", "My S", "public"});
    CHECK(tr::SearchPath::schemas("\"a\"\"b\"", "u") == Names{"a\"b"});
    CHECK(tr::SearchPath::schemas("", "u").empty());
}

TEST_CASE("SET search_path's items are shown quoted where PostgreSQL quotes them") {
    CHECK(tr::SearchPath::setting_text({"s", "public"}) == "s, public");
    CHECK(tr::SearchPath::setting_text({"$user", "public"}) == "\"$user\", public");
    CHECK(tr::SearchPath::setting_text({"My S", "a, b"}) == "\"My S\", \"a, b\"");
    CHECK(tr::SearchPath::quote_if_needed("x_1") == "x_1");
    CHECK(tr::SearchPath::quote_if_needed("1x") == "\"1x\"");
}

TEST_CASE("a qualified name splits at dots outside quotes") {
    CHECK(tr::split_identifier_string("s.t", '.') == Names{"s", "t"});
    CHECK(tr::split_identifier_string("\"A.b\".C", '.') == Names{"A.b", "c"});
    CHECK(tr::split_identifier_string("t", '.') == Names{"t"});
}
