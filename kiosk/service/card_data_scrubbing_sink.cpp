#include "kiosk/service/card_data_scrubbing_sink.hpp"

#include "kiosk/service/card_data_scrubber.hpp"

namespace kiosk::service {

void CardDataScrubbingSink::sink_it_(const spdlog::details::log_msg& msg) {
    const std::string clean = scrub_card_data(std::string_view(msg.payload.data(), msg.payload.size()));
    spdlog::details::log_msg scrubbed = msg;
    scrubbed.payload = spdlog::string_view_t(clean.data(), clean.size());
    for (const spdlog::sink_ptr& inner : sinks_) {
        if (inner->should_log(scrubbed.level)) inner->log(scrubbed);
    }
}

void CardDataScrubbingSink::flush_() {
    for (const spdlog::sink_ptr& inner : sinks_) inner->flush();
}

}  // namespace kiosk::service
