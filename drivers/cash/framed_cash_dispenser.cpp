// FramedCashDispenser: encodes CashDispenser calls as dispenser frames and decodes the replies.
#include "drivers/cash/framed_cash_dispenser.hpp"

#include <string>

#include "drivers/cash/cash_dispenser_protocol.hpp"

namespace kiosk::drivers {
namespace {

namespace proto = cash_dispenser_protocol;
constexpr const char* device_name = "cash dispenser";

std::uint16_t u16(ByteView b, std::size_t at) {
    return static_cast<std::uint16_t>((b[at] << 8U) | b[at + 1]);
}
std::uint32_t u32(ByteView b, std::size_t at) {
    return (std::uint32_t{b[at]} << 24U) | (std::uint32_t{b[at + 1]} << 16U) |
           (std::uint32_t{b[at + 2]} << 8U) | std::uint32_t{b[at + 3]};
}

DispenserState overall(const DispenserStatus& s) {
    if (s.device.state != DeviceState::online || s.shutter == ShutterState::jammed) {
        return DispenserState::stop;
    }
    bool any_usable = false;
    bool any_trouble = false;
    for (const auto& c : s.cassettes) {
        any_usable = any_usable || c.usable();
        any_trouble = any_trouble || c.state != CassetteState::ok;
    }
    if (!any_usable) return DispenserState::stop;
    return any_trouble ? DispenserState::attention : DispenserState::ok;
}

}  // namespace

Result<DispenserStatus> decode_dispenser_status(ByteView b) {
    if (b.size() < proto::status_header_size) {
        return make_error(device_name, "status reply has " + std::to_string(b.size()) +
                                           " bytes, fewer than the 9-byte header");
    }
    const std::size_t n = b[8];
    if (b.size() != proto::status_header_size + n * proto::cassette_record_size) {
        return make_error(device_name, "status reply of " + std::to_string(b.size()) +
                                           " bytes does not hold " + std::to_string(n) +
                                           " cassette records");
    }
    auto state = device_state_from_byte(b[0]);
    if (!state || b[1] > static_cast<std::uint8_t>(ShutterState::jammed)) {
        return make_error(device_name, "status reply holds an unknown device or shutter state");
    }
    DispenserStatus s;
    s.device.state = *state;
    s.shutter = static_cast<ShutterState>(b[1]);
    s.notes_in_stacker = u16(b, 2);
    s.notes_in_output = u16(b, 4);
    s.reject_count = u16(b, 6);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t at = proto::status_header_size + i * proto::cassette_record_size;
        CassetteInfo c;
        c.currency.assign(b.begin() + static_cast<std::ptrdiff_t>(at),
                          b.begin() + static_cast<std::ptrdiff_t>(at + 3));
        c.denomination = u32(b, at + 3);
        c.count = u32(b, at + 7);
        c.low_threshold = u32(b, at + 11);
        if (b[at + 15] > static_cast<std::uint8_t>(CassetteState::manipulated)) {
            return make_error(device_name, "cassette " + std::to_string(i) + " has an unknown state");
        }
        c.state = static_cast<CassetteState>(b[at + 15]);
        s.cassettes.push_back(std::move(c));
    }
    if (s.device.state != DeviceState::online) {
        s.device.error = DeviceError{ErrorType::hardware, RecommendedAction::reset,
                                     std::string("dispenser reports ") +
                                         std::string(to_string(s.device.state))};
    }
    s.dispenser = overall(s);
    return s;
}

Result<std::vector<std::uint32_t>> decode_set_counts_reply(ByteView b, const std::vector<std::uint32_t>& sent) {
    const std::size_t n = sent.size();
    if (b.size() != 1 + 4 * n) {
        return make_error(device_name, "set counts reply of " + std::to_string(b.size()) + " bytes does not hold " +
                                           std::to_string(n) + " counts (expected " + std::to_string(1 + 4 * n) +
                                           " bytes)");
    }
    if (b[0] != n) {
        return make_error(device_name, "set counts reply names " + std::to_string(b[0]) + " cassettes, " +
                                           std::to_string(n) + " were sent");
    }
    std::vector<std::uint32_t> counts;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t held = u32(b, 1 + 4 * i);
        if (held != sent[i]) {
            return make_error(device_name, "set counts reply: cassette " + std::to_string(i + 1) + " holds " +
                                               std::to_string(held) + " notes, " + std::to_string(sent[i]) +
                                               " were set");
        }
        counts.push_back(held);
    }
    return counts;
}

FramedCashDispenser::FramedCashDispenser(Transport& transport, Millis command_timeout)
    : channel_(transport, device_name, command_timeout) {}

Result<Bytes> FramedCashDispenser::call(std::uint8_t command, std::string_view action,
                                        ByteView data) {
    auto reply = channel_.exchange(command, data);
    if (!reply) return reply.error();
    if (reply->code != ReplyCode::ok) return reply_error(device_name, action, reply->code);
    return std::move(reply->body);
}

