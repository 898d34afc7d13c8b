// See card_number.hpp. Masked positions may come as '*', 'X' or 'x'; spaces and dashes are ignored.
// Masked positions are shown as '*': the CJK font's '•' is full-width and breaks the digit rhythm.
#include "ui/card_number.hpp"

#include <cctype>

namespace kiosk::ui {

std::string display_card_number(std::string_view masked_pan) {
    std::string positions;  // digits and '*' only
    for (const char c : masked_pan) {
        if (std::isdigit(static_cast<unsigned char>(c)) != 0) positions.push_back(c);
        else if (c == '*' || c == 'X' || c == 'x') positions.push_back('*');
    }
    // PCI DSS allows at most the first six and last four digits on a display.
    for (std::size_t i = 6; i + 4 < positions.size(); ++i) positions[i] = '*';

    std::string shown;
    for (std::size_t i = 0; i < positions.size(); ++i) {
        if (i != 0 && i % 4 == 0) shown.push_back(' ');
        shown.push_back(positions[i]);
    }
    return shown;
}

}  // namespace kiosk::ui
