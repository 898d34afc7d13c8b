// The service pages' facts (see service_facts.hpp).
#include "kiosk/maintenance/service_facts.hpp"

#include <ctime>

namespace kiosk::maintenance {

std::string local_time_of_day(TimePoint at) {
    const std::time_t seconds = static_cast<std::time_t>(to_unix_millis(at) / 1000);
    std::tm local{};
    if (localtime_r(&seconds, &local) == nullptr) return "--:--:--";
    char text[16];
    if (std::strftime(text, sizeof text, "%H:%M:%S", &local) == 0) return "--:--:--";
    return text;
}

ui::FactLine keyed_fact(std::string label_key, std::string value_key, std::vector<std::string> args) {
    ui::FactLine fact{std::move(label_key), std::move(value_key), std::nullopt, ""};
    fact.value_args = std::move(args);
    return fact;
}

ui::FactLine text_fact(std::string label_key, std::string value) {
    return ui::FactLine{std::move(label_key), "", std::nullopt, std::move(value)};
}

ui::FactLine count_fact(std::string label_key, std::int64_t count, std::string_view unit) {
    return keyed_fact(std::move(label_key), "service.value." + std::string(unit), {std::to_string(count)});
}

ui::FactLine time_fact(std::string label_key, std::optional<TimePoint> at) {
    if (!at) return keyed_fact(std::move(label_key), "service.value.none_yet");
    return keyed_fact(std::move(label_key), "service.value.at", {local_time_of_day(*at)});
}

ui::FactLine round_trip_fact(std::string label_key, const std::optional<RoundTrip>& last) {
    if (!last) return keyed_fact(std::move(label_key), "service.value.not_tried");
    if (last->answered) {
        return keyed_fact(std::move(label_key), "service.value.reachable",
                          {std::to_string(last->took.count()), local_time_of_day(last->at)});
    }
    return keyed_fact(std::move(label_key), "service.value.unreachable",
                      {local_time_of_day(last->failing_since.value_or(last->at)), last->error});
}

}  // namespace kiosk::maintenance
