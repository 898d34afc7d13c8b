// KeyEntry: what is typed on the encrypting PIN pad. A PIN stays inside the pad and is taken out
// only as its enciphered format-4 block; digits typed in clear (an amount, a one-time code, a phone
// number) are held in the session's wiped buffer until used. Each entry is a command to the pad's
// worker; key events come back from polls and are applied in their turn among the flow's events,
// so every screen shows the value as that key made it. Key events of an entry that has been
// replaced are dropped.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "common/async/request_worker.hpp"
#include "drivers/pinpad/pin_pad.hpp"
#include "kiosk/cx/journey_log.hpp"
#include "kiosk/flow/flow_config.hpp"
#include "kiosk/runtime/runtime_ports.hpp"
#include "kiosk/runtime/session.hpp"

namespace kiosk {

using PinPadWorker = RequestWorker<drivers::PinPad>;

class KeyEntry {
public:
    struct Hooks {
        // Runs `step` when its turn comes among the queued flow events (keys in clear).
        std::function<void(std::function<void()> step)> in_turn;
        // Handles a flow event at once (from inside an in_turn step).
        std::function<void(const flow::Event&)> dispatch;
        // A typed amount is complete (nullopt: nothing typed): the cash service checks it.
        std::function<void(std::optional<Money>)> amount_typed;
        // A one-time code entry starts a cardless visit when no session is open.
        std::function<void()> start_cardless_visit;
        // A service-mode entry is complete (technician id, technician PIN, cassette count): its digits,
        // valid only during the call (the buffer is wiped after it).
        std::function<void(flow::KeyEntry, std::string_view)> service_typed;
        // Every key the pad reports, as its function (journey telemetry); never which digit.
        std::function<void(PadKey)> key_pressed;
        // A key that chooses on screen: every key in navigation, a function key during an entry.
        // `made_on`: the generation shown before the key could have been pressed (stale rule).
        std::function<void(const drivers::PinPadEvent&, std::uint64_t made_on)> navigation_key;
        // The generation of the screen shown now (ui::ViewModel::generation).
        std::function<std::uint64_t()> screen_generation;
        // Every key the pad reports, whatever the entry (speech guidance: repeat, volume, the
        // digit tone, "a key stops the speech"); never which digit.
        std::function<void(drivers::PinKey)> any_key;
    };

    KeyEntry(RuntimePorts ports, PinPadWorker& pad, Session& session, const flow::FlowConfig& config, Hooks hooks,
             DeviceTimeouts timeouts = {});

    void begin(flow::KeyEntry entry);
    // The PIN entry is complete: keep its block for the visit (`new_pin`: the PIN change's block).
    void take_pin_block(bool new_pin);
    // Runs `then` once no PIN block is on its way from the pad (at once when none is).
    void when_pin_block_ready(std::function<void()> then);
    // No entry is wanted on the screen shown: the pad reports every key, digits with their value,
    // for choosing on screen (EntryMode::navigation). Replaces an entry whose screen has gone; does
    // nothing while navigating already. Never called on a screen where digits are typed.
    void navigate();
    void poll();

    [[nodiscard]] bool navigating() const { return navigating_; }

    [[nodiscard]] std::optional<flow::KeyEntry> active() const { return entry_; }
    // The whole units typed so far, as money in the flow's currency.
    [[nodiscard]] std::optional<Money> typed_amount() const;
    // The clear digits typed so far (the service mode's id and count fields show them).
    [[nodiscard]] std::string_view typed_digits() const { return session_.typed.view(); }

private:
    void on_events(std::uint64_t serial, std::uint64_t made_on, const std::vector<drivers::PinPadEvent>& events);
    void on_typed_key(const drivers::PinPadEvent& event);
    void complete_typed_entry();
    [[nodiscard]] bool typing_clear() const;

    RuntimePorts ports_;
    PinPadWorker& pad_;
    Session& session_;
    const flow::FlowConfig& config_;
    Hooks hooks_;
    DeviceTimeouts timeouts_;
    std::optional<flow::KeyEntry> entry_;  // what the pad is collecting now
    std::uint64_t serial_ = 0;             // bumped by every begin(): events of older entries are dropped
    bool navigating_ = false;
    // The generation shown when the last poll was asked: a key in the next poll's answer was pressed after it.
    std::uint64_t polled_on_ = 0;
    std::optional<RequestId> poll_;
    std::optional<RequestId> block_request_;
    std::vector<std::function<void()>> after_block_;
};

}  // namespace kiosk
