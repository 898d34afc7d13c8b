#include "kiosk/flow/flow_service_rows.hpp"

#include "kiosk/flow/row_builders.hpp"

namespace kiosk::flow {

namespace {

using S = StateId;
using E = EventKind;

using namespace rows;

// --- guards ---
ServiceAction action_of(const Event& e) { return std::get<events::ServiceActionChosen>(e).action; }
bool is_replenish(const Context&, const Event& e) { return action_of(e) == ServiceAction::ReplenishCash; }
bool needs_supervisor(const Context& c, const Event& e) {
    return supervisor_only(action_of(e)) && c.service_role != ServiceRole::Supervisor;
}
bool allowed_action(const Context& c, const Event& e) { return !is_replenish(c, e) && !needs_supervisor(c, e); }
bool more_counts(const Context&, const Event& e) { return std::get<events::ServiceCountEntered>(e).more; }
bool last_count(const Context& c, const Event& e) { return !more_counts(c, e); }
bool fit(const Context&, const Event& e) { return std::get<events::ServiceFitnessChecked>(e).fit; }
bool unfit_signed_in(const Context& c, const Event& e) { return !fit(c, e) && c.service_role.has_value(); }
// Never signed in: the pages stay closed; the kiosk waits out of service for its devices.
bool unfit_not_signed_in(const Context& c, const Event& e) { return !fit(c, e) && !c.service_role; }

bool fit_after_self_test(const Context&, const Event& e) {
    return !std::get<events::SelfTestFinished>(e).out_of_service.has_value();
}
bool unfit_after_self_test(const Context& c, const Event& e) { return !fit_after_self_test(c, e); }

// --- actions ---
void begin_service(Context& c, const Event&) {
    c.self_testing = false;  // a technician at the machine takes over from a remote self-test
    c.service_field = ServiceField::TechnicianId;
    c.sign_in_refusal.reset();
    c.pin_digits = 0;
}
// A technician card: it goes back first, the visit ends, then the sign-in.
void service_card_read(Context& c, const Event&) {
    c.service_requested = true;
    c.reason = CloseReason::Cancelled;
}
void entry_changed(Context& c, const Event& e) { c.pin_digits = std::get<events::EntryChanged>(e).digits; }
void id_entered(Context& c, const Event&) {
    c.service_field = ServiceField::TechnicianPin;
    c.pin_digits = 0;
}
void pin_entered(Context& c, const Event&) { c.pin_digits = 0; }
void signed_in(Context& c, const Event& e) {
    c.service_role = std::get<events::TechnicianSignedIn>(e).role;
    c.sign_in_refusal.reset();
    c.service_page = ServicePage::Overview;
    c.service_action.reset();
    c.service_outcome.reset();
}
void refused(Context& c, const Event& e) {
    c.sign_in_refusal = std::get<events::TechnicianRefused>(e).refusal;
    c.service_field = ServiceField::TechnicianId;
    c.pin_digits = 0;
}
void page_chosen(Context& c, const Event& e) {
    c.service_page = std::get<events::ServicePageChosen>(e).page;
    c.service_unfit = false;
}
void action_asked(Context& c, const Event& e) {
    c.service_action = action_of(e);
    c.service_outcome.reset();
    c.service_page = page_of(*c.service_action);
    c.service_action_asked = c.service_action;
}
void action_refused(Context& c, const Event& e) {
    c.service_action = action_of(e);
    c.service_outcome = ServiceOutcome::Refused;
}
void action_done(Context& c, const Event& e) {
    const auto& done = std::get<events::ServiceActionDone>(e);
    c.service_action = done.action;
    c.service_outcome = done.outcome;
}
void begin_counts(Context& c, const Event& e) {
    c.service_action = action_of(e);
    c.service_outcome.reset();
    c.service_page = ServicePage::Cash;
    c.service_count_cassette = 0;
    c.pin_digits = 0;
}
void next_cassette(Context& c, const Event&) {
    ++c.service_count_cassette;
    c.pin_digits = 0;
}
void counts_done(Context& c, const Event&) {
    c.pin_digits = 0;
    c.service_action_asked = ServiceAction::ReplenishCash;
}
void counts_dropped(Context& c, const Event&) {
    c.pin_digits = 0;
    c.service_outcome.reset();
    c.service_action.reset();
}
// kioskctl selftest: nobody is served while the devices are tested (a note goes to the reject bin).
void self_test_started(Context& c, const Event&) {
    c.self_testing = true;
    c.reason = CloseReason::OutOfServiceSelfTest;
}
// Still unfit after the tests: out of service for the reason the fitness round found.
void self_test_unfit(Context& c, const Event& e) {
    c.self_testing = false;
    c.reason = *std::get<events::SelfTestFinished>(e).out_of_service;
}
void unfit(Context& c, const Event&) {
    c.service_unfit = true;
    c.service_page = ServicePage::Overview;
}

}  // namespace

std::vector<TransitionRow> service_rows() {
    return {
        go(S::Attract, E::ServiceRequested, S::ServiceSignIn, begin_service),
        go(S::OutOfService, E::ServiceRequested, S::ServiceSignIn, begin_service),
        go(S::ReadingCard, E::ServiceRequested, S::Closing, service_card_read),

        stay(S::ServiceSignIn, E::EntryChanged, entry_changed),
        go(S::ServiceSignIn, E::TechnicianIdEntered, S::ServiceSignIn, id_entered),
        first(effects::CheckTechnician{}, stay(S::ServiceSignIn, E::TechnicianPinEntered, pin_entered)),
        go(S::ServiceSignIn, E::TechnicianSignedIn, S::ServiceMenu, signed_in),
        go(S::ServiceSignIn, E::TechnicianRefused, S::ServiceSignIn, refused),
        go(S::ServiceSignIn, E::Cancel, S::ServiceLeaving),
        go(S::ServiceSignIn, E::Timeout, S::ServiceLeaving),
        go(S::ServiceSignIn, E::LeaveService, S::ServiceLeaving),

        stay(S::ServiceMenu, E::ServicePageChosen, page_chosen),
        when(S::ServiceMenu, E::ServiceActionChosen, S::ServiceEnterCount, "replenish", is_replenish, begin_counts),
        stay_when(S::ServiceMenu, E::ServiceActionChosen, "supervisor only", needs_supervisor, action_refused),
        stay_when(S::ServiceMenu, E::ServiceActionChosen, "allowed", allowed_action, action_asked),
        stay(S::ServiceMenu, E::ServiceActionDone, action_done),
        go(S::ServiceMenu, E::LeaveService, S::ServiceLeaving),

        stay(S::ServiceEnterCount, E::EntryChanged, entry_changed),
        when(S::ServiceEnterCount, E::ServiceCountEntered, S::ServiceEnterCount, "another cassette", more_counts,
             next_cassette),
        when(S::ServiceEnterCount, E::ServiceCountEntered, S::ServiceMenu, "last cassette", last_count, counts_done),
        go(S::ServiceEnterCount, E::Cancel, S::ServiceMenu, counts_dropped),
        go(S::ServiceEnterCount, E::Timeout, S::ServiceMenu, counts_dropped),
        go(S::ServiceEnterCount, E::LeaveService, S::ServiceLeaving),

        first(effects::EndServiceMode{}, when(S::ServiceLeaving, E::ServiceFitnessChecked, S::Attract, "fit", fit)),
        when(S::ServiceLeaving, E::ServiceFitnessChecked, S::ServiceMenu, "not fit, signed in", unfit_signed_in,
             unfit),
        first(effects::EndServiceMode{}, when(S::ServiceLeaving, E::ServiceFitnessChecked, S::OutOfService,
                                              "not fit, not signed in", unfit_not_signed_in)),

        // kioskctl selftest (only while idle): out of service while it runs, Attract again if fit.
        go(S::Attract, E::SelfTestStarted, S::OutOfService, self_test_started),
        stay(S::OutOfService, E::SelfTestStarted, self_test_started),
        when(S::OutOfService, E::SelfTestFinished, S::Attract, "fit", fit_after_self_test),
        stay_when(S::OutOfService, E::SelfTestFinished, "not fit", unfit_after_self_test, self_test_unfit),
    };
}

bool is_service_state(StateId state) {
    return state == S::ServiceSignIn || state == S::ServiceMenu || state == S::ServiceEnterCount ||
           state == S::ServiceLeaving;
}

std::optional<KeyEntry> service_key_entry(const Context& context) {
    switch (context.state) {
        case S::ServiceSignIn:
            return context.service_field == ServiceField::TechnicianId ? KeyEntry::TechnicianId : KeyEntry::TechnicianPin;
        case S::ServiceEnterCount: return KeyEntry::CassetteCount;
        default: return std::nullopt;
    }
}

}  // namespace kiosk::flow
