// search_path.h — the search_path setting: its text as PostgreSQL stores and
// shows it, and the list of schema names it stands for. The translator binds
// unqualified names through that list (see NameResolver), so a translation is
// only valid for the search_path it was bound under.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace litegres::translate {

// PostgreSQL's SplitIdentifierString: "a, \"B c\"" ► {a, B c} for ',';
// "s.t" ► {s, t} for '.'. Unquoted names are lower-cased.
std::vector<std::string> split_identifier_string(std::string_view text, char separator);

class SearchPath {
  public:
    // The schemas a setting names, in order: split at commas, unquoted names
    // lower-cased, "$user" replaced by `user` (PostgreSQL's SplitIdentifierString).
    static std::vector<std::string> schemas(std::string_view setting, std::string_view user);
    // The setting text for SET search_path's items (each identifier or string
    // constant is one schema name), quoted where PostgreSQL quotes them:
    // s, "My Schema", "$user".
    static std::string setting_text(const std::vector<std::string>& names);
    // A name as quote_ident() spells it.
    static std::string quote_if_needed(std::string_view name);
};

}  // namespace litegres::translate
