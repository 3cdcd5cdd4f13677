// type_oid.cpp — per-type facts the protocol needs beyond the OID itself.
#include "pgwire/type_oid.h"

namespace litegres::pgwire {

int16_t type_length(Oid type) {
    switch (type) {
        case oid::kBool:
        case oid::kChar: return 1;
        case oid::kInt2: return 2;
        case oid::kInt4:
        case oid::kOid:
        case oid::kRegtype:
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
