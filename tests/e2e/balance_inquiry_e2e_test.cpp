// The foundation path end to end, headless and in virtual time: virtual card → simulated card
// reader → PIN pad (format-4 block) → pure flow → simulated bank host → ESC/POS receipt →
// sealed records in the SQLite outbox → HTTPS (mTLS, pinned key) to the simulated CRM.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/simulator/demo_scenario.hpp"
#include "sim/devices/card_deck.hpp"
#include "store/outbox.hpp"
#include "ui/offscreen_display.hpp"
#include "tests/e2e/crm_opened_check.hpp"
#include "tests/e2e/fresh_test_directory.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using ui::ScreenId;

class BalanceInquiryE2eTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = test::fresh_test_directory("kiosk-e2e");
        config_.data_dir = dir_ / "data";
        rig_ = std::make_unique<SimulatorRig>(config_, dir_ / "pki", sim::SimInstrumentOptions{}, &clock_);
        display_ = std::make_unique<ui::OffscreenDisplay>(ui::FontPaths::in_directory(config_.font_dir),
                                                          config_.bank_name);
        app_ = std::make_unique<KioskApp>(
            config_, KioskEnvironment{clock_, random_, rig_->devices(), rig_->host_link(), *display_, true});
        demo_ = std::make_unique<DemoScenario>(*app_, *rig_, clock_, log_);
    }

    void TearDown() override {
        demo_.reset();
        app_.reset();
        fs::remove_all(dir_);
    }

    // Every byte the kiosk wrote: database, WAL, shared memory, keys, certificates.
    std::string all_written_bytes() const {
        std::string bytes;
        for (const auto& entry : fs::recursive_directory_iterator(config_.data_dir)) {
            if (!entry.is_regular_file()) continue;
            std::ifstream file(entry.path(), std::ios::binary);
            bytes += std::string(std::istreambuf_iterator<char>(file), {});
        }
        return bytes;
    }

    fs::path dir_;
    KioskConfig config_;
    sim::VirtualClock clock_;
    SeededRandom random_{99};
    std::ostringstream log_;
    std::unique_ptr<SimulatorRig> rig_;
    std::unique_ptr<ui::OffscreenDisplay> display_;
    std::unique_ptr<KioskApp> app_;
    std::unique_ptr<DemoScenario> demo_;
};

TEST_F(BalanceInquiryE2eTest, VisitsTheScreensInOrderAndPrintsAMaskedReceipt) {
    const DemoResult result = demo_->run({{"visa-alice", ui::Language::English, true}});

    EXPECT_TRUE(result.errors.empty()) << ::testing::PrintToString(result.errors);
    EXPECT_EQ(result.screens, (std::vector<ScreenId>{ScreenId::Attract, ScreenId::ReadingCard,
                                                     ScreenId::SessionOptions, ScreenId::EnterPin,
                                                     ScreenId::MainMenu, ScreenId::Processing,
                                                     ScreenId::BalanceDisplay, ScreenId::ReceiptChoice,
                                                     ScreenId::Printing, ScreenId::AnotherTransaction,
                                                     // the survey, skipped: this customer gives no score
                                                     ScreenId::TakeCard, ScreenId::Survey, ScreenId::ThankYou,
                                                     ScreenId::Attract}));
    ASSERT_EQ(result.receipts.size(), 1U);
    const std::string& receipt = result.receipts.front();
    EXPECT_NE(receipt.find("CARD 401288******1881"), std::string::npos) << receipt;
    EXPECT_NE(receipt.find("AVAILABLE CNY 1,234.56"), std::string::npos) << receipt;
    EXPECT_NE(receipt.find("TERMINAL SIM-0001"), std::string::npos);
    EXPECT_TRUE(receipt.find(sim::card("visa-alice").pan) == std::string::npos);  // no full PAN
    EXPECT_TRUE(rig_->printer().decode_errors().empty());
    // A balance inquiry moves no money.
    EXPECT_EQ(rig_->bank().balance_of(sim::card("visa-alice").pan), SimulatorRig::opening_balance(0));
}

TEST_F(BalanceInquiryE2eTest, CrmReceivesExactlyTheRecordsCommittedOnceEach) {
    const DemoResult result = demo_->run({{"visa-alice", ui::Language::English, true},
                                          {"unionpay-li", ui::Language::SimplifiedChinese, false}});
    EXPECT_TRUE(result.errors.empty()) << ::testing::PrintToString(result.errors);

    const std::vector<std::string>& committed = app_->cx().committed_record_ids();
    ASSERT_EQ(committed.size(), 6U);  // per visit: the transaction, the survey (skipped) and the journey
    const std::vector<std::string> received = rig_->crm().received_ids();
    EXPECT_EQ(std::multiset<std::string>(received.begin(), received.end()),
              std::multiset<std::string>(committed.begin(), committed.end()));
    for (const std::string& id : committed) EXPECT_EQ(rig_->crm().times_delivered(id), 1U) << id;
    EXPECT_EQ(result.records_pending, 0U);

    std::set<std::string> kinds;
    for (const auto& record : rig_->crm().received()) kinds.insert(record.header.kind);
    EXPECT_EQ(kinds, (std::set<std::string>{"journey", "survey", "transaction"}));
    test::expect_crm_opened_every_record(rig_->crm(), committed);
}

TEST_F(BalanceInquiryE2eTest, RecordsSurviveACrmOutageAndArriveExactlyOnce) {
    rig_->crm().inject(sim::CrmFault::ServerError, 1);
    const DemoResult first = demo_->run({{"visa-alice", ui::Language::English, true}});
    ASSERT_EQ(first.errors.size(), 1U);  // the refused upload round, reported
    EXPECT_NE(first.errors.front().find("upload"), std::string::npos);
    EXPECT_EQ(first.records_pending, 3U);  // the transaction, the survey and the journey

    const crm::UploadSummary retry = app_->uploader().upload_once();
    EXPECT_FALSE(retry.error.has_value());
    EXPECT_EQ(retry.acknowledged, 3U);
    for (const std::string& id : app_->cx().committed_record_ids()) EXPECT_EQ(rig_->crm().times_delivered(id), 1U);
}

TEST_F(BalanceInquiryE2eTest, NothingWrittenHoldsAFullPanOrTrackData) {
    const std::vector<std::string> cards{"visa-alice", "unionpay-li"};
    const DemoResult result = demo_->run({{cards[0], ui::Language::English, true},
                                          {cards[1], ui::Language::SimplifiedChinese, true}});
    ASSERT_TRUE(result.errors.empty()) << ::testing::PrintToString(result.errors);
    app_.reset();  // close the database so everything is on disk

    const std::string written = all_written_bytes();
    const std::string printed = log_.str();
    ASSERT_GT(written.size(), 4096U);  // the scan saw a real database
    for (const std::string& id : cards) {
        const sim::VirtualCard& card = sim::card(id);
        // EXPECT_TRUE, not EXPECT_EQ: a failure must not print the PAN it found.
        EXPECT_TRUE(written.find(card.pan) == std::string::npos) << "full PAN of " << id << " in a file";
        EXPECT_TRUE(written.find(card.track2()) == std::string::npos) << "track 2 of " << id << " in a file";
        EXPECT_TRUE(written.find(card.track1()) == std::string::npos) << "track 1 of " << id << " in a file";
        EXPECT_TRUE(printed.find(card.pan) == std::string::npos) << "full PAN of " << id << " in the output";
    }
}

}  // namespace
}  // namespace kiosk
