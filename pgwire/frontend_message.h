// frontend_message.h — the messages a client sends, as plain values. The
// decoder produces them from bytes; the session consumes them. Nothing here
// knows about sockets.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace litegres::pgwire {

// Protocol codes that stand where a startup packet's version would.
inline constexpr int32_t kProtocolVersion3 = 196608;  // 3.0
inline constexpr int32_t kSslRequestCode = 80877103;
inline constexpr int32_t kGssEncRequestCode = 80877104;
inline constexpr int32_t kCancelRequestCode = 80877102;

struct StartupMessage {
    int32_t protocol_version = kProtocolVersion3;
    std::vector<std::pair<std::string, std::string>> parameters;

    // Returns the value of a startup parameter, or an empty string.
    const std::string& parameter(const std::string& name) const;
};

struct SslRequest {};
struct GssEncRequest {};

struct CancelRequest {
    int32_t process_id = 0;
    int32_t secret_key = 0;
};

// 'Q': one query string that may hold several statements.
struct Query {
    std::string sql;
};

// 'X'
struct Terminate {};

// Extended query protocol.

// 'P': prepare `sql` as statement `name` ("" is the unnamed statement).
struct Parse {
    std::string name;
    std::string sql;
    std::vector<uint32_t> parameter_types;  // 0: let the server infer
};

// A parameter value as sent in Bind: text or binary per its format code.
struct BindValue {
    bool is_null = false;
    std::string bytes;
};

// 'B': bind parameters to a statement, making portal `portal`.
struct Bind {
    std::string portal;
    std::string statement;
    std::vector<int16_t> parameter_formats;  // none: all text; one: for all
    std::vector<BindValue> parameters;
    std::vector<int16_t> result_formats;     // none: all text; one: for all
};

// 'D' / 'C': which kind of object a Describe or Close names.
enum class ObjectKind : char { kStatement = 'S', kPortal = 'P' };

struct Describe {
    ObjectKind kind = ObjectKind::kStatement;
    std::string name;
};

// 'E': run a portal, returning at most `max_rows` rows (0: all).
struct Execute {
    std::string portal;
    int32_t max_rows = 0;
};

struct Close {
    ObjectKind kind = ObjectKind::kStatement;
    std::string name;
};

struct Sync {};   // 'S'
struct Flush {};  // 'H'

// COPY ... FROM STDIN sub-protocol.
struct CopyData {  // 'd': a chunk of the data stream (rows may span chunks)
    std::string data;
};
struct CopyDone {};  // 'c'
struct CopyFail {    // 'f': the client gives up, with its reason
    std::string message;
};


// A well-framed message the session does not handle yet; it still answers
// with an error instead of misreading the stream.
struct UnsupportedMessage {
    char type = 0;
};

using FrontendMessage =
    std::variant<StartupMessage, SslRequest, GssEncRequest, CancelRequest, Query, Terminate, Parse, Bind,
                 Describe, Execute, Close, Sync, Flush, CopyData, CopyDone, CopyFail, UnsupportedMessage>;

}  // namespace litegres::pgwire
