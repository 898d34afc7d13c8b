// Tests for sim/devices/sim_printer.hpp: status replies from its paper model, page and cut
// bookkeeping, and lines lost once paper is out. Driven with raw ESC/POS bytes.
#include "sim/devices/sim_printer.hpp"

#include <gtest/gtest.h>

namespace kiosk::sim {
namespace {

std::uint8_t ask(SimPrinter& printer, std::uint8_t n) {
    EXPECT_TRUE(printer.host_transport().write(Bytes{0x10, 0x04, n}, Millis{0}).ok());
    auto reply = printer.host_transport().read(8, Millis{0});
    EXPECT_TRUE(reply.ok() && reply->size() == 1);
    return reply.ok() && !reply->empty() ? reply->front() : 0;
}

void send_text(SimPrinter& printer, std::string_view text) {
    ASSERT_TRUE(printer.host_transport().write(to_bytes(text), Millis{0}).ok());
}

TEST(SimPrinter, AnswersDleEot4FromThePaperModel) {
    SimPrinter printer;
    EXPECT_EQ(ask(printer, 4), 0x12);
    printer.set_paper(drivers::PaperState::nearEnd);
    EXPECT_EQ(ask(printer, 4), 0x1E);
    printer.set_paper(drivers::PaperState::out);
    EXPECT_EQ(ask(printer, 4) & 0x60, 0x60);
    EXPECT_EQ(ask(printer, 2) & 0x20, 0x20);
    printer.load_paper();
    EXPECT_EQ(ask(printer, 4), 0x12);
    EXPECT_EQ(ask(printer, 2), 0x12);
}

TEST(SimPrinter, TextWithoutCutStaysOnThePendingPage) {
    SimPrinter printer;
    send_text(printer, "one\ntwo");
    EXPECT_EQ(printer.receipt_text(), "one\ntwo");
    EXPECT_TRUE(printer.receipts().empty());
    ASSERT_TRUE(printer.host_transport().write(Bytes{0x1D, 'V', 0x00}, Millis{0}).ok());
    ASSERT_EQ(printer.receipts().size(), 1u);
    EXPECT_EQ(printer.receipts()[0].text(), "one\ntwo");
    EXPECT_TRUE(printer.receipt_text().empty());
}

TEST(SimPrinter, LinesAfterPaperOutAreLost) {
    SimPrinter printer;
    printer.run_out_after_lines(1);
    send_text(printer, "kept\nlost\n");
    EXPECT_EQ(printer.receipt_text(), "kept");
    EXPECT_EQ(printer.paper(), drivers::PaperState::out);
    ASSERT_TRUE(printer.host_transport().write(Bytes{0x1D, 'V', 0x01}, Millis{0}).ok());
    EXPECT_TRUE(printer.receipts().empty());  // the cutter does not run without paper
}

TEST(SimPrinter, UnknownCommandsAreRecorded) {
    SimPrinter printer;
    ASSERT_TRUE(printer.host_transport().write(Bytes{0x1B, 0x7A}, Millis{0}).ok());
    ASSERT_EQ(printer.decode_errors().size(), 1u);
    EXPECT_EQ(printer.decode_errors()[0], "unknown ESC 0x7A");
}

TEST(SimPrinter, PoweredOffPrinterIsSilent) {
    SimPrinter printer;
    printer.set_powered(false);
    ASSERT_TRUE(printer.host_transport().write(Bytes{0x10, 0x04, 0x04}, Millis{0}).ok());
    EXPECT_FALSE(printer.host_transport().read(1, Millis{0}).ok());
}

}  // namespace
}  // namespace kiosk::sim
