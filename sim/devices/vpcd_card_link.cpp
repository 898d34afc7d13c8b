// The virtual-card end of the vsmartcard-vpcd protocol (see vpcd_card_link.hpp).
#include "sim/devices/vpcd_card_link.hpp"

#include <algorithm>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "drivers/transport.hpp"

namespace kiosk::sim {
namespace {

constexpr std::string_view domain = "vpcd";
constexpr Millis rest_of_message_timeout{2000};

enum VpcdControl : std::uint8_t { power_off = 0, power_on = 1, reset = 2, get_atr = 4 };

Error errno_error(const std::string& what) {
    const int code = errno;
    return make_error(std::string(domain), what + ": " + std::strerror(code), code);
}

}  // namespace

std::optional<Bytes> vpcd_reply(SimChipCard& card, ByteView payload) {
    if (payload.size() == 1) {
        switch (payload[0]) {
            case power_off: card.power_off(); return std::nullopt;
            case power_on:
            case reset: (void)card.power_on(); return std::nullopt;
            case get_atr: {  // asked again during a session too: must not reset the card
                auto atr = card.atr();
                return atr ? std::move(*atr) : Bytes{};
            }
            default: return std::nullopt;  // unknown control: vpcd expects nothing back
        }
    }
    auto response = card.answer(payload);
    return response ? std::move(*response) : Bytes{};
}

Bytes vpcd_frame(ByteView payload) {
    // Sized once and filled in place: g++ 12 -O2 misreads insert() after a 2-element initializer
    // list as an out-of-bounds memcpy (-Warray-bounds).
    Bytes frame(2 + payload.size());
    frame[0] = static_cast<std::uint8_t>(payload.size() >> 8U);
    frame[1] = static_cast<std::uint8_t>(payload.size() & 0xFFU);
    std::copy(payload.begin(), payload.end(), frame.begin() + 2);
    return frame;
}

Result<std::unique_ptr<VpcdCardLink>> VpcdCardLink::connect(const std::string& host, std::uint16_t port,
                                                            SimChipCard& card, Millis timeout) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    if (inet_pton(AF_INET, host.c_str(), &address.sin_addr) != 1) {
        return make_error(std::string(domain), "not an IPv4 address: " + host);
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0) return errno_error("socket");
        if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0) {
            const int one = 1;
            (void)::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            return std::unique_ptr<VpcdCardLink>(new VpcdCardLink(fd, card));
        }
        Error error = errno_error("connect to vpcd at " + host + ":" + std::to_string(port));
        ::close(fd);
        if (error.native_code != ECONNREFUSED || std::chrono::steady_clock::now() >= deadline) return error;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));  // pcscd still starting the driver
    }
}

VpcdCardLink::~VpcdCardLink() {
    stop();
    ::close(fd_);
}

Result<Bytes> VpcdCardLink::read_exact(std::size_t size, Millis timeout) {
    Bytes bytes;
    while (bytes.size() < size) {
        pollfd waiting{fd_, POLLIN, 0};
        const int ready = ::poll(&waiting, 1, static_cast<int>(timeout.count()));
        if (ready < 0) {
            if (errno == EINTR) continue;
            return errno_error("poll");
        }
        if (ready == 0) return drivers::timeout_error(std::string(domain));
        std::uint8_t buffer[512];
        const ssize_t got = ::recv(fd_, buffer, std::min(sizeof buffer, size - bytes.size()), 0);
        if (got == 0) return make_error(std::string(domain), "vpcd hung up");
        if (got < 0) {
            if (errno == EINTR) continue;
            return errno_error("recv");
        }
        bytes.insert(bytes.end(), buffer, buffer + got);
    }
    return bytes;
}

Status VpcdCardLink::serve_one(Millis timeout) {
    auto header = read_exact(1, timeout);
    if (!header) return header.error();
    auto second = read_exact(1, rest_of_message_timeout);
    if (!second) return second.error();
    const std::size_t length = (static_cast<std::size_t>((*header)[0]) << 8U) | (*second)[0];
    if (length == 0) return make_error(std::string(domain), "empty message from vpcd");
    auto payload = read_exact(length, rest_of_message_timeout);
    if (!payload) return payload.error();
    auto reply = vpcd_reply(card_, *payload);
    ++served_;
    if (!reply) return ok_status();
    const Bytes frame = vpcd_frame(*reply);
    std::size_t sent = 0;
    while (sent < frame.size()) {
        const ssize_t n = ::send(fd_, frame.data() + sent, frame.size() - sent, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno_error("send");
        }
        sent += static_cast<std::size_t>(n);
    }
    return ok_status();
}

void VpcdCardLink::start() {
    if (thread_.joinable()) return;
    stopping_ = false;
    thread_ = std::thread([this] {
        while (!stopping_) {
            auto served = serve_one(Millis{100});  // short, so stop() is prompt
            if (!served && !drivers::is_timeout(served.error())) {
                std::lock_guard lock(error_mutex_);
                last_error_ = served.error();
                return;
            }
        }
    });
}

void VpcdCardLink::stop() {
    stopping_ = true;
    if (thread_.joinable()) thread_.join();
}

std::optional<Error> VpcdCardLink::last_error() const {
    std::lock_guard lock(error_mutex_);
    return last_error_;
}

}  // namespace kiosk::sim
