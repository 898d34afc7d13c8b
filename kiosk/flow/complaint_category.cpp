#include "kiosk/flow/complaint_category.hpp"

namespace kiosk::flow {

bool is_known(ComplaintCategory category) {
    for (const ComplaintCategory known : kComplaintCategories) {
        if (known == category) return true;
    }
    return false;
}

std::string_view to_string(ComplaintCategory category) {
    switch (category) {
        case ComplaintCategory::CashNotDispensed: return "cash_not_dispensed";
        case ComplaintCategory::CardRetained: return "card_retained";
        case ComplaintCategory::ScreenNotResponding: return "screen_not_responding";
        case ComplaintCategory::Receipt: return "receipt";
        case ComplaintCategory::Other: return "other";
    }
    return "?";
}

std::string_view i18n_key(ComplaintCategory category) {
    switch (category) {
        case ComplaintCategory::CashNotDispensed: return "complaint.category.cash_not_dispensed";
        case ComplaintCategory::CardRetained: return "complaint.category.card_retained";
        case ComplaintCategory::ScreenNotResponding: return "complaint.category.screen_not_responding";
        case ComplaintCategory::Receipt: return "complaint.category.receipt";
        case ComplaintCategory::Other: return "complaint.category.other";
    }
    return "complaint.category.other";
}

}  // namespace kiosk::flow
