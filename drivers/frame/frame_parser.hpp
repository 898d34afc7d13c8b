// Incremental frame parser: feed it bytes as they arrive, take frames (or typed errors) out.
// After an error it resynchronises on the next STX, so one corrupted frame costs only itself.
#pragma once

#include <deque>
#include <optional>

#include "drivers/frame/frame.hpp"

namespace kiosk::drivers {

class FrameParser {
public:
    void feed(ByteView bytes);

    // The next complete frame or frame error; nullopt when more bytes are needed.
    std::optional<Result<Frame>> next();

    // Bytes held back waiting for the rest of a frame.
    [[nodiscard]] std::size_t buffered() const { return buffer_.size(); }
    void clear() { buffer_.clear(); }

private:
    std::deque<std::uint8_t> buffer_;
};

}  // namespace kiosk::drivers
