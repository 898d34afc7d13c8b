// The events the customer flow reacts to: one payload type per EventKind, so an event that needs
// data cannot be made without it (a decline without its code, an amount without the amount).
#pragma once

#include <optional>
#include <string_view>
#include <variant>

#include "common/money.hpp"
#include "host/host_messages.hpp"
#include "kiosk/flow/close_reason.hpp"
#include "kiosk/flow/complaint_category.hpp"
#include "kiosk/flow/kind_order.hpp"
#include "kiosk/flow/service_mode.hpp"
#include "kiosk/flow/survey_answers.hpp"
#include "ui/view_model.hpp"

namespace kiosk::flow {

// The accessibility switches of SessionOptions.
enum class SessionOption { LargeText, HighContrast, Speech };

enum class EventKind {
    CardInserted,
    CardReadOk,
    CardReadFailed,
    PinDigit,        // the PIN pad reports a key press, never which digit
    PinClear,
    PinBackspace,
    PinEnter,        // PIN complete (the PIN pad enforces the minimum length)
    Cancel,          // cancel key on the PIN pad or the screen's cancel button
    ChooseBalance,
    ChooseLanguage,  // payload: language
    Continue,
    ReceiptYes,
    ReceiptNo,
    MoreTimeYes,
    MoreTimeNo,
    HostApproved,    // payload: balance
    HostDeclined,    // payload: response code
    HostUnavailable,
    PrintDone,
    PrintFailed,
    CardTaken,
    CardEjectFailed, // card could not be returned (jam): it stays in the machine
    Timeout,         // the current state's timer ran out
    DevicesFailed,   // fitness routing: the kiosk cannot serve; payload: the reason
    DevicesRestored,
    ChooseWithdrawal,
    AmountChosen,       // payload: amount (the runtime has checked the cassettes can pay it)
    AmountNotPayable,   // payload: the note mixer's reason
    CashPresented,      // the notes are in the output slot
    DispenseFailed,     // jam or short pick: nothing presented (stacked notes retracted)
    CashTaken,
    AnotherYes,
    AnotherNo,
    ToggleOption,        // payload: option
    ChooseOtherAmount,
    EntryChanged,        // a key changed a clear-text entry (held by the runtime); payload: digits (how many)
    ChooseMiniStatement,
    ChooseTransfer,
    AccountChosen,       // payload: account
    ChooseChangePin,
    PinMismatch,         // the confirmation PIN differed from the new PIN (the pad forgot both)
    ChooseCardless,
    CodeEntered,         // the one-time code is complete (held by the runtime)
    PhoneEntered,        // the phone number is complete (held by the runtime)
    // The post-transaction survey (survey_answers.hpp): values come from touches, so the flow's
    // guards check their range and refuse (take no row for) anything outside it.
    SurveyRated,         // payload: the satisfaction score the face stands for
    SurveyReasonToggled, // payload: the reason tag, chosen or unchosen
    SurveyDone,          // the reason tags are complete
    NpsRated,            // payload: 0–10
    SurveySkip,          // the one-touch Skip on any survey screen
    ReportProblem,       // "Report a problem" (the header control, or "Report it" after a failure)
    ComplaintCategoryChosen,  // payload: category
    SendComplaint,       // the customer confirmed the report as shown
    // Service mode (docs/technician.md).
    ServiceRequested,    // the operator key turned to maintenance, or a technician card was read
    TechnicianIdEntered, // the id is typed (held by the runtime)
    TechnicianPinEntered,// the PIN is typed (held by the runtime, wiped after the check)
    TechnicianSignedIn,  // payload: role
    TechnicianRefused,   // payload: why
    ServicePageChosen,   // payload: page
    ServiceActionChosen, // payload: action
    ServiceActionDone,   // payload: action, outcome (the details are the runtime's)
    ServiceCountEntered, // payload: more cassettes to count
    LeaveService,        // the technician touched "leave", or turned the key back
    ServiceFitnessChecked, // payload: fit
    // kioskctl selftest (docs/kioskctl.md): the kiosk serves nobody while its devices are tested.
    SelfTestStarted,     // the tests began (only while idle: Attract or OutOfService)
    SelfTestFinished,    // payload: why the kiosk cannot serve after them (none: it can)
};

namespace events {

// An event that carries nothing but its kind.
template <EventKind Kind>
struct Signal {
    static constexpr EventKind kind = Kind;
    friend bool operator==(const Signal&, const Signal&) = default;
};

using CardInserted = Signal<EventKind::CardInserted>;
using CardReadOk = Signal<EventKind::CardReadOk>;
using CardReadFailed = Signal<EventKind::CardReadFailed>;
using PinDigit = Signal<EventKind::PinDigit>;
using PinClear = Signal<EventKind::PinClear>;
using PinBackspace = Signal<EventKind::PinBackspace>;
using PinEnter = Signal<EventKind::PinEnter>;
using Cancel = Signal<EventKind::Cancel>;
using ChooseBalance = Signal<EventKind::ChooseBalance>;

struct ChooseLanguage {
    static constexpr EventKind kind = EventKind::ChooseLanguage;
    explicit ChooseLanguage(ui::Language chosen) : language(chosen) {}
    ui::Language language;
    friend bool operator==(const ChooseLanguage&, const ChooseLanguage&) = default;
};

using Continue = Signal<EventKind::Continue>;
using ReceiptYes = Signal<EventKind::ReceiptYes>;
using ReceiptNo = Signal<EventKind::ReceiptNo>;
using MoreTimeYes = Signal<EventKind::MoreTimeYes>;
using MoreTimeNo = Signal<EventKind::MoreTimeNo>;

struct HostApproved {
    static constexpr EventKind kind = EventKind::HostApproved;
    explicit HostApproved(std::optional<Money> available) : balance(std::move(available)) {}
    std::optional<Money> balance;  // the available balance, when the host sent one
    friend bool operator==(const HostApproved&, const HostApproved&) = default;
};

struct HostDeclined {
    static constexpr EventKind kind = EventKind::HostDeclined;
    explicit HostDeclined(host::ResponseCode code) : response(code) {}
    host::ResponseCode response;
    friend bool operator==(const HostDeclined&, const HostDeclined&) = default;
};

using HostUnavailable = Signal<EventKind::HostUnavailable>;
using PrintDone = Signal<EventKind::PrintDone>;
using PrintFailed = Signal<EventKind::PrintFailed>;
using CardTaken = Signal<EventKind::CardTaken>;
using CardEjectFailed = Signal<EventKind::CardEjectFailed>;
using Timeout = Signal<EventKind::Timeout>;

struct DevicesFailed {
    static constexpr EventKind kind = EventKind::DevicesFailed;
    explicit DevicesFailed(OutOfServiceReason why) : reason(why) {}
    OutOfServiceReason reason;
    friend bool operator==(const DevicesFailed&, const DevicesFailed&) = default;
};

using DevicesRestored = Signal<EventKind::DevicesRestored>;
using ChooseWithdrawal = Signal<EventKind::ChooseWithdrawal>;

struct AmountChosen {
    static constexpr EventKind kind = EventKind::AmountChosen;
    explicit AmountChosen(Money chosen) : amount(std::move(chosen)) {}
    Money amount;
    friend bool operator==(const AmountChosen&, const AmountChosen&) = default;
};

struct AmountNotPayable {
    static constexpr EventKind kind = EventKind::AmountNotPayable;
    explicit AmountNotPayable(AmountRefusal why) : reason(why) {}
    AmountRefusal reason;
    friend bool operator==(const AmountNotPayable&, const AmountNotPayable&) = default;
};

using CashPresented = Signal<EventKind::CashPresented>;
using DispenseFailed = Signal<EventKind::DispenseFailed>;
using CashTaken = Signal<EventKind::CashTaken>;
using AnotherYes = Signal<EventKind::AnotherYes>;
using AnotherNo = Signal<EventKind::AnotherNo>;

struct ToggleOption {
    static constexpr EventKind kind = EventKind::ToggleOption;
    explicit ToggleOption(SessionOption which) : option(which) {}
    SessionOption option;
    friend bool operator==(const ToggleOption&, const ToggleOption&) = default;
};

using ChooseOtherAmount = Signal<EventKind::ChooseOtherAmount>;

struct EntryChanged {
    static constexpr EventKind kind = EventKind::EntryChanged;
    explicit EntryChanged(int typed) : digits(typed) {}
    int digits;  // how many are typed now; the digits themselves stay with the runtime
    friend bool operator==(const EntryChanged&, const EntryChanged&) = default;
};

using ChooseMiniStatement = Signal<EventKind::ChooseMiniStatement>;
using ChooseTransfer = Signal<EventKind::ChooseTransfer>;

struct AccountChosen {
    static constexpr EventKind kind = EventKind::AccountChosen;
    explicit AccountChosen(host::AccountType chosen) : account(chosen) {}
    host::AccountType account;
    friend bool operator==(const AccountChosen&, const AccountChosen&) = default;
};

using ChooseChangePin = Signal<EventKind::ChooseChangePin>;
using PinMismatch = Signal<EventKind::PinMismatch>;
using ChooseCardless = Signal<EventKind::ChooseCardless>;
using CodeEntered = Signal<EventKind::CodeEntered>;
using PhoneEntered = Signal<EventKind::PhoneEntered>;
using ReportProblem = Signal<EventKind::ReportProblem>;

struct ComplaintCategoryChosen {
    static constexpr EventKind kind = EventKind::ComplaintCategoryChosen;
    explicit ComplaintCategoryChosen(ComplaintCategory chosen) : category(chosen) {}
    ComplaintCategory category;  // may hold a value outside the enum (a cast): the flow refuses it
    friend bool operator==(const ComplaintCategoryChosen&, const ComplaintCategoryChosen&) = default;
};

using SendComplaint = Signal<EventKind::SendComplaint>;

struct SurveyRated {
    static constexpr EventKind kind = EventKind::SurveyRated;
    explicit SurveyRated(int given) : score(given) {}
    int score;  // unchecked: the flow takes only kCsatMin…kCsatMax
    friend bool operator==(const SurveyRated&, const SurveyRated&) = default;
};

struct SurveyReasonToggled {
    static constexpr EventKind kind = EventKind::SurveyReasonToggled;
    explicit SurveyReasonToggled(SurveyReason which) : reason(which) {}
    SurveyReason reason;  // the flow takes only is_known() ones
    friend bool operator==(const SurveyReasonToggled&, const SurveyReasonToggled&) = default;
};

using SurveyDone = Signal<EventKind::SurveyDone>;

struct NpsRated {
    static constexpr EventKind kind = EventKind::NpsRated;
    explicit NpsRated(int given) : score(given) {}
    int score;  // unchecked: the flow takes only kNpsMin…kNpsMax
    friend bool operator==(const NpsRated&, const NpsRated&) = default;
};

using SurveySkip = Signal<EventKind::SurveySkip>;

using ServiceRequested = Signal<EventKind::ServiceRequested>;
using TechnicianIdEntered = Signal<EventKind::TechnicianIdEntered>;
using TechnicianPinEntered = Signal<EventKind::TechnicianPinEntered>;

struct TechnicianSignedIn {
    static constexpr EventKind kind = EventKind::TechnicianSignedIn;
    explicit TechnicianSignedIn(ServiceRole as) : role(as) {}
    ServiceRole role;
    friend bool operator==(const TechnicianSignedIn&, const TechnicianSignedIn&) = default;
};

struct TechnicianRefused {
    static constexpr EventKind kind = EventKind::TechnicianRefused;
    explicit TechnicianRefused(SignInRefusal why) : refusal(why) {}
    SignInRefusal refusal;
    friend bool operator==(const TechnicianRefused&, const TechnicianRefused&) = default;
};

struct ServicePageChosen {
    static constexpr EventKind kind = EventKind::ServicePageChosen;
    explicit ServicePageChosen(ServicePage chosen) : page(chosen) {}
    ServicePage page;
    friend bool operator==(const ServicePageChosen&, const ServicePageChosen&) = default;
};

struct ServiceActionChosen {
    static constexpr EventKind kind = EventKind::ServiceActionChosen;
    explicit ServiceActionChosen(ServiceAction chosen) : action(chosen) {}
    ServiceAction action;
    friend bool operator==(const ServiceActionChosen&, const ServiceActionChosen&) = default;
};

struct ServiceActionDone {
    static constexpr EventKind kind = EventKind::ServiceActionDone;
    ServiceActionDone(ServiceAction done, ServiceOutcome result) : action(done), outcome(result) {}
    ServiceAction action;
    ServiceOutcome outcome;
    friend bool operator==(const ServiceActionDone&, const ServiceActionDone&) = default;
};

struct ServiceCountEntered {
    static constexpr EventKind kind = EventKind::ServiceCountEntered;
    explicit ServiceCountEntered(bool another) : more(another) {}
    bool more;  // another cassette's count follows
    friend bool operator==(const ServiceCountEntered&, const ServiceCountEntered&) = default;
};

using LeaveService = Signal<EventKind::LeaveService>;

struct ServiceFitnessChecked {
    static constexpr EventKind kind = EventKind::ServiceFitnessChecked;
    explicit ServiceFitnessChecked(bool is_fit) : fit(is_fit) {}
    bool fit;
    friend bool operator==(const ServiceFitnessChecked&, const ServiceFitnessChecked&) = default;
};

using SelfTestStarted = Signal<EventKind::SelfTestStarted>;

struct SelfTestFinished {
    static constexpr EventKind kind = EventKind::SelfTestFinished;
    explicit SelfTestFinished(std::optional<OutOfServiceReason> why) : out_of_service(why) {}
    std::optional<OutOfServiceReason> out_of_service;  // the fitness round after the tests
    friend bool operator==(const SelfTestFinished&, const SelfTestFinished&) = default;
};

}  // namespace events

// In EventKind order (checked below): kind_of() is the index.
using Event = std::variant<
    events::CardInserted, events::CardReadOk, events::CardReadFailed, events::PinDigit, events::PinClear,
    events::PinBackspace, events::PinEnter, events::Cancel, events::ChooseBalance, events::ChooseLanguage,
    events::Continue, events::ReceiptYes, events::ReceiptNo, events::MoreTimeYes, events::MoreTimeNo,
    events::HostApproved, events::HostDeclined, events::HostUnavailable, events::PrintDone, events::PrintFailed,
    events::CardTaken, events::CardEjectFailed, events::Timeout, events::DevicesFailed, events::DevicesRestored,
    events::ChooseWithdrawal, events::AmountChosen, events::AmountNotPayable, events::CashPresented,
    events::DispenseFailed, events::CashTaken, events::AnotherYes, events::AnotherNo, events::ToggleOption,
    events::ChooseOtherAmount, events::EntryChanged, events::ChooseMiniStatement, events::ChooseTransfer,
    events::AccountChosen, events::ChooseChangePin, events::PinMismatch, events::ChooseCardless,
    events::CodeEntered, events::PhoneEntered, events::SurveyRated, events::SurveyReasonToggled,
    events::SurveyDone, events::NpsRated, events::SurveySkip, events::ReportProblem, events::ComplaintCategoryChosen,
    events::SendComplaint, events::ServiceRequested, events::TechnicianIdEntered, events::TechnicianPinEntered,
    events::TechnicianSignedIn, events::TechnicianRefused, events::ServicePageChosen, events::ServiceActionChosen,
    events::ServiceActionDone, events::ServiceCountEntered, events::LeaveService, events::ServiceFitnessChecked,
    events::SelfTestStarted, events::SelfTestFinished>;

static_assert(detail::one_payload_per_kind<Event, EventKind, EventKind::SelfTestFinished>(),
              "Event lists one payload per EventKind, in EventKind order");

inline EventKind kind_of(const Event& event) { return static_cast<EventKind>(event.index()); }

std::string_view to_string(EventKind kind);

}  // namespace kiosk::flow
