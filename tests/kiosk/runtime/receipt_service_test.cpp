// ReceiptService with a fake printer: PrintDone / PrintFailed, and the e-receipt's reference.
#include "kiosk/runtime/receipt_service.hpp"

#include <gtest/gtest.h>

#include "tests/kiosk/runtime/runtime_fakes.hpp"

namespace kiosk::test {
namespace {

using flow::EventKind;

class ReceiptServiceTest : public ::testing::Test {
protected:
    void settle() { loop.settle(worker); }

    LoopHarness loop;
    CallLog log;
    FakePrinter printer{log};
    PrinterWorker worker{"printer", printer, loop.mailbox, loop.clock};
    Session session;
    ReceiptService receipts{loop.ports(), worker, session, "Kiosk Bank", "TERM0001",
                            "https://receipts.example/r/{reference}"};
};

TEST_F(ReceiptServiceTest, APrintedReceiptPostsPrintDone) {
    session.masked_pan = "411111******1111";
    receipts.print(flow::Context{});
    settle();
    EXPECT_EQ(loop.kinds(), std::vector<EventKind>{EventKind::PrintDone});
    const std::lock_guard lock(printer.mutex);
    ASSERT_EQ(printer.printed.size(), 1u);
    EXPECT_FALSE(printer.printed[0].lines.empty());
}

TEST_F(ReceiptServiceTest, APrinterFailurePostsPrintFailed) {
    printer.print_answer = make_error("printer", "paper out");
    receipts.print(flow::Context{});
    settle();
    EXPECT_EQ(loop.kinds(), std::vector<EventKind>{EventKind::PrintFailed});
    EXPECT_TRUE(loop.noted("paper out"));
}

TEST_F(ReceiptServiceTest, AnEReceiptIsNamedByTerminalDateAndStan) {
    session.last_stan = 42;
    session.last_request_time = TimePoint(Millis(1'767'607'200'000));  // 2026-01-05 UTC
    receipts.issue_e_receipt(host::TransactionType::Withdrawal);
    EXPECT_EQ(session.e_receipt_reference, "TERM0001-20260105-000042");
    EXPECT_EQ(receipts.e_receipt_text(), "https://receipts.example/r/TERM0001-20260105-000042");
    const auto* journal = loop.sink.find("e_receipt");
    ASSERT_NE(journal, nullptr);
    EXPECT_EQ(journal->resource, "receipt TERM0001-20260105-000042");
}

}  // namespace
}  // namespace kiosk::test
