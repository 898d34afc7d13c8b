// What every runtime service is handed by the runtime: the clock, a way to post flow events back
// to the loop, and the notes and journal lines it may write. Services never call the flow or
// each other's devices; the runtime routes effects to them and their results come back as events.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "kiosk/flow/flow_types.hpp"

namespace kiosk {

class Recorder;

struct RuntimePorts {
    const Clock& clock;
    std::function<void(const flow::Event&)> post;  // queued; handled by the loop after the current event
    std::function<void(const std::string&)> note;  // operator's log line
    Recorder& recorder;                            // journal, transactions, journeys
};

// How long each kind of device command may take before it completes with timeOut and the device is
// reported in error (XFS4IoT's per-command timeout). Status reads are short; moving notes is not.
struct DeviceTimeouts {
    Millis status{5'000};
    Millis poll{2'000};
    Millis card_motion{10'000};  // open/close the slot, eject, retain, read the stripe
    Millis key_entry{5'000};     // start an entry, take a PIN block
    Millis print{30'000};
    Millis dispense{60'000};     // pick, stack and count the notes
    Millis present{15'000};
    Millis retract{30'000};
    // One host request. Longer than the flow's Authorizing timer (45 s by default), so the flow's
    // timeout row decides what the customer sees; this deadline only frees a link that hangs.
    Millis host{60'000};
};

}  // namespace kiosk
