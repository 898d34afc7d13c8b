// The card-data leak test (issue 5): customers with every readable card of the deck go through the
// kiosk on the simulator — balance inquiries in both languages, a wrong PIN three times (card
// retained), a cancel at the PIN, an expired card, a cash withdrawal, a mini statement, a transfer
// with a typed amount, a PIN change, a cardless withdrawal — with every screen saved as a
// PNG and the device trace recorded (`kiosk --trace`). Then every byte the kiosk produced is
// scanned: the data directory (database, WAL, shared memory, key ring), the trace, the
// screenshots, the receipts, the program's log, the text of every screen shown and the opened
// journey and transaction payloads (journey telemetry: keys by function only). None may
// hold a deck PAN, a track, a deck PIN, the new PIN or the one-time code as a number of its own.
#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

#include "kiosk/runtime/settled_turn.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/simulator/demo_scenario.hpp"
#include "security/pan.hpp"
#include "tests/e2e/cx_payloads.hpp"
#include "sim/devices/card_deck.hpp"
#include "ui/offscreen_display.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using flow::StateId;

// Secrets typed during the scenario besides the deck's PINs: a new PIN (PIN change) and a cardless
// one-time code. The phone number is shown on screen as typed, so it is not among them.
constexpr std::string_view kNewPin = "804613";
constexpr std::string_view kCardlessCode = "55102937";
constexpr std::string_view kPhone = "13800138000";

// Where a secret was found: the place and the kind, never the secret itself.
struct Leak {
    std::string where;
    std::string what;
};

// True when `number` occurs in `text` with no digit directly before or after it: a PIN "1234"
// inside a longer number (a time stamp, an amount) is not that PIN.
bool contains_as_number(std::string_view text, std::string_view number) {
    for (std::size_t at = text.find(number); at != std::string_view::npos; at = text.find(number, at + 1)) {
        const bool digit_before = at > 0 && std::isdigit(static_cast<unsigned char>(text[at - 1])) != 0;
        const std::size_t after = at + number.size();
        const bool digit_after = after < text.size() && std::isdigit(static_cast<unsigned char>(text[after])) != 0;
        if (!digit_before && !digit_after) return true;
    }
    return false;
}

// The bytes with every deck card's masked PAN taken out: its last four digits may equal a PIN
// (visa-diana: 411111******1111, PIN 1111) and are allowed to be shown.
std::string without_masked_pans(std::string_view bytes) {
    std::string text(bytes);
    for (const sim::VirtualCard& card : sim::card_deck()) {
        const std::string masked = security::mask_pan(card.pan);
        for (std::size_t at = text.find(masked); at != std::string::npos; at = text.find(masked, at)) {
            text.replace(at, masked.size(), "<masked>");
        }
    }
    // The device trace numbers its requests: a counter that happens to reach 1111 (visa-diana's
    // PIN) is not that PIN. Only the counter's own digits are taken out.
    static constexpr std::string_view kRequestId = "\"request_id\":";
    for (std::size_t at = text.find(kRequestId); at != std::string::npos; at = text.find(kRequestId, at + 1)) {
        std::size_t end = at + kRequestId.size();
        while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])) != 0) ++end;
        text.replace(at + kRequestId.size(), end - at - kRequestId.size(), "#");
    }
    return text;
}

