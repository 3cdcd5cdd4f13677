// printers.h — doctest StringMakers so failed assertions show optional values and types.
#pragma once

#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "translate/pg_type.h"

namespace doctest {

template <>
struct StringMaker<std::optional<std::string>> {
    static String convert(const std::optional<std::string>& value) {
        return value ? String(("\"" + *value + "\"").c_str()) : String("NULL");
    }
};

template <>
struct StringMaker<litegres::translate::PgType> {
    static String convert(const litegres::translate::PgType& type) {
        return String(
            ("oid " + std::to_string(type.oid) + " typmod " + std::to_string(type.typmod)).c_str());
    }
};

}  // namespace doctest
