// log.h — one line per event on stderr, with a timestamp and level, as
// PostgreSQL's log does. Thread-safe: each line is written with one call.
#pragma once

#include <string_view>

namespace litegres {

enum class LogLevel { kInfo, kWarning, kError };

void log_line(LogLevel level, std::string_view message);

}  // namespace litegres