void scan(const std::string& where, std::string_view bytes, std::vector<Leak>& leaks) {
    const std::string unmasked = without_masked_pans(bytes);
    for (const sim::VirtualCard& card : sim::card_deck()) {
        if (bytes.find(card.pan) != std::string_view::npos) leaks.push_back({where, "full PAN of " + card.id});
        const std::string track1 = card.track1();
        const std::string track2 = card.track2();
        if (!track2.empty() && bytes.find(track2) != std::string_view::npos) leaks.push_back({where, "track 2 of " + card.id});
        if (!track1.empty() && bytes.find(track1) != std::string_view::npos) leaks.push_back({where, "track 1 of " + card.id});
        // The track 2 core "PAN=YYMM" without its sentinels, as a partial copy would hold it.
        if (bytes.find(card.pan + "=" + card.expiry_yymm) != std::string_view::npos) {
            leaks.push_back({where, "track 2 data of " + card.id});
        }
        if (!card.pin.empty() && contains_as_number(unmasked, card.pin)) leaks.push_back({where, "PIN of " + card.id});
    }
    if (contains_as_number(unmasked, kNewPin)) leaks.push_back({where, "the new PIN of a PIN change"});
    if (contains_as_number(unmasked, kCardlessCode)) leaks.push_back({where, "a cardless one-time code"});
}

std::string read_file(const fs::path& path) {
    std::ifstream file(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(file), {}};
}

