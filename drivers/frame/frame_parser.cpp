// Incremental frame parser (see frame_parser.hpp).
#include "drivers/frame/frame_parser.hpp"

#include <algorithm>
#include <string>

namespace kiosk::drivers {
namespace {

Error frame_error(FrameError kind, const std::string& detail) {
    return make_error(std::string(frame_error_domain),
                      std::string(to_string(kind)) + ": " + detail, static_cast<int>(kind));
}

}  // namespace

void FrameParser::feed(ByteView bytes) { buffer_.insert(buffer_.end(), bytes.begin(), bytes.end()); }

std::optional<Result<Frame>> FrameParser::next() {
    if (buffer_.empty()) return std::nullopt;

    if (buffer_.front() != frame_stx) {
        const auto stx = std::find(buffer_.begin(), buffer_.end(), frame_stx);
        const auto skipped = static_cast<std::size_t>(stx - buffer_.begin());
        buffer_.erase(buffer_.begin(), stx);
        return Result<Frame>(frame_error(FrameError::noiseBeforeStx,
                                         std::to_string(skipped) + " byte(s) skipped"));
    }
    if (buffer_.size() < 3) return std::nullopt;

    const std::size_t length = (std::size_t{buffer_[1]} << 8U) | std::size_t{buffer_[2]};
    if (length == 0 || length > frame_max_data + 1) {
        buffer_.pop_front();  // drop this STX and look for the next one
        return Result<Frame>(frame_error(FrameError::badLength,
                                         "LEN " + std::to_string(length) + " outside 1.." +
                                             std::to_string(frame_max_data + 1)));
    }
    const std::size_t total = length + 5;  // STX, LEN(2), CMD+DATA, ETX, LRC
    if (buffer_.size() < total) return std::nullopt;

    const std::size_t etx_at = 3 + length;
    if (buffer_[etx_at] != frame_etx) {
        buffer_.pop_front();
        return Result<Frame>(frame_error(FrameError::missingEtx,
                                         "byte " + std::to_string(etx_at) + " is not ETX"));
    }
    std::uint8_t lrc = 0;
    for (std::size_t i = 1; i <= etx_at; ++i) lrc = static_cast<std::uint8_t>(lrc ^ buffer_[i]);
    if (lrc != buffer_[etx_at + 1]) {
        buffer_.pop_front();
        return Result<Frame>(frame_error(FrameError::badLrc, "checksum mismatch"));
    }

    Frame frame;
    frame.command = buffer_[3];
    frame.data.assign(buffer_.begin() + 4, buffer_.begin() + static_cast<std::ptrdiff_t>(etx_at));
    buffer_.erase(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(total));
    return Result<Frame>(std::move(frame));
}

}  // namespace kiosk::drivers
