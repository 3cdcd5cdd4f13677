// log.cpp — formatting of log lines.
#include "src/log.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>

namespace litegres {

void log_line(LogLevel level, std::string_view message) {
    auto now = std::chrono::system_clock::now();
    std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S UTC", &tm);
    const char* name = level == LogLevel::kInfo ? "LOG" : level == LogLevel::kWarning ? "WARNING" : "ERROR";
    std::string line = std::string(stamp) + " [litegres] " + name + ":  " + std::string(message) + "\n";
    std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace litegres
