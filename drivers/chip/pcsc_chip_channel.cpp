// PC/SC chip channel (see pcsc_chip_channel.hpp).
#include "drivers/chip/pcsc_chip_channel.hpp"

#include <array>
#include <chrono>

#include "drivers/chip/pcsc_error.hpp"

namespace kiosk::drivers::chip {
namespace {

Result<PcscContext> establish_context() {
    SCARDCONTEXT context = 0;
    const LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &context);
    if (rv != SCARD_S_SUCCESS) return pcsc_error(rv, "connect to the PC/SC service (is pcscd running?)");
    return PcscContext(context);
}

Result<std::vector<std::string>> readers_of(const PcscContext& context) {
    DWORD size = 0;
    LONG rv = SCardListReaders(context.get(), nullptr, nullptr, &size);
    if (rv != SCARD_S_SUCCESS) return pcsc_error(rv, "list PC/SC readers");
    std::string names(size, '\0');
    rv = SCardListReaders(context.get(), nullptr, names.data(), &size);
    if (rv != SCARD_S_SUCCESS) return pcsc_error(rv, "list PC/SC readers");
    // A multi-string: names separated by NUL, ended by an empty one.
    std::vector<std::string> readers;
    for (std::size_t at = 0; at < names.size() && names[at] != '\0';) {
        const std::size_t end = names.find('\0', at);
        readers.push_back(names.substr(at, end - at));
        at = end + 1;
    }
    if (readers.empty()) return pcsc_error(SCARD_E_NO_READERS_AVAILABLE, "list PC/SC readers");
    return readers;
}

DWORD millis_for_pcsc(Millis timeout) {
    // PC/SC's INFINITE is 0xFFFFFFFF; never pass it, and never pass a negative time.
    const auto ms = timeout.count();
    if (ms <= 0) return 0;
    return ms >= 0x7FFFFFFF ? 0x7FFFFFFF : static_cast<DWORD>(ms);
}

}  // namespace

Result<std::vector<std::string>> list_pcsc_readers() {
    auto context = establish_context();
    if (!context) return context.error();
    return readers_of(*context);
}

Result<std::unique_ptr<PcscChipChannel>> PcscChipChannel::open(const std::string& reader_match) {
    auto context = establish_context();
    if (!context) return context.error();
    auto readers = readers_of(*context);
    if (!readers) return readers.error();
    for (const auto& name : *readers) {
        if (name.find(reader_match) != std::string::npos) {
            return std::unique_ptr<PcscChipChannel>(new PcscChipChannel(std::move(*context), name));
        }
    }
    return chip_error(ChipFailure::readerUnavailable,
                      "no PC/SC reader named like \"" + reader_match + "\" among " +
                          std::to_string(readers->size()) + " readers");
}

PcscChipChannel::PcscChipChannel(PcscContext context, std::string reader)
    : context_(std::move(context)), reader_(std::move(reader)) {}

Error PcscChipChannel::failed(Error error) {
    if (auto failure = chip_failure_of(error)) {
        status_ = chip_device_status(*failure, error.message);
        if (*failure == ChipFailure::cardRemoved || *failure == ChipFailure::readerUnavailable) card_.reset();
    }
    return error;
}

Status PcscChipChannel::wait_for_card(Millis timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    SCARD_READERSTATE state{};
    state.szReader = reader_.c_str();
    state.dwCurrentState = SCARD_STATE_UNAWARE;
    Millis wait{0};  // the first call only learns the current state
    while (true) {
        const LONG rv = SCardGetStatusChange(context_.get(), millis_for_pcsc(wait), &state, 1);
        if (rv != SCARD_S_SUCCESS) return pcsc_error(rv, "wait for a card in " + reader_);
        if ((state.dwEventState & SCARD_STATE_UNKNOWN) != 0) {
            return pcsc_error(SCARD_E_UNKNOWN_READER, "wait for a card in " + reader_);
        }
        if ((state.dwEventState & SCARD_STATE_MUTE) != 0) {
            return chip_error(ChipFailure::mute, "the card in " + reader_ + " gave no ATR");
        }
        if ((state.dwEventState & SCARD_STATE_PRESENT) != 0) return ok_status();
        wait = std::chrono::duration_cast<Millis>(deadline - std::chrono::steady_clock::now());
        if (wait.count() <= 0) return chip_error(ChipFailure::noCard, "no card in " + reader_ + " in time");
        state.dwCurrentState = state.dwEventState & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
    }
}

Result<Bytes> PcscChipChannel::power_on(Millis timeout) {
    card_.reset();  // a second power_on is a cold reset
    if (auto present = wait_for_card(timeout); !present) return failed(present.error());
    SCARDHANDLE handle = 0;
    DWORD protocol = 0;
    const LONG rv = SCardConnect(context_.get(), reader_.c_str(), SCARD_SHARE_SHARED,
                                 SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &handle, &protocol);
    if (rv != SCARD_S_SUCCESS) return failed(pcsc_error(rv, "power the card in " + reader_));
    card_ = PcscCardHandle(handle, protocol);

    std::array<BYTE, MAX_ATR_SIZE> atr{};
    DWORD atr_size = atr.size();
    DWORD state = 0;
    DWORD active_protocol = 0;
    DWORD name_size = 0;
    const LONG status_rv = SCardStatus(card_.get(), nullptr, &name_size, &state, &active_protocol, atr.data(), &atr_size);
    if (status_rv != SCARD_S_SUCCESS) return failed(pcsc_error(status_rv, "read the ATR in " + reader_));
    status_ = {DeviceState::online, std::nullopt};
    return Bytes(atr.begin(), atr.begin() + atr_size);
}

Result<Bytes> PcscChipChannel::transmit(ByteView command, Millis /*timeout: see the header*/) {
    if (!card_.valid()) return failed(chip_error(ChipFailure::notPowered, "transmit with the chip powered off"));
    const SCARD_IO_REQUEST* pci = card_.protocol() == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
    std::array<BYTE, MAX_BUFFER_SIZE> answer{};
    DWORD answer_size = answer.size();
    const LONG rv = SCardTransmit(card_.get(), pci, command.data(), static_cast<DWORD>(command.size()), nullptr,
                                  answer.data(), &answer_size);
    if (rv != SCARD_S_SUCCESS) return failed(pcsc_error(rv, "transmit to the card in " + reader_));
    status_ = {DeviceState::online, std::nullopt};
    return Bytes(answer.begin(), answer.begin() + answer_size);
}

Status PcscChipChannel::power_off() {
    card_.reset();
    return ok_status();
}

ChipPower PcscChipChannel::power() const { return card_.valid() ? ChipPower::on : ChipPower::off; }

}  // namespace kiosk::drivers::chip
