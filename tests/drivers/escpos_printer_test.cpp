// Tests for drivers/printer/escpos_printer.hpp: receipts printed through the real encoder into
// SimPrinter and recovered from its decoded stream; paper faults before and during the job.
#include "drivers/printer/escpos_printer.hpp"

#include <gtest/gtest.h>

#include "sim/devices/sim_printer.hpp"

namespace kiosk::drivers {
namespace {

Receipt sample_receipt() {
    Receipt r;
    r.lines.push_back({"KIOSK BANK", {true, false, 2, 2, Alignment::center}});
    r.lines.push_back({"2026-01-05 09:00", {}});
    r.lines.push_back({"Card **** 1881", {}});
    r.lines.push_back({"Withdrawal      CNY 500.00", {false, true, 1, 1, Alignment::left}});
    r.lines.push_back({"Thank you", {false, false, 1, 1, Alignment::right}});
    r.qr_code = "https://bank.example/r/123";
    return r;
}

class EscPosPrinterTest : public ::testing::Test {
protected:
    sim::SimPrinter sim;
    EscPosPrinter printer{sim.host_transport(), Millis{50}};
};

TEST_F(EscPosPrinterTest, ReceiptRoundTripsThroughTheSimPrinter) {
    ASSERT_TRUE(printer.print(sample_receipt()).ok());
    ASSERT_EQ(sim.receipts().size(), 1u);
    const auto printed = sim.receipts()[0];  // a copy: receipts() returns one
    EXPECT_EQ(printed.text(),
              "KIOSK BANK\n2026-01-05 09:00\nCard **** 1881\nWithdrawal      CNY 500.00\nThank you\n");
    EXPECT_EQ(printed.qr_codes, std::vector<std::string>{"https://bank.example/r/123"});
    EXPECT_TRUE(sim.decode_errors().empty());
    EXPECT_TRUE(sim.receipt_text().empty());
}

TEST_F(EscPosPrinterTest, LineStylesSurviveTheRoundTrip) {
    ASSERT_TRUE(printer.print(sample_receipt()).ok());
    const auto lines = sim.receipts().at(0).lines;
    ASSERT_GE(lines.size(), 5u);
    EXPECT_EQ(lines[0].style, (LineStyle{true, false, 2, 2, Alignment::center}));
    EXPECT_EQ(lines[1].style, LineStyle{});  // styles reset after the title
    EXPECT_TRUE(lines[3].style.underline);
    EXPECT_EQ(lines[4].style.align, Alignment::right);
}

TEST_F(EscPosPrinterTest, TwoReceiptsAreTwoCuts) {
    ASSERT_TRUE(printer.print(sample_receipt()).ok());
    Receipt second;
    second.lines.push_back({"Balance enquiry", {}});
    ASSERT_TRUE(printer.print(second).ok());
    ASSERT_EQ(sim.receipts().size(), 2u);
    EXPECT_EQ(sim.receipts()[1].text(), "Balance enquiry");
}

TEST_F(EscPosPrinterTest, PaperOutBeforeTheJobPrintsNothing) {
    sim.set_paper(PaperState::out);
    auto printed = printer.print(sample_receipt());
    ASSERT_FALSE(printed.ok());
    EXPECT_EQ(printed.error().message, "paper out; nothing printed");
    EXPECT_TRUE(sim.receipts().empty());
    EXPECT_TRUE(sim.receipt_text().empty());
}

TEST_F(EscPosPrinterTest, PaperOutMidReceiptSaysHowFarItGot) {
    sim.run_out_after_lines(2);
    auto printed = printer.print(sample_receipt());
    ASSERT_FALSE(printed.ok());
    EXPECT_EQ(printed.error().message,
              "paper ran out after line 2 of 5; printing stopped for paper end");
    EXPECT_TRUE(sim.receipts().empty());
    EXPECT_EQ(sim.receipt_text(), "KIOSK BANK\n2026-01-05 09:00");
}

TEST_F(EscPosPrinterTest, NearEndStillPrintsAndStatusWarns) {
    sim.set_paper(PaperState::nearEnd);
    ASSERT_TRUE(printer.print(sample_receipt()).ok());
    EXPECT_EQ(sim.receipts().size(), 1u);
    auto status = printer.status();
    EXPECT_EQ(status.device.state, DeviceState::online);
    EXPECT_EQ(status.paper, PaperState::nearEnd);
}

TEST_F(EscPosPrinterTest, StatusReportsPaperOutForMaintenance) {
    sim.set_paper(PaperState::out);
    auto status = printer.status();
    EXPECT_EQ(status.paper, PaperState::out);
    EXPECT_EQ(status.device.state, DeviceState::hardwareError);
    ASSERT_TRUE(status.device.error.has_value());
    EXPECT_EQ(status.device.error->action, RecommendedAction::maintenance);
    sim.load_paper();
    EXPECT_EQ(printer.status().paper, PaperState::ok);
}

TEST_F(EscPosPrinterTest, SilentPrinterIsOfflineAndPrintFailsWithTimeout) {
    sim.set_powered(false);
    auto status = printer.status();
    EXPECT_EQ(status.device.state, DeviceState::offline);
    EXPECT_FALSE(status.paper.has_value());
    auto printed = printer.print(sample_receipt());
    ASSERT_FALSE(printed.ok());
    EXPECT_NE(printed.error().message.find("no reply to DLE EOT 4 within 50 ms"), std::string::npos)
        << printed.error().message;
}

TEST_F(EscPosPrinterTest, GarbledStatusByteIsAHardwareError) {
    sim.link().corrupt_next_device_byte();  // 0x12 becomes 0x13: bit 0 set, not a status byte
    auto status = printer.status();
    EXPECT_EQ(status.device.state, DeviceState::hardwareError);
    ASSERT_TRUE(status.device.error.has_value());
    EXPECT_NE(status.device.error->description.find("fixed bits"), std::string::npos);
}

TEST_F(EscPosPrinterTest, DisconnectedPrinterFailsPrint) {
    sim.link().set_disconnected(true);
    auto printed = printer.print(sample_receipt());
    ASSERT_FALSE(printed.ok());
    EXPECT_NE(printed.error().message.find("disconnected"), std::string::npos);
}

TEST_F(EscPosPrinterTest, UnencodableLineIsReportedWithItsNumber) {
    Receipt r;
    r.lines.push_back({"fine", {}});
    r.lines.push_back({"huge", {false, false, 9, 1, Alignment::left}});
    auto printed = printer.print(r);
    ASSERT_FALSE(printed.ok());
    EXPECT_NE(printed.error().message.find("line 2"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::drivers
