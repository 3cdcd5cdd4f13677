// type_oid.cpp — per-type facts the protocol needs beyond the OID itself.
#include "pgwire/type_oid.h"

namespace litegres::pgwire {

namespace {

struct ArrayPair {
    Oid element;
    Oid array;
};

constexpr ArrayPair kArrayTypes[] = {
    {oid::kBool, 1000},    {oid::kBytea, 1001},   {oid::kChar, 1002},        {oid::kName, 1003},
    {oid::kInt2, 1005},    {oid::kInt4, 1007},    {oid::kText, 1009},        {oid::kBpchar, 1014},
    {oid::kVarchar, 1015}, {oid::kInt8, 1016},    {oid::kFloat4, 1021},      {oid::kFloat8, 1022},
    {oid::kOid, 1028},     {oid::kDate, 1182},    {oid::kTime, 1183},        {oid::kTimestamp, 1115},
    {oid::kTimestamptz, 1185}, {oid::kInterval, 1187}, {oid::kNumeric, 1231}, {oid::kUuid, 2951},
    {oid::kJson, 199},     {oid::kJsonb, 3807},      {1033, 1034},  // aclitem (catalog ACLs, always NULL)
};

}  // namespace

// User enum types have even OIDs and their array types the next, odd one
// (translate/enum_type_translator.cpp allocates them so).
Oid array_type_of(Oid element) {
    if (element >= oid::kFirstUserOid) return element % 2 == 0 ? element + 1 : 0;
    for (const auto& p : kArrayTypes) {
        if (p.element == element) return p.array;
    }
    return 0;
}

Oid array_element_type(Oid array) {
    if (array >= oid::kFirstUserOid) return array % 2 == 1 ? array - 1 : 0;
    for (const auto& p : kArrayTypes) {
        if (p.array == array) return p.element;
    }
    return 0;
}

int16_t type_length(Oid type) {
    if (type >= oid::kFirstUserOid) return type % 2 == 0 ? 4 : -1;  // an enum stores its label's OID
    switch (type) {
        case oid::kBool:
        case oid::kChar: return 1;
        case oid::kInt2: return 2;
        case oid::kInt4:
        case oid::kOid:
        case oid::kRegtype:
        case oid::kRegproc:
        case oid::kRegclass:
        case oid::kFloat4:
        case oid::kDate: return 4;
        case oid::kInt8:
        case oid::kFloat8:
        case oid::kTime:
        case oid::kTimestamp:
        case oid::kTimestamptz: return 8;
        case oid::kTimetz: return 12;
        case oid::kInterval:
        case oid::kUuid: return 16;
        case oid::kName: return 64;
        default: return -1;
    }
}

}  // namespace litegres::pgwire
