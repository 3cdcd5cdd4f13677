// ast_walk.cpp — see ast_walk.h. Fields are read through protobuf-c's
// descriptors (offsets and quantifier offsets), with memcpy so that no
// pointer is formed to a union member that is not the one set.
#include "translate/ast_walk.h"

#include <cstring>

namespace litegres::translate {

bool walk_messages(const ProtobufCMessage* m, const std::function<WalkStep(const ProtobufCMessage&)>& visit) {
    if (m == nullptr) return false;
    switch (visit(*m)) {
        case WalkStep::kStop: return true;
        case WalkStep::kSkip: return false;
        case WalkStep::kDescend: break;
    }
    const ProtobufCMessageDescriptor* d = m->descriptor;
    const char* base = reinterpret_cast<const char*>(m);
    for (unsigned i = 0; i < d->n_fields; ++i) {
        const ProtobufCFieldDescriptor* f = &d->fields[i];
        if (f->type != PROTOBUF_C_TYPE_MESSAGE) continue;
        if ((f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) != 0) {
            uint32_t which;
            std::memcpy(&which, base + f->quantifier_offset, sizeof which);
            if (which != f->id) continue;
        }
        if (f->label == PROTOBUF_C_LABEL_REPEATED) {
            size_t n;
            std::memcpy(&n, base + f->quantifier_offset, sizeof n);
            ProtobufCMessage* const* items;
            std::memcpy(&items, base + f->offset, sizeof items);
            for (size_t k = 0; k < n; ++k) {
                if (walk_messages(items[k], visit)) return true;
            }
        } else {
            const ProtobufCMessage* child;
            std::memcpy(&child, base + f->offset, sizeof child);
            if (walk_messages(child, visit)) return true;
        }
    }
    return false;
}

}  // namespace litegres::translate
