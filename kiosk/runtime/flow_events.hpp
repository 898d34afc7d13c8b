// The flow events the runtime's services produce, one named constructor each, so that every
// service builds an event the same way and a payload can never be left out.
#pragma once

#include <optional>
#include <string>

#include "common/money.hpp"
#include "host/host_messages.hpp"
#include "kiosk/flow/flow_types.hpp"

namespace kiosk::flow_events {

inline flow::Event plain(flow::EventKind kind) { return flow::Event{kind, {}, {}, {}}; }
inline flow::Event approved(const std::optional<Money>& balance) {
    flow::Event event = plain(flow::EventKind::HostApproved);
    event.balance = balance;
    return event;
}
inline flow::Event declined(host::ResponseCode code) {
    flow::Event event = plain(flow::EventKind::HostDeclined);
    event.response = code;
    return event;
}
inline flow::Event amount_chosen(const Money& amount) {
    flow::Event event = plain(flow::EventKind::AmountChosen);
    event.amount = amount;
    return event;
}
inline flow::Event amount_not_payable(std::string reason_key) {
    flow::Event event = plain(flow::EventKind::AmountNotPayable);
    event.message_key = std::move(reason_key);
    return event;
}
inline flow::Event devices_failed(std::string reason_key) {
    flow::Event event = plain(flow::EventKind::DevicesFailed);
    event.message_key = std::move(reason_key);
    return event;
}
inline flow::Event entry_changed(int digits) {
    flow::Event event = plain(flow::EventKind::EntryChanged);
    event.digits = digits;
    return event;
}
inline flow::Event account_chosen(host::AccountType account) {
    flow::Event event = plain(flow::EventKind::AccountChosen);
    event.account = account;
    return event;
}

}  // namespace kiosk::flow_events
