// Sample data for each screen. Action ids here ("balance", "cancel", "receipt_yes", …) are the
// ones docs/ui.md lists for the runtime; the UI itself only echoes whatever action a button has.
#include "ui/sample_view_models.hpp"

#include "ui/key_map.hpp"

namespace kiosk::ui {

namespace {

// The overview's links to every other page, and the way out.
std::vector<Button> service_page_buttons() {
    return {{"service_page:device_tests", "service.page.device_tests", true},
            {"service_page:cash", "service.page.cash", true},
            {"service_page:outbox", "service.page.outbox", true},
            {"service_page:journal", "service.page.journal", true},
            {"service_page:keys", "service.page.keys", true},
            {"service_page:network", "service.page.network", true},
            {"service_page:quality", "service.page.quality", true},
            {"service_leave", "service.leave", true}};
}

// The six tests, the one reset the latched fault asks for (disabled until its test passed), back.
std::vector<Button> service_test_buttons() {
    return {{"service_action:print_test_receipt", "service.action.print_test_receipt", true},
            {"service_action:read_test_card", "service.action.read_test_card", true},
            {"service_action:test_dispense", "service.action.test_dispense", true},
            {"service_action:pin_pad_key_test", "service.action.pin_pad_key_test", true},
            {"service_action:read_sensors", "service.action.read_sensors", true},
            {"service_action:speech_test", "service.action.speech_test", true},
            {"service_action:reset_card_reader", "service.action.reset_card_reader", false},
            {"service_page:overview", "service.page.overview", true}};
}

}  // namespace

ViewModel sample_view_model(ScreenId screen, Language language, Accessibility accessibility) {
    ViewModel vm;
    vm.screen = screen;
    vm.language = language;
    vm.accessibility = accessibility;
    const Button cancel{"cancel", "action.cancel", true};
    switch (screen) {
        case ScreenId::Attract:
            vm.buttons = {{"lang_en", "language.english", true},
                          {"lang_zh", "language.chinese", true},
                          {"cardless", "attract.cardless", true}};
            break;
        case ScreenId::ReadingCard: break;
        case ScreenId::EnterPin:
            vm.masked_pan = "622848******1234";
            vm.pin_digits_entered = 4;
            vm.seconds_left = 25;
            vm.buttons = {cancel};
            break;
        case ScreenId::MainMenu:
            vm.masked_pan = "622848******1234";
            vm.menu = MenuOffers{};
            vm.buttons = {cancel};
            break;
        case ScreenId::Processing: break;
        case ScreenId::BalanceDisplay:
            vm.masked_pan = "622848******1234";
            vm.balance = Money{123456789, "CNY", 2};
            vm.buttons = {cancel, {"continue", "action.continue", true}};
            break;
        case ScreenId::ReceiptChoice:
            vm.buttons = {{"receipt_no", "receipt.no", true}, {"receipt_yes", "receipt.yes", true}};
            break;
        case ScreenId::Printing: break;
        case ScreenId::TakeCard: vm.message_key = "session.cancelled"; break;
        case ScreenId::ThankYou: break;
        case ScreenId::WrongPin:
            vm.masked_pan = "622848******1234";
            vm.tries_left = 2;
            vm.buttons = {cancel, {"try_again", "action.try_again", true}};
            break;
        case ScreenId::CardRetained:
            vm.message_key = "pin.tries_exceeded";
            vm.buttons = {{"report_problem", "complaint.report_it", true}};
            break;
        case ScreenId::TransactionFailed: vm.message_key = "decline.insufficient_funds"; break;
        case ScreenId::CardUnreadable: vm.message_key = "card.unreadable"; break;
        case ScreenId::MoreTime:
            vm.seconds_left = 20;
            vm.buttons = {{"more_time_no", "more_time.no", true}, {"more_time_yes", "more_time.yes", true}};
            break;
        case ScreenId::OutOfService: vm.message_key = "out_of_service.host_unreachable"; break;
        case ScreenId::SessionOptions:
            vm.masked_pan = "622848******1234";
            vm.buttons = {cancel, {"continue", "action.continue", true}};
            break;
        case ScreenId::WithdrawalAmount:
            vm.usual_amount = Money{80000, "CNY", 2};
            vm.fast_cash = {Money{10000, "CNY", 2}, Money{20000, "CNY", 2}, Money{50000, "CNY", 2},
                            Money{100000, "CNY", 2}, Money{200000, "CNY", 2}};
            vm.seconds_left = 40;
            vm.buttons = {{"other_amount", "amount.other", true}, cancel};
            break;
        case ScreenId::EnterAmount:
            vm.amount = Money{150000, "CNY", 2};
            vm.amount_step = Money{5000, "CNY", 2};
            vm.buttons = {cancel};
            break;
        case ScreenId::AccountChoice:
            vm.message_key = "account.from";
            vm.accounts = {{"account.savings", "**** 5678", Money{2345600, "CNY", 2}},
                           {"account.current", "**** 9012", Money{88050, "CNY", 2}},
                           {"account.credit", "**** 3456", std::nullopt}};
            vm.buttons = {cancel};
            break;
        case ScreenId::EnterNewPin:
            vm.pin_digits_entered = 3;
            vm.buttons = {cancel};
            break;
        case ScreenId::ConfirmNewPin:
            vm.pin_digits_entered = 6;
            vm.buttons = {cancel};
            break;
        case ScreenId::CardlessEntry:
            vm.entry_field = EntryField::PhoneNumber;
            vm.typed_digits = "1380013800";
            vm.buttons = {cancel};
            break;
        case ScreenId::MiniStatement:
            vm.masked_pan = "622848******1234";
            vm.balance = Money{1234567, "CNY", 2};
            vm.statement = {{"2026-11-22", "statement.atm_withdrawal", Money{-100000, "CNY", 2}},
                            {"2026-11-21", "statement.card_payment", Money{-25880, "CNY", 2}},
                            {"2026-11-20", "statement.salary", Money{1250000, "CNY", 2}},
                            {"2026-11-18", "statement.online_payment", Money{-9990, "CNY", 2}},
                            {"2026-11-17", "statement.transfer_out", Money{-300000, "CNY", 2}},
                            {"2026-11-15", "statement.transfer_in", Money{50000, "CNY", 2}},
                            {"2026-11-12", "statement.card_payment", Money{-4550, "CNY", 2}},
                            {"2026-11-10", "statement.fee", Money{-200, "CNY", 2}},
                            {"2026-11-05", "statement.cardless_withdrawal", Money{-50000, "CNY", 2}},
                            {"2026-11-01", "statement.interest", Money{1234, "CNY", 2}}};
            vm.buttons = {{"continue", "action.continue", true}};
            break;
        case ScreenId::Dispensing: break;
        case ScreenId::TakeCash:
            vm.amount = Money{150000, "CNY", 2};
            vm.seconds_left = 30;
            break;
        case ScreenId::AnotherTransaction:
            vm.buttons = {{"another_no", "another.no", true}, {"another_yes", "another.yes", true}};
            break;
        case ScreenId::TransactionDone:
            vm.message_key = "done.transfer";
            vm.amount = Money{50000, "CNY", 2};
            vm.buttons = {{"continue", "action.continue", true}};
            break;
        case ScreenId::ReceiptQr:
            vm.qr_text = "https://receipts.kioskbank.example/r/K7QX-20261123-004217";
            vm.receipt_reference = "K7QX-20261123-004217";
            vm.buttons = {{"continue", "action.continue", true}};
            break;
        case ScreenId::Survey: vm.buttons = {{"survey_skip", "survey.skip", true}}; break;
        case ScreenId::SurveyReasons:
            for (const char* tag : {"waiting", "hard_to_use", "cash", "card", "receipt", "other"}) {
                const std::string name(tag);
                vm.chips.push_back({{"survey_reason_" + name, "survey.reason." + name, true}, name == "waiting" || name == "cash"});
            }
            vm.buttons = {{"survey_done", "survey.done", true}, {"survey_skip", "survey.skip", true}};
            break;
        case ScreenId::SurveyNps: vm.buttons = {{"survey_skip", "survey.skip", true}}; break;
        case ScreenId::ComplaintOffer:
            vm.message_key = "cash.dispense_failed";
            vm.buttons = {{"cancel", "complaint.no_thanks", true}, {"report_problem", "complaint.report_it", true}};
            break;
        case ScreenId::ComplaintCategory:
            vm.buttons = {{"complaint_category_0", "complaint.category.cash_not_dispensed", true, true},
                          {"complaint_category_1", "complaint.category.card_retained", true},
                          {"complaint_category_2", "complaint.category.screen_not_responding", true},
                          {"complaint_category_3", "complaint.category.receipt", true},
                          {"complaint_category_4", "complaint.category.other", true},
                          {"cancel", "action.cancel", true}};
            break;
        case ScreenId::ComplaintConfirm:
            vm.facts = {{"complaint.fact.category", "complaint.category.cash_not_dispensed", std::nullopt, ""},
                        {"complaint.fact.transaction", "", std::nullopt, "000000004711"},
                        {"complaint.fact.amount", "", Money{50000, "CNY", 2}, ""}};
            vm.buttons = {{"cancel", "action.cancel", true},
                          {"report_problem", "complaint.change", true},
                          {"complaint_send", "complaint.send", true}};
            break;
        case ScreenId::ComplaintDone:
            vm.message_key = "complaint.slip_printed";
            vm.receipt_reference = "KB-20261202-7Q4M";
            vm.buttons = {{"continue", "action.continue", true}};
            break;
        case ScreenId::ServiceSignIn:
            vm.facts = {{"service.fact.technician_id", "", std::nullopt, "1001"},
                        {"service.fact.pin", "", std::nullopt, "••••••"}};
            vm.message_key = "service.refused.wrong_id_or_pin";
            vm.buttons = {cancel};
            break;
        case ScreenId::ServiceOverview:
            // As kiosk/maintenance builds it: the health alerts' causes and actions and the device
            // states as i18n keys with their values; the driver's own description stays as given.
            vm.facts = {{"service.fact.role", "service.value.role", std::nullopt, "", {"1001", "i18n:service.role.technician"}},
                        {"service.fact.alert", "alert.cause.device_detail", std::nullopt, "",
                         {"i18n:alert.device.card_reader", "i18n:device.state.hardwareError", "card jammed"}},
                        {"service.fact.action", "alert.action.device_clear", std::nullopt, ""},
                        {"service.fact.card_reader", "device.words.state_detail", std::nullopt, "",
                         {"i18n:device.state.hardwareError", "card jammed"}},
                        {"service.fact.pin_pad", "service.state.ok", std::nullopt, ""},
                        {"service.fact.printer", "service.state.ok", std::nullopt, ""},
                        {"service.fact.dispenser", "service.state.ok", std::nullopt, ""},
                        {"service.fact.sensors", "service.value.sensors", std::nullopt, "",
                         {"i18n:service.sensor.door_closed", "i18n:service.sensor.no_tamper",
                          "i18n:service.sensor.key_maintenance"}}};
            vm.buttons = service_page_buttons();
            break;
        case ScreenId::ServiceDeviceTests:
            vm.message_key = "service.outcome.failed";
            vm.facts = {{"service.fact.result", "", std::nullopt, "Test card: the reader reports a jam (hardwareError)"},
                        {"service.fact.card_reader", "device.words.state_detail", std::nullopt, "",
                         {"i18n:device.state.hardwareError", "card jammed"}},
                        {"service.fact.dispenser", "service.state.ok", std::nullopt, ""},
                        {"service.fact.sensors", "service.value.sensors", std::nullopt, "",
                         {"i18n:service.sensor.door_closed", "i18n:service.sensor.no_tamper",
                          "i18n:service.sensor.key_maintenance"}}};
            vm.buttons = service_test_buttons();
            break;
        case ScreenId::ServiceCash:
            vm.facts = {{"service.fact.cassette_1", "service.value.cassette_counted", std::nullopt, "",
                         {"CNY 100.00", "2000", "35", "2", "0", "1963", "1963"}},
                        {"service.fact.cassette_2", "service.value.cassette_counted", std::nullopt, "",
                         {"CNY 50.00", "2000", "12", "0", "1", "1987", "1987"}},
                        {"service.fact.dispensed_value", "", Money{410000, "CNY", 2}, ""},
                        {"service.fact.host_totals", "service.value.host_totals", std::nullopt, "", {"9", "CNY 4,100.00"}},
                        {"service.fact.difference", "", Money{0, "CNY", 2}, ""}};
            vm.buttons = {{"service_action:replenish_cash", "service.action.replenish_cash", true},
                          {"service_action:print_balance", "service.action.print_balance", true},
                          {"service_page:overview", "service.page.overview", true}};
            break;
        case ScreenId::ServiceOutbox:
            vm.message_key = "service.outcome.passed";
            vm.facts = {{"service.fact.result", "", std::nullopt, "upload_now: 200 sent, 200 acknowledged, 45 pending"},
                        {"service.fact.pending", "service.value.records_full", std::nullopt, "", {"45", "1"}},
                        {"service.fact.last_success", "service.value.at", std::nullopt, "", {"14:02:11"}},
                        {"service.fact.last_error", "service.value.none", std::nullopt, ""},
                        {"service.fact.dead_letters", "service.value.records", std::nullopt, "", {"0"}}};
            vm.buttons = {{"service_action:upload_now", "service.action.upload_now", true},
                          {"service_page:overview", "service.page.overview", true}};
            break;
        case ScreenId::ServiceJournal:
            // After "Cash": the search's lines take the page, newest first (docs/technician.md).
            vm.facts = {{"service.fact.search", "service.value.search_found", std::nullopt, "",
                         {"i18n:service.action.journal_cash", "4"}},
                        {"service.fact.journal_line", "service.value.journal_line", std::nullopt, "",
                         {"14:02:11", "system", "dispense", "success"}},
                        {"service.fact.journal_line", "service.value.journal_line", std::nullopt, "",
                         {"13:47:30", "system", "dispense", "failure: note jam"}},
                        {"service.fact.journal_line", "service.value.journal_line", std::nullopt, "",
                         {"13:47:02", "system", "cash_retract", "success"}},
                        {"service.fact.journal_line", "service.value.journal_line", std::nullopt, "",
                         {"09:15:44", "technician:1001", "cash_replenish", "success"}}};
            vm.buttons = {{"service_action:verify_journal", "service.action.verify_journal", true},
                          {"service_action:journal_failures", "service.action.journal_failures", true},
                          {"service_action:journal_cash", "service.action.journal_cash", true},
                          {"service_action:journal_cards", "service.action.journal_cards", true},
                          {"service_action:journal_service", "service.action.journal_service", true},
                          {"service_action:journal_all", "service.action.journal_all", true},
                          {"service_page:overview", "service.page.overview", true}};
            break;
        case ScreenId::ServiceKeys:
            vm.facts = {{"service.fact.certificate", "", std::nullopt, "host client certificate: expires 2027-03-01 (89 days)"},
                        {"service.fact.rotate_keys", "service.value.supervisor_only", std::nullopt, ""}};
            vm.buttons = {{"service_action:rotate_keys", "service.action.rotate_keys", false},
                          {"service_page:overview", "service.page.overview", true}};
            break;
        case ScreenId::ServiceNetwork:
            vm.message_key = "service.outcome.failed";
            vm.facts = {{"service.fact.result", "", std::nullopt,
                         "probe_network: host echo 42 ms; CRM: curl: Could not connect to server"},
                        {"service.fact.host", "service.value.reachable", std::nullopt, "", {"42", "14:02:11"}},
                        {"service.fact.crm", "service.value.unreachable", std::nullopt, "",
                         {"14:01:50", "curl: Could not connect to server"}}};
            vm.buttons = {{"service_action:probe_network", "service.action.probe_network", true},
                          {"service_page:overview", "service.page.overview", true}};
            break;
        case ScreenId::ServiceQuality:
            vm.facts = {{"service.fact.day", "service.value.today", std::nullopt, "", {"2026-12-02"}},
                        {"service.fact.sessions", "service.value.sessions", std::nullopt, "", {"57"}},
                        {"service.fact.completion", "", std::nullopt, "93.0 %"},
                        {"service.fact.availability", "", std::nullopt, "99.1 %"},
                        {"service.fact.task_time", "service.value.task_time", std::nullopt, "", {"48.0", "95.0"}},
                        {"service.fact.errors", "", std::nullopt, "7.0 %"},
                        {"service.fact.csat", "service.value.csat", std::nullopt, "", {"4.4", "12"}},
                        {"service.fact.nps", "service.value.nps", std::nullopt, "", {"41.7", "12"}},
                        {"service.fact.sealed_day", "service.value.sealed_day", std::nullopt, "",
                         {"2026-12-01", "112", "94.6%", "98.7%"}}};
            vm.buttons = {{"service_page:about", "service.page.about", true},
                          {"service_page:overview", "service.page.overview", true}};
            break;
        case ScreenId::ServiceAbout:
            vm.facts = {{"service.fact.version", "", std::nullopt, "kiosk 0.9.0"},
                        {"service.fact.kiosk_id", "", std::nullopt, "SIM-0001, terminal TERM0001"},
                        {"service.fact.setting", "", std::nullopt, "maintenance.open_alert_after_s = 1800"}};
            vm.buttons = {{"service_page:overview", "service.page.overview", true}};
            break;
        case ScreenId::ServiceEnterCount:
            vm.facts = {{"service.fact.cassette_1", "", std::nullopt, "CNY 100"},
                        {"service.fact.capacity", "", std::nullopt, "2500"},
                        {"service.fact.count", "", std::nullopt, "2000"}};
            vm.buttons = {cancel};
            break;
        case ScreenId::ServiceLeaving: break;
    }
    // The header's "Report a problem", as the kiosk offers it (docs/ui.md § Complaints).
    switch (screen) {
        case ScreenId::OutOfService:
        case ScreenId::ComplaintOffer:
        case ScreenId::ComplaintCategory:
        case ScreenId::ComplaintConfirm:
        case ScreenId::ComplaintDone:
        case ScreenId::ServiceSignIn:
        case ScreenId::ServiceOverview:
        case ScreenId::ServiceDeviceTests:
        case ScreenId::ServiceCash:
        case ScreenId::ServiceOutbox:
        case ScreenId::ServiceJournal:
        case ScreenId::ServiceKeys:
        case ScreenId::ServiceNetwork:
        case ScreenId::ServiceQuality:
        case ScreenId::ServiceAbout:
        case ScreenId::ServiceEnterCount:
        case ScreenId::ServiceLeaving: vm.report_problem = Offer::Hidden; break;
        case ScreenId::ReadingCard:
        case ScreenId::Printing:
        case ScreenId::Dispensing:
        case ScreenId::TakeCash:
        case ScreenId::ThankYou: vm.report_problem = Offer::Unavailable; break;
        default: vm.report_problem = Offer::Available; break;
    }
    vm.focused = default_focus(vm);  // as the runtime starts it: on the way forward
    return vm;
}

}  // namespace kiosk::ui