Result<DispenseReport> FramedCashDispenser::dispense(const NotePlan& plan) {
    if (plan.notes.empty() || plan.notes.size() > 255) {
        return make_error(device_name, "a plan names 1-255 cassettes, got " +
                                           std::to_string(plan.notes.size()));
    }
    Bytes data{static_cast<std::uint8_t>(plan.notes.size())};
    for (auto notes : plan.notes) {
        if (notes > 0xFFFF) return make_error(device_name, "more than 65535 notes from one cassette");
        data.push_back(static_cast<std::uint8_t>(notes >> 8U));
        data.push_back(static_cast<std::uint8_t>(notes & 0xFFU));
    }
    auto reply = channel_.exchange(proto::cmd_dispense, data);
    if (!reply) return reply.error();
    // A dispense that stopped part-way carries a report body; one refused before picking
    // anything (bad plan, items left, cassette unusable) has none and comes back as an error.
    const bool started = reply->code == ReplyCode::ok ||
                         ((reply->code == ReplyCode::cashUnitError ||
                           reply->code == ReplyCode::mediaJam) && !reply->body.empty());
    if (!started) return reply_error(device_name, "dispense", reply->code);
    const Bytes& b = reply->body;
    const std::size_t n = plan.notes.size();
    if (b.size() != 1 + 2 * n + 2 || b[0] != n) {
        return make_error(device_name, "dispense reply of " + std::to_string(b.size()) +
                                           " bytes does not match a " + std::to_string(n) +
                                           "-cassette plan");
    }
    DispenseReport report;
    for (std::size_t i = 0; i < n; ++i) report.dispensed.push_back(u16(b, 1 + 2 * i));
    report.rejected = u16(b, 1 + 2 * n);
    if (reply->code != ReplyCode::ok) {
        report.complete = false;
        report.failure = "dispense stopped: " + std::string(to_string(reply->code));
    }
    return report;
}

Result<std::uint16_t> FramedCashDispenser::present() {
    auto body = call(proto::cmd_present, "present");
    if (!body) return body.error();
    if (body->size() != 2) return make_error(device_name, "present reply is not 2 bytes");
    return u16(*body, 0);
}

Result<RetractReport> FramedCashDispenser::retract() {
    auto body = call(proto::cmd_retract, "retract");
    if (!body) return body.error();
    if (body->size() != 4) return make_error(device_name, "retract reply is not 4 bytes");
    return RetractReport{u16(*body, 0), u16(*body, 2)};
}

Status FramedCashDispenser::reset() {
    auto body = call(proto::cmd_reset, "reset");
    if (!body) return body.error();
    return ok_status();
}

Result<std::vector<std::uint32_t>> FramedCashDispenser::set_counts(const std::vector<std::uint32_t>& counts) {
    if (counts.empty() || counts.size() > 255) {
        return make_error(device_name, "set counts names 1-255 cassettes, got " + std::to_string(counts.size()));
    }
    Bytes data{static_cast<std::uint8_t>(counts.size())};
    for (const std::uint32_t count : counts) {
        for (unsigned shift = 24;; shift -= 8) {
            data.push_back(static_cast<std::uint8_t>((count >> shift) & 0xFFU));
            if (shift == 0) break;
        }
    }
    auto body = call(proto::cmd_set_counts, "set counts", data);
    if (!body) {
        // The refusals a technician can act on, in words (the dispenser kept its old counts).
        Error refused = body.error();
        const auto code = reply_code_of(refused);
        if (code == ReplyCode::itemsLeft) refused.message += " (notes are still in the transport: retract them first)";
        if (code == ReplyCode::cashUnitError) refused.message += " (a cassette is not fitted or not usable)";
        if (code == ReplyCode::badParameter) refused.message += " (one count per fitted cassette expected)";
        return refused;
    }
    return decode_set_counts_reply(*body, counts);
}

Result<std::vector<CashDispenserEvent>> FramedCashDispenser::poll() {
    auto frames = channel_.poll_events();
    if (!frames) return frames.error();
    std::vector<CashDispenserEvent> events;
    for (const auto& f : *frames) {
        if (f.command == proto::evt_items_taken) events.push_back(CashDispenserEvent::itemsTaken);
        if (f.command == proto::evt_cash_unit_threshold) {
            events.push_back(CashDispenserEvent::cashUnitThreshold);
        }
    }
    return events;
}

DispenserStatus FramedCashDispenser::status() {
    auto body = call(proto::cmd_status, "status");
    if (!body) {
        DispenserStatus s;
        s.device = unreachable_status(body.error());
        return s;
    }
    auto decoded = decode_dispenser_status(*body);
    if (!decoded) {
        DispenserStatus s;
        s.device = DeviceStatus{DeviceState::hardwareError,
                                DeviceError{ErrorType::software, RecommendedAction::softwareError,
                                            decoded.error().message}};
        return s;
    }
    return std::move(decoded).value();
}

}  // namespace kiosk::drivers
