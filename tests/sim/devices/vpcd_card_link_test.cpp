// Tests for sim/devices/vpcd_card_link.hpp without pcscd: the test plays vpcd's side (a listening
// TCP socket on loopback, as vsmartcard-vpcd's reader does) and checks the framing and answers
// the virtual card sends. The real pcscd path is tests/drivers/pcsc_integration_test.cpp.
#include "sim/devices/vpcd_card_link.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "drivers/transport.hpp"

namespace kiosk::sim {
namespace {

// The reader's end: listens on an ephemeral loopback port and accepts the card's connection.
class FakeVpcd {
public:
    FakeVpcd() {
        listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t size = sizeof address;
        EXPECT_EQ(::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
        EXPECT_EQ(::listen(listener_, 1), 0);
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &size);
        port_ = ntohs(address.sin_port);
    }
    FakeVpcd(const FakeVpcd&) = delete;
    FakeVpcd& operator=(const FakeVpcd&) = delete;
    ~FakeVpcd() {
        if (peer_ >= 0) ::close(peer_);
        ::close(listener_);
    }
    [[nodiscard]] std::uint16_t port() const { return port_; }
    void accept_card() { peer_ = ::accept(listener_, nullptr, nullptr); }
    void send(ByteView bytes) const { ASSERT_EQ(::send(peer_, bytes.data(), bytes.size(), 0), static_cast<ssize_t>(bytes.size())); }
    void hang_up() {
        ::close(peer_);
        peer_ = -1;
    }
    // Everything the card sent so far (it answers synchronously inside serve_one).
    Bytes received() const {
        Bytes bytes;
        pollfd waiting{peer_, POLLIN, 0};
        while (::poll(&waiting, 1, 0) > 0) {
            std::uint8_t buffer[512];
            const ssize_t got = ::recv(peer_, buffer, sizeof buffer, 0);
            if (got <= 0) break;
            bytes.insert(bytes.end(), buffer, buffer + got);
        }
        return bytes;
    }

private:
    int listener_ = -1;
    int peer_ = -1;
    std::uint16_t port_ = 0;
};

TEST(VpcdCardLink, FramesAreTwoByteLengthAndPayload) {
    EXPECT_EQ(to_hex(vpcd_frame(from_hex("9000").value())), "00029000");
    EXPECT_EQ(to_hex(vpcd_frame(Bytes(300, 0))).substr(0, 4), "012C");
}

TEST(VpcdCardLink, AnswersControlCommandsAndApdus) {
    FakeVpcd vpcd;
    SimChipCard card(sim::card("amex-bob"));
    auto link = VpcdCardLink::connect("127.0.0.1", vpcd.port(), card, Millis{2000});
    ASSERT_TRUE(link.ok()) << link.error().to_string();
    vpcd.accept_card();

    vpcd.send(from_hex("000101").value());  // power on: no reply
    ASSERT_TRUE((*link)->serve_one(Millis{2000}).ok());
    EXPECT_TRUE(card.powered());
    EXPECT_TRUE(vpcd.received().empty());

    vpcd.send(from_hex("000104").value());  // get ATR
    ASSERT_TRUE((*link)->serve_one(Millis{2000}).ok());
    EXPECT_EQ(to_hex(vpcd.received()), "00043B021450");

    vpcd.send(vpcd_frame(from_hex("00B2010C00").value()));  // READ RECORD, nothing selected
    ASSERT_TRUE((*link)->serve_one(Millis{2000}).ok());
    EXPECT_EQ(to_hex(vpcd.received()), "00026985");

    vpcd.send(from_hex("000100").value());  // power off
    ASSERT_TRUE((*link)->serve_one(Millis{2000}).ok());
    EXPECT_FALSE(card.powered());
    EXPECT_EQ((*link)->messages_served(), 4u);
}

TEST(VpcdCardLink, MuteChipAnswersEmptyAndQuietLinkTimesOut) {
    FakeVpcd vpcd;
    SimChipCard card(sim::card("mute-chip"));
    auto link = VpcdCardLink::connect("127.0.0.1", vpcd.port(), card, Millis{2000});
    ASSERT_TRUE(link.ok());
    vpcd.accept_card();
    vpcd.send(from_hex("000104").value());
    ASSERT_TRUE((*link)->serve_one(Millis{2000}).ok());
    EXPECT_EQ(to_hex(vpcd.received()), "0000");  // empty ATR: vpcd reports a communication error
    auto quiet = (*link)->serve_one(Millis{0});
    ASSERT_FALSE(quiet.ok());
    EXPECT_TRUE(drivers::is_timeout(quiet.error()));
}

TEST(VpcdCardLink, HangUpEndsTheThreadWithAReason) {
    FakeVpcd vpcd;
    SimChipCard card(sim::card("visa-alice"));
    auto link = VpcdCardLink::connect("127.0.0.1", vpcd.port(), card, Millis{2000});
    ASSERT_TRUE(link.ok());
    vpcd.accept_card();
    (*link)->start();
    vpcd.hang_up();
    (*link)->stop();  // joins whether the thread saw the hang-up already or not
    auto direct = (*link)->serve_one(Millis{1000});
    ASSERT_FALSE(direct.ok());
    EXPECT_NE(direct.error().message.find("hung up"), std::string::npos) << direct.error().to_string();
}

TEST(VpcdCardLink, NoReaderListeningIsAnError) {
    std::uint16_t port = 0;
    {
        FakeVpcd closed;  // a port that was just free and is closed again
        port = closed.port();
    }
    SimChipCard card(sim::card("visa-alice"));
    auto link = VpcdCardLink::connect("127.0.0.1", port, card, Millis{0});
    ASSERT_FALSE(link.ok());
    EXPECT_NE(link.error().message.find("connect to vpcd"), std::string::npos);
    EXPECT_FALSE(VpcdCardLink::connect("not-an-ip", port, card, Millis{0}).ok());
}

}  // namespace
}  // namespace kiosk::sim
