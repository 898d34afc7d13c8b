// The masked card number as the customer sees it: "6228 48** **** 1234".
#pragma once

#include <string>
#include <string_view>

namespace kiosk::ui {

// Groups the masked PAN in fours and draws masked positions as "*". Defence in depth: should a
// caller ever pass more than first-6/last-4 digits, the extra digits are masked here too.
[[nodiscard]] std::string display_card_number(std::string_view masked_pan);

}  // namespace kiosk::ui
