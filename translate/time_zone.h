// time_zone.h — a session TimeZone as PostgreSQL accepts it: an IANA zone
// from the system tz database (any letter case), a POSIX-style fixed zone
// ('UTC+3': the sign means hours west, as POSIX says), or a fixed
// offset in hours east ('+02', '-7', SET TIME ZONE INTERVAL '+05:30').
// Local times in a DST gap or overlap resolve as PostgreSQL resolves them.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace date {
class time_zone;
}

namespace litegres::translate {

class TimeZone {
public:
    // nullptr when PostgreSQL would reject the name (22023 for SET). A bare
    // number is hours east for SET TIME ZONE but, as in AT TIME ZONE, hours
    // west when `numeric_is_posix` (PostgreSQL reads it as a POSIX zone there).
    static std::shared_ptr<const TimeZone> find(std::string_view name, bool numeric_is_posix = false);
    static std::shared_ptr<const TimeZone> fixed(int seconds_east);
    static const TimeZone& utc();

    // What SHOW TimeZone prints.
    const std::string& name() const { return name_; }
    // True when the offset is zero at every instant (output needs no conversion).
    bool is_utc() const { return always_utc_; }

    // Seconds east of UTC at the instant `utc_seconds` (since 1970).
    int offset_at(int64_t utc_seconds) const;
    // The zone abbreviation in use at that instant ('EST', 'CEST', '+02').
    std::string abbreviation_at(int64_t utc_seconds) const;
    // The instant a local wall-clock time names: in a DST gap the offset
    // before the transition applies, in an overlap the later (standard) one.
    int64_t to_utc(int64_t local_seconds) const;

    ~TimeZone();
    TimeZone(const TimeZone&) = delete;
    TimeZone& operator=(const TimeZone&) = delete;

private:
    TimeZone() = default;

    std::string name_;
    const date::time_zone* zone_ = nullptr;
    std::string abbreviation_;  // of a POSIX fixed-offset zone
    int fixed_offset_ = 0;
    bool always_utc_ = false;
};

// PostgreSQL's numeric-offset name: '<+02>-02', '<-07>+07', '<+05:30>-05:30'.
std::string fixed_offset_zone_name(int seconds_east);

}  // namespace litegres::translate
