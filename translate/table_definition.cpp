// table_definition.cpp — taking litegres's CREATE TABLE text apart and
// putting it back together.
#include "translate/table_definition.h"

#include <cctype>

#include "translate/query_translator.h"
#include "translate/sql_text.h"

namespace litegres::translate {

namespace {

std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\n");
    size_t e = s.find_last_not_of(" \t\n");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

bool starts_with_word(const std::string& s, size_t at, const char* word) {
    size_t n = std::char_traits<char>::length(word);
    if (s.size() < at + n) return false;
    for (size_t i = 0; i < n; ++i) {
        if (std::toupper(static_cast<unsigned char>(s[at + i])) != word[i]) return false;
    }
    return s.size() == at + n || !std::isalnum(static_cast<unsigned char>(s[at + n]));
}

// Offset of the first top-level `word` (a keyword) at or after `from`.
size_t find_keyword(const std::string& s, size_t from, const char* word) {
    int depth = 0;
    char quote = 0;
    for (size_t i = from; i < s.size(); ++i) {
        char c = s[i];
        if (quote != 0) {
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '\'' || c == '"') quote = c;
        else if (c == '(') ++depth;
        else if (c == ')') --depth;
        else if (depth == 0 && (i == 0 || s[i - 1] == ' ') && starts_with_word(s, i, word)) return i;
    }
    return std::string::npos;
}

// The end of the parenthesised group starting at `open`.
size_t matching_paren(const std::string& s, size_t open) {
    int depth = 0;
    char quote = 0;
    for (size_t i = open; i < s.size(); ++i) {
        char c = s[i];
        if (quote != 0) {
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '\'' || c == '"') quote = c;
        else if (c == '(') ++depth;
        else if (c == ')' && --depth == 0) return i;
    }
    return std::string::npos;
}

std::string read_identifier(const std::string& s, size_t& at) {
    std::string name;
    if (s[at] == '"') {
        for (++at; at < s.size(); ++at) {
            if (s[at] == '"') {
                if (at + 1 < s.size() && s[at + 1] == '"') {
                    name += '"';
                    ++at;
                    continue;
                }
                ++at;
                break;
            }
            name += s[at];
        }
        return name;
    }
    while (at < s.size() && (std::isalnum(static_cast<unsigned char>(s[at])) || s[at] == '_')) name += s[at++];
    return name;
}

[[noreturn]] void unreadable() { throw_unsupported("ALTER TABLE of a table whose definition litegres did not write"); }

}  // namespace

std::vector<std::string> split_top_level(const std::string& text, char separator) {
    std::vector<std::string> parts;
    int depth = 0;
    char quote = 0;
    std::string current;
    for (char c : text) {
        if (quote != 0) {
            if (c == quote) quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '(') {
            ++depth;
        } else if (c == ')') {
            --depth;
        } else if (c == separator && depth == 0) {
            parts.push_back(trim(current));
            current.clear();
            continue;
        }
        current += c;
    }
    if (!trim(current).empty()) parts.push_back(trim(current));
    return parts;
}

TableDefinition TableDefinition::parse(const std::string& create_sql) {
    size_t open = create_sql.find('(');
    size_t close = create_sql.rfind(')');
    if (open == std::string::npos || close == std::string::npos || close < open) unreadable();
    TableDefinition def;
    for (const auto& element : split_top_level(create_sql.substr(open + 1, close - open - 1), ',')) {
        static const char* kTableConstraints[] = {"CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK"};
        bool is_constraint = false;
        for (const char* word : kTableConstraints) is_constraint = is_constraint || starts_with_word(element, 0, word);
        if (is_constraint) {
            def.table_constraints.push_back(element);
            continue;
        }
        ColumnDefinition column;
        size_t at = 0;
        column.name = read_identifier(element, at);
        if (column.name.empty()) unreadable();
        // The type runs to the first column-constraint keyword.
        size_t type_end = element.size();
        for (const char* word : {"NOT", "NULL", "DEFAULT", "CONSTRAINT", "PRIMARY", "UNIQUE", "REFERENCES", "CHECK",
                                 "COLLATE", "GENERATED"}) {
            type_end = std::min(type_end, find_keyword(element, at, word));
        }
        column.type = trim(element.substr(at, type_end - at));
        size_t rest = type_end;
        while (rest < element.size()) {
            while (rest < element.size() && element[rest] == ' ') ++rest;
            if (starts_with_word(element, rest, "NOT") && find_keyword(element, rest, "NULL") == rest + 4) {
                column.not_null = true;
                rest += 8;
            } else if (starts_with_word(element, rest, "DEFAULT") && rest + 8 < element.size() &&
                       element[rest + 8] == '(') {
                size_t end = matching_paren(element, rest + 8);
                if (end == std::string::npos) unreadable();
                column.default_sql = element.substr(rest + 9, end - rest - 9);
                rest = end + 1;
            } else {
                break;
            }
        }
        if (rest < element.size()) column.constraints = " " + trim(element.substr(rest));
        def.columns.push_back(std::move(column));
    }
    return def;
}

std::string TableDefinition::create_sql(const std::string& table) const {
    std::vector<std::string> parts;
    for (const auto& c : columns) {
        std::string part = quote_identifier(c.name) + (c.type.empty() ? "" : " " + c.type);
        if (c.not_null) part += " NOT NULL";
        if (!c.default_sql.empty()) part += " DEFAULT (" + c.default_sql + ")";
        parts.push_back(part + c.constraints);
    }
    for (const auto& t : table_constraints) parts.push_back(t);
    std::string sql = "CREATE TABLE " + quote_identifier(table) + " (";
    for (size_t i = 0; i < parts.size(); ++i) sql += (i > 0 ? ", " : "") + parts[i];
    return sql + ")";
}

ColumnDefinition* TableDefinition::find_column(const std::string& name) {
    for (auto& c : columns) {
        if (c.name == name) return &c;
    }
    return nullptr;
}

bool TableDefinition::drop_constraint(const std::string& name) {
    std::string marker = "CONSTRAINT " + quote_identifier(name) + " ";
    for (size_t i = 0; i < table_constraints.size(); ++i) {
        if (table_constraints[i].rfind(marker, 0) == 0) {
            table_constraints.erase(table_constraints.begin() + long(i));
            return true;
        }
    }
    for (auto& c : columns) {
        size_t at = c.constraints.find(" " + marker);
        if (at == std::string::npos) continue;
        size_t next = find_keyword(c.constraints, at + 1 + marker.size(), "CONSTRAINT");
        c.constraints.erase(at, next == std::string::npos ? std::string::npos : next - 1 - at);
        return true;
    }
    return false;
}

std::optional<std::string> TableDefinition::key_columns(const std::string& name) const {
    std::string marker = "CONSTRAINT " + quote_identifier(name) + " ";
    auto is_key = [](const std::string& text, size_t from) {
        return text.compare(from, 11, "PRIMARY KEY") == 0 || text.compare(from, 6, "UNIQUE") == 0;
    };
    for (const auto& t : table_constraints) {
        if (t.rfind(marker, 0) != 0 || !is_key(t, marker.size())) continue;
        size_t open = t.find('(', marker.size());
        size_t close = t.find(')', open);
        if (open == std::string::npos || close == std::string::npos) return std::nullopt;
        return t.substr(open + 1, close - open - 1);
    }
    for (const auto& c : columns) {
        size_t at = c.constraints.find(" " + marker);
        if (at != std::string::npos && is_key(c.constraints, at + 1 + marker.size()))
            return quote_identifier(c.name);
    }
    return std::nullopt;
}

bool TableDefinition::has_primary_key() const {
    for (const auto& t : table_constraints) {
        if (find_keyword(t, 0, "PRIMARY") != std::string::npos) return true;
    }
    for (const auto& c : columns) {
        if (find_keyword(c.constraints, 0, "PRIMARY") != std::string::npos) return true;
    }
    return false;
}

}  // namespace litegres::translate
