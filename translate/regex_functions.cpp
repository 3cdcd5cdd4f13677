// regex_functions.cpp — see regex_functions.h. A compiled pattern is kept
// with the statement through sqlite3_set_auxdata, so a constant pattern is
// compiled once per statement rather than once per row.
#define PCRE2_CODE_UNIT_WIDTH 8
#include "translate/regex_functions.h"

#include "pgwire/json_value.h"
#include "translate/function_error.h"
#include "translate/sqlite_value.h"

#include <pcre2.h>

#include <memory>
#include <string>
#include <string_view>

namespace litegres::translate {

namespace {

struct RegexTooComplex {};

// A regex function whose matching PCRE2 gave up on fails the statement.
template <void (*kBody)(sqlite3_context*, int, sqlite3_value**)>
void guarded(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    try {
        kBody(ctx, argc, argv);
    } catch (const RegexTooComplex&) {
        report_error(ctx, "2201B", "invalid regular expression: regular expression is too complex");
    }
}

// A compiled pattern with the match data sized for it.
class CompiledRegex {
  public:
    explicit CompiledRegex(pcre2_code* code)
        : code_(code), match_(pcre2_match_data_create_from_pattern(code, nullptr)) {}
    ~CompiledRegex() {
        pcre2_match_data_free(match_);
        pcre2_code_free(code_);
    }
    CompiledRegex(const CompiledRegex&) = delete;
    CompiledRegex& operator=(const CompiledRegex&) = delete;

    // Matches at or after `offset`; false when there is no match. PCRE2
    // giving up (its match or depth limit) throws RegexTooComplex: "no
    // match" would be a wrong answer.
    bool find(std::string_view subject, size_t offset) {
        int rc = pcre2_match(code_, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(),
                             offset, 0, match_, nullptr);
        if (rc >= 0) return true;
        if (rc == PCRE2_ERROR_NOMATCH) return false;
        throw RegexTooComplex{};
    }
    size_t group_count() const { return pcre2_get_ovector_count(match_); }
    // Start and end of group n of the last match (n = 0: the whole match);
    // PCRE2_UNSET when the group took no part in it.
    std::pair<size_t, size_t> group(size_t n) const {
        PCRE2_SIZE* v = pcre2_get_ovector_pointer(match_);
        return {v[2 * n], v[2 * n + 1]};
    }

  private:
    pcre2_code* code_;
    pcre2_match_data* match_;
};

// The offset one character after `at`: PCRE2 in UTF mode only starts at
// character boundaries, so stepping past an empty match skips a whole one.
size_t next_character(std::string_view subject, size_t at) {
    ++at;
    while (at < subject.size() && (static_cast<unsigned char>(subject[at]) & 0xC0) == 0x80) ++at;
    return at;
}

void free_regex(void* p) {
    delete static_cast<CompiledRegex*>(p);
}

// The compiled pattern of one call. A pattern compiled by this call is
// handed to SQLite's auxdata at the end of the call: SQLite may free it at
// once (a pattern that is not constant), so it is never used after that.
class RegexLease {
  public:
    RegexLease(sqlite3_context* ctx, int arg) : ctx_(ctx), arg_(arg) {}
    ~RegexLease() {
        if (owned_) sqlite3_set_auxdata(ctx_, arg_, owned_.release(), free_regex);
    }
    RegexLease(const RegexLease&) = delete;
    RegexLease& operator=(const RegexLease&) = delete;

    // nullptr after reporting an invalid pattern.
    CompiledRegex* get(sqlite3_value** argv, bool case_insensitive);

