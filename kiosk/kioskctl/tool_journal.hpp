// The kiosk's electronic journal as kioskctl uses it: the HMAC chain under the journal key derived
// from the keys file's kek (exactly as the kiosk derives it), and one chained line for a technician
// action taken with the tool, such as a key rotation (issue 5: "every technician action journaled").
#pragma once

#include <string_view>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "kiosk/config/kiosk_config.hpp"
#include "security/journal_chain.hpp"

namespace kiosk::kioskctl {

Result<security::JournalChain> journal_chain_of(const KioskConfig& config);

// Appends one chained line to the kiosk's existing database: who is `actor` (the signed-in
// technician, "technician:<id>"), where is "<kiosk id>/kioskctl". Fails when the database does not
// exist yet or the keys file cannot give the journal key.
Status journal_tool_action(const KioskConfig& config, const Clock& clock, std::string_view actor,
                           std::string_view event, std::string_view outcome, std::string_view resource,
                           std::string_view detail);

}  // namespace kiosk::kioskctl
