// array_value.h — a PostgreSQL array as its elements' text forms plus its
// dimensions, and the three encodings it travels in:
//  * PostgreSQL's text form ({1,2}, {"a b",NULL}, {{1,2},{3,4}}) — array_in/array_out;
//  * the binary wire form (ndim, has-null flag, element OID, per dimension
//    length and lower bound 1, then length-prefixed elements) — array_send/recv;
//  * litegres's storage form in SQLite: a JSON array (nested for more
//    dimensions) whose numbers and booleans are JSON numbers and booleans and
//    whose other elements are JSON strings. JSON because SQLite's json_each()
//    then unnests a stored array into its elements' SQLite values directly,
//    json_array_length() gives its length and json_group_array() builds one,
//    and because equal arrays have equal storage text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pgwire/type_oid.h"

namespace litegres::pgwire {

class ArrayValue {
public:
    // Lengths per dimension; empty for an empty array.
    std::vector<int> dims;
    // Row-major; nullopt is NULL.
    std::vector<std::optional<std::string>> elements;

    // array_in's syntax. Throws PgError 22P02 "malformed array literal".
    static ArrayValue parse_text(std::string_view text);
    std::string to_text() const;

    // From storage JSON; `element` decides how numbers and booleans print.
    static ArrayValue from_storage(std::string_view json, Oid element);

    static ArrayValue decode_binary(std::string_view bytes, Oid array_type);
    void append_binary(std::string& out, Oid array_type) const;
};

// The storage token of a float element. One spelling for every path that
// writes arrays (literals, ARRAY[...], array_agg), so equal arrays stay
// equal text.
std::string storage_number(double value);

}  // namespace litegres::pgwire
