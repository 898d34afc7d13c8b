#include "kiosk/flow/session_outcome.hpp"

namespace kiosk::flow {

SessionOutcome outcome_of(const Context& context) {
    if (context.state == StateId::CardRetained) return SessionOutcome::CardRetained;
    if (!context.reason) return SessionOutcome::Completed;
    switch (context.reason->kind()) {
        case CloseReason::Cancelled: return SessionOutcome::Cancelled;
        case CloseReason::TimedOut: return SessionOutcome::TimedOut;
        default: return SessionOutcome::Failed;
    }
}

std::string_view to_string(SessionOutcome outcome) {
    switch (outcome) {
        case SessionOutcome::Completed: return "completed";
        case SessionOutcome::Cancelled: return "cancelled";
        case SessionOutcome::TimedOut: return "timed_out";
        case SessionOutcome::Failed: return "failed";
        case SessionOutcome::CardRetained: return "card_retained";
    }
    return "failed";
}

}  // namespace kiosk::flow
