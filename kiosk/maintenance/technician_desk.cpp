#include "kiosk/maintenance/technician_desk.hpp"

#include "store/database.hpp"
#include "store/journal.hpp"
#include "store/technician_registry.hpp"

namespace kiosk {

// The connection, the registry over it and the access rules over the registry, in that order.
struct RegistryTechnicianDesk::Open {
    Open(store::Database opened, const security::JournalChain& chain, std::string origin, const Clock& clock,
         RandomSource& random, security::AccessPolicy policy)
        : database(std::move(opened)),
          registry(database, chain, std::move(origin)),
          access(registry, clock, random, policy) {}
    store::Database database;
    store::SqliteTechnicianRegistry registry;
    security::TechnicianAccess access;
};

flow::SignInRefusal refusal_of(const Error& error) {
    if (error.domain != "access") return flow::SignInRefusal::Unavailable;
    if (error.message.find("locked") != std::string::npos) return flow::SignInRefusal::Locked;
    return flow::SignInRefusal::WrongIdOrPin;
}

RegistryTechnicianDesk::RegistryTechnicianDesk(std::string database_path, security::JournalChain chain,
                                               std::string kiosk_id, const Clock& clock, RandomSource& random,
                                               security::AccessPolicy policy)
    : database_path_(std::move(database_path)),
      chain_(std::move(chain)),
      kiosk_id_(std::move(kiosk_id)),
      clock_(clock),
      random_(random),
      policy_(policy) {}

RegistryTechnicianDesk::~RegistryTechnicianDesk() = default;

Status RegistryTechnicianDesk::open() {
    if (open_) return ok_status();
    auto database = store::Database::open(database_path_);
    if (!database) return database.error();
    open_ = std::make_unique<Open>(std::move(*database), chain_, store::journal_origin(kiosk_id_, "maintenance"),
                                   clock_, random_, policy_);
    return ok_status();
}

SignInAnswer RegistryTechnicianDesk::sign_in(std::string_view id, std::string_view pin) {
    if (const Status opened = open(); !opened.ok()) {
        return SignInAnswer{std::nullopt, flow::SignInRefusal::Unavailable, opened.error().to_string()};
    }
    auto token = open_->access.login(id, pin);
    if (!token) return SignInAnswer{std::nullopt, refusal_of(token.error()), token.error().to_string()};
    auto session = open_->access.session(*token);
    if (!session) return SignInAnswer{std::nullopt, flow::SignInRefusal::Unavailable, session.error().to_string()};
    token_ = *token;
    return SignInAnswer{session->role == security::TechnicianRole::Supervisor ? flow::ServiceRole::Supervisor
                                                                             : flow::ServiceRole::Technician,
                        flow::SignInRefusal::WrongIdOrPin, {}};
}

void RegistryTechnicianDesk::sign_out() {
    if (!open_ || !token_) return;
    (void)open_->access.logout(*token_);  // journaled; a failed logout leaves the session to expire
    token_.reset();
}

}  // namespace kiosk
