#include "kiosk/cx/journey_log.hpp"

#include <algorithm>
#include <variant>

namespace kiosk {

namespace {

using flow::EventKind;

std::string_view declined_detail(host::ResponseCode code) {
    switch (code) {
        case host::ResponseCode::WrongPin: return "wrong_pin";
        case host::ResponseCode::PinTriesExceeded: return "pin_tries_exceeded";
        default: return "declined";
    }
}

std::string_view out_of_service_detail(flow::OutOfServiceReason reason) {
    switch (reason) {
        case flow::OutOfServiceReason::Devices: return "devices";
        case flow::OutOfServiceReason::Tamper: return "tamper";
        case flow::OutOfServiceReason::HostUnreachable: return "host";
        case flow::OutOfServiceReason::StorageFull: return "storage_full";
    }
    return "devices";
}

}  // namespace

std::string_view to_string(JourneyEventType type) {
    switch (type) {
        case JourneyEventType::Touch: return "touch";
        case JourneyEventType::Key: return "key";
        case JourneyEventType::Error: return "error";
        case JourneyEventType::DeviceFault: return "device_fault";
        case JourneyEventType::Timeout: return "timeout";
        case JourneyEventType::MoreTime: return "more_time";
        case JourneyEventType::Cancel: return "cancel";
        case JourneyEventType::Survey: return "survey";
        case JourneyEventType::Complaint: return "complaint";
    }
    return "touch";
}

std::string_view to_string(PadKey key) {
    switch (key) {
        case PadKey::Enter: return "enter";
        case PadKey::Cancel: return "cancel";
        case PadKey::Clear: return "clear";
        case PadKey::Backspace: return "backspace";
        case PadKey::Digit: return "digit";
    }
    return "digit";
}

void JourneyLog::enter(ui::ScreenId screen, TimePoint now) {
    if (!steps_.empty() && !steps_.back().left) steps_.back().left = now;
    steps_.push_back({screen, now, std::nullopt});
}

void JourneyLog::close(TimePoint now) {
    if (!steps_.empty() && !steps_.back().left) steps_.back().left = now;
}

std::optional<ui::ScreenId> JourneyLog::current_screen() const {
    if (steps_.empty()) return std::nullopt;
    return steps_.back().screen;
}

void JourneyLog::add(JourneyEventType type, TimePoint now, std::string control, std::string detail) {
    events_.push_back({now, current_screen(), type, std::move(control), std::move(detail)});
}

void JourneyLog::complaint(std::string_view category, TimePoint now) {
    add(JourneyEventType::Complaint, now, {}, std::string(category));
}

void JourneyLog::touch(std::string_view control, TimePoint now) { add(JourneyEventType::Touch, now, std::string(control)); }

void JourneyLog::key(PadKey key, TimePoint now) { add(JourneyEventType::Key, now, std::string(to_string(key))); }

void JourneyLog::task_chosen(host::TransactionType type) {
    if (!task_) task_ = type;
}

void JourneyLog::survey(std::string_view detail, TimePoint now) {
    add(JourneyEventType::Survey, now, {}, std::string(detail));
}

bool JourneyLog::survey_shown() const {
    const std::optional<ui::ScreenId> screen = current_screen();
    return screen == ui::ScreenId::Survey || screen == ui::ScreenId::SurveyReasons || screen == ui::ScreenId::SurveyNps;
}

void JourneyLog::observe(const flow::Event& event, TimePoint now) {
    const EventKind kind = flow::kind_of(event);
    if ((kind == EventKind::Cancel || kind == EventKind::Timeout) && survey_shown()) return;
    switch (kind) {
        case EventKind::Cancel:
            add(JourneyEventType::Cancel, now);
            left_on_ = current_screen();
            break;
        case EventKind::Timeout:
            add(JourneyEventType::Timeout, now);
            // A "more time?" prompt that runs out leaves the customer where it interrupted them.
            if (current_screen() != ui::ScreenId::MoreTime || !left_on_) left_on_ = current_screen();
            break;
        case EventKind::MoreTimeYes:
            add(JourneyEventType::MoreTime, now, {}, "yes");
            left_on_.reset();  // back at work: not abandoned there (yet)
            break;
        case EventKind::MoreTimeNo: add(JourneyEventType::MoreTime, now, {}, "no"); break;
        case EventKind::HostDeclined:
            add(JourneyEventType::Error, now, {},
                std::string(declined_detail(std::get<flow::events::HostDeclined>(event).response)));
            break;
        case EventKind::HostUnavailable: add(JourneyEventType::Error, now, {}, "host_unavailable"); break;
        case EventKind::AmountNotPayable: add(JourneyEventType::Error, now, {}, "amount_refused"); break;
        case EventKind::CardReadFailed: add(JourneyEventType::Error, now, {}, "card_unreadable"); break;
        case EventKind::PinMismatch: add(JourneyEventType::Error, now, {}, "new_pin_mismatch"); break;
        case EventKind::DispenseFailed: add(JourneyEventType::DeviceFault, now, {}, "dispenser"); break;
        case EventKind::PrintFailed: add(JourneyEventType::DeviceFault, now, {}, "printer"); break;
        case EventKind::CardEjectFailed: add(JourneyEventType::DeviceFault, now, {}, "card_reader"); break;
        case EventKind::DevicesFailed:
            add(JourneyEventType::DeviceFault, now, {},
                std::string(out_of_service_detail(std::get<flow::events::DevicesFailed>(event).reason)));
            break;
        default: break;
    }
}

std::optional<TimePoint> JourneyLog::started() const {
    std::optional<TimePoint> first;
    if (!steps_.empty()) first = steps_.front().entered;
    if (!events_.empty() && (!first || events_.front().at < *first)) first = events_.front().at;
    return first;
}

Millis JourneyLog::total() const {
    const std::optional<TimePoint> begin = started();
    if (!begin) return Millis{0};
    TimePoint end = *begin;
    for (const JourneyStep& step : steps_) end = std::max(end, step.left.value_or(step.entered));
    if (!events_.empty()) end = std::max(end, events_.back().at);
    return std::chrono::duration_cast<Millis>(end - *begin);
}

std::string_view JourneyLog::task() const {
    if (!task_) return "none";
    switch (*task_) {
        case host::TransactionType::Withdrawal: return "withdrawal";
        case host::TransactionType::BalanceInquiry: return "balance";
        case host::TransactionType::Transfer: return "transfer";
        case host::TransactionType::PinChange: return "pin_change";
        case host::TransactionType::MiniStatement: return "statement";
        case host::TransactionType::CardlessWithdrawal: return "cardless_withdrawal";
        case host::TransactionType::Reversal: return "none";  // never chosen by a customer
    }
    return "none";
}

int JourneyLog::error_count() const {
    return static_cast<int>(std::count_if(events_.begin(), events_.end(), [](const JourneyEvent& event) {
        return event.type == JourneyEventType::Error || event.type == JourneyEventType::DeviceFault;
    }));
}

bool JourneyLog::had_failure() const {
    return std::any_of(events_.begin(), events_.end(), [](const JourneyEvent& event) {
        if (event.type == JourneyEventType::DeviceFault) return true;
        return event.type == JourneyEventType::Error && event.detail != "wrong_pin" &&
               event.detail != "amount_refused" && event.detail != "new_pin_mismatch";
    });
}

int JourneyLog::timeout_count() const {
    return static_cast<int>(std::count_if(events_.begin(), events_.end(),
                                          [](const JourneyEvent& event) { return event.type == JourneyEventType::Timeout; }));
}

std::optional<ui::ScreenId> JourneyLog::abandoned_at(flow::SessionOutcome outcome) const {
    switch (outcome) {
        case flow::SessionOutcome::Cancelled:
        case flow::SessionOutcome::TimedOut:
            return left_on_ ? left_on_ : current_screen();
        case flow::SessionOutcome::CardRetained: return left_on_;  // walked away from the card
        case flow::SessionOutcome::Completed:
        case flow::SessionOutcome::Failed: return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace kiosk
