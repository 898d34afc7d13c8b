// One customer's visit, from card in to card out: the card data the runtime needs in memory
// (wiped at the end), and what the visit looked like (the journey). Never persisted as is: the
// CX recorder keeps only the keyed token, the masked PAN and the journey.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/money.hpp"
#include "host/host_messages.hpp"
#include "kiosk/cx/journey_log.hpp"
#include "kiosk/runtime/customer_profiles.hpp"
#include "kiosk/runtime/typed_entry.hpp"
#include "security/secure_bytes.hpp"
#include "ui/view_model.hpp"

namespace kiosk {

struct Session {
    std::uint64_t number = 0;          // n-th session since start, for logs
    bool cardless = false;             // a cardless withdrawal: no PAN, but a journey all the same
    security::SecureString pan;         // in memory only; wiped when the session ends
    std::string expiry_yymm;
    std::string masked_pan;            // at most first 6 + last 4
    std::string pan_token;             // HMAC-SHA-256 under the bank's token key
    JourneyLog journey;                // screens, touches, keys (never which digit), errors, …
    std::string last_authorization_id;
    std::uint32_t last_stan = 0;
    TimePoint last_request_time;       // names the original in a reversal (field 7)
    std::optional<Money> last_balance;
    std::optional<Money> last_amount;      // what the last approved request moved (receipts)
    std::string last_retrieval_reference;  // the host's reference (field 37), on e-receipts
    std::vector<host::StatementLine> statement;  // the last mini statement, newest first

    // The PIN's format-4 block, enciphered inside the PIN pad: taken once when the entry completes
    // and sent with every request of this visit (the pad forgets the PIN when it hands the block
    // over). Never persisted; wiped with the session.
    security::SecureBytes pin_block;
    security::SecureBytes new_pin_block;  // PIN change: the confirmed new PIN, format 4
    TypedEntry typed;                     // clear digits being typed on the pad
    security::SecureString one_time_code; // cardless: the code from the bank's app
    std::string phone_number;             // cardless: shown on screen as typed, so not secret here
    std::string e_receipt_reference;      // the QR e-receipt's reference, when one was issued
    std::optional<Money> usual_amount;    // personalization: the customer's favourite withdrawal
    bool prefers_small_notes = false;     // personalization: pay with small notes where possible
    // Personalization (kiosk/runtime/personalization.hpp): set when the CRM's profile (or a cached
    // one) arrived in time. The segment is recorded with the visit and decides nothing.
    bool personalized = false;
    std::string segment;
    std::optional<ProfileOffer> offer;            // one line on the main menu
    std::vector<ComplaintStatus> complaints;      // this customer's earlier reports
    ui::Accessibility accessibility;              // in force when the visit ended (the journey's summary)
    bool problem_reported = false;  // the customer opened "Report a problem" (another engineer sets it)

    [[nodiscard]] bool has_card() const { return pan.size() > 0; }
};

}  // namespace kiosk
