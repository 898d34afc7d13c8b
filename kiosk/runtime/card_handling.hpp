// CardHandling: the card reader, as the runtime uses it. The slot is opened or shut, the stripe
// read (turned at once into the session's in-memory PAN, keyed token and masked form; the track
// text is wiped), the card returned or retained — each a command on the reader's worker whose
// completion becomes a flow event. The reader's unsolicited events (inserted, taken, jammed) are
// polled the same way.
#pragma once

#include <optional>

#include "common/async/request_worker.hpp"
#include "drivers/card/card_reader.hpp"
#include "kiosk/runtime/runtime_ports.hpp"
#include "kiosk/runtime/session.hpp"
#include "security/pan.hpp"

namespace kiosk {

using CardReaderWorker = RequestWorker<drivers::CardReader>;

class CardHandling {
public:
    CardHandling(RuntimePorts ports, CardReaderWorker& reader, Session& session, const security::PanTokenizer& tokenizer,
                 DeviceTimeouts timeouts = {});

    // Opens (true) or shuts the slot; a refusal is a note (the fitness monitor sees the reader's state).
    void set_slot(bool open);
    // Reads the card inside: CardReadOk with the session filled, or CardReadFailed.
    void read_card();
    // Returns the card to the customer; CardEjectFailed when it cannot (jam): it stays inside.
    void eject();
    // Keeps the card in the capture bin and journals it with the reason.
    void retain(std::string_view reason);
    // Asks the reader for its events unless a poll is still outstanding.
    void poll();

    [[nodiscard]] std::uint64_t sessions_started() const { return sessions_started_; }
    // A new session numbered after the last one (card read, or a cardless visit's start).
    void begin_session(bool cardless);

private:
    void on_tracks(const Completion<drivers::RawTracks>& done);

    RuntimePorts ports_;
    CardReaderWorker& reader_;
    Session& session_;
    const security::PanTokenizer& tokenizer_;
    DeviceTimeouts timeouts_;
    std::uint64_t sessions_started_ = 0;
    std::optional<RequestId> poll_;
};

}  // namespace kiosk