// What a PNG can carry as text: every chunk but the compressed pixels (IDAT), whose deflate bytes
// hold digit runs by chance ("1111" is visa-diana's PIN) and no text. A malformed file is scanned whole.
std::string png_text_chunks(const std::string& bytes) {
    static constexpr std::string_view kSignature = "\x89PNG\r\n\x1a\n";
    if (bytes.compare(0, kSignature.size(), kSignature) != 0) return bytes;
    std::string text;
    std::size_t at = kSignature.size();
    while (at + 12 <= bytes.size()) {
        std::uint32_t length = 0;
        for (int i = 0; i < 4; ++i) length = (length << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
        const std::string type = bytes.substr(at + 4, 4);
        if (at + 12 + length > bytes.size()) return bytes;
        if (type != "IDAT") text += type + ":" + bytes.substr(at + 8, length) + "\n";
        at += 12 + length;
    }
    return text;
}

std::string text_of(const ui::ViewModel& vm) {
    std::string text = vm.masked_pan + "\n" + vm.message_key + "\n";
    for (const ui::Button& button : vm.buttons) text += button.action + " " + button.label_key + "\n";
    return text;
}

class CardDataLeakTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("kiosk-leak-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        config_.data_dir = dir_ / "data";
        config_.screens_dir = dir_ / "screens";
        fs::create_directories(trace_dir_);
        sim::SimInstrumentOptions instruments;
        instruments.trace_file = trace_dir_ / "device.trace";
        rig_ = std::make_unique<SimulatorRig>(config_, dir_ / "pki", instruments, &clock_);
        display_ = std::make_unique<ui::OffscreenDisplay>(ui::FontPaths::in_directory(config_.font_dir),
                                                          config_.bank_name);
        app_ = std::make_unique<KioskApp>(
            config_, KioskEnvironment{clock_, random_, rig_->devices(), rig_->host_link(), *display_, true});
        rig_->instrument(app_->runtime());
        demo_ = std::make_unique<DemoScenario>(*app_, *rig_, clock_, log_);
        demo_->on_screen = [this](const ui::ViewModel& vm) {
            screen_text_ += text_of(vm);
            const auto name = std::to_string(++screens_saved_) + ".png";
            if (auto saved = display_->save_png(config_.screens_dir / name); !saved.ok()) {
                ADD_FAILURE() << saved.error().to_string();
            }
        };
    }

    void TearDown() override {
        demo_.reset();
        app_.reset();
        rig_.reset();
        fs::remove_all(dir_);
        fs::remove_all(trace_dir_);
    }

    void pass(Millis duration) {
        for (Millis elapsed{0}; elapsed < duration; elapsed += Millis(100)) {
            clock_.advance(Millis(100));
            settled_turn(app_->runtime());
        }
    }

    // The card goes in and, once read, the session options are accepted as they are.
    void insert(const std::string& card_id) {
        ASSERT_TRUE(rig_->card_reader().insert(sim::card(card_id)).ok()) << card_id;
        pass(Millis(1'500));
        if (app_->runtime().context().state == StateId::SessionOptions) {
            app_->runtime().touch("continue");
            pass(Millis(500));
        }
    }

    // Digits typed on the PIN pad in clear (an amount, a code, a phone number), then ENTER.
    void type(std::string_view digits) {
        for (const char digit : digits) rig_->pin_pad().press_digit(digit);
        rig_->pin_pad().press_enter();
        pass(Millis(500));
    }

    void touch(std::string_view action, Millis then = Millis(1'000)) {
        app_->runtime().touch(action);
        pass(then);
    }

    StateId state() { return app_->runtime().context().state; }

    // Back to attract whatever happened: no further transaction, take the card if it was
    // returned, let timers run out.
    void finish_visit() {
        if (state() == StateId::AnotherTransaction) touch("another_no");
        if (app_->runtime().context().state == StateId::Closing) (void)rig_->card_reader().take_card();
        pass(Millis(45'000));
        EXPECT_EQ(app_->runtime().context().state, StateId::Attract);
    }

    // A PIN of the right length that is not the card's.
    static std::string wrong_pin_for(const sim::VirtualCard& card) {
        std::string pin = card.pin;
        for (char& digit : pin) digit = digit == '9' ? '0' : static_cast<char>(digit + 1);
        return pin;
    }

    std::vector<Leak> scan_everything(const DemoResult& result) const {
        std::vector<Leak> leaks;
        std::size_t files = 0;
        for (const fs::path& root : {config_.data_dir, config_.screens_dir, trace_dir_}) {
            for (const auto& entry : fs::recursive_directory_iterator(root)) {
                if (!entry.is_regular_file()) continue;
                ++files;
                const std::string bytes = read_file(entry.path());
                scan(entry.path().lexically_relative(dir_).string(),
                     entry.path().extension() == ".png" ? png_text_chunks(bytes) : bytes, leaks);
            }
        }
        EXPECT_GE(files, 10U) << "the scan found too few files to mean anything";
        for (const std::string& receipt : result.receipts) scan("receipt", receipt, leaks);
        for (const std::string& error : result.errors) scan("runtime note", error, leaks);
        scan("runtime note", notes_, leaks);
        scan("log", log_.str(), leaks);
        scan("screen text", screen_text_, leaks);
        return leaks;
    }

    fs::path dir_;
    fs::path trace_dir_{fs::temp_directory_path() / ("kiosk-leak-trace-" + std::to_string(::getpid()))};
    KioskConfig config_;
    sim::VirtualClock clock_;
    SeededRandom random_{7};
    std::ostringstream log_;
    std::string screen_text_;
    std::string notes_;
    int screens_saved_ = 0;
    std::unique_ptr<SimulatorRig> rig_;
    std::unique_ptr<ui::OffscreenDisplay> display_;
    std::unique_ptr<KioskApp> app_;
    std::unique_ptr<DemoScenario> demo_;
};

TEST_F(CardDataLeakTest, NothingTheKioskWritesHoldsAPanATrackOrAPin) {
    // Every readable deck card checks its balance, alternating languages and receipts.
    std::vector<DemoCustomer> customers;
    bool chinese = false;
    for (const std::string id : {"visa-alice", "amex-bob", "mc-chen", "visa-diana", "unionpay-li", "discover-emil"}) {
        customers.push_back({id, chinese ? ui::Language::SimplifiedChinese : ui::Language::English, !chinese});
        chinese = !chinese;
    }
    DemoResult result = demo_->run(customers);
    EXPECT_EQ(result.receipts.size(), 3U);
    // The demo's observers refer to its own result; from here on the test observes.
    app_->runtime().on_screen = demo_->on_screen;
    app_->runtime().on_note = [this](const std::string& note) { notes_ += note + "\n"; };

    // Wrong PIN three times: the card is retained.
    const sim::VirtualCard& alice = sim::card("visa-alice");
    insert(alice.id);
    for (int attempt = 0; attempt < 3; ++attempt) {
        ASSERT_EQ(app_->runtime().context().state, StateId::PinEntry) << "attempt " << attempt;
        rig_->pin_pad().type_pin(wrong_pin_for(alice));
        rig_->pin_pad().press_enter();
        pass(Millis(1'000));
        if (attempt == 0) app_->runtime().touch("balance");
        pass(Millis(2'000));
    }
    EXPECT_EQ(app_->runtime().context().state, StateId::CardRetained);
    finish_visit();

    // A cancel at the PIN after two digits, and an expired card the host declines.
    insert("mc-chen");
    rig_->pin_pad().type_pin("24");
    rig_->pin_pad().press_cancel();
    pass(Millis(1'000));
    finish_visit();
    insert("expired");
    rig_->pin_pad().type_pin(sim::card("expired").pin);
    rig_->pin_pad().press_enter();
    pass(Millis(1'000));
    app_->runtime().touch("balance");
    pass(Millis(2'000));
    finish_visit();

    // A cash withdrawal: card out first, then the notes.
    const sim::VirtualCard& chen = sim::card("mc-chen");
    insert(chen.id);
    rig_->pin_pad().type_pin(chen.pin);
    rig_->pin_pad().press_enter();
    pass(Millis(1'000));
    app_->runtime().touch("withdrawal");
    pass(Millis(500));
    ASSERT_EQ(app_->runtime().context().state, StateId::WithdrawalAmount);
    app_->runtime().touch("amount_0");
    pass(Millis(2'000));
    ASSERT_EQ(app_->runtime().context().state, StateId::ReturningCard);
    ASSERT_TRUE(rig_->card_reader().take_card().ok());
    pass(Millis(2'000));
    ASSERT_EQ(app_->runtime().context().state, StateId::TakeCash);
    ASSERT_TRUE(rig_->cash().take_notes().ok());
    pass(Millis(1'000));
    app_->runtime().touch("receipt_yes");
    pass(Millis(2'000));
    finish_visit();

    // Another amount typed on the pad, a mini statement and a transfer in one visit, each with a
    // receipt; then a PIN change to a new PIN, which joins the secrets scanned for.
    const sim::VirtualCard& li = sim::card("unionpay-li");  // Alice's card was retained above
    insert(li.id);
    rig_->pin_pad().type_pin(li.pin);
    pass(Millis(1'000));
    touch("mini_statement", Millis(2'000));
    ASSERT_EQ(state(), StateId::ShowStatement) << notes_;
    touch("continue");
    touch("receipt_yes", Millis(2'000));
    touch("another_yes");
    touch("transfer");
    touch("account_1");  // from savings
    touch("account_0");  // to checking
    ASSERT_EQ(state(), StateId::EnterAmount);
    type("120");
    pass(Millis(1'500));
    ASSERT_EQ(state(), StateId::TransactionDone) << notes_;
    touch("continue");
    touch("receipt_yes", Millis(2'000));
    touch("another_yes");
    touch("change_pin");
    rig_->pin_pad().type_pin(kNewPin);
    pass(Millis(500));
    rig_->pin_pad().type_pin(kNewPin);
    pass(Millis(2'000));
    ASSERT_EQ(state(), StateId::TransactionDone) << notes_;
    touch("continue");
    touch("receipt_no");
    finish_visit();

    // Cardless: a code staged in the bank's app, typed with the phone number; another amount.
    ASSERT_TRUE(rig_->bank().bank().stage_cardless_code(
        sim::CardlessCode{std::string(kCardlessCode), std::string(kPhone), "CHK-5001", Money{2'000'00, "CNY", 2},
                          clock_.now() + std::chrono::hours(1)}).ok());
    touch("cardless");
    ASSERT_EQ(state(), StateId::CardlessCode);
    type(kCardlessCode);
    type(kPhone);
    ASSERT_EQ(state(), StateId::WithdrawalAmount);
    touch("other_amount");
    type("300");
    pass(Millis(2'000));
    ASSERT_EQ(state(), StateId::TakeCash) << notes_;
    ASSERT_TRUE(rig_->cash().take_notes().ok());
    pass(Millis(1'000));
    touch("receipt_yes", Millis(2'000));
    finish_visit();

    // The journeys and transactions, opened: no PAN, track, PIN or code in any payload (they are
    // sealed on disk, so the byte scan below cannot see into them), and every PIN-pad key is
    // named by its function only.
    std::vector<Leak> payload_leaks;
    int journeys = 0;
    for (const test::OpenedRecord& record : test::opened_outbox(*app_, *rig_, clock_)) {
        scan(record.kind + " payload", record.text, payload_leaks);
        if (record.kind != "journey") continue;
        ++journeys;
        for (const nlohmann::json& event : record.payload["events"]) {
            if (event["type"] != "key") continue;
            const std::string control = event.value("control", "");
            EXPECT_TRUE(control == "digit" || control == "enter" || control == "cancel" || control == "clear" ||
                        control == "backspace")
                << event.dump();
            EXPECT_EQ(event.size(), 4u) << "a key event carries nothing but time, screen, type and function";
        }
    }
    EXPECT_EQ(journeys, 6) << "every visit since the demo (which uploaded its own) was opened";
    for (const Leak& leak : payload_leaks) ADD_FAILURE() << leak.what << " found in a " << leak.where;

    // Everything still reaches the CRM, then the scan.
    for (int round = 0; round < 10 && app_->uploader().upload_once().sent > 0; ++round) {
    }
    EXPECT_GE(screens_saved_, 30);
    demo_.reset();
    app_.reset();  // closes the database
    rig_.reset();  // closes the trace file
    EXPECT_GT(fs::file_size(trace_dir_ / "device.trace"), 4096U) << "the trace holds the sessions";
    const std::vector<Leak> leaks = scan_everything(result);
    for (const Leak& leak : leaks) ADD_FAILURE() << leak.what << " found in " << leak.where;
}

// The scanner itself must find what it looks for, or the test above proves nothing.
TEST(CardDataLeakScanner, FindsEachKindOfSecretAndIgnoresPinsInsideLongerNumbers) {
    const sim::VirtualCard& alice = sim::card("visa-alice");
    std::vector<Leak> leaks;
    scan("pan", "x" + alice.pan + "x", leaks);
    scan("track", alice.track2(), leaks);
    scan("pin", "pin=" + alice.pin + ";", leaks);
    scan("new pin", "new " + std::string(kNewPin) + ".", leaks);
    scan("code", "code:" + std::string(kCardlessCode), leaks);
    scan("clean", "time 17676" + alice.pin + "00 amount 9" + alice.pin + " card " + security::mask_pan(alice.pan), leaks);
    const sim::VirtualCard& diana = sim::card("visa-diana");
    scan("masked", "card " + security::mask_pan(diana.pan) + "\n", leaks);
    // A PNG: text in a chunk is found; the same digits inside the compressed pixels are not text.
    const auto chunk = [](const std::string& type, const std::string& data) {
        const auto size = static_cast<std::uint32_t>(data.size());
        std::string bytes{static_cast<char>(size >> 24), static_cast<char>((size >> 16) & 0xFF),
                          static_cast<char>((size >> 8) & 0xFF), static_cast<char>(size & 0xFF)};
        return bytes + type + data + "CRC!";
    };
    const std::string signature = "\x89PNG\r\n\x1a\n";
    scan("png text", png_text_chunks(signature + chunk("tEXt", "Comment: pin " + alice.pin) + chunk("IEND", "")), leaks);
    scan("png pixels", png_text_chunks(signature + chunk("IDAT", " " + alice.pin + " ") + chunk("IEND", "")), leaks);
    std::set<std::string> places;
    for (const Leak& leak : leaks) places.insert(leak.where);
    EXPECT_EQ(places, (std::set<std::string>{"pan", "track", "pin", "new pin", "code", "png text"}));
}

}  // namespace
}  // namespace kiosk
