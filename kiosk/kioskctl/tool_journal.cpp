#include "kiosk/kioskctl/tool_journal.hpp"

#include <stdexcept>
#include <string>

#include "kiosk/kioskctl/tool_context.hpp"
#include "security/data_key_derivation.hpp"
#include "security/key_file.hpp"
#include "store/business_step.hpp"
#include "store/journal.hpp"

namespace kiosk::kioskctl {

Result<security::JournalChain> journal_chain_of(const KioskConfig& config) {
    security::KeyFile keys;
    try {
        keys = security::KeyFile::load(config.keys_path());
    } catch (const std::runtime_error& failure) {
        return make_error("keys", failure.what());  // names the file and line, never key text
    }
    auto kek = keys.key(security::kKekKeyName);
    if (!kek) return make_error("keys", config.keys_path().string() + ": " + kek.error().message);
    auto journal_key = security::derive_journal_key(kek->view());
    if (!journal_key) return journal_key.error();
    return security::JournalChain::create(journal_key->view());
}

Status journal_tool_action(const KioskConfig& config, const Clock& clock, std::string_view actor,
                           std::string_view event, std::string_view outcome, std::string_view resource,
                           std::string_view detail) {
    auto database = open_existing_database(config.database_path());
    if (!database) return database.error();
    auto chain = journal_chain_of(config);
    if (!chain) return chain.error();
    store::BusinessStep step;
    step.journal.push_back(store::JournalLine{to_unix_millis(clock.now()), std::string(actor), std::string(event),
                                              std::string(outcome), store::journal_origin(config.kiosk_id, "kioskctl"),
                                              std::string(resource), std::string(detail), std::nullopt});
    step.counters.push_back({"events." + std::string(event), 1});
    return store::commit(*database, step, *chain);
}

}  // namespace kiosk::kioskctl
