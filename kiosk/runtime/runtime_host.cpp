// Runtime: the bank host. Requests carry the session's PIN block (never the PIN), answers become
// flow events; a request that may have moved money without an answer is reversed through the
// durable reversal queue. E-receipts are named here too: their reference is the host request's.
#include <cstdio>

#include "kiosk/runtime/receipt_builder.hpp"
#include "kiosk/runtime/runtime.hpp"
#include "kiosk/runtime/runtime_support.hpp"

namespace kiosk {

namespace {

using flow::EventKind;
using runtime_support::plain;

}  // namespace

std::uint32_t Runtime::take_stan() {
    if (parts_.stans != nullptr) {
        auto stan = parts_.stans->next();
        if (stan.ok()) return *stan;
        // The database is failing: every business step will refuse too; keep counting in memory.
        note("STAN not persisted: " + stan.error().to_string());
    }
    // ISO 8583 field 11: 1–999999, then round again.
    const std::uint32_t stan = next_stan_;
    next_stan_ = next_stan_ >= 999'999 ? 1 : next_stan_ + 1;
    return stan;
}

void Runtime::authorize(host::TransactionType type, const std::optional<Money>& amount) {
    const bool cardless = type == host::TransactionType::CardlessWithdrawal;
    host::AuthorizationRequest request;
    request.type = type;
    request.amount = amount;
    request.from_type = context_.from_account.value_or(host::AccountType::Default);
    request.to_type = context_.to_account.value_or(host::AccountType::Default);
    if (cardless) {
        request.one_time_code = session_.one_time_code;
        request.phone_number = session_.phone_number;
    } else {
        if (session_.pin_block.empty()) {
            // Nothing goes to the host, so nothing can need reversing: a decline, not "no answer"
            // (which would reverse the visit's previous request by its STAN).
            note("no PIN block for this request; nothing sent");
            session_.last_stan = 0;  // the record of this refusal names no request
            flow::Event refused = plain(EventKind::HostDeclined);
            refused.response = host::ResponseCode::SystemError;
            post(refused);
            return;
        }
        request.pan = session_.pan;
        request.expiry_yymm = session_.expiry_yymm;
        request.pin_block = session_.pin_block;
        if (type == host::TransactionType::PinChange) request.new_pin_block = session_.new_pin_block;
    }
    request.stan = take_stan();
    request.terminal_id = parts_.terminal_id;
    request.local_time = parts_.clock.now();
    session_.last_stan = request.stan;
    session_.last_request_time = request.local_time;

    auto response = parts_.host.authorize(request);  // the request's secrets wipe themselves

    if (!response.ok()) {
        note("host link: " + response.error().to_string());
        host_reachable_ = false;  // out of service after this session, until an echo answers
        next_host_probe_ = parts_.clock.now() + host_probe_interval;
        post(plain(EventKind::HostUnavailable));
        return;
    }
    host_reachable_ = true;
    const std::string stan_text = "stan " + std::to_string(request.stan);
    if (cardless) {
        journal("customer", "cardless_code_verification",
                response->code == host::ResponseCode::Approved ? "success"
                                                               : "failure: " + std::string(host::to_string(response->code)),
                "cardless", stan_text);
    } else {
        // The host verified the PIN with the request: its answer is the PIN's outcome too.
        const bool pin_refused =
            response->code == host::ResponseCode::WrongPin || response->code == host::ResponseCode::PinTriesExceeded;
        journal("customer", "pin_verification",
                pin_refused ? "failure: " + std::string(host::to_string(response->code)) : "success",
                "card " + session_.masked_pan, stan_text);
    }
    if (type == host::TransactionType::PinChange && response->code == host::ResponseCode::Approved) {
        journal("customer", "pin_changed", "success", "card " + session_.masked_pan, stan_text);
        // From now on the host knows the new PIN: the rest of the visit sends its block.
        session_.pin_block = std::move(session_.new_pin_block);
    }
    if (response->code == host::ResponseCode::Approved) {
        session_.last_balance = response->available_balance;
        session_.last_authorization_id = response->authorization_id;
        session_.last_retrieval_reference = response->retrieval_reference;
        session_.last_amount = amount;
        session_.statement = response->statement;
        flow::Event approved = plain(EventKind::HostApproved);
        approved.balance = response->available_balance;
        post(approved);
    } else {
        flow::Event declined = plain(EventKind::HostDeclined);
        declined.response = response->code;
        post(declined);
    }
}

host::ReversalRequest Runtime::reversal_for(host::TransactionType type, const Money& amount, const Money& dispensed,
                                            host::ReversalReason reason) {
    host::ReversalRequest reversal;
    reversal.original_type = type;
    reversal.original_stan = session_.last_stan;
    reversal.original_time = session_.last_request_time;
    if (type != host::TransactionType::CardlessWithdrawal) {
        reversal.pan = session_.pan;
        reversal.expiry_yymm = session_.expiry_yymm;
    }
    reversal.from_type = context_.from_account.value_or(host::AccountType::Default);
    reversal.to_type = context_.to_account.value_or(host::AccountType::Default);
    reversal.amount = amount;
    reversal.dispensed = dispensed;
    reversal.reason = reason;
    reversal.stan = take_stan();
    reversal.terminal_id = parts_.terminal_id;
    reversal.local_time = parts_.clock.now();
    return reversal;
}

void Runtime::reverse_transaction(const flow::Effect& effect) {
    if (!cash_ || !effect.amount) {
        note("reversal asked without a reversal queue or an amount; nothing queued");
        return;
    }
    const Money dispensed = effect.dispensed.value_or(Money{0, effect.amount->currency, effect.amount->exponent});
    host::ReversalRequest reversal =
        reversal_for(effect.transaction.value_or(host::TransactionType::Withdrawal), *effect.amount, dispensed,
                     effect.reason.value_or(host::ReversalReason::DeviceMalfunction));
    // One transaction: the reversal is queued and any open cash bracket closed together.
    const Status queued = cash_->bracket.close_with_reversal(cash_->reversals, reversal);
    if (!queued.ok()) {
        note("queueing the reversal failed: " + queued.error().to_string());
        return;
    }
    note("reversal queued for STAN " + std::to_string(reversal.original_stan) + " (" +
         std::string(host::to_string(reversal.reason)) + ")");
    journal("system", "reversal_queued", "success", "stan " + std::to_string(reversal.original_stan),
            std::string(host::to_string(reversal.original_type)) + ", " + std::string(host::to_string(reversal.reason)));
    send_reversals();
}

void Runtime::send_reversals() {
    next_reversal_round_.reset();
    auto report = cash_->reversals.send_pending(parts_.host);
    if (!report.ok()) {
        note("sending reversals failed: " + report.error().to_string());
    } else if (report->acknowledged > 0) {
        note(std::to_string(report->acknowledged) + " reversal(s) acknowledged");
    }
    auto left = cash_->reversals.pending();
    if (!left.ok() || !left->empty()) next_reversal_round_ = parts_.clock.now() + cash_->reversal_retry;
}

void Runtime::issue_e_receipt() {
    // Terminal, UTC date and STAN name the request at the host, so the bank's receipt service
    // finds the transaction from the reference alone; the QR carries no card data.
    const std::string date = format_utc(session_.last_request_time).substr(0, 10);
    char stan[8];
    std::snprintf(stan, sizeof stan, "%06u", static_cast<unsigned>(session_.last_stan));
    std::string compact_date;
    for (const char c : date) {
        if (c != '-') compact_date += c;
    }
    session_.e_receipt_reference = parts_.terminal_id + "-" + compact_date + "-" + stan;
    journal("customer", "e_receipt", "success", "receipt " + session_.e_receipt_reference,
            std::string(host::to_string(context_.pending_transaction.value_or(host::TransactionType::BalanceInquiry))));
}

}  // namespace kiosk
