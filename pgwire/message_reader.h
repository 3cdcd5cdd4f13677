// message_reader.h — bounds-checked reading of one message body. Every read
// past the end throws PgError 08P01, so a lying length field can never make
// the decoder read out of bounds.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace litegres::pgwire {

class MessageReader {
public:
    explicit MessageReader(std::string_view body) : body_(body) {}

    int16_t int16();
    int32_t int32();
    // A NUL-terminated string (the terminator is consumed, not returned).
    std::string_view cstring();
    std::string_view bytes(size_t n);
    size_t remaining() const { return body_.size() - pos_; }
    // The protocol requires a message to be consumed exactly.
    void expect_end() const;

private:
    std::string_view body_;
    size_t pos_ = 0;
};

}  // namespace litegres::pgwire
