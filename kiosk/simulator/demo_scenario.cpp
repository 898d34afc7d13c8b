#include "kiosk/simulator/demo_scenario.hpp"

#include "kiosk/runtime/receipt_builder.hpp"
#include "kiosk/runtime/screen_names.hpp"
#include "kiosk/runtime/settled_turn.hpp"

namespace kiosk {

namespace {
constexpr Millis tick_step{100};
}

void DemoScenario::pass(Millis duration) {
    for (Millis elapsed{0}; elapsed < duration; elapsed += tick_step) {
        clock_.advance(tick_step);
        settled_turn(app_.runtime());
    }
}

void DemoScenario::expect_state(flow::StateId state, DemoResult& result) {
    const flow::StateId actual = app_.runtime().context().state;
    if (actual != state) {
        result.errors.push_back("expected state " + std::string(flow::to_string(state)) + ", runtime is in " +
                                std::string(flow::to_string(actual)));
    }
}

void DemoScenario::visit(const DemoCustomer& customer, DemoResult& result) {
    using flow::StateId;
    const sim::VirtualCard& card = sim::card(customer.card_id);
    Runtime& runtime = app_.runtime();
    log_ << "customer with card " << card.id << " (" << (customer.language == ui::Language::English ? "English" : "简体中文")
         << ")\n";

    if (customer.headset) {
        rig_.sensor_board().set_headset_plugged(true);
        pass(Runtime::fitness_interval + Millis(500));  // the next sensor reading hears it
    }
    if (customer.language == ui::Language::SimplifiedChinese) runtime.touch("lang_zh");
    pass(Millis(1'000));
    if (auto inserted = rig_.card_reader().insert(card); !inserted.ok()) {
        result.errors.push_back("insert card: " + inserted.error().to_string());
        return;
    }
    pass(Millis(1'500));
    expect_state(StateId::SessionOptions, result);
    if (customer.large_text) runtime.touch("large_text");
    pass(Millis(1'000));
    runtime.touch("continue");
    pass(Millis(500));
    expect_state(StateId::PinEntry, result);
    rig_.pin_pad().type_pin(card.pin);  // the simulated customer's fingers, inside the PIN pad
    rig_.pin_pad().press_enter();
    pass(Millis(2'000));
    expect_state(StateId::MainMenu, result);
    runtime.touch("balance");
    pass(Millis(1'500));
    expect_state(StateId::ShowBalance, result);
    pass(Millis(3'000));  // reading the balance
    runtime.touch("continue");
    pass(Millis(1'000));
    runtime.touch(customer.wants_receipt ? "receipt_yes" : "receipt_no");
    pass(Millis(2'000));
    expect_state(StateId::AnotherTransaction, result);
    if (customer.withdraw_button) {
        runtime.touch("another_yes");
        pass(Millis(1'000));
        withdraw(*customer.withdraw_button, result);
    } else {
        runtime.touch("another_no");
        pass(Millis(1'000));
        expect_state(StateId::Closing, result);
        take_card(result);
    }
    pass(Millis(1'000));
    answer_survey(customer);
    expect_state(StateId::ThankYou, result);
    // A listener's goodbye lasts longer: speech stretches the timers (flow.speech_timeout_percent).
    pass(customer.headset ? Millis(5'000 * app_.runtime().flow_config().speech_timeout_percent / 100) : Millis(5'000));
    expect_state(StateId::Attract, result);
    if (customer.headset) {
        rig_.sensor_board().set_headset_plugged(false);
        pass(Runtime::fitness_interval + Millis(500));
    }
}

void DemoScenario::answer_survey(const DemoCustomer& customer) {
    using flow::StateId;
    Runtime& runtime = app_.runtime();
    if (runtime.context().state != StateId::Survey) {
        log_ << "  no survey this visit\n";
        return;
    }
    pass(Millis(1'500));  // reading the question
    if (!customer.survey_score) {
        runtime.touch("survey_skip");
        pass(Millis(1'000));
        return;
    }
    log_ << "  survey: " << *customer.survey_score << " of 5\n";
    runtime.touch("survey_csat_" + std::to_string(*customer.survey_score));
    pass(Millis(1'000));
    if (runtime.context().state == StateId::SurveyReasons) {
        runtime.touch("survey_reason_waiting");
        pass(Millis(800));
        runtime.touch("survey_done");
        pass(Millis(1'000));
    }
    if (runtime.context().state == StateId::SurveyNps) {
        runtime.touch("survey_nps_8");
        pass(Millis(1'000));
    }
}

void DemoScenario::take_card(DemoResult& result) {
    if (auto taken = rig_.card_reader().take_card(); !taken.ok()) {
        result.errors.push_back("take card: " + taken.error().to_string());
    }
}

// Card first (the default order): the card comes back, then the notes are presented.
void DemoScenario::withdraw(std::size_t amount_button, DemoResult& result) {
    using flow::StateId;
    Runtime& runtime = app_.runtime();
    expect_state(StateId::MainMenu, result);
    runtime.touch("withdrawal");
    pass(Millis(1'500));
    expect_state(StateId::WithdrawalAmount, result);
    runtime.touch("amount_" + std::to_string(amount_button));
    pass(Millis(1'500));
    expect_state(StateId::ReturningCard, result);
    take_card(result);
    pass(Millis(2'000));
    expect_state(StateId::TakeCash, result);
    if (auto taken = rig_.cash().take_notes(); !taken.ok()) {
        result.errors.push_back("take notes: " + taken.error().to_string());
    }
    pass(Millis(1'500));
    expect_state(StateId::ReceiptChoice, result);
    runtime.touch("receipt_no");
}

void DemoScenario::start(DemoResult& result) {
    Runtime& runtime = app_.runtime();
    runtime.on_screen = [&](const ui::ViewModel& vm) {
        if (result.screens.empty() || result.screens.back() != vm.screen) {
            result.screens.push_back(vm.screen);
            log_ << "  " << format_utc(clock_.now()) << "  screen " << screen_name(vm.screen) << "\n";
        }
        if (on_screen) on_screen(vm);
    };
    runtime.on_note = [&](const std::string& note) {
        result.errors.push_back(note);
        log_ << "  note: " << note << "\n";
    };
    runtime.start();
}

DemoResult DemoScenario::run(const std::vector<DemoCustomer>& customers) {
    DemoResult result;
    start(result);
    for (const DemoCustomer& customer : customers) visit(customer, result);

    for (const auto& receipt : rig_.printer().receipts()) result.receipts.push_back(receipt.text());
    for (const std::string& receipt : result.receipts) log_ << "receipt:\n" << receipt << "\n";

    // Deliver the outbox to the simulated CRM, round after round, until it is empty.
    for (int round = 0; round < 10; ++round) {
        const crm::UploadSummary summary = app_.uploader().upload_once();
        result.records_uploaded += summary.acknowledged;
        if (summary.error) {
            result.errors.push_back("upload: " + summary.error->to_string());
            break;
        }
        if (summary.sent == 0) break;
    }
    result.records_pending = app_.uploader().status().pending;
    log_ << "CRM: " << result.records_uploaded << " records acknowledged, " << result.records_pending
         << " pending\n";
    return result;
}

}  // namespace kiosk
