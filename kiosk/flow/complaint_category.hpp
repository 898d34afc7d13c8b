// What a customer's problem report is about (docs/cx-records.md § complaint): the five categories
// the "Report a problem" screens offer, and the one a failure suggests, so the report comes
// pre-filled with what the kiosk already knows.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace kiosk::flow {

enum class ComplaintCategory {
    CashNotDispensed,     // no cash, or the wrong amount
    CardRetained,
    ScreenNotResponding,
    Receipt,
    Other,
};

// In the order the category screen offers them (its buttons are numbered by this index).
inline constexpr std::array kComplaintCategories{ComplaintCategory::CashNotDispensed, ComplaintCategory::CardRetained,
                                                  ComplaintCategory::ScreenNotResponding, ComplaintCategory::Receipt,
                                                  ComplaintCategory::Other};

// False for a value outside the enum (a cast from a number): the flow refuses such a category.
[[nodiscard]] bool is_known(ComplaintCategory category);

// The payload's name: "cash_not_dispensed", "card_retained", "screen_not_responding", "receipt",
// "other"; "?" for an unknown value.
[[nodiscard]] std::string_view to_string(ComplaintCategory category);

// The i18n key of its button and of its line on the confirmation screen: "complaint.category.<name>".
[[nodiscard]] std::string_view i18n_key(ComplaintCategory category);

}  // namespace kiosk::flow
