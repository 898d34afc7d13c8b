#include "kiosk/runtime/card_handling.hpp"

#include <openssl/crypto.h>

#include "drivers/card/track_parser.hpp"
#include "kiosk/runtime/recorder.hpp"

namespace kiosk {

namespace {


void wipe(std::string& text) {
    if (!text.empty()) OPENSSL_cleanse(text.data(), text.size());
    text.clear();
}

}  // namespace

CardHandling::CardHandling(RuntimePorts ports, CardReaderWorker& reader, Session& session,
                           const security::PanTokenizer& tokenizer, DeviceTimeouts timeouts)
    : ports_(std::move(ports)), reader_(reader), session_(session), tokenizer_(tokenizer), timeouts_(timeouts) {}

void CardHandling::set_slot(bool open) {
    reader_.submit<Done>(open ? "enable insertion" : "disable insertion", timeouts_.card_motion,
                         [open](drivers::CardReader& reader) { return reader.enable_insertion(open); },
                         [this, open](const Completion<Done>& done) {
                             if (!done.ok()) {
                                 ports_.note("card reader did not " + std::string(open ? "open" : "shut") +
                                             " the slot: " + done.describe());
                             }
                         });
}

void CardHandling::read_card() {
    reader_.submit<drivers::RawTracks>("read tracks", timeouts_.card_motion,
                                       [](drivers::CardReader& reader) { return reader.read_tracks(); },
                                       [this](const Completion<drivers::RawTracks>& done) { on_tracks(done); });
}

void CardHandling::on_tracks(const Completion<drivers::RawTracks>& done) {
    if (!done.ok()) {
        ports_.note("card read failed: " + done.describe());
        ports_.recorder.journal("customer", "card_inserted", "failure: " + done.describe(), "card reader");
        ports_.post(flow::events::CardReadFailed{});
        return;
    }
    auto card = drivers::parse_tracks(*done.payload);  // tracks and PAN are secure buffers: wiped when dropped
    if (!card.ok()) {
        // The parser's message names the defect, never the track text.
        ports_.note("card data rejected: " + card.error().message);
        ports_.recorder.journal("customer", "card_inserted", "failure: " + card.error().message, "card reader");
        ports_.post(flow::events::CardReadFailed{});
        return;
    }
    begin_session(false);
    session_.pan = card->pan;
    session_.expiry_yymm = card->expiry_yymm;
    session_.masked_pan = security::mask_pan(card->pan.view());
    session_.pan_token = tokenizer_.token(card->pan.view());
    // The customer's profile is asked for by the runtime once CardReadOk is taken (profile_channel.hpp).
    session_.journey.enter(ui::ScreenId::ReadingCard, ports_.clock.now());
    wipe(card->cardholder_name);
    ports_.recorder.journal("customer", "card_inserted", "success", "card " + session_.masked_pan);
    ports_.post(flow::events::CardReadOk{});
}

void CardHandling::begin_session(bool cardless) {
    // A cardless visit starts on the screen that asks for its code, shown just before: it is the
    // journey's first step. A card visit's first step is the card read (on_tracks).
    JourneyLog journey = cardless ? std::move(session_.journey) : JourneyLog{};
    session_ = Session{};
    session_.journey = std::move(journey);
    session_.number = ++sessions_started_;
    session_.cardless = cardless;
}

void CardHandling::eject() {
    reader_.submit<Done>("eject", timeouts_.card_motion, [](drivers::CardReader& reader) { return reader.eject(); },
                         [this](const Completion<Done>& done) {
                             if (done.ok()) return;  // the reader reports `taken` when the customer has it
                             ports_.note("card eject failed: " + done.describe());
                             ports_.post(flow::events::CardEjectFailed{});
                         });
}

void CardHandling::retain(std::string_view reason) {
    const std::string card = "card " + session_.masked_pan;
    reader_.submit<drivers::CaptureBin>(
        "retain", timeouts_.card_motion, [](drivers::CardReader& reader) { return reader.retain(); },
        [this, card, reason = std::string(reason)](const Completion<drivers::CaptureBin>& done) {
            ports_.recorder.journal("system", "card_retained", done.ok() ? "success" : "failure: " + done.describe(),
                                    card, reason);
        });
}

void CardHandling::poll() {
    if (poll_ && reader_.outstanding(*poll_)) return;
    poll_ = reader_.submit<std::vector<drivers::CardReaderEvent>>(
        "poll", timeouts_.poll, [](drivers::CardReader& reader) { return reader.poll(); },
        [this](const Completion<std::vector<drivers::CardReaderEvent>>& done) {
            poll_.reset();
            if (!done.ok()) {
                ports_.note("card reader poll failed: " + done.describe());
                return;
            }
            for (const drivers::CardReaderEvent event : *done.payload) {
                switch (event) {
                    case drivers::CardReaderEvent::inserted: ports_.post(flow::events::CardInserted{}); break;
                    case drivers::CardReaderEvent::taken: ports_.post(flow::events::CardTaken{}); break;
                    case drivers::CardReaderEvent::jammed: ports_.post(flow::events::CardEjectFailed{}); break;
                }
            }
        });
}

}  // namespace kiosk
