// ReceiptService with a fake printer: PrintDone / PrintFailed, and the e-receipt's reference.
#include "kiosk/runtime/receipt_service.hpp"

#include "kiosk/runtime/receipt_builder.hpp"

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
    EXPECT_EQ(receipts.e_receipt_text(ui::Language::English), "https://receipts.example/r/TERM0001-20260105-000042");
    const auto* journal = loop.sink.find("e_receipt");
    ASSERT_NE(journal, nullptr);
    EXPECT_EQ(journal->resource, "receipt TERM0001-20260105-000042");
}

TEST_F(ReceiptServiceTest, TheEReceiptPageOpensInTheCustomersLanguage) {
    ReceiptService localized{loop.ports(), worker, session, "Kiosk Bank", "TERM0001",
                             "https://receipts.example/r/{reference}?lang={lang}"};
    session.last_stan = 7;
    session.last_request_time = TimePoint(Millis(1'767'607'200'000));
    localized.issue_e_receipt(host::TransactionType::Withdrawal);
    EXPECT_EQ(localized.e_receipt_text(ui::Language::SimplifiedChinese),
              "https://receipts.example/r/TERM0001-20260105-000007?lang=zh-CN");
    EXPECT_EQ(localized.e_receipt_text(ui::Language::English), "https://receipts.example/r/TERM0001-20260105-000007?lang=en");
}

TEST_F(ReceiptServiceTest, AChineseCustomersReceiptIsInChinese) {
    session.masked_pan = "622848******1234";
    session.last_balance = Money{1'234'56, "CNY", 2};
    flow::Context context;
    context.language = ui::Language::SimplifiedChinese;
    context.pending_transaction = host::TransactionType::BalanceInquiry;
    receipts.print(context);
    settle();
    const std::lock_guard lock(printer.mutex);
    ASSERT_EQ(printer.printed.size(), 1u);
    std::string text;
    for (const auto& line : printer.printed[0].lines) text += line.text + "\n";
    EXPECT_NE(text.find("余额查询\n"), std::string::npos) << text;
    EXPECT_NE(text.find("卡号 622848******1234\n"), std::string::npos) << text;
    EXPECT_NE(text.find("可用余额 ¥1,234.56\n"), std::string::npos) << text;
    EXPECT_NE(text.find("谢谢惠顾"), std::string::npos) << text;
}

TEST(ReceiptFitToPaper, LongLinesWrapAtASpaceWithinFortyEightCells) {
    const drivers::ReceiptLine line{"2026-12-01 " + std::string(30, 'x') + " " + std::string(20, 'y'), {}};
    const auto lines = fit_to_paper(line);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].text, "2026-12-01 " + std::string(30, 'x'));
    EXPECT_EQ(lines[1].text, std::string(20, 'y'));
}

TEST(ReceiptFitToPaper, ChineseCountsTwoCellsAndMagnificationMultiplies) {
    std::string twenty_five;
    for (int i = 0; i < 25; ++i) twenty_five += "款";  // 50 cells
    const auto lines = fit_to_paper({twenty_five, {}});
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[1].text, "款");
    const auto wide = fit_to_paper({"KIOSK BANK OF THE WORLD AND BEYOND", {true, false, 2, 2, drivers::Alignment::center}});
    ASSERT_EQ(wide.size(), 2u);  // 34 narrow cells × 2 > 48
    EXPECT_EQ(wide[0].text, "KIOSK BANK OF THE WORLD");
    EXPECT_EQ(wide[0].style.width, 2);
}

}  // namespace
}  // namespace kiosk::test
