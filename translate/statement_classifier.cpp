// statement_classifier.cpp — a reflective walk over the protobuf-c tree finds
// what makes a SELECT write: calls of nextval/setval, data-modifying WITH.
#include "translate/statement_classifier.h"

#include <cstring>

#include "translate/ast_walk.h"

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

// A SELECT writes when it calls nextval/setval or has a data-modifying
// WITH query.
bool writes_inside(const ProtobufCMessage* m) {
    return walk_messages(m, [](const ProtobufCMessage& message) {
        const ProtobufCMessageDescriptor* d = message.descriptor;
        bool writes = is_writing_function_call(&message) || d == &pg_query__insert_stmt__descriptor ||
                      d == &pg_query__update_stmt__descriptor || d == &pg_query__delete_stmt__descriptor;
        return writes ? WalkStep::kStop : WalkStep::kDescend;
    });
}

}  // namespace

bool statement_needs_writer(const PgQuery__RawStmt& raw) {
    const PgQuery__Node* node = raw.stmt;
    if (node == nullptr) return false;
    switch (node->node_case) {
        case PG_QUERY__NODE__NODE_SELECT_STMT:
            return node->select_stmt->into_clause != nullptr ||
                   writes_inside(&node->select_stmt->base);
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
