// statement_classifier.cpp — a reflective walk over the protobuf-c tree finds
// calls of writing functions (nextval, setval) anywhere inside a SELECT.
#include "translate/statement_classifier.h"

#include <cstring>

namespace litegres::translate {

namespace {

bool is_writing_function_call(const ProtobufCMessage* m) {
    if (m->descriptor != &pg_query__func_call__descriptor) return false;
    const auto* call = reinterpret_cast<const PgQuery__FuncCall*>(m);
    if (call->n_funcname == 0) return false;
    const PgQuery__Node* last = call->funcname[call->n_funcname - 1];
    if (last->node_case != PG_QUERY__NODE__NODE_STRING) return false;
    const char* name = last->string->sval;
    return std::strcmp(name, "nextval") == 0 || std::strcmp(name, "setval") == 0;
}

// Visits every message reachable from `m` (oneof members only when set).
bool contains(const ProtobufCMessage* m, bool (*predicate)(const ProtobufCMessage*)) {
    if (m == nullptr) return false;
    if (predicate(m)) return true;
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
                if (contains(items[k], predicate)) return true;
            }
        } else {
            const ProtobufCMessage* child;
            std::memcpy(&child, base + f->offset, sizeof child);
            if (contains(child, predicate)) return true;
        }
    }
    return false;
}

}  // namespace

bool statement_needs_writer(const PgQuery__RawStmt& raw) {
    const PgQuery__Node* node = raw.stmt;
    if (node == nullptr) return false;
    switch (node->node_case) {
        case PG_QUERY__NODE__NODE_SELECT_STMT:
            return node->select_stmt->into_clause != nullptr ||
                   contains(&node->select_stmt->base, is_writing_function_call);
        case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
        case PG_QUERY__NODE__NODE_VARIABLE_SHOW_STMT:
        case PG_QUERY__NODE__NODE_CREATEDB_STMT:
        case PG_QUERY__NODE__NODE_DROPDB_STMT:
        case PG_QUERY__NODE__NODE_DEALLOCATE_STMT:
        case PG_QUERY__NODE__NODE_DISCARD_STMT:
            return false;
        case PG_QUERY__NODE__NODE_TRANSACTION_STMT: {
            const auto& t = *node->transaction_stmt;
            if (t.kind != PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN &&
                t.kind != PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START) {
                return false;
            }
            // BEGIN takes the write lock up front (IMMEDIATE); BEGIN READ ONLY does not.
            for (size_t i = 0; i < t.n_options; ++i) {
                const auto* opt = t.options[i]->def_elem;
                if (std::strcmp(opt->defname, "transaction_read_only") == 0 && opt->arg != nullptr &&
                    opt->arg->node_case == PG_QUERY__NODE__NODE_A_CONST &&
                    opt->arg->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL &&
                    opt->arg->a_const->ival->ival != 0) {
                    return false;
                }
            }
            return true;
        }
        default:
            return true;
    }
}

}  // namespace litegres::translate
