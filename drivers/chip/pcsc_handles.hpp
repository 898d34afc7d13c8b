// RAII owners for pcsc-lite's handles: a PC/SC context is released, a card connection is
// disconnected (chip powered down) when its owner goes, so no path can leak either.
#pragma once

#include <utility>

#include <winscard.h>

namespace kiosk::drivers::chip {

class PcscContext {
public:
    PcscContext() = default;
    explicit PcscContext(SCARDCONTEXT context) : context_(context), valid_(true) {}
    PcscContext(PcscContext&& other) noexcept
        : context_(other.context_), valid_(std::exchange(other.valid_, false)) {}
    PcscContext& operator=(PcscContext&& other) noexcept {
        if (this != &other) {
            reset();
            context_ = other.context_;
            valid_ = std::exchange(other.valid_, false);
        }
        return *this;
    }
    PcscContext(const PcscContext&) = delete;
    PcscContext& operator=(const PcscContext&) = delete;
    ~PcscContext() { reset(); }

    [[nodiscard]] SCARDCONTEXT get() const { return context_; }
    [[nodiscard]] bool valid() const { return valid_; }
    void reset() noexcept {
        if (std::exchange(valid_, false)) SCardReleaseContext(context_);
    }

private:
    SCARDCONTEXT context_ = 0;
    bool valid_ = false;
};

class PcscCardHandle {
public:
    PcscCardHandle() = default;
    PcscCardHandle(SCARDHANDLE handle, DWORD protocol) : handle_(handle), protocol_(protocol), valid_(true) {}
    PcscCardHandle(PcscCardHandle&& other) noexcept
        : handle_(other.handle_), protocol_(other.protocol_), valid_(std::exchange(other.valid_, false)) {}
    PcscCardHandle& operator=(PcscCardHandle&& other) noexcept {
        if (this != &other) {
            reset();
            handle_ = other.handle_;
            protocol_ = other.protocol_;
            valid_ = std::exchange(other.valid_, false);
        }
        return *this;
    }
    PcscCardHandle(const PcscCardHandle&) = delete;
    PcscCardHandle& operator=(const PcscCardHandle&) = delete;
    ~PcscCardHandle() { reset(); }

    [[nodiscard]] SCARDHANDLE get() const { return handle_; }
    [[nodiscard]] DWORD protocol() const { return protocol_; }
    [[nodiscard]] bool valid() const { return valid_; }
    // Disconnects and powers the chip down (a removed card's disconnect fails harmlessly).
    void reset() noexcept {
        if (std::exchange(valid_, false)) SCardDisconnect(handle_, SCARD_UNPOWER_CARD);
    }

private:
    SCARDHANDLE handle_ = 0;
    DWORD protocol_ = 0;
    bool valid_ = false;
};

}  // namespace kiosk::drivers::chip
