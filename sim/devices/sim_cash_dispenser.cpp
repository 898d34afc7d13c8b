// SimCashDispenser: the note dispenser model (see sim_cash_dispenser.hpp).
#include "sim/devices/sim_cash_dispenser.hpp"

#include "drivers/cash/cash_dispenser_protocol.hpp"

namespace kiosk::sim {

using drivers::CassetteState;
using drivers::DeviceState;
using drivers::ReplyCode;
using drivers::ShutterState;
namespace proto = drivers::cash_dispenser_protocol;

namespace {

void put_u16(Bytes& out, std::uint32_t value) {
    out.push_back(static_cast<std::uint8_t>((value >> 8U) & 0xFFU));
    out.push_back(static_cast<std::uint8_t>(value & 0xFFU));
}
void put_u32(Bytes& out, std::uint32_t value) {
    for (unsigned shift = 24;; shift -= 8) {
        out.push_back(static_cast<std::uint8_t>((value >> shift) & 0xFFU));
        if (shift == 0) break;
    }
}

}  // namespace

SimCashDispenser::SimCashDispenser(std::vector<SimCassette> cassettes, std::uint16_t reject_capacity)
    : endpoint_(link_, [this](const drivers::Frame& frame) { handle(frame); }),
      cassettes_(std::move(cassettes)),
      jam_on_pick_(cassettes_.size()),
      double_pick_(cassettes_.size()),
      jam_after_(cassettes_.size(), 0),
      pick_failure_(cassettes_.size()),
      pick_failure_after_(cassettes_.size(), 0),
      cassette_empty_(cassettes_.size()),
      reject_capacity_(reject_capacity) {}

void SimCashDispenser::jam_on_pick(std::size_t cassette, FaultMode mode, std::uint32_t after_notes) {
    const auto guard = link_.lock();
    jam_on_pick_.at(cassette).set(mode);
    jam_after_.at(cassette) = after_notes;
}
void SimCashDispenser::pick_failure(std::size_t cassette, FaultMode mode, std::uint32_t after_notes) {
    const auto guard = link_.lock();
    pick_failure_.at(cassette).set(mode);
    pick_failure_after_.at(cassette) = after_notes;
}
void SimCashDispenser::cassette_empty(std::size_t cassette, FaultMode mode) {
    const auto guard = link_.lock();
    cassette_empty_.at(cassette).set(mode);
}
void SimCashDispenser::double_pick(std::size_t cassette, FaultMode mode) {
    const auto guard = link_.lock();
    double_pick_.at(cassette).set(mode);
}
void SimCashDispenser::shutter_jam(FaultMode mode) {
    const auto guard = link_.lock();
    shutter_jam_.set(mode);
}

std::vector<SimCassette> SimCashDispenser::cassettes() const {
    const auto guard = link_.lock();
    return cassettes_;
}
std::size_t SimCashDispenser::cassette_count() const {
    const auto guard = link_.lock();
    return cassettes_.size();
}
std::uint16_t SimCashDispenser::notes_in_stacker() const {
    const auto guard = link_.lock();
    return count_of(stacker_);
}
std::uint16_t SimCashDispenser::notes_presented() const {
    const auto guard = link_.lock();
    return count_of(output_);
}
std::uint16_t SimCashDispenser::reject_count() const {
    const auto guard = link_.lock();
    return reject_count_;
}
std::int64_t SimCashDispenser::value_taken() const {
    const auto guard = link_.lock();
    return value_taken_;
}
ShutterState SimCashDispenser::shutter() const {
    const auto guard = link_.lock();
    return shutter_;
}
void SimCashDispenser::set_cassette_state(std::size_t cassette, CassetteState state) {
    const auto guard = link_.lock();
    cassettes_.at(cassette).fitted_state = state;
}
void SimCashDispenser::short_count(std::size_t cassette, std::uint32_t notes) {
    const auto guard = link_.lock();
    cassettes_.at(cassette).missing_notes = notes;
}

CassetteState SimCashDispenser::state_of(const SimCassette& c) const {
    if (c.fitted_state != CassetteState::ok) return c.fitted_state;
    const auto index = static_cast<std::size_t>(&c - cassettes_.data());
    if (index < cassette_empty_.size() && cassette_empty_[index].mode() == FaultMode::always) {
        return CassetteState::empty;
    }
    if (c.count == 0) return CassetteState::empty;
    if (c.count <= c.low_threshold) return CassetteState::low;
    return CassetteState::ok;
}

void SimCashDispenser::to_reject(Bundle& bundle) {
    reject_count_ = static_cast<std::uint16_t>(reject_count_ + bundle.notes.size());
    bundle.notes.clear();
}

Status SimCashDispenser::take_notes() {
    const auto guard = link_.lock();
    if (output_.notes.empty()) return make_error("sim cash dispenser", "no notes presented");
    for (auto note : output_.notes) value_taken_ += note;
    output_.notes.clear();
    shutter_ = ShutterState::closed;
    endpoint_.event(proto::evt_items_taken);
    return ok_status();
}

// The handlers below run inside the driver's write(), with the link's lock held.
void SimCashDispenser::handle(const drivers::Frame& frame) {
    switch (frame.command) {
        case proto::cmd_status: on_status(frame.command); return;
        case proto::cmd_dispense: on_dispense(frame); return;
        case proto::cmd_present: on_present(frame.command); return;
        case proto::cmd_retract: on_retract(frame.command); return;
        case proto::cmd_reset: on_reset(frame.command); return;
        case proto::cmd_set_counts: on_set_counts(frame); return;
        default: endpoint_.reply(frame.command, ReplyCode::unknownCommand); return;
    }
}

void SimCashDispenser::on_status(std::uint8_t command) {
    Bytes body{static_cast<std::uint8_t>(state_), static_cast<std::uint8_t>(shutter_)};
    put_u16(body, count_of(stacker_));
    put_u16(body, count_of(output_));
    put_u16(body, reject_count_);
    body.push_back(static_cast<std::uint8_t>(cassettes_.size()));
    for (const auto& c : cassettes_) {
        std::string currency = c.currency;
        currency.resize(3, ' ');
        body.insert(body.end(), currency.begin(), currency.end());
        put_u32(body, c.denomination);
        put_u32(body, c.count);
        put_u32(body, c.low_threshold);
        body.push_back(static_cast<std::uint8_t>(state_of(c)));
    }
    endpoint_.reply(command, ReplyCode::ok, body);
}

bool SimCashDispenser::ready_for(const drivers::Frame& frame, std::size_t bytes_per_cassette) {
    const std::size_t n = cassettes_.size();
    if (frame.data.size() != 1 + bytes_per_cassette * n || frame.data[0] != n) {
        endpoint_.reply(frame.command, ReplyCode::badParameter);
        return false;
    }
    if (state_ != DeviceState::online) {
        endpoint_.reply(frame.command, ReplyCode::hardwareError);
        return false;
    }
    if (!stacker_.notes.empty() || !output_.notes.empty()) {
        endpoint_.reply(frame.command, ReplyCode::itemsLeft);
        return false;
    }
    return true;
}

void SimCashDispenser::on_dispense(const drivers::Frame& frame) {
    if (!ready_for(frame, 2)) return;
    const Bytes& d = frame.data;
    const std::size_t n = cassettes_.size();
    std::vector<std::uint32_t> wanted(n);
    std::uint32_t total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        wanted[i] = static_cast<std::uint32_t>((d[1 + 2 * i] << 8U) | d[2 + 2 * i]);
        total += wanted[i];
        const auto state = state_of(cassettes_[i]);
        const bool pickable = state == CassetteState::ok || state == CassetteState::low;
        if (wanted[i] > 0 && (!pickable || wanted[i] > cassettes_[i].count)) {
            endpoint_.reply(frame.command, ReplyCode::cashUnitError);  // refused before picking
            return;
        }
    }
    if (total == 0) {
        endpoint_.reply(frame.command, ReplyCode::badParameter);
        return;
    }

