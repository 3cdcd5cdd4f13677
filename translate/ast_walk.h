// ast_walk.h — a reflective, depth-first walk over libpg_query's protobuf-c
// tree: every message reachable from a root, whatever its node kind, so that
// a question such as "does this statement call nextval anywhere?" or "which
// tables does it name?" cannot miss a kind of node added to the grammar.
#pragma once

#include <pg_query/pg_query.pb-c.h>

#include <functional>

namespace litegres::translate {

enum class WalkStep {
    kDescend,  // visit the message's children
    kSkip,     // not its children, but go on with the rest
    kStop      // end the walk
};

// Visits `root` and what it contains (of a oneof, only the member that is
// set). Returns true when a visit stopped the walk.
bool walk_messages(const ProtobufCMessage* root, const std::function<WalkStep(const ProtobufCMessage&)>& visit);

}  // namespace litegres::translate
