// qualified_name_test.cpp — names in catalog text are qualified exactly when
// the running session's search_path does not find them.
#include "translate/qualified_name.h"

#include <doctest/doctest.h>

#include "translate/session_context.h"

namespace tr = litegres::translate;

TEST_CASE("a name is qualified when its schema is off the search path") {
    tr::SessionContext session;
    tr::SessionContextScope scope(session);
    session.search_path = {"public"};
    CHECK(tr::qualified_name("public", "orders") == "orders");
    CHECK(tr::qualified_name("extra", "log") == "extra.log");
    session.search_path = {};
    CHECK(tr::qualified_name("public", "orders") == "public.orders");
    session.search_path = {"extra", "public"};
    CHECK(tr::qualified_name("extra", "log") == "log");
}

TEST_CASE("each part is quoted as quote_ident quotes it") {
    tr::SessionContext session;
    tr::SessionContextScope scope(session);
    session.search_path = {};
    CHECK(tr::qualified_name("public", "Mixed Case") == "public.\"Mixed Case\"");
    CHECK(tr::qualified_name("My Schema", "select") == "\"My Schema\".\"select\"");
}

TEST_CASE("without a session, public is the search path") {
    CHECK(tr::schema_on_search_path("public"));
    CHECK_FALSE(tr::schema_on_search_path("extra"));
}