    std::vector<std::uint32_t> dispensed(n, 0);
    std::uint32_t rejected = 0;
    ReplyCode outcome = ReplyCode::ok;
    for (std::size_t i = 0; i < n && outcome == ReplyCode::ok; ++i) {
        SimCassette& c = cassettes_[i];
        const auto before = state_of(c);
        if (wanted[i] > 0 && cassette_empty_[i].mode() == FaultMode::once && cassette_empty_[i].fire()) {
            c.missing_notes = c.count;  // found empty at the first pick below
        }
        while (dispensed[i] < wanted[i]) {
            if (dispensed[i] >= pick_failure_after_[i] && pick_failure_[i].fire()) {
                outcome = ReplyCode::cashUnitError;
                break;
            }
            if (dispensed[i] >= jam_after_[i] && jam_on_pick_[i].fire()) {
                outcome = ReplyCode::mediaJam;
                state_ = DeviceState::hardwareError;
                break;
            }
            // Physically empty although the count says otherwise: the pick fails.
            if (c.count <= c.missing_notes) {
                c.missing_notes = 0;
                c.count = 0;
                outcome = ReplyCode::cashUnitError;
                break;
            }
            if (double_pick_[i].fire() && c.count - c.missing_notes >= 2) {
                c.count -= 2;
                rejected += 2;
                reject_count_ = static_cast<std::uint16_t>(reject_count_ + 2);
                continue;
            }
            --c.count;
            ++dispensed[i];
            stacker_.notes.push_back(c.denomination);
        }
        const auto after = state_of(c);
        if (after != before && (after == CassetteState::low || after == CassetteState::empty)) {
            endpoint_.event(proto::evt_cash_unit_threshold, Bytes{static_cast<std::uint8_t>(i)});
        }
    }
    Bytes body{static_cast<std::uint8_t>(n)};
    for (auto count : dispensed) put_u16(body, count);
    put_u16(body, rejected);
    endpoint_.reply(frame.command, outcome, body);
}

