// One customer's visit, from card in to card out: the card data the runtime needs in memory
// (wiped at the end), and what the visit looked like (the journey). Never persisted as is: the
// CX recorder keeps only the keyed token, the masked PAN and the journey.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/money.hpp"
#include "security/secure_bytes.hpp"
#include "ui/view_model.hpp"

namespace kiosk {

struct JourneyStep {
    ui::ScreenId screen;
    TimePoint entered;
    std::optional<TimePoint> left;
};

struct Session {
    std::uint64_t number = 0;          // n-th session since start, for logs
    security::SecureString pan;         // in memory only; wiped when the session ends
    std::string expiry_yymm;
    std::string masked_pan;            // at most first 6 + last 4
    std::string pan_token;             // HMAC-SHA-256 under the bank's token key
    std::vector<JourneyStep> journey;
    std::string last_authorization_id;
    std::uint32_t last_stan = 0;
    TimePoint last_request_time;       // names the original in a reversal (field 7)
    std::optional<Money> last_balance;

    [[nodiscard]] bool has_card() const { return pan.size() > 0; }
};

}  // namespace kiosk
