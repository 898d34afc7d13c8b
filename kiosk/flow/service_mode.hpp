// The service mode's vocabulary (docs/technician.md): the pages a signed-in technician sees on the
// terminal's own screen, the actions they may start there, the roles and why a sign-in was refused.
// Plain data for the pure flow; the runtime's maintenance service (kiosk/maintenance/) does the work.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace kiosk::flow {

enum class ServicePage : std::uint8_t {
    Overview,     // every device's state, the cause in words and the suggested action
    DeviceTests,  // test receipt, test card, test dispense, key test, sensors, speech; latched-fault resets
    Cash,         // counts per cassette, replenish, balance
    Outbox,       // pending records per priority, oldest, last upload, dead letters, upload now
    Journal,      // the last lines, verify the chain
    Keys,         // certificates and keys: expiry; rotate (supervisor only)
    Network,      // the host and the CRM: reachable, latency
    Quality,      // the service-quality index
    About,        // version and settings
};
inline constexpr ServicePage kLastServicePage = ServicePage::About;

enum class ServiceAction : std::uint8_t {
    PrintTestReceipt,
    ReadTestCard,
    TestDispense,     // one note per cassette to the reject bin
    PinPadKeyTest,
    ReadSensors,
    SpeechTest,       // posts "speak the test phrase"; the speech service says it
    ResetCardReader,  // latched faults: only after that device's test passed
    ResetDispenser,
    ResetTamper,
    ReplenishCash,    // the counts typed on the pad (ServiceEnterCount), then written
    PrintBalance,     // the balancing receipt, beside the bank host's totals
    UploadNow,
    VerifyJournal,
    RotateKeys,       // supervisor only
    ProbeNetwork,
    // The Journal page's quick searches (kiosk/maintenance/journal_searches.hpp): the newest
    // matching lines on the page, searched on the service worker.
    JournalFailures,  // outcome not success, since local midnight
    JournalCash,      // dispense, cash_*, balance, reject events
    JournalCards,     // card_* (inserted, retained, returned, captured)
    JournalService,   // service_*, technician_*, key_rotation
    JournalAll,       // no filter: the last lines again
};
inline constexpr ServiceAction kLastServiceAction = ServiceAction::JournalAll;

enum class ServiceRole : std::uint8_t { Technician, Supervisor };

enum class SignInRefusal : std::uint8_t {
    WrongIdOrPin,  // one answer for an unknown id and a wrong PIN: ids cannot be probed
    Locked,        // too many failures: the account is locked (security/access/)
    Unavailable,   // the registry could not be read
};

// Which of the two sign-in fields the pad is collecting.
enum class ServiceField : std::uint8_t { TechnicianId, TechnicianPin };

// What a service action came back with.
enum class ServiceOutcome : std::uint8_t {
    Passed,
    Failed,
    Refused,  // not allowed now: a reset before its test passed, a supervisor action for a technician
};

std::string_view to_string(ServicePage page);    // "overview", "device_tests", …
std::string_view to_string(ServiceAction action);  // "print_test_receipt", …
std::string_view to_string(ServiceRole role);    // "technician", "supervisor"
std::string_view to_string(SignInRefusal refusal);
std::string_view to_string(ServiceOutcome outcome);
std::optional<ServiceAction> parse_service_action(std::string_view text);
std::optional<ServicePage> parse_service_page(std::string_view text);

// The page an action is started from (its result is shown there).
ServicePage page_of(ServiceAction action);
// Only a supervisor may (security/access/technician_roles: Permission::Keys).
bool supervisor_only(ServiceAction action);

}  // namespace kiosk::flow
