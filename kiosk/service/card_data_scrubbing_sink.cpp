#include "kiosk/service/card_data_scrubbing_sink.hpp"

#include "kiosk/service/card_data_scrubber.hpp"

namespace kiosk::service {

void CardDataScrubbingSink::sink_it_(const spdlog::details::log_msg& msg) {
    const std::string clean = scrub_card_data(std::string_view(msg.payload.data(), msg.payload.size()));
    spdlog::details::log_msg scrubbed = msg;
    scrubbed.payload = spdlog::string_view_t(clean.data(), clean.size());
    for (const spdlog::sink_ptr& sink : sinks_) {
        if (sink->should_log(scrubbed.level)) sink->log(scrubbed);
    }
}

void CardDataScrubbingSink::flush_() {
    for (const spdlog::sink_ptr& sink : sinks_) sink->flush();
}

}  // namespace kiosk::service
