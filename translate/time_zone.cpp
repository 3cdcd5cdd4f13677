// time_zone.cpp — zone lookup and offsets through Howard Hinnant's date/tz
// (system tz database). POSIX strings are read here for the fixed-offset
// form ('UTC+3'); date's ptz.h does not compile as C++20.
#include "translate/time_zone.h"

#include <date/tz.h>

#include <cctype>
#include <cmath>
#include <cstdlib>

namespace litegres::translate {

namespace {

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

const date::time_zone* locate_any_case(std::string_view name) {
    try {
        return date::locate_zone(name);
    } catch (const std::exception&) {
    }
    try {
        for (const auto& z : date::get_tzdb().zones) {
            if (iequals(z.name(), name)) return &z;
        }
    } catch (const std::exception&) {
    }
    return nullptr;
}

// A whole string that is a decimal number of hours.
std::optional<double> numeric_hours(std::string_view s) {
    std::string text(s);
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    double hours = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0' || !std::isfinite(hours)) return std::nullopt;
    return hours;
}

// POSIX 'STD[+-]hh[:mm[:ss]]' without a DST part: seconds west of UTC.
std::optional<int> posix_fixed_offset(std::string_view s) {
    size_t i = 0;
    if (!s.empty() && s[0] == '<') {  // <+02>-02: a quoted abbreviation
        i = s.find('>');
        if (i == std::string_view::npos || i < 2) return std::nullopt;
        ++i;
    } else {
        while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
        if (i < 3) return std::nullopt;
    }
    if (i == s.size()) return std::nullopt;
    int sign = 1;
    if (s[i] == '+' || s[i] == '-') sign = s[i++] == '-' ? -1 : 1;
    int parts[3] = {0, 0, 0}, n = 0;
    while (n < 3) {
        size_t start = i;
        int v = 0;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) && i - start < 2) v = v * 10 + (s[i++] - '0');
        if (i == start) return std::nullopt;
        parts[n++] = v;
        if (i == s.size()) break;
        if (s[i] != ':') return std::nullopt;
        ++i;
    }
    if (i != s.size() || parts[0] > 24 || parts[1] > 59 || parts[2] > 59) return std::nullopt;
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
}

}  // namespace

TimeZone::~TimeZone() = default;

std::string fixed_offset_zone_name(int seconds_east) {
    int a = std::abs(seconds_east);
    char buf[64];
    auto part = [&](char sign) {
        std::string out(1, sign);
        char b[16];
        std::snprintf(b, sizeof b, "%02d", a / 3600);
        out += b;
        if (a % 3600 != 0) {
            std::snprintf(b, sizeof b, ":%02d", a % 3600 / 60);
            out += b;
        }
        if (a % 60 != 0) {
            std::snprintf(b, sizeof b, ":%02d", a % 60);
            out += b;
        }
        return out;
    };
    std::snprintf(buf, sizeof buf, "<%s>%s", part(seconds_east >= 0 ? '+' : '-').c_str(),
                  part(seconds_east >= 0 ? '-' : '+').c_str());
    return buf;
}

const TimeZone& TimeZone::utc() {
    static const std::shared_ptr<const TimeZone> kUtc = [] {
        auto z = std::shared_ptr<TimeZone>(new TimeZone());
        z->name_ = "UTC";
        z->always_utc_ = true;
        return std::shared_ptr<const TimeZone>(z);
    }();
    return *kUtc;
}

std::shared_ptr<const TimeZone> TimeZone::fixed(int seconds_east) {
    auto z = std::shared_ptr<TimeZone>(new TimeZone());
    z->fixed_offset_ = seconds_east;
    z->always_utc_ = seconds_east == 0;
    z->name_ = fixed_offset_zone_name(seconds_east);
    return z;
}

std::shared_ptr<const TimeZone> TimeZone::find(std::string_view name, bool numeric_is_posix) {
    if (name.empty()) return nullptr;
    if (std::optional<double> hours = numeric_hours(name)) {
        if (std::fabs(*hours) > 15 * 24) return nullptr;
        int east = int(std::lround(*hours * 3600));
        if (!numeric_is_posix) return fixed(east);
        auto z = std::shared_ptr<TimeZone>(new TimeZone());
        z->fixed_offset_ = -east;
        z->always_utc_ = east == 0;
        z->name_ = std::string(name);
        return z;
    }
    auto z = std::shared_ptr<TimeZone>(new TimeZone());
    if (const date::time_zone* zone = locate_any_case(name)) {
        z->zone_ = zone;
        z->name_ = zone->name();
        static const char* const kUtcZones[] = {"UTC", "Etc/UTC", "UCT", "Etc/UCT", "Universal", "Etc/Universal",
                                                "Zulu", "Etc/Zulu", "GMT", "Etc/GMT", "Greenwich", "Etc/Greenwich"};
        for (const char* u : kUtcZones) z->always_utc_ = z->always_utc_ || z->name_ == u;
        return z;
    }
    if (std::optional<int> west = posix_fixed_offset(name)) {
        z->fixed_offset_ = -*west;
        z->always_utc_ = *west == 0;
        z->name_ = std::string(name);
        z->abbreviation_ = name[0] == '<' ? std::string(name.substr(1, name.find('>') - 1))
                                          : std::string(name.substr(0, name.find_first_of("+-0123456789")));
        return z;
    }
    return nullptr;
}

int TimeZone::offset_at(int64_t utc_seconds) const {
    date::sys_seconds t{std::chrono::seconds(utc_seconds)};
    if (zone_ != nullptr) return int(zone_->get_info(t).offset.count());
    return fixed_offset_;
}

std::string TimeZone::abbreviation_at(int64_t utc_seconds) const {
    date::sys_seconds t{std::chrono::seconds(utc_seconds)};
    if (zone_ != nullptr) return zone_->get_info(t).abbrev;
    if (!abbreviation_.empty()) return abbreviation_;
    if (name_.empty() || name_[0] != '<') return name_;
    return name_.substr(1, name_.find('>') - 1);
}

int64_t TimeZone::to_utc(int64_t local_seconds) const {
    date::local_seconds t{std::chrono::seconds(local_seconds)};
    if (zone_ == nullptr) return local_seconds - fixed_offset_;
    date::local_info info = zone_->get_info(t);
    switch (info.result) {
        case date::local_info::unique: return local_seconds - info.first.offset.count();
        case date::local_info::nonexistent: return local_seconds - info.first.offset.count();
        case date::local_info::ambiguous: return local_seconds - info.second.offset.count();
    }
    return local_seconds - info.first.offset.count();
}

}  // namespace litegres::translate
