// Turns the flow's context into the view-model of the screen to show: which buttons a screen
// offers (each button's action id comes from touch_action.hpp and is parsed back there), and the
// data it displays, the flow's close reason as its i18n key. The UI lays it out; nothing here draws.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "kiosk/flow/flow_types.hpp"
#include "kiosk/runtime/complaint_screens.hpp"
#include "kiosk/runtime/session.hpp"
#include "ui/view_model.hpp"

namespace kiosk {

// What a screen shows beyond the flow's context and the session: from the devices and config.
struct ScreenExtras {
    std::optional<int> seconds_left;  // countdown (MoreTime)
    std::vector<Money> fast_cash;     // the amounts the cassettes can pay now
    std::optional<Money> usual_amount;  // personalization, when payable now
    ui::MenuOffers menu;              // how each transaction is offered (device fitness)
    bool cards_accepted = true;       // false: the card reader is down (Attract says so)
    bool cardless_offered = true;     // Attract offers cardless withdrawal
    std::optional<Money> typed_amount;  // EnterAmount: what has been typed so far
    std::optional<Money> amount_step;   // EnterAmount: withdrawals must be multiples of it
    std::string e_receipt_text;         // ReceiptQr: the QR's text
    ComplaintAck complaint;             // ComplaintDone: the reference and how it reaches the customer
};

ui::ViewModel build_view_model(ui::ScreenId screen, const flow::Context& context, const Session& session,
                               const ScreenExtras& extras);

// The accounts AccountChoice offers: both kinds to send from; to receive, the kinds not sending.
std::vector<host::AccountType> offered_accounts(const flow::Context& context);

// The i18n key of a mini-statement posting's description, from the host's text.
std::string statement_description_key(std::string_view host_description);

}  // namespace kiosk
