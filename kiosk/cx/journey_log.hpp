// JourneyLog: what one visit looked like, collected on the loop thread as it happens (no I/O, no
// clock of its own — the runtime hands in the time): each screen with its enter and leave times,
// and the events the bank's funnels are built from — which control was touched, which PIN-pad key
// kind was pressed (never which digit), each error, device fault, timeout, "more time?" answer and
// cancel — and where a visit that did not complete was abandoned. The CX recorder turns it into the
// `journey` record (docs/cx-records.md); nothing here is persisted by itself.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "host/host_messages.hpp"
#include "kiosk/flow/flow_events.hpp"
#include "kiosk/flow/session_outcome.hpp"
#include "ui/view_model.hpp"

namespace kiosk {

struct JourneyStep {
    ui::ScreenId screen;
    TimePoint entered;
    std::optional<TimePoint> left;
};

enum class JourneyEventType { Touch, Key, Error, DeviceFault, Timeout, MoreTime, Cancel, Survey, Complaint };

// A PIN-pad key as the journey names it: its function, never its value.
enum class PadKey { Enter, Cancel, Clear, Backspace, Digit };

struct JourneyEvent {
    TimePoint at;
    std::optional<ui::ScreenId> screen;  // the screen shown when it happened (none before the first)
    JourneyEventType type = JourneyEventType::Touch;
    std::string control;  // Touch: the button's action id; Key: the key's function
    std::string detail;   // Error: which; DeviceFault: the device; MoreTime: "yes"/"no";
                          // Survey: "shown", then "answered", "skipped" or "timed_out"
};

class JourneyLog {
public:
    // A new screen: the open step is closed at `now`.
    void enter(ui::ScreenId screen, TimePoint now);
    // The visit is over: the open step is closed at `now`.
    void close(TimePoint now);

    // A screen control the customer touched (the button's action id, e.g. "withdrawal", "amount_0").
    void touch(std::string_view control, TimePoint now);
    // A PIN-pad key of any entry (PIN, amount, code): its function only.
    void key(PadKey key, TimePoint now);
    // A flow event the current state took: errors, device faults, timeouts, "more time?" answers and
    // cancels become journey events; every other event is not the journey's business.
    void observe(const flow::Event& event, TimePoint now);
    // The post-transaction survey was shown, or ended ("answered", "skipped", "timed_out"). While a
    // survey screen is shown, its timer and the pad's cancel are the survey's, not the visit's:
    // observe() counts neither as a timeout or a cancel of the journey.
    void survey(std::string_view detail, TimePoint now);
    // A problem report was sent: `category` is its payload name (no reference: the record has it).
    void complaint(std::string_view category, TimePoint now);
    // The first transaction chosen on this visit is its task.
    void task_chosen(host::TransactionType type);

    [[nodiscard]] const std::vector<JourneyStep>& steps() const { return steps_; }
    [[nodiscard]] const std::vector<JourneyEvent>& events() const { return events_; }
    [[nodiscard]] bool empty() const { return steps_.empty() && events_.empty(); }
    // When the visit began: its first screen (or event).
    [[nodiscard]] std::optional<TimePoint> started() const;
    // From the first screen to the last one's end (or the last event); 0 for an empty log.
    [[nodiscard]] Millis total() const;
    // "withdrawal", "balance", "transfer", "pin_change", "statement", "cardless_withdrawal", "none".
    [[nodiscard]] std::string_view task() const;
    [[nodiscard]] int error_count() const;
    [[nodiscard]] int timeout_count() const;
    // Something the kiosk or the bank got wrong: a device fault, a decline, the host unavailable,
    // an unreadable card (not the customer's own slips: a wrong PIN, a refused amount, a mismatch).
    [[nodiscard]] bool had_failure() const;
    // The screen a visit that ended `outcome` was abandoned on: the screen of its last cancel or
    // timeout (a "more time?" prompt counts for the screen it interrupted) when the customer
    // cancelled, timed out or walked away from the card; none for a completed visit or a failure
    // the kiosk or the bank caused.
    [[nodiscard]] std::optional<ui::ScreenId> abandoned_at(flow::SessionOutcome outcome) const;

private:
    void add(JourneyEventType type, TimePoint now, std::string control = {}, std::string detail = {});
    [[nodiscard]] std::optional<ui::ScreenId> current_screen() const;
    [[nodiscard]] bool survey_shown() const;

    std::vector<JourneyStep> steps_;
    std::vector<JourneyEvent> events_;
    std::optional<host::TransactionType> task_;
    std::optional<ui::ScreenId> left_on_;  // the screen of the last cancel or timeout not taken back
};

std::string_view to_string(JourneyEventType type);
std::string_view to_string(PadKey key);

}  // namespace kiosk
