// ReopeningTransport (see reopening_transport.hpp).
#include "kiosk/hardware/reopening_transport.hpp"

namespace kiosk::hardware {

ReopeningTransport::ReopeningTransport(std::string label, TransportOpener open, const Clock& clock,
                                       Millis retry_interval)
    : label_(std::move(label)),
      open_(std::move(open)),
      clock_(clock),
      retry_interval_(retry_interval),
      last_failure_(drivers::disconnected_error(label_)) {}

Status ReopeningTransport::ensure_open() {
    if (link_) return ok_status();
    const TimePoint now = clock_.now();
    // A clock set backwards must not stop the retries for as long as it went back.
    const bool due = !last_attempt_ || now < *last_attempt_ || now - *last_attempt_ >= retry_interval_;
    if (!due) return last_failure_;
    last_attempt_ = now;
    ++open_attempts_;
    auto opened = open_();
    if (!opened) {
        last_failure_ = opened.error();
        return last_failure_;
    }
    link_ = std::move(*opened);
    return ok_status();
}

void ReopeningTransport::forget_if_gone(const Error& error) {
    if (!drivers::is_disconnected(error)) return;
    // The retry interval counts from here: a device that re-enumerates after a glitch needs about
    // a second before it can be opened, and one that is gone should not be looked for every tick.
    link_.reset();
    last_attempt_ = clock_.now();
    last_failure_ = error;
}

Status ReopeningTransport::write(ByteView bytes, Millis timeout) {
    KIOSK_TRY(ensure_open());
    Status sent = link_->write(bytes, timeout);
    if (!sent) forget_if_gone(sent.error());
    return sent;
}

Result<Bytes> ReopeningTransport::read(std::size_t max, Millis timeout) {
    KIOSK_TRY(ensure_open());
    auto bytes = link_->read(max, timeout);
    if (!bytes) forget_if_gone(bytes.error());
    return bytes;
}

}  // namespace kiosk::hardware
