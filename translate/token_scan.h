// token_scan.h — RAII for libpg_query's scanner: the tokens of a SQL text
// (kind, keyword kind, byte range), without parsing it.
#pragma once

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <string>

namespace litegres::translate {

class TokenScan {
  public:
    explicit TokenScan(const std::string& sql) : result_(pg_query_scan(sql.c_str())) {
        if (result_.error == nullptr) {
            tokens_ = pg_query__scan_result__unpack(
                nullptr, result_.pbuf.len, reinterpret_cast<const uint8_t*>(result_.pbuf.data));
        }
    }
    ~TokenScan() {
        if (tokens_ != nullptr) pg_query__scan_result__free_unpacked(tokens_, nullptr);
        pg_query_free_scan_result(result_);
    }
    TokenScan(const TokenScan&) = delete;
    TokenScan& operator=(const TokenScan&) = delete;

    // nullptr when the text does not scan.
    const PgQuery__ScanResult* tokens() const { return tokens_; }

  private:
    PgQueryScanResult result_;
    PgQuery__ScanResult* tokens_ = nullptr;
};

}  // namespace litegres::translate
