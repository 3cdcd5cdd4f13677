// table_definition.h — a table's SQLite CREATE TABLE text as editable parts
// (columns with type, NOT NULL, DEFAULT and their constraints; table
// constraints), so ALTER TABLE can rebuild the table with a changed
// definition. Reads what litegres's CREATE TABLE writes.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace litegres::translate {

struct ColumnDefinition {
    std::string name;
    std::string type;  // declared type text
    bool not_null = false;
    std::string default_sql;  // without the parentheses; empty: none
    std::string constraints;  // the rest: " CONSTRAINT "t_a_key" UNIQUE ..."
};

class TableDefinition {
public:
    // 0A000 when the text is not a CREATE TABLE litegres can take apart.
    static TableDefinition parse(const std::string& create_sql);
    std::string create_sql(const std::string& table) const;

    ColumnDefinition* find_column(const std::string& name);
    // Removes the named constraint (column or table level); false if absent.
    bool drop_constraint(const std::string& name);
    bool has_primary_key() const;
    // The quoted column list ("a", "b") of the PRIMARY KEY or UNIQUE
    // constraint `name`; nullopt when the table has no such constraint.
    std::optional<std::string> key_columns(const std::string& name) const;

    std::vector<ColumnDefinition> columns;
    std::vector<std::string> table_constraints;
};

// Splits `text` at top-level occurrences of `separator` (outside
// parentheses and quotes).
std::vector<std::string> split_top_level(const std::string& text, char separator);

}  // namespace litegres::translate
