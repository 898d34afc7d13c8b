// Expiry check for CardData.
#include "drivers/card/card_data.hpp"

namespace kiosk::drivers {

bool expired_at(const std::string& expiry_yymm, int year, int month) {
    if (expiry_yymm.size() != 4) return false;
    for (char c : expiry_yymm) {
        if (c < '0' || c > '9') return false;
    }
    const int card_year = 2000 + (expiry_yymm[0] - '0') * 10 + (expiry_yymm[1] - '0');
    const int card_month = (expiry_yymm[2] - '0') * 10 + (expiry_yymm[3] - '0');
    return year > card_year || (year == card_year && month > card_month);
}

}  // namespace kiosk::drivers
