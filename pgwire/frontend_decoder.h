// frontend_decoder.h — turns the client's byte stream into FrontendMessages.
//
// Sans I/O: feed() whatever bytes arrived (a message may be split across
// reads, or many messages may arrive in one read); next() yields each complete
// message in order. Malformed input throws PgError with SQLSTATE 08P01; the
// caller must then end the session, because framing is lost.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "pgwire/frontend_message.h"

namespace litegres::pgwire {

class FrontendDecoder {
public:
    // PostgreSQL's own limits: a startup packet is at most 10000 bytes, any
    // other message at most 1 GB - 1 (PQ_LARGE_MESSAGE_LIMIT).
    static constexpr size_t kMaxStartupPacket = 10000;
    static constexpr size_t kMaxMessage = (1u << 30) - 1;

    void feed(std::string_view bytes);
    std::optional<FrontendMessage> next();

    // Bytes received but not yet consumed as complete messages.
    size_t buffered() const { return buffer_.size() - consumed_; }
    bool in_startup_phase() const { return startup_phase_; }

private:
    std::optional<FrontendMessage> next_startup_packet();
    std::optional<FrontendMessage> next_regular_message();
    void compact();

    std::string buffer_;
    size_t consumed_ = 0;
    // Until a StartupMessage arrives, packets have no type byte.
    bool startup_phase_ = true;
};

}  // namespace litegres::pgwire
