// MaintenanceService's pages (see maintenance_service.hpp): each service page's lines and buttons
// from what the service last learned and what its sources read — never a device read while
// drawing. Facts are i18n keys with their values (service_facts.hpp), so they follow the page's
// language; action results stay in the journal's words.
#include <algorithm>

#include "kiosk/health/health_conditions.hpp"
#include "kiosk/maintenance/journal_searches.hpp"
#include "kiosk/maintenance/maintenance_service.hpp"
#include "kiosk/maintenance/service_facts.hpp"
#include "store/database.hpp"

namespace kiosk {

using namespace maintenance;  // the cash ledger's vocabulary

namespace {

using flow::ServiceAction;
using flow::ServiceOutcome;
using flow::ServicePage;
using maintenance::keyed_fact;
using maintenance::round_trip_fact;

constexpr std::string_view kNotHere = "not available in this assembly";

ui::FactLine line(std::string label_key, std::string value) {
    return ui::FactLine{std::move(label_key), "", std::nullopt, std::move(value)};
}
ui::FactLine keyed(std::string label_key, std::string value_key) {
    return ui::FactLine{std::move(label_key), std::move(value_key), std::nullopt, ""};
}

// "working", or the state in the technician's language with the driver's own description.
ui::FactLine device_line(std::string label_key, const drivers::DeviceStatus& status) {
    if (status.usable()) return keyed(std::move(label_key), "service.state.ok");
    AlertWords words = device_state_words(status);
    return keyed_fact(std::move(label_key), std::move(words.key), std::move(words.args));  // no args: the state's key
}

ui::Button page_button(ServicePage page) {
    return {"service_page:" + std::string(flow::to_string(page)), "service.page." + std::string(flow::to_string(page)),
            true};
}
ui::Button action_button(ServiceAction action, bool enabled = true) {
    return {"service_action:" + std::string(flow::to_string(action)),
            "service.action." + std::string(flow::to_string(action)), enabled};
}

// The sensors' line on the page, in its language.
ui::FactLine sensor_fact(const drivers::SensorReadings& r) {
    return keyed_fact("service.fact.sensors", "service.value.sensors",
                      {r.safe_door_open ? "i18n:service.sensor.door_open" : "i18n:service.sensor.door_closed",
                       r.tampered ? "i18n:service.sensor.tampered" : "i18n:service.sensor.no_tamper",
                       r.operator_key_maintenance ? "i18n:service.sensor.key_maintenance" : "i18n:service.sensor.key_normal"});
}

std::string money_words(std::int64_t minor, const Money& currency) {
    return format_money(currency.with_minor_units(minor));
}

}  // namespace

std::vector<ui::FactLine> MaintenanceService::cash_lines(const std::optional<DeviceHealth>& health) const {
    std::vector<ui::FactLine> lines;
    if (sources_.database == nullptr) return {line("service.fact.dispenser", std::string(kNotHere))};
    const std::vector<std::uint32_t> counts = device_counts(health);
    auto ledgers = CashLedger(*sources_.database).read(std::max<std::size_t>(counts.size(), 1));
    if (!ledgers) return {line("service.fact.dispenser", ledgers.error().to_string())};
    const BalanceReport report = maintenance::balance(*ledgers, counts, std::nullopt);
    for (const BalanceLine& cassette : report.cassettes) {
        const CassetteLedger& l = cassette.ledger;
        std::vector<std::string> args{money_words(l.denomination, currency_), std::to_string(l.loaded),
                                      std::to_string(l.dispensed),  std::to_string(l.rejected),
                                      std::to_string(l.retracted),  std::to_string(l.remaining())};
        if (cassette.device_count) args.push_back(std::to_string(*cassette.device_count));
        if (l.cassette <= 4) {
            lines.push_back(keyed_fact("service.fact.cassette_" + std::to_string(l.cassette),
                                       cassette.device_count ? "service.value.cassette_counted" : "service.value.cassette",
                                       std::move(args)));
        }
    }
    lines.push_back(ui::FactLine{"service.fact.dispensed_value", "", currency_.with_minor_units(report.dispensed_minor), ""});
    if (host_totals_) {
        lines.push_back(keyed_fact("service.fact.host_totals", "service.value.host_totals",
                                   {std::to_string(host_totals_->withdrawals),
                                    money_words(host_totals_->withdrawn_minor, currency_)}));
        lines.push_back(ui::FactLine{"service.fact.difference", "",
                                     currency_.with_minor_units(host_totals_->withdrawn_minor - report.dispensed_minor), ""});
    }
    return lines;
}

void MaintenanceService::fill(ui::ViewModel& vm, const flow::Context& context, const std::optional<DeviceHealth>& health,
                              const ServiceFitness& fitness, bool host_reachable, std::string_view typed) const {
    std::vector<ui::FactLine>& facts = vm.facts;
    const auto outcome_key = [&]() -> std::string {
        if (!context.service_action) return {};
        if (!context.service_outcome) return "service.outcome.running";
        return "service.outcome." + std::string(flow::to_string(*context.service_outcome));
    };
    const auto result = [&] {
        if (context.service_action && context.service_outcome && !result_.empty()) {
            facts.push_back(line("service.fact.result", result_));
        }
    };
    const auto with_source = [&](const std::function<std::vector<ui::FactLine>()>& source) {
        if (!source) {
            facts.push_back(line("service.fact.setting", std::string(kNotHere)));
            return;
        }
        for (ui::FactLine& fact : source()) facts.push_back(std::move(fact));
    };
    const ui::Button back = page_button(ServicePage::Overview);
    switch (vm.screen) {
        case ui::ScreenId::ServiceSignIn:
            facts.push_back(line("service.fact.technician_id",
                                 context.service_field == flow::ServiceField::TechnicianId
                                     ? std::string(typed)
                                     : typed_id_));
            if (context.service_field == flow::ServiceField::TechnicianPin) {
                std::string dots;
                for (int i = 0; i < context.pin_digits; ++i) dots += "\u2022";
                facts.push_back(line("service.fact.pin", dots));
            }
            if (context.sign_in_refusal) {
                vm.message_key = "service.refused." + std::string(flow::to_string(*context.sign_in_refusal));
            }
            vm.buttons = {{"cancel", "action.cancel", true}};
            return;
        case ui::ScreenId::ServiceOverview: {
            if (context.service_unfit) vm.message_key = "service.unfit";
            facts.push_back(keyed_fact("service.fact.role", "service.value.role",
                                       {technician_, "i18n:service.role." +
                                                         std::string(flow::to_string(role_.value_or(flow::ServiceRole::Technician)))}));
            for (const std::string& problem : unfit_problems_) {
                if (context.service_unfit) facts.push_back(line("service.fact.alert", problem));
            }
            if (sources_.alerts) {
                for (const Alert& alert : sources_.alerts()) {
                    // In the page's language when the alert has its words (every health condition does).
                    facts.push_back(alert.cause_words.key.empty()
                                        ? line("service.fact.alert", alert.cause)
                                        : keyed_fact("service.fact.alert", alert.cause_words.key, alert.cause_words.args));
                    facts.push_back(alert.action_words.key.empty()
                                        ? line("service.fact.action", alert.suggested_action)
                                        : keyed_fact("service.fact.action", alert.action_words.key,
                                                     alert.action_words.args));
                }
            }
            if (!health) {
                facts.push_back(keyed("service.fact.card_reader", "service.state.not_read"));
            } else {
                facts.push_back(device_line("service.fact.card_reader", health->card_reader.device));
                facts.push_back(device_line("service.fact.pin_pad", health->pin_pad.device));
                facts.push_back(device_line("service.fact.printer", health->printer.device));
                if (health->dispenser) {
                    facts.push_back(device_line("service.fact.dispenser", health->dispenser->device));
                } else {
                    facts.push_back(keyed("service.fact.dispenser", "service.state.not_fitted"));
                }
                if (health->sensors && health->sensors->ok()) {
                    facts.push_back(sensor_fact(health->sensors->value()));
                }
                if (health->storage_problem) facts.push_back(line("service.fact.storage", *health->storage_problem));
            }
            (void)fitness;
            vm.buttons = {page_button(ServicePage::DeviceTests), page_button(ServicePage::Cash),
                          page_button(ServicePage::Outbox),      page_button(ServicePage::Journal),
                          page_button(ServicePage::Keys),        page_button(ServicePage::Network),
                          page_button(ServicePage::Quality),     {"service_leave", "service.leave", true}};
            return;
        }
        case ui::ScreenId::ServiceDeviceTests: {
            vm.message_key = outcome_key();
            result();
            if (health) {
                facts.push_back(device_line("service.fact.card_reader", health->card_reader.device));
                if (health->dispenser) facts.push_back(device_line("service.fact.dispenser", health->dispenser->device));
                if (health->sensors && health->sensors->ok()) {
                    facts.push_back(sensor_fact(health->sensors->value()));
                }
            }
            // The one reset the latched fault asks for: the reader's jam, the dispenser's, the tamper.
            ServiceAction reset = ServiceAction::ResetCardReader;
            if (health && health->dispenser && !health->dispenser->device.usable() && health->card_reader.device.usable()) {
                reset = ServiceAction::ResetDispenser;
            }
            if (health && health->sensors && health->sensors->ok() && health->sensors->value().tampered) {
                reset = ServiceAction::ResetTamper;
            }
            const ServiceAction test = reset == ServiceAction::ResetCardReader  ? ServiceAction::ReadTestCard
                                       : reset == ServiceAction::ResetDispenser ? ServiceAction::TestDispense
                                                                                : ServiceAction::ReadSensors;
            vm.buttons = {action_button(ServiceAction::PrintTestReceipt), action_button(ServiceAction::ReadTestCard),
                          action_button(ServiceAction::TestDispense),     action_button(ServiceAction::PinPadKeyTest),
                          action_button(ServiceAction::ReadSensors),      action_button(ServiceAction::SpeechTest),
                          action_button(reset, passed_.count(test) != 0), back};
            return;
        }
        case ui::ScreenId::ServiceCash:
            vm.message_key = outcome_key();
            result();
            for (ui::FactLine& fact : cash_lines(health)) facts.push_back(std::move(fact));
            vm.buttons = {action_button(ServiceAction::ReplenishCash), action_button(ServiceAction::PrintBalance), back};
            return;
        case ui::ScreenId::ServiceOutbox:
            vm.message_key = outcome_key();
            result();
            with_source(sources_.outbox);
            vm.buttons = {action_button(ServiceAction::UploadNow, static_cast<bool>(sources_.upload_now)), back};
            return;
        case ui::ScreenId::ServiceJournal: {
            // A search's lines take the page (its heading says what was asked); a failed search
            // or Verify shows its outcome and result over the journal's count and last line.
            const bool searched = context.service_action && is_journal_search(*context.service_action) &&
                                  context.service_outcome == ServiceOutcome::Passed && !journal_found_.empty();
            if (searched) {
                for (const ui::FactLine& fact : journal_found_) facts.push_back(fact);
            } else {
                vm.message_key = outcome_key();
                result();
                with_source(sources_.journal);
            }
            const bool can_search = static_cast<bool>(sources_.search_journal);
            vm.buttons = {action_button(ServiceAction::VerifyJournal, static_cast<bool>(sources_.verify_journal)),
                          action_button(ServiceAction::JournalFailures, can_search),
                          action_button(ServiceAction::JournalCash, can_search),
                          action_button(ServiceAction::JournalCards, can_search),
                          action_button(ServiceAction::JournalService, can_search),
                          action_button(ServiceAction::JournalAll, can_search),
                          back};
            return;
        }
        case ui::ScreenId::ServiceKeys:
            vm.message_key = outcome_key();
            result();
            with_source(sources_.keys);
            if (role_ != flow::ServiceRole::Supervisor) {
                facts.push_back(keyed("service.fact.rotate_keys", "service.value.supervisor_only"));
            }
            vm.buttons = {action_button(ServiceAction::RotateKeys,
                                        role_ == flow::ServiceRole::Supervisor && static_cast<bool>(sources_.rotate_keys)),
                          back};
            return;
        case ui::ScreenId::ServiceNetwork:
            vm.message_key = outcome_key();
            result();
            if (sources_.host_round_trip) {
                facts.push_back(round_trip_fact("service.fact.host", sources_.host_round_trip()));
            } else {
                facts.push_back(keyed("service.fact.host", host_reachable ? "service.value.reachable_now"
                                                                          : "service.value.unreachable_now"));
            }
            if (sources_.crm_round_trip) {
                facts.push_back(round_trip_fact("service.fact.crm", sources_.crm_round_trip()));
            } else {
                facts.push_back(line("service.fact.crm", std::string(kNotHere)));
            }
            vm.buttons = {action_button(ServiceAction::ProbeNetwork), back};
            return;
        case ui::ScreenId::ServiceQuality:
            with_source(sources_.quality);
            vm.buttons = {page_button(ServicePage::About), back};
            return;
        case ui::ScreenId::ServiceAbout:
            with_source(sources_.about);
            vm.buttons = {back};
            return;
        case ui::ScreenId::ServiceEnterCount: {
            const std::size_t index = static_cast<std::size_t>(context.service_count_cassette);
            if (health && health->dispenser && index < health->dispenser->cassettes.size() && index < 4) {
                facts.push_back(line("service.fact.cassette_" + std::to_string(index + 1),
                                     money_words(health->dispenser->cassettes[index].denomination, currency_)));
            }
            facts.push_back(line("service.fact.capacity", std::to_string(config_.cassette_capacity)));
            facts.push_back(line("service.fact.count", std::string(typed)));
            vm.buttons = {{"cancel", "action.cancel", true}};
            return;
        }
        default: return;
    }
}


}  // namespace kiosk
