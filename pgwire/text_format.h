// text_format.h — PostgreSQL's text output for values whose SQLite form
// differs from it: booleans (t/f) and floats (shortest round-trip digits,
// switching to exponent form where PostgreSQL's float8out/float4out do).
#pragma once

#include <string>

namespace litegres::pgwire {

void append_float8_text(std::string& out, double value);
void append_float4_text(std::string& out, float value);
inline const char* bool_text(bool value) { return value ? "t" : "f"; }

}  // namespace litegres::pgwire
