// search_path.cpp — see search_path.h.
#include "translate/search_path.h"

#include <cctype>

namespace litegres::translate {

std::vector<std::string> split_identifier_string(std::string_view text, char separator) {
    std::vector<std::string> out;
    size_t i = 0;
    auto skip_space = [&] {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    };
    while (true) {
        skip_space();
        if (i >= text.size()) break;
        std::string name;
        if (text[i] == '"') {
            for (++i; i < text.size(); ++i) {
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        name += '"';
                        ++i;
                        continue;
                    }
                    ++i;
                    break;
                }
                name += text[i];
            }
        } else {
            while (i < text.size() && text[i] != separator &&
                   !std::isspace(static_cast<unsigned char>(text[i]))) {
                name += char(std::tolower(static_cast<unsigned char>(text[i])));
                ++i;
            }
        }
        out.push_back(std::move(name));
        skip_space();
        if (i < text.size() && text[i] == separator) ++i;
    }
    return out;
}

std::vector<std::string> SearchPath::schemas(std::string_view setting, std::string_view user) {
    std::vector<std::string> out;
    for (auto& name : split_identifier_string(setting, ',')) {
        if (name == "$user") name = std::string(user);
        if (!name.empty()) out.push_back(std::move(name));
    }
    return out;
}

std::string SearchPath::quote_if_needed(std::string_view name) {
    bool plain =
        !name.empty() && (std::islower(static_cast<unsigned char>(name[0])) || name[0] == '_');
    for (char c : name) {
        if (!(std::islower(static_cast<unsigned char>(c)) ||
              std::isdigit(static_cast<unsigned char>(c)) || c == '_')) {
            plain = false;
        }
    }
    if (plain) return std::string(name);
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string SearchPath::setting_text(const std::vector<std::string>& names) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += ", ";
        out += quote_if_needed(names[i]);
    }
    return out;
}

}  // namespace litegres::translate
