// time_zone_abbreviations.h — the zone abbreviations date/time input accepts
// ('PST', 'CEST', 'UTC'), with their offsets: PostgreSQL's Default set.
#pragma once

#include <optional>
#include <string_view>

namespace litegres::translate {

// Seconds east of UTC for a lower-case abbreviation, or nullopt.
std::optional<int> time_zone_abbreviation_offset(std::string_view lowered);

}  // namespace litegres::translate
