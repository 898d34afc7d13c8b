// Where the service mode checks a technician's id and PIN: the technician registry with its lockout
// (security/access/, 5 failures lock the id), on a worker of its own because the PBKDF2 check takes
// a noticeable time and the loop never waits. The desk opens its own database connection on that
// worker (one connection per thread), the first time it is asked.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "common/random_source.hpp"
#include "common/result.hpp"
#include "kiosk/flow/service_mode.hpp"
#include "security/access/technician_access.hpp"
#include "security/journal_chain.hpp"

namespace kiosk {

// A sign-in's answer: the role, or why not (a refusal is an answer, not an error).
struct SignInAnswer {
    std::optional<flow::ServiceRole> role;
    flow::SignInRefusal refusal = flow::SignInRefusal::WrongIdOrPin;  // when no role
    std::string detail;  // the registry's words, for the operator's notes (never the PIN)
};

class TechnicianDesk {
public:
    virtual ~TechnicianDesk() = default;
    virtual SignInAnswer sign_in(std::string_view id, std::string_view pin) = 0;
    // Ends the technician's session (journaled by the registry).
    virtual void sign_out() = 0;
};

// Why the registry refused: its words mapped to the three the screen tells apart.
flow::SignInRefusal refusal_of(const Error& error);

// The kiosk's desk: TechnicianAccess over the store's registry, journal origin "<kiosk>/maintenance".
class RegistryTechnicianDesk final : public TechnicianDesk {
public:
    RegistryTechnicianDesk(std::string database_path, security::JournalChain chain, std::string kiosk_id,
                           const Clock& clock, RandomSource& random, security::AccessPolicy policy = {});
    ~RegistryTechnicianDesk() override;

    SignInAnswer sign_in(std::string_view id, std::string_view pin) override;
    void sign_out() override;

private:
    struct Open;
    Status open();

    std::string database_path_;
    security::JournalChain chain_;
    std::string kiosk_id_;
    const Clock& clock_;
    RandomSource& random_;
    security::AccessPolicy policy_;
    std::unique_ptr<Open> open_;  // made on the worker thread, used only there
    std::optional<std::string> token_;
};

}  // namespace kiosk
