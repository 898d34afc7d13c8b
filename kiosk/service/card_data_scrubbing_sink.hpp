// An spdlog sink in front of the kiosk's real sinks (the journal, the console, the JSON-lines
// files): every message passes scrub_card_data before any of them sees it, so no sink can be
// added that skips the scrubbing. Each inner sink keeps its own format: a pattern set on the logger
// does not reach them (the JSON-lines file must stay JSON).
#pragma once

#include <spdlog/sinks/base_sink.h>

#include <memory>
#include <mutex>
#include <vector>

namespace kiosk::service {

class CardDataScrubbingSink final : public spdlog::sinks::base_sink<std::mutex> {
public:
    explicit CardDataScrubbingSink(std::vector<spdlog::sink_ptr> sinks) : sinks_(std::move(sinks)) {}

protected:
    void sink_it_(const spdlog::details::log_msg& msg) override;
    void flush_() override;
    void set_pattern_(const std::string& /*pattern*/) override {}
    void set_formatter_(std::unique_ptr<spdlog::formatter> /*formatter*/) override {}

private:
    std::vector<spdlog::sink_ptr> sinks_;
};

}  // namespace kiosk::service
