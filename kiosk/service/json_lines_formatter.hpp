// An spdlog formatter that writes each log message as one JSON object on one line (JSON lines),
// so the kiosk's log files off systemd can be read by a log shipper or `jq` without a parser for
// a text pattern: {"time":"2026-12-02T07:44:26.123Z","level":"warn","thread":1234,"message":"…"}.
#pragma once

#include <spdlog/formatter.h>

#include <memory>

namespace kiosk::service {

class JsonLinesFormatter final : public spdlog::formatter {
public:
    // `time` is UTC with milliseconds; text that is not UTF-8 is written with U+FFFD in its place,
    // never dropped and never a broken line.
    void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override;
    [[nodiscard]] std::unique_ptr<spdlog::formatter> clone() const override;
};

}  // namespace kiosk::service
