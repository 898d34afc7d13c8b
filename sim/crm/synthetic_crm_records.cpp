#include "sim/crm/synthetic_crm_records.hpp"

#include <array>
#include <cmath>
#include <random>
#include <string_view>

#include <nlohmann/json.hpp>

#include "kiosk/cx/cx_day.hpp"
#include "kiosk/cx/service_quality.hpp"

namespace kiosk::sim {

namespace {

using nlohmann::json;
constexpr std::int64_t kDayMs = 86'400'000;

class Dice {
public:
    explicit Dice(std::uint64_t seed) : engine_(seed) {}
    double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }  // [0, 1), same everywhere
    bool chance(double p) { return uniform() < p; }
    std::int64_t between(std::int64_t low, std::int64_t high) {
        return low + static_cast<std::int64_t>(uniform() * static_cast<double>(high - low + 1));
    }
    // A positive duration around `median_ms`, skewed to the right like real dwell times.
    std::int64_t around(double median_ms) {
        const double spread = std::exp((uniform() + uniform() + uniform() - 1.5) * 0.9);
        return static_cast<std::int64_t>(median_ms * spread);
    }
    template <class T, std::size_t N>
    const T& pick(const std::array<std::pair<T, double>, N>& weighted) {
        double roll = uniform();
        for (const auto& [value, weight] : weighted) {
            if (roll < weight) return value;
            roll -= weight;
        }
        return weighted.back().first;
    }

private:
    std::mt19937_64 engine_;
};

struct Task {
    std::string_view name;
    std::vector<std::string_view> screens;
};

const std::vector<Task>& tasks() {
    static const std::vector<Task> all{
        {"withdrawal", {"reading_card", "enter_pin", "main_menu", "withdrawal_amount", "processing", "take_card",
                        "dispensing", "take_cash", "receipt_choice", "printing", "thank_you"}},
        {"balance", {"reading_card", "enter_pin", "main_menu", "processing", "balance", "receipt_choice", "take_card", "thank_you"}},
        {"transfer", {"reading_card", "enter_pin", "main_menu", "account_choice", "enter_amount", "processing",
                      "transaction_done", "take_card", "thank_you"}},
        {"pin_change", {"reading_card", "enter_pin", "main_menu", "enter_new_pin", "confirm_new_pin", "processing",
                        "transaction_done", "take_card", "thank_you"}},
        {"statement", {"reading_card", "enter_pin", "main_menu", "processing", "mini_statement", "take_card", "thank_you"}},
    };
    return all;
}

double median_dwell_ms(std::string_view screen) {
    static const std::map<std::string_view, double> medians{
        {"reading_card", 1'600}, {"enter_pin", 6'500}, {"main_menu", 4'800}, {"withdrawal_amount", 7'200},
        {"processing", 2'400}, {"take_card", 3'800}, {"dispensing", 6'000}, {"take_cash", 4'500},
        {"receipt_choice", 3'100}, {"printing", 4'200}, {"thank_you", 2'000}, {"balance", 8'000},
        {"account_choice", 5'500}, {"enter_amount", 9'000}, {"transaction_done", 3'000}, {"enter_new_pin", 7'000},
        {"confirm_new_pin", 6'000}, {"mini_statement", 11'000}};
    const auto found = medians.find(screen);
    return found == medians.end() ? 3'000 : found->second;
}

OpenedCrmRecord record(std::string kind, const std::string& kiosk, std::int64_t at, const json& payload, int& serial) {
    ++serial;
    char id[40];
    std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012d", serial);
    return OpenedCrmRecord{id, std::move(kind), kiosk, 2, at, at + 1'500, payload.dump()};
}

}  // namespace

SyntheticCrmSet make_synthetic_crm_records(std::uint64_t seed, std::int64_t first_day_unix_ms, int days,
                                           int sessions_per_kiosk_day) {
    Dice dice(seed);
    SyntheticCrmSet set;
    int serial = 0;
    int complaint_number = 0;
    const std::array<std::pair<std::string_view, double>, 5> task_mix{
        {{"withdrawal", 0.55}, {"balance", 0.22}, {"transfer", 0.1}, {"pin_change", 0.05}, {"statement", 0.08}}};
    const std::array<std::pair<std::string_view, double>, 4> segments{
        {{"standard", 0.58}, {"senior", 0.17}, {"premium", 0.15}, {"student", 0.1}}};
    const std::array<std::string, 2> kiosks{"KIOSK-0042", "KIOSK-0107"};
    for (int day = 0; day < days; ++day) {
        const std::int64_t midnight = first_day_unix_ms + day * kDayMs;
        for (std::size_t k = 0; k < kiosks.size(); ++k) {
            const std::string& kiosk = kiosks[k];
            // KIOSK-0107 has a bad fourth day (a printer and dispenser fault): more failures, lower scores.
            const bool bad_day = k == 1 && day == 3;
            std::vector<store::CxStat> rows;  // for KIOSK-0042's own daily index
            const int sessions = sessions_per_kiosk_day + static_cast<int>(dice.between(-4, 4)) - (bad_day ? 6 : 0);
            for (int s = 0; s < sessions; ++s) {
                const std::int64_t start = midnight + 7 * 3'600'000 + dice.between(0, 14 * 3'600'000);
                const std::string_view task_name = dice.pick(task_mix);
                const Task& task = *std::find_if(tasks().begin(), tasks().end(), [&](const Task& t) { return t.name == task_name; });
                const std::string segment(dice.pick(segments));
                const std::string language = dice.chance(0.45) ? "zh-CN" : "en";
                const double pace = segment == "senior" ? 1.45 : (segment == "student" ? 0.85 : 1.0);
                // Outcome: most complete; the rest leave on a screen before the money moves.
                std::size_t last = task.screens.size();
                std::string outcome = "completed";
                const double roll = dice.uniform();
                const double trouble = bad_day ? 0.3 : 0.13;
                int errors = 0, timeouts = 0;
                if (roll < trouble) {
                    const std::array<std::pair<std::size_t, double>, 3> where{{{1, 0.45}, {2, 0.3}, {3, 0.25}}};
                    last = std::min<std::size_t>(dice.pick(where) + 1, task.screens.size());
                    const double kind = dice.uniform();
                    outcome = kind < 0.55 ? "cancelled" : (kind < 0.85 ? "timed_out" : "failed");
                    if (outcome == "timed_out") ++timeouts;
                    if (outcome == "failed" || dice.chance(0.4)) ++errors;
                } else if (dice.chance(bad_day ? 0.25 : 0.05)) {
                    ++errors;  // a wrong PIN, an amount refused, then done
                }
                json steps = json::array();
                std::int64_t at = start;
                for (std::size_t i = 0; i < last; ++i) {
                    const std::int64_t dwell = dice.around(median_dwell_ms(task.screens[i]) * pace) +
                                               (outcome == "timed_out" && i + 1 == last ? 45'000 : 0);
                    steps.push_back({{"screen", task.screens[i]}, {"entered_unix_ms", at}, {"left_unix_ms", at + dwell},
                                     {"dwell_ms", dwell}});
                    at += dwell;
                }
                const bool completed = outcome == "completed";
                const json journey{{"session", s + 1},
                                   {"pan_token", "tok-" + std::to_string(dice.between(1, 150))},
                                   {"cardless", false},
                                   {"task", task.name},
                                   {"outcome", outcome},
                                   {"started_unix_ms", start},
                                   {"total_ms", at - start},
                                   {"language", language},
                                   {"accessibility", {{"large_text", segment == "senior"}, {"high_contrast", false}, {"speech", false}}},
                                   {"segment", segment},
                                   {"personalized", dice.chance(0.7)},
                                   {"steps", steps},
                                   {"events", json::array()},
                                   {"step_count", last},
                                   {"error_count", errors},
                                   {"timeout_count", timeouts},
                                   {"abandoned_at", completed ? json(nullptr) : json(task.screens[last - 1])}};
                set.records.push_back(record("journey", kiosk, at, journey, serial));
                rows.push_back({utc_day_of_unix_ms(at), "journey", journey.dump()});
                if (completed && task.name == "withdrawal") {
                    const json transaction{{"session", s + 1}, {"type", "withdrawal"}, {"response", "approved"},
                                           {"iso_response_code", "00"}, {"stan", serial}, {"masked_pan", "622848******1234"},
                                           {"amount_minor", 100 * 100 * dice.between(1, 20)}, {"currency", "CNY"}};
                    set.records.push_back(record("transaction", kiosk, at - 20'000, transaction, serial));
                }
                // A survey after about half the completed visits; scores lower on the bad day, for seniors
                // a little higher, for KIOSK-0107 a little lower.
                if (completed && dice.chance(0.5)) {
                    const double status_roll = dice.uniform();
                    const std::string status = status_roll < 0.68 ? "answered" : (status_roll < 0.9 ? "skipped" : "timed_out");
                    json survey{{"session", s + 1}, {"pan_token", "tok"}, {"task", task.name}, {"status", status},
                                {"csat", nullptr}, {"reasons", json::array()}, {"nps", nullptr}, {"nps_asked", false},
                                {"language", language}, {"segment", segment}, {"shown_unix_ms", at + 500},
                                {"duration_ms", dice.between(1'500, 9'000)}};
                    if (status == "answered") {
                        double mood = 4.3 + (segment == "senior" ? 0.2 : 0) - (k == 1 ? 0.35 : 0) - (bad_day ? 1.4 : 0) +
                                      (dice.uniform() - 0.5) * 2.6;
                        const std::int64_t csat = std::clamp<std::int64_t>(std::llround(mood), 1, 5);
                        survey["csat"] = csat;
                        if (csat <= 2) survey["reasons"] = json::array({bad_day ? "cash" : "waiting"});
                        if (dice.chance(0.6)) {
                            survey["nps_asked"] = true;
                            survey["nps"] = std::clamp<std::int64_t>(std::llround(static_cast<double>(csat) * 2.0 - 0.5 + (dice.uniform() - 0.5) * 3), 0, 10);
                        }
                    }
                    set.records.push_back(record("survey", kiosk, at + 9'000, survey, serial));
                    rows.push_back({utc_day_of_unix_ms(at), "survey", survey.dump()});
                }
                if ((outcome == "failed" && dice.chance(0.6)) || dice.chance(bad_day ? 0.08 : 0.012)) {
                    ++complaint_number;
                    const std::array<std::pair<std::string_view, double>, 5> categories{
                        {{"cash_not_dispensed", 0.35}, {"card_retained", 0.15}, {"screen_not_responding", 0.2},
                         {"receipt", 0.2}, {"other", 0.1}}};
                    char reference[32];
                    std::snprintf(reference, sizeof reference, "KB-%s-%04d", utc_day_of_unix_ms(at).c_str(), complaint_number);
                    std::string ref(reference);
                    ref.erase(std::remove(ref.begin() + 3, ref.begin() + 13, '-'), ref.begin() + 13);
                    const std::string category(dice.pick(categories));
                    const json complaint{{"reference", ref}, {"category", category}, {"session", s + 1}, {"pan_token", "tok"},
                                         {"transaction_reference", "000000004711"}, {"amount_minor", 50000}, {"currency", "CNY"},
                                         {"detail", category == "cash_not_dispensed" ? "dispense failed after approval"
                                                                                     : "reported by the customer"},
                                         {"language", language}, {"offered_after_failure", outcome == "failed"}};
                    set.records.push_back(record("complaint", kiosk, at + 30'000, complaint, serial));
                    rows.push_back({utc_day_of_unix_ms(at), "complaint", complaint.dump()});
                    const double age = static_cast<double>(days - day);
                    set.complaint_statuses[ref] = age > 4 ? "resolved" : (age > 1.5 ? "in_progress" : "received");
                }
            }
            // KIOSK-0042 sends its index the next day; the last day's has not arrived yet.
            if (k == 0 && day + 1 < days) {
                const std::int64_t out_ms = day == 2 ? 5'400'000 : dice.between(0, 900'000);
                const store::DayAvailability availability{kDayMs - out_ms, out_ms};
                const std::string day_text = utc_day_of_unix_ms(midnight);
                const json payload = to_json(compute_service_quality(day_text, rows, availability));
                set.records.push_back(record("service_quality", kiosk, midnight + kDayMs + 8 * 3'600'000, payload, serial));
            }
        }
    }
    // What a broken producer might send: the report must list these and carry on.
    set.records.push_back(record("survey", "KIOSK-0107", first_day_unix_ms + 3'600'000 * 30,
                                 json{{"status", "answered"}, {"csat", "five"}}, serial));
    OpenedCrmRecord not_json = record("journey", "KIOSK-0042", first_day_unix_ms + 3'600'000 * 50, json::object(), serial);
    not_json.payload_json = "{\"outcome\": \"completed\", \"steps\": [";
    set.records.push_back(std::move(not_json));
    return set;
}

}  // namespace kiosk::sim