void SimCashDispenser::on_present(std::uint8_t command) {
    if (stacker_.notes.empty()) {
        endpoint_.reply(command, ReplyCode::noMedia);
        return;
    }
    if (shutter_jam_.fire()) {
        shutter_ = ShutterState::jammed;
        state_ = DeviceState::hardwareError;
        endpoint_.reply(command, ReplyCode::shutterFail);
        return;
    }
    output_.notes.insert(output_.notes.end(), stacker_.notes.begin(), stacker_.notes.end());
    stacker_.notes.clear();
    shutter_ = ShutterState::open;
    Bytes body;
    put_u16(body, count_of(output_));
    endpoint_.reply(command, ReplyCode::ok, body);
}

void SimCashDispenser::on_retract(std::uint8_t command) {
    const std::uint16_t count = static_cast<std::uint16_t>(count_of(output_) + count_of(stacker_));
    if (count == 0) {
        endpoint_.reply(command, ReplyCode::noMedia);
        return;
    }
    if (reject_count_ + count > reject_capacity_) {
        endpoint_.reply(command, ReplyCode::binFull);
        return;
    }
    to_reject(output_);
    to_reject(stacker_);
    if (shutter_ == ShutterState::open) shutter_ = ShutterState::closed;
    Bytes body;
    put_u16(body, count);
    put_u16(body, reject_count_);
    endpoint_.reply(command, ReplyCode::ok, body);
}

void SimCashDispenser::on_reset(std::uint8_t command) {
    to_reject(stacker_);
    to_reject(output_);
    shutter_ = ShutterState::closed;
    state_ = DeviceState::online;
    endpoint_.reply(command, ReplyCode::ok);
}

// A replenishment: the technician filled the cassettes and says how many notes each holds now.
// Refused (nothing changes) with notes in the transport, a cassette not fitted, or when offline.
void SimCashDispenser::on_set_counts(const drivers::Frame& frame) {
    if (!ready_for(frame, 4)) return;
    const Bytes& d = frame.data;
    const std::size_t n = cassettes_.size();
    for (const SimCassette& c : cassettes_) {
        if (c.fitted_state == CassetteState::missing || c.fitted_state == CassetteState::notConfigured) {
            endpoint_.reply(frame.command, ReplyCode::cashUnitError);
            return;
        }
    }
    Bytes body{static_cast<std::uint8_t>(n)};
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t at = 1 + 4 * i;
        cassettes_[i].count = (std::uint32_t{d[at]} << 24U) | (std::uint32_t{d[at + 1]} << 16U) |
                              (std::uint32_t{d[at + 2]} << 8U) | std::uint32_t{d[at + 3]};
        cassettes_[i].missing_notes = 0;  // refilled: it holds what it says
        put_u32(body, cassettes_[i].count);
    }
    endpoint_.reply(frame.command, ReplyCode::ok, body);
}

}  // namespace kiosk::sim
