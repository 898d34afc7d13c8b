// Frame encoder and the names of frame errors.
#include "drivers/frame/frame.hpp"

#include <string>

namespace kiosk::drivers {

std::string_view to_string(FrameError error) {
    switch (error) {
        case FrameError::dataTooLong: return "data too long";
        case FrameError::noiseBeforeStx: return "noise before STX";
        case FrameError::badLength: return "bad length";
        case FrameError::missingEtx: return "missing ETX";
        case FrameError::badLrc: return "bad LRC";
    }
    return "unknown frame error";
}

std::optional<FrameError> frame_error_of(const Error& error) {
    if (error.domain != frame_error_domain) return std::nullopt;
    if (error.native_code < static_cast<int>(FrameError::dataTooLong) ||
        error.native_code > static_cast<int>(FrameError::badLrc)) {
        return std::nullopt;
    }
    return static_cast<FrameError>(error.native_code);
}

std::uint8_t lrc_of(ByteView bytes) {
    std::uint8_t lrc = 0;
    for (auto byte : bytes) lrc = static_cast<std::uint8_t>(lrc ^ byte);
    return lrc;
}

Result<Bytes> encode_frame(std::uint8_t command, ByteView data) {
    if (data.size() > frame_max_data) {
        return make_error(std::string(frame_error_domain),
                          "data too long: " + std::to_string(data.size()) + " bytes, at most " +
                              std::to_string(frame_max_data),
                          static_cast<int>(FrameError::dataTooLong));
    }
    const auto length = static_cast<std::uint16_t>(data.size() + 1);
    Bytes out;
    out.reserve(data.size() + frame_overhead);
    out.push_back(frame_stx);
    out.push_back(static_cast<std::uint8_t>(length >> 8U));
    out.push_back(static_cast<std::uint8_t>(length & 0xFFU));
    out.push_back(command);
    out.insert(out.end(), data.begin(), data.end());
    out.push_back(frame_etx);
    out.push_back(lrc_of(ByteView(out).subspan(1)));
    return out;
}

Result<Bytes> encode_frame(const Frame& frame) { return encode_frame(frame.command, frame.data); }

}  // namespace kiosk::drivers
