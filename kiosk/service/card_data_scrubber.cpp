#include "kiosk/service/card_data_scrubber.hpp"

#include <cctype>

#include "security/pan.hpp"

namespace kiosk::service {

namespace {

constexpr std::size_t kShortestPan = 13;  // ISO/IEC 7812: 13 to 19 digits
constexpr std::size_t kLongestPan = 19;

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

bool passes_luhn(std::string_view digits) {
    int sum = 0;
    bool twice = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int digit = *it - '0';
        if (twice) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
        sum += digit;
        twice = !twice;
    }
    return sum % 10 == 0;
}

// Track 2 follows the PAN with '=' (or 'D' on some readers' hex dumps), track 1 with '^'.
bool starts_track_rest(char c) { return c == '=' || c == '^' || c == 'D'; }
bool ends_track(char c) { return c == '?' || std::isspace(static_cast<unsigned char>(c)) != 0; }

}  // namespace

std::string scrub_card_data(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    while (at < text.size()) {
        if (!is_digit(text[at])) {
            out += text[at++];
            continue;
        }
        std::size_t end = at;
        while (end < text.size() && is_digit(text[end])) ++end;
        const std::string_view run = text.substr(at, end - at);
        if (run.size() < kShortestPan || run.size() > kLongestPan || !passes_luhn(run)) {
            out += run;
            at = end;
            continue;
        }
        out += security::mask_pan(run);
        at = end;
        if (at < text.size() && starts_track_rest(text[at])) {
            while (at < text.size() && !ends_track(text[at])) {
                out += '*';
                ++at;
            }
        }
    }
    return out;
}

}  // namespace kiosk::service
