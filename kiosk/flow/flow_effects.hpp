// The effects the customer flow asks the runtime to carry out: one payload type per EffectKind,
// each with every field its consumer needs (a dispense cannot be asked without its amount).
#pragma once

#include <optional>
#include <string_view>
#include <variant>

#include "common/clock.hpp"
#include "common/money.hpp"
#include "host/host_messages.hpp"
#include "kiosk/flow/complaint_category.hpp"
#include "kiosk/flow/kind_order.hpp"
#include "kiosk/flow/service_mode.hpp"
#include "kiosk/flow/survey_answers.hpp"
#include "ui/view_model.hpp"

namespace kiosk::flow {

// What the PIN pad is asked to collect. The PIN kinds never leave the pad in clear; the others are
// typed in clear on the pad (XFS4IoT data entry) and held by the runtime, never by the flow.
// The service mode's three are typed in clear too: a technician's id and PIN (not a card PIN: it is
// checked against the technician registry, never sent to the bank) and a cassette's note count.
enum class KeyEntry { Pin, NewPin, ConfirmNewPin, Amount, OneTimeCode, PhoneNumber, TechnicianId, TechnicianPin,
                      CassetteCount };

enum class EffectKind {
    ShowScreen,           // screen: render the current context as this screen
    StartStateTimer,      // duration: (re)start the one state timer
    CancelStateTimer,
    AcceptCard,           // open the card slot for insertion
    RefuseCards,          // close the card slot (out of service)
    ReadCard,
    BeginKeyEntry,        // entry: start collecting it on the PIN pad
    TakePinBlock,         // the PIN entry is complete: keep its (enciphered) block for this session
    TakeNewPinBlock,      // the confirmed new PIN: keep its block for the PIN change request
    RequestAuthorization, // transaction + amount: ask the host with the session's PIN block
    PrintReceipt,         // transaction: the receipt for this transaction
    EjectCard,
    RetainCard,
    RecordTransaction,    // transaction + response: journal line, counters, CRM record
    EndSession,           // wipe card data, seal and store the journey
    DispenseCash,         // amount: open the in-flight bracket, dispense and present
    RetractCash,          // pull presented notes back into the reject bin
    SettleWithdrawal,     // the customer took the cash: close the in-flight bracket
    ReverseTransaction,   // transaction + amount + dispensed + reason: queue an 0420 (closing a cash bracket)
    IssueEReceipt,        // transaction: make the e-receipt reference and QR text, tell the bank
    RecordSurvey,         // answers: the survey record, its journal line and the token's "last asked"
    FileComplaint,        // category + offered after a failure: record the report, print its slip or show its QR
    // Service mode (docs/technician.md); each completes with a flow event.
    CheckTechnician,      // the typed id + PIN against the registry → TechnicianSignedIn / TechnicianRefused
    RunServiceAction,     // action: a device test, a reset, the replenishment, … → ServiceActionDone
    CheckServiceFitness,  // leaving: a fresh fitness round → ServiceFitnessChecked
    EndServiceMode,       // fit: sign the technician out and journal the exit
};

namespace effects {

// An effect that carries nothing but its kind.
template <EffectKind Kind>
struct Command {
    static constexpr EffectKind kind = Kind;
    friend bool operator==(const Command&, const Command&) = default;
};

struct ShowScreen {
    static constexpr EffectKind kind = EffectKind::ShowScreen;
    explicit ShowScreen(ui::ScreenId shown) : screen(shown) {}
    ui::ScreenId screen;
    friend bool operator==(const ShowScreen&, const ShowScreen&) = default;
};

struct StartStateTimer {
    static constexpr EffectKind kind = EffectKind::StartStateTimer;
    explicit StartStateTimer(Millis after) : duration(after) {}
    Millis duration;
    friend bool operator==(const StartStateTimer&, const StartStateTimer&) = default;
};

using CancelStateTimer = Command<EffectKind::CancelStateTimer>;
using AcceptCard = Command<EffectKind::AcceptCard>;
using RefuseCards = Command<EffectKind::RefuseCards>;
using ReadCard = Command<EffectKind::ReadCard>;

struct BeginKeyEntry {
    static constexpr EffectKind kind = EffectKind::BeginKeyEntry;
    explicit BeginKeyEntry(KeyEntry what) : entry(what) {}
    KeyEntry entry;
    friend bool operator==(const BeginKeyEntry&, const BeginKeyEntry&) = default;
};

using TakePinBlock = Command<EffectKind::TakePinBlock>;
using TakeNewPinBlock = Command<EffectKind::TakeNewPinBlock>;

struct RequestAuthorization {
    static constexpr EffectKind kind = EffectKind::RequestAuthorization;
    RequestAuthorization(host::TransactionType type, std::optional<Money> requested)
        : transaction(type), amount(std::move(requested)) {}
    host::TransactionType transaction;
    std::optional<Money> amount;  // none for the transactions that move no money (balance, statement, PIN change)
    friend bool operator==(const RequestAuthorization&, const RequestAuthorization&) = default;
};

struct PrintReceipt {
    static constexpr EffectKind kind = EffectKind::PrintReceipt;
    explicit PrintReceipt(host::TransactionType type) : transaction(type) {}
    host::TransactionType transaction;
    friend bool operator==(const PrintReceipt&, const PrintReceipt&) = default;
};

using EjectCard = Command<EffectKind::EjectCard>;
using RetainCard = Command<EffectKind::RetainCard>;

struct RecordTransaction {
    static constexpr EffectKind kind = EffectKind::RecordTransaction;
    RecordTransaction(host::TransactionType type, host::ResponseCode answer) : transaction(type), response(answer) {}
    host::TransactionType transaction;
    host::ResponseCode response;
    friend bool operator==(const RecordTransaction&, const RecordTransaction&) = default;
};

using EndSession = Command<EffectKind::EndSession>;

struct DispenseCash {
    static constexpr EffectKind kind = EffectKind::DispenseCash;
    explicit DispenseCash(Money to_pay) : amount(std::move(to_pay)) {}
    Money amount;
    friend bool operator==(const DispenseCash&, const DispenseCash&) = default;
};

using RetractCash = Command<EffectKind::RetractCash>;
// No payload: the in-flight bracket it closes holds the withdrawal (kiosk/runtime/in_flight_bracket.hpp).
using SettleWithdrawal = Command<EffectKind::SettleWithdrawal>;

struct ReverseTransaction {
    static constexpr EffectKind kind = EffectKind::ReverseTransaction;
    ReverseTransaction(host::TransactionType type, Money original, Money paid_out, host::ReversalReason why)
        : transaction(type), amount(std::move(original)), dispensed(std::move(paid_out)), reason(why) {}
    host::TransactionType transaction;
    Money amount;     // the amount the host approved
    Money dispensed;  // what the customer got of it
    host::ReversalReason reason;
    friend bool operator==(const ReverseTransaction&, const ReverseTransaction&) = default;
};

struct IssueEReceipt {
    static constexpr EffectKind kind = EffectKind::IssueEReceipt;
    explicit IssueEReceipt(host::TransactionType type) : transaction(type) {}
    host::TransactionType transaction;
    friend bool operator==(const IssueEReceipt&, const IssueEReceipt&) = default;
};

struct RecordSurvey {
    static constexpr EffectKind kind = EffectKind::RecordSurvey;
    explicit RecordSurvey(SurveyAnswers given) : answers(std::move(given)) {}
    SurveyAnswers answers;  // status set; every value in range (the flow took no other)
    friend bool operator==(const RecordSurvey&, const RecordSurvey&) = default;
};

struct FileComplaint {
    static constexpr EffectKind kind = EffectKind::FileComplaint;
    FileComplaint(ComplaintCategory chosen, bool after_failure) : category(chosen), offered_after_failure(after_failure) {}
    ComplaintCategory category;
    bool offered_after_failure;  // the kiosk offered the report after a failure it saw
    friend bool operator==(const FileComplaint&, const FileComplaint&) = default;
};

using CheckTechnician = Command<EffectKind::CheckTechnician>;
struct RunServiceAction {
    static constexpr EffectKind kind = EffectKind::RunServiceAction;
    explicit RunServiceAction(ServiceAction what) : action(what) {}
    ServiceAction action;
    friend bool operator==(const RunServiceAction&, const RunServiceAction&) = default;
};
using CheckServiceFitness = Command<EffectKind::CheckServiceFitness>;
using EndServiceMode = Command<EffectKind::EndServiceMode>;

}  // namespace effects

// In EffectKind order (checked below): kind_of() is the index.
using Effect = std::variant<effects::ShowScreen, effects::StartStateTimer, effects::CancelStateTimer,
                            effects::AcceptCard, effects::RefuseCards, effects::ReadCard, effects::BeginKeyEntry,
                            effects::TakePinBlock, effects::TakeNewPinBlock, effects::RequestAuthorization,
                            effects::PrintReceipt, effects::EjectCard, effects::RetainCard,
                            effects::RecordTransaction, effects::EndSession, effects::DispenseCash,
                            effects::RetractCash, effects::SettleWithdrawal, effects::ReverseTransaction,
                            effects::IssueEReceipt, effects::RecordSurvey, effects::FileComplaint,
                            effects::CheckTechnician, effects::RunServiceAction, effects::CheckServiceFitness,
                            effects::EndServiceMode>;

static_assert(detail::one_payload_per_kind<Effect, EffectKind, EffectKind::EndServiceMode>(),
              "Effect lists one payload per EffectKind, in EffectKind order");

inline EffectKind kind_of(const Effect& effect) { return static_cast<EffectKind>(effect.index()); }

std::string_view to_string(EffectKind kind);
std::string_view to_string(KeyEntry entry);

}  // namespace kiosk::flow
