// binary_format.h — PostgreSQL's binary wire format for the types litegres
// serves (the typsend/typreceive layouts): big-endian integers, IEEE floats,
// numeric in base-10000 digits, date as days and timestamps as microseconds
// since 2000-01-01, uuid as 16 bytes, jsonb with its version byte.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "pgwire/type_oid.h"

namespace litegres::pgwire {

// A parameter received in binary, in the nearest storable form: integers
// and floats natively, blobs as bytes, everything else as PostgreSQL's text
// form of the value (e.g. a timestamp as '2024-01-15 10:30:00').
struct WireValue {
    enum class Kind { kInteger, kReal, kText, kBlob };
    Kind kind = Kind::kText;
    int64_t integer = 0;
    double real = 0;
    std::string bytes;
};

// True when litegres can send and receive `type` in binary.
bool binary_format_supported(Oid type);

// Throws PgError 22P03 on malformed bytes.
WireValue decode_binary(Oid type, std::string_view bytes);

void append_binary_int(std::string& out, Oid type, int64_t value);
void append_binary_float(std::string& out, Oid type, double value);
// From the value's text form (numeric, uuid, date, timestamp[tz], text,
// json, jsonb). Throws PgError when the text is not a valid value.
void append_binary_from_text(std::string& out, Oid type, std::string_view text);

}  // namespace litegres::pgwire
