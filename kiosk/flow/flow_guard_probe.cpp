#include "kiosk/flow/flow_guard_probe.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <map>
#include <optional>
#include <utility>
#include <variant>

namespace kiosk::flow {

namespace {

// One event of `kind` with a representative payload: a guard that reads the payload is asked
// about a value it could meet (the host's answers are varied in sample_events).
Event representative(EventKind kind) {
    switch (kind) {
        case EventKind::ChooseLanguage: return events::ChooseLanguage(ui::Language::English);
        case EventKind::HostApproved: return events::HostApproved(std::nullopt);
        case EventKind::HostDeclined: return events::HostDeclined(host::ResponseCode::SystemError);
        case EventKind::DevicesFailed: return events::DevicesFailed(OutOfServiceReason::Devices);
        case EventKind::AmountChosen: return events::AmountChosen(Money{100'00, "CNY", 2});
        case EventKind::AmountNotPayable: return events::AmountNotPayable(AmountRefusal::TooLarge);
        case EventKind::ToggleOption: return events::ToggleOption(SessionOption::LargeText);
        case EventKind::EntryChanged: return events::EntryChanged(0);
        case EventKind::AccountChosen: return events::AccountChosen(host::AccountType::Default);
        case EventKind::SurveyRated: return events::SurveyRated(kCsatMax);
        case EventKind::SurveyReasonToggled: return events::SurveyReasonToggled(SurveyReason::Waiting);
        case EventKind::NpsRated: return events::NpsRated(kNpsMax);
        case EventKind::ComplaintCategoryChosen: return events::ComplaintCategoryChosen(ComplaintCategory::Other);
        case EventKind::TechnicianSignedIn: return events::TechnicianSignedIn(ServiceRole::Technician);
        case EventKind::TechnicianRefused: return events::TechnicianRefused(SignInRefusal::WrongIdOrPin);
        case EventKind::ServicePageChosen: return events::ServicePageChosen(ServicePage::Cash);
        case EventKind::ServiceActionChosen: return events::ServiceActionChosen(ServiceAction::PrintTestReceipt);
        case EventKind::ServiceActionDone:
            return events::ServiceActionDone(ServiceAction::PrintTestReceipt, ServiceOutcome::Passed);
        case EventKind::ServiceCountEntered: return events::ServiceCountEntered(true);
        case EventKind::ServiceFitnessChecked: return events::ServiceFitnessChecked(true);
        case EventKind::SelfTestFinished: return events::SelfTestFinished(OutOfServiceReason::Devices);
        default: break;
    }
    std::optional<Event> made;
    [&]<std::size_t... Index>(std::index_sequence<Index...>) {
        const auto make = [&](auto index) {
            using Payload = std::variant_alternative_t<decltype(index)::value, Event>;
            if constexpr (std::is_default_constructible_v<Payload>) {
                if (static_cast<std::size_t>(kind) == decltype(index)::value) made.emplace(Payload{});
            }
        };
        (make(std::integral_constant<std::size_t, Index>{}), ...);
    }(std::make_index_sequence<std::variant_size_v<Event>>{});
    return *made;  // every kind with a payload is listed above
}

// The events a guard is asked about: the host's answers tell the decline rows apart.
std::vector<Event> sample_events(EventKind kind) {
    // A low score and a good one: the survey's rows tell them apart.
    if (kind == EventKind::SurveyRated) return {events::SurveyRated(kCsatMin), events::SurveyRated(kCsatMax)};
    // The service pages' rows tell these apart: a plain action, replenish, a supervisor's; another
    // cassette or the last; fit or not.
    if (kind == EventKind::ServiceActionChosen) {
        return {events::ServiceActionChosen(ServiceAction::PrintTestReceipt),
                events::ServiceActionChosen(ServiceAction::ReplenishCash),
                events::ServiceActionChosen(ServiceAction::RotateKeys)};
    }
    if (kind == EventKind::ServiceCountEntered) return {events::ServiceCountEntered(true), events::ServiceCountEntered(false)};
    if (kind == EventKind::ServiceFitnessChecked) {
        return {events::ServiceFitnessChecked(true), events::ServiceFitnessChecked(false)};
    }
    if (kind == EventKind::SelfTestFinished) {
        return {events::SelfTestFinished(std::nullopt), events::SelfTestFinished(OutOfServiceReason::Devices)};
    }
    if (kind != EventKind::HostDeclined) return {representative(kind)};
    std::vector<Event> events;
    for (const host::ResponseCode response :
         {host::ResponseCode::WrongPin, host::ResponseCode::PinTriesExceeded, host::ResponseCode::SystemError}) {
        events.emplace_back(events::HostDeclined(response));
    }
    return events;
}

bool holds(const TransitionRow& row, const Context& context) {
    if (row.guard == nullptr) return true;
    const std::vector<Event> events = sample_events(row.on);
    return std::any_of(events.begin(), events.end(), [&](const Event& event) { return row.guard(context, event); });
}

Context after(const TransitionRow& row, Context context) {
    if (row.action != nullptr) {
        row.action(context, representative(row.on));
    }
    context.state = row.to;
    return context;
}

// The context of a session that walked the table from Attract to `target` by the fewest rows.
Context context_reaching(StateId target) {
    std::map<StateId, Context> reached{{StateId::Attract, Context{}}};
    std::deque<StateId> queue{StateId::Attract};
    while (!queue.empty() && !reached.contains(target)) {
        const StateId state = queue.front();
        queue.pop_front();
        for (const TransitionRow& row : transition_table()) {
            if (row.from != state || reached.contains(row.to) || !holds(row, reached.at(state))) continue;
            reached.emplace(row.to, after(row, reached.at(state)));
            queue.push_back(row.to);
        }
    }
    return reached.contains(target) ? reached.at(target) : Context{};
}

std::vector<Context> varied(const Context& base) {
    std::vector<Context> contexts;
    const std::vector<bool> card_in = base.card_in_machine ? std::vector<bool>{true, false} : std::vector<bool>{false};
    constexpr std::array flags{false, true};
    for (const bool card : card_in) {
        for (const bool card_first : flags) {
            for (const bool printer : flags) {
                for (const bool e_receipts : flags) {
                    for (const bool another : flags) {
                        for (const int tries : {1, 3}) {
                            Context context = base;
                            context.card_in_machine = card;
                            context.card_before_cash = card_first;
                            context.receipts_available = printer;
                            context.e_receipts = e_receipts;
                            context.offer_another = another;
                            context.pin_tries_left = tries;
                            contexts.push_back(context);
                        }
                    }
                }
            }
        }
    }
    return contexts;
}

}  // namespace

std::vector<Context> contexts_without_transaction() {
    Context base{};
    base.card_in_machine = true;
    return varied(base);
}

std::vector<Context> contexts_of_survey() {
    std::vector<Context> contexts;
    for (const bool nps : {false, true}) {
        Context context;
        context.card_in_machine = true;
        context.survey_offer = SurveyOffer{nps};
        context.survey = SurveyAnswers{};
        contexts.push_back(context);
    }
    return contexts;
}

std::vector<Context> contexts_after(const TransitionRow& start) { return varied(after(start, context_reaching(start.from))); }

bool can_take(const TransitionRow& row, std::span<const Context> contexts) {
    return std::any_of(contexts.begin(), contexts.end(), [&](const Context& context) { return holds(row, context); });
}

}  // namespace kiosk::flow
