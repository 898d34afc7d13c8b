#include "kiosk/service/card_data_scrubber.hpp"

#include <cctype>

#include "drivers/card/luhn.hpp"
#include "security/pan.hpp"

namespace kiosk::service {

namespace {

// ISO/IEC 7812 PANs are 8–19 digits, but card numbers actually issued are 13–19; shorter runs are
// amounts, counts and ids, which must stay readable.
constexpr std::size_t kShortestPan = 13;
constexpr std::size_t kLongestPan = 19;

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// How far the rest of a track runs after its PAN, from the separator at `at`: track 2 ('=', or
// 'D' in a reader's BCD hex dump) is digits only; track 1 ('^') carries the name, spaces included,
// up to the end sentinel '?' or the end of the line. Returns `at` when no track follows.
std::size_t track_rest_end(std::string_view text, std::size_t at) {
    if (at >= text.size()) return at;
    std::size_t end = at + 1;
    if (text[at] == '=' || text[at] == 'D') {
        while (end < text.size() && is_digit(text[end])) ++end;
        return end;
    }
    if (text[at] == '^') {
        while (end < text.size() && text[end] != '?' && text[end] != '\n') ++end;
        return end;
    }
    return at;
}

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
        if (run.size() < kShortestPan || run.size() > kLongestPan || !drivers::luhn_valid(run)) {
            out += run;
            at = end;
            continue;
        }
        out += security::mask_pan(run);
        const std::size_t rest = track_rest_end(text, end);
        out.append(rest - end, '*');
        at = rest;
    }
    return out;
}

}  // namespace kiosk::service
