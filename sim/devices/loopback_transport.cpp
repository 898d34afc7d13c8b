// LoopbackPair / LoopbackTransport (see loopback_transport.hpp).
#include "sim/devices/loopback_transport.hpp"

#include <algorithm>

namespace kiosk::sim {

LoopbackPair::LoopbackPair(std::string name) : name_(std::move(name)) {}

void LoopbackPair::set_disconnected(bool disconnected) {
    const auto guard = lock();
    disconnected_ = disconnected;
}

void LoopbackPair::unplug(FaultMode mode) {
    const auto guard = lock();
    unplugged_.set(mode);
}

FaultMode LoopbackPair::unplugged() const {
    const auto guard = lock();
    return unplugged_.mode();
}

void LoopbackPair::set_device_muted(bool muted) {
    const auto guard = lock();
    device_muted_ = muted;
}

void LoopbackPair::corrupt_next_device_byte() {
    const auto guard = lock();
    corrupt_next_ = true;
}

void LoopbackPair::set_host_read_chunk(std::size_t bytes) {
    const auto guard = lock();
    host_read_chunk_ = bytes;
}

std::size_t LoopbackTransport::pending() const {
    const auto guard = pair_.lock();
    return inbox_.size();
}

Status LoopbackTransport::write(ByteView bytes, Millis /*timeout*/) {
    // Held through the device model's callback: the command and its reply are one step that
    // no customer action on another thread can split.
    const auto guard = pair_.lock();
    if (pair_.disconnected_) return drivers::disconnected_error(pair_.name_);
    if (is_host_ && pair_.unplugged_.fire()) return drivers::disconnected_error(pair_.name_);
    if (is_host_) {
        LoopbackTransport& peer = pair_.device_;
        peer.inbox_.insert(peer.inbox_.end(), bytes.begin(), bytes.end());
        if (pair_.on_device_receive_ && !pair_.delivering_) {
            pair_.delivering_ = true;
            pair_.on_device_receive_();
            pair_.delivering_ = false;
        }
        return ok_status();
    }
    if (pair_.device_muted_) return ok_status();
    LoopbackTransport& peer = pair_.host_;
    const std::size_t first = peer.inbox_.size();
    peer.inbox_.insert(peer.inbox_.end(), bytes.begin(), bytes.end());
    if (pair_.corrupt_next_ && peer.inbox_.size() > first) {
        peer.inbox_[first] = static_cast<std::uint8_t>(peer.inbox_[first] ^ 0x01U);
        pair_.corrupt_next_ = false;
    }
    return ok_status();
}

Result<Bytes> LoopbackTransport::read(std::size_t max, Millis /*timeout*/) {
    const auto guard = pair_.lock();
    if (pair_.disconnected_ || pair_.unplugged_.mode() == FaultMode::always) {
        return drivers::disconnected_error(pair_.name_);
    }
    if (inbox_.empty() || max == 0) return drivers::timeout_error(pair_.name_);
    std::size_t count = std::min(max, inbox_.size());
    if (is_host_ && pair_.host_read_chunk_ != 0) count = std::min(count, pair_.host_read_chunk_);
    Bytes out(inbox_.begin(), inbox_.begin() + static_cast<std::ptrdiff_t>(count));
    inbox_.erase(inbox_.begin(), inbox_.begin() + static_cast<std::ptrdiff_t>(count));
    return out;
}

}  // namespace kiosk::sim
