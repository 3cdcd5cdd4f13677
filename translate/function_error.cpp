// function_error.cpp — see function_error.h.
#include "translate/function_error.h"

namespace litegres::translate {

void report_error(sqlite3_context* ctx, const pgwire::PgError& error) {
    std::string encoded = "litegres:" + error.sqlstate() + ":" + error.what();
    if (!error.detail().empty() || !error.hint().empty()) encoded += "\x1f" + error.detail();
    if (!error.hint().empty()) encoded += "\x1f" + error.hint();
    sqlite3_result_error(ctx, encoded.c_str(), int(encoded.size()));
}

void report_error(sqlite3_context* ctx, const char* sqlstate, const std::string& message) {
    std::string encoded = std::string("litegres:") + sqlstate + ":" + message;
    sqlite3_result_error(ctx, encoded.c_str(), int(encoded.size()));
}

}  // namespace litegres::translate
