// What a customer's problem report says (docs/cx-records.md § complaint), as the runtime fills it
// from the visit: the category and what the kiosk knows of the transaction. Never a card number:
// the customer is named by the card's token in the record, as everywhere.
#pragma once

#include <optional>
#include <string>

#include "common/money.hpp"
#include "kiosk/flow/complaint_category.hpp"
#include "ui/view_model.hpp"

namespace kiosk {

struct ComplaintReport {
    flow::ComplaintCategory category = flow::ComplaintCategory::Other;
    std::string transaction_reference;  // the host's retrieval reference, or the STAN as 12 digits; empty: none
    std::optional<Money> amount;        // the amount of that transaction
    std::string detail;                 // what the kiosk saw ("dispense failed after approval"); never customer text
    ui::Language language = ui::Language::English;
    bool offered_after_failure = false;
};

}  // namespace kiosk