  private:
    sqlite3_context* ctx_;
    int arg_;
    std::unique_ptr<CompiledRegex> owned_;
};

CompiledRegex* RegexLease::get(sqlite3_value** argv, bool case_insensitive) {
    sqlite3_context* ctx = ctx_;
    if (auto* cached = static_cast<CompiledRegex*>(sqlite3_get_auxdata(ctx, arg_))) return cached;
    std::string_view pattern = value_text(argv[arg_]);
    uint32_t options = PCRE2_UTF | (case_insensitive ? PCRE2_CASELESS : 0);
    int error = 0;
    PCRE2_SIZE offset = 0;
    pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                     options, &error, &offset, nullptr);
    if (code == nullptr) {
        PCRE2_UCHAR buffer[256];
        pcre2_get_error_message(error, buffer, sizeof buffer);
        report_error(ctx, "2201B",
              std::string("invalid regular expression: ") + reinterpret_cast<char*>(buffer));
        return nullptr;
    }
    owned_ = std::make_unique<CompiledRegex>(code);
    return owned_.get();
}

// PostgreSQL's flags argument: i (case-insensitive), c (sensitive), g (global).
struct Flags {
    bool case_insensitive = false;
    bool global = false;
};

bool parse_flags(sqlite3_context* ctx, std::string_view text, Flags& flags) {
    for (char f : text) {
        switch (f) {
            case 'i':
                flags.case_insensitive = true;
                break;
            case 'c':
                flags.case_insensitive = false;
                break;
            case 'g':
                flags.global = true;
                break;
            case 'n':
            case 'p':
            case 'w':
            case 's':
            case 't':
                break;
            default:
                report_error(ctx, "22023",
                      std::string("invalid regular expression option: \"") + f + "\"");
                return false;
        }
    }
    return true;
}

// litegres_regex_match(subject, pattern, case_insensitive)
void regex_match(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    RegexLease lease(ctx, 1);
    CompiledRegex* re = lease.get(argv, sqlite3_value_int(argv[2]) != 0);
    if (re == nullptr) return;
    sqlite3_result_int(ctx, re->find(value_text(argv[0]), 0) ? 1 : 0);
}

// regexp_like(subject, pattern [, flags])
void regexp_like(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    Flags flags;
    if (argc > 2 && !parse_flags(ctx, value_text(argv[2]), flags)) return;
    RegexLease lease(ctx, 1);
    CompiledRegex* re = lease.get(argv, flags.case_insensitive);
    if (re == nullptr) return;
    sqlite3_result_int(ctx, re->find(value_text(argv[0]), 0) ? 1 : 0);
}

// regexp_count(subject, pattern)
void regexp_count(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    RegexLease lease(ctx, 1);
    CompiledRegex* re = lease.get(argv, false);
    if (re == nullptr) return;
    std::string_view subject = value_text(argv[0]);
    int count = 0;
    size_t at = 0;
    while (at <= subject.size() && re->find(subject, at)) {
        ++count;
        auto [start, end] = re->group(0);
        at = end > start ? end : next_character(subject, end);
    }
    sqlite3_result_int(ctx, count);
}

// regexp_replace(source, pattern, replacement [, flags]): \1..\9 insert a
// group, \& the whole match, \\ a backslash; only the first match unless 'g'.
void regexp_replace(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    Flags flags;
    if (argc > 3 && !parse_flags(ctx, value_text(argv[3]), flags)) return;
    RegexLease lease(ctx, 1);
    CompiledRegex* re = lease.get(argv, flags.case_insensitive);
    if (re == nullptr) return;
    std::string_view source = value_text(argv[0]);
    std::string_view replacement = value_text(argv[2]);
    std::string out;
    size_t copied = 0, at = 0;
    while (at <= source.size() && re->find(source, at)) {
        auto [start, end] = re->group(0);
        out.append(source.substr(copied, start - copied));
        for (size_t i = 0; i < replacement.size(); ++i) {
            char c = replacement[i];
            if (c == '\\' && i + 1 < replacement.size()) {
                char n = replacement[i + 1];
                if (n >= '1' && n <= '9') {
                    size_t g = size_t(n - '0');
                    if (g < re->group_count()) {
                        auto [gs, ge] = re->group(g);
                        if (gs != PCRE2_UNSET) out.append(source.substr(gs, ge - gs));
                    }
                    ++i;
                    continue;
                }
                if (n == '&') {
                    out.append(source.substr(start, end - start));
                    ++i;
                    continue;
                }
                if (n == '\\') {
                    out.push_back('\\');
                    ++i;
                    continue;
                }
            }
            out.push_back(c);
        }
        copied = end;
        if (!flags.global) break;
        if (end == start) {
            // An empty match: step one character so the scan moves on.
            if (end < source.size()) out.push_back(source[end]);
            copied = end + 1;
            at = end + 1;
        } else {
            at = end;
        }
    }
    if (copied < source.size()) out.append(source.substr(copied));
    sqlite3_result_text(ctx, out.data(), int(out.size()), SQLITE_TRANSIENT);
}

// The text array (litegres's JSON array form) of one match: its
// parenthesized groups, or the whole match when the pattern has none; a
// group that took no part is NULL.
std::string match_array(const CompiledRegex& re, std::string_view subject) {
    std::string out = "[";
    size_t groups = re.group_count();
    size_t first = groups > 1 ? 1 : 0;
    for (size_t g = first; g < std::max<size_t>(groups, 1); ++g) {
        if (g > first) out.push_back(',');
        auto [start, end] = re.group(g);
        if (start == PCRE2_UNSET) {
            out += "null";
        } else {
            pgwire::append_json_string(out, subject.substr(start, end - start));
        }
    }
    return out + "]";
}

// litegres_regexp_matches(subject, pattern [, flags]): the rows of
// regexp_matches as a JSON array of text arrays: the first match, or with
// 'g' every match (an empty match steps one character on).
void regexp_matches(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    Flags flags;
    if (argc > 2 && !parse_flags(ctx, value_text(argv[2]), flags)) return;
    RegexLease lease(ctx, 1);
    CompiledRegex* re = lease.get(argv, flags.case_insensitive);
    if (re == nullptr) return;
    std::string_view subject = value_text(argv[0]);
    std::string rows = "[";
    size_t at = 0;
    while (at <= subject.size() && re->find(subject, at)) {
        if (rows.size() > 1) rows.push_back(',');
        rows += match_array(*re, subject);
        if (!flags.global) break;
        auto [start, end] = re->group(0);
        at = end > start ? end : next_character(subject, end);
    }
    rows.push_back(']');
    result_text(ctx, rows);
}

// litegres_regexp_match(subject, pattern [, flags]): regexp_match's text
// array of the first match, NULL without one; 'g' is refused as in PostgreSQL.
void regexp_match(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    Flags flags;
    if (argc > 2 && !parse_flags(ctx, value_text(argv[2]), flags)) return;
    if (flags.global) {
        return report_error(ctx, pgwire::PgError("22023", "regexp_match() does not support the \"global\" option")
                                     .with_hint("Use the regexp_matches function instead."));
    }
    RegexLease lease(ctx, 1);
    CompiledRegex* re = lease.get(argv, flags.case_insensitive);
    if (re == nullptr) return;
    std::string_view subject = value_text(argv[0]);
    if (!re->find(subject, 0)) return sqlite3_result_null(ctx);
    result_text(ctx, match_array(*re, subject));
}

// litegres_regexp_split(subject, pattern [, flags]): regexp_split_to_array
// as a text array. As in PostgreSQL, an empty match at either end of the
// subject or right after the previous match does not split.
void regexp_split(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    Flags flags;
    if (argc > 2 && !parse_flags(ctx, value_text(argv[2]), flags)) return;
    if (flags.global) {
        return report_error(ctx, "22023", "regexp_split_to_array() does not support the \"global\" option");
    }
    RegexLease lease(ctx, 1);
    CompiledRegex* re = lease.get(argv, flags.case_insensitive);
    if (re == nullptr) return;
    std::string_view subject = value_text(argv[0]);
    std::string out = "[";
    size_t piece_start = 0, at = 0;
    while (at < subject.size() && re->find(subject, at)) {
        auto [start, end] = re->group(0);
        bool degenerate = start == end && (start == 0 || start == subject.size() || start == piece_start);
        if (!degenerate) {
            if (out.size() > 1) out.push_back(',');
            pgwire::append_json_string(out, subject.substr(piece_start, start - piece_start));
            piece_start = end;
        }
        at = end > start ? end : next_character(subject, end);
    }
    if (out.size() > 1) out.push_back(',');
    pgwire::append_json_string(out, subject.substr(piece_start));
    out.push_back(']');
    result_text(ctx, out);
}

// litegres_regexp_substring(subject, pattern): substring(text FROM pattern):
// the first parenthesized group of the first match, or the whole match.
void regexp_substring(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    RegexLease lease(ctx, 1);
    CompiledRegex* re = lease.get(argv, false);
    if (re == nullptr) return;
    std::string_view subject = value_text(argv[0]);
    if (!re->find(subject, 0)) return sqlite3_result_null(ctx);
    auto [start, end] = re->group(re->group_count() > 1 ? 1 : 0);
    if (start == PCRE2_UNSET) return sqlite3_result_null(ctx);
    result_text(ctx, subject.substr(start, end - start));
}

// litegres_similar_to_regex(pattern, escape): SQL's SIMILAR TO pattern as an
// anchored regular expression (PostgreSQL's similar_to_escape): % and _ are
// wildcards, `.` is literal, the other regex metacharacters keep their meaning.
void similar_to_regex(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    std::string_view pattern = value_text(argv[0]);
    std::string_view escape = value_text(argv[1]);
    if (escape.size() > 1) return report_error(ctx, "22025", "invalid escape string");
    std::string out = "^(?:";
    bool in_bracket = false;
    for (size_t i = 0; i < pattern.size(); ++i) {
        char c = pattern[i];
        if (!escape.empty() && c == escape[0] && i + 1 < pattern.size()) {
            char n = pattern[++i];
            if (std::string_view("\\^$.[]|()?*+{}").find(n) != std::string_view::npos)
                out.push_back('\\');
            out.push_back(n);
            continue;
        }
        if (in_bracket) {
            if (c == ']') in_bracket = false;
            out.push_back(c);
        } else if (c == '[') {
            in_bracket = true;
            out.push_back(c);
        } else if (c == '%') {
            out += ".*";
        } else if (c == '_') {
            out.push_back('.');
        } else if (c == '.' || c == '^' || c == '$' || c == '\\') {
            out.push_back('\\');
            out.push_back(c);
        } else {
            out.push_back(c);
        }
    }
    out += ")$";
    sqlite3_result_text(ctx, out.data(), int(out.size()), SQLITE_TRANSIENT);
}

}  // namespace

int register_regex_functions(sqlite3* db) {
    static const ScalarFunction kEntries[] = {
        {"litegres_regex_match", 3, guarded<regex_match>},
        {"litegres_regexp_like", 2, guarded<regexp_like>},
        {"litegres_regexp_like", 3, guarded<regexp_like>},
        {"litegres_regexp_count", 2, guarded<regexp_count>},
        {"litegres_regexp_replace", 3, guarded<regexp_replace>},
        {"litegres_regexp_replace", 4, guarded<regexp_replace>},
        {"litegres_similar_to_regex", 2, similar_to_regex},
        {"litegres_regexp_matches", 2, guarded<regexp_matches>},
        {"litegres_regexp_matches", 3, guarded<regexp_matches>},
        {"litegres_regexp_match", 2, guarded<regexp_match>},
        {"litegres_regexp_match", 3, guarded<regexp_match>},
        {"litegres_regexp_split", 2, guarded<regexp_split>},
        {"litegres_regexp_split", 3, guarded<regexp_split>},
        {"litegres_regexp_substring", 2, guarded<regexp_substring>},
    };
    return register_scalar_functions(db, kEntries);
}

}  // namespace litegres::translate
