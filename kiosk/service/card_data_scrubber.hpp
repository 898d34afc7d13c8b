// The last line of defence between a log message and the log: a card number that reached a log
// call by mistake is masked before any sink writes it. The first line is that no code logs card
// data at all (the card-data leak test, tests/e2e/card_data_leak_test.cpp, scans what the kiosk
// writes); this catches the mistake that test's scenarios do not reach.
#pragma once

#include <string>
#include <string_view>

namespace kiosk::service {

// `text` with every run of 13–19 digits that passes the Luhn check replaced by its mask_pan form
// (first 6 / last 4), and the rest of a track that follows it — track 2's '=' and its digits,
// track 1's '^' up to the end sentinel '?' or the end of the line — replaced by '*'. Other text is
// unchanged.
std::string scrub_card_data(std::string_view text);

}  // namespace kiosk::service
