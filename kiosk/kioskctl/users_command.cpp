// kioskctl users: technician accounts (security/access/). `bootstrap` makes the first supervisor of
// a new kiosk; `add` lets a supervisor add or change an account. Secrets are read from standard
// input, one per line (the supervisor's first, then the new account's), never from arguments.
#include <memory>

#include <CLI/CLI.hpp>

#include "kiosk/kioskctl/commands.hpp"
#include "kiosk/kioskctl/technician_sign_in.hpp"

namespace kiosk::kioskctl {

namespace {

int outcome(const Status& status, Streams io, const std::string& done) {
    if (!status) {
        report_error(io.err, status.error().message);
        return kExitFailure;
    }
    io.out << done << '\n';
    return kExitOk;
}

}  // namespace

int run_users_bootstrap(const KioskConfig& config, const TechnicianCredentials& first, const Clock& clock, Streams io,
                        const security::AccessPolicy& policy) {
    return outcome(bootstrap_supervisor(config, clock, first.id, first.secret, policy), io,
                   "supervisor " + first.id + " created (journaled)");
}

int run_users_add(const KioskConfig& config, const TechnicianCredentials& supervisor, const TechnicianCredentials& user,
                  security::TechnicianRole role, const Clock& clock, Streams io, const security::AccessPolicy& policy) {
    return outcome(put_technician(config, clock, supervisor.id, supervisor.secret, user.id, role, user.secret, policy),
                   io, std::string(security::to_string(role)) + " " + user.id + " saved by " + supervisor.id + " (journaled)");
}

void register_users_commands(CLI::App& app, ToolContext& tool) {
    CLI::App* users = app.add_subcommand("users", "Technician accounts (secrets on standard input, one per line)");

    auto first = std::make_shared<std::string>();
    CLI::App* bootstrap = users->add_subcommand("bootstrap", "The first supervisor, while the kiosk has no account");
    bootstrap->add_option("id", *first, "The supervisor's id (1-32 of A-Z a-z 0-9 . _ -)")->required();
    bootstrap->callback([&tool, first] {
        tool.exit_code = with_config(tool, [&tool, first](const KioskConfig& config) {
            auto secret = read_secret(tool.in, tool.io.err, "new PIN/password of " + *first);
            if (!secret) {
                report_error(tool.io.err, secret.error().message);
                return kExitUsage;
            }
            return run_users_bootstrap(config, TechnicianCredentials{*first, *secret}, tool.clock, tool.io);
        });
    });

    auto id = std::make_shared<std::string>();
    auto role_text = std::make_shared<std::string>();
    auto supervisor = std::make_shared<std::string>();
    CLI::App* add = users->add_subcommand("add", "Add or change an account (a supervisor's action)");
    add->add_option("id", *id, "The account's id")->required();
    add->add_option("--role", *role_text, "technician or supervisor")->required();
    add->add_option("--as", *supervisor, "The supervisor's id")->required();
    add->callback([&tool, id, role_text, supervisor] {
        tool.exit_code = with_config(tool, [&](const KioskConfig& config) {
            const auto role = security::parse_role(*role_text);
            if (!role) {
                report_error(tool.io.err, "--role: expected technician or supervisor, got \"" + *role_text + "\"");
                return kExitUsage;
            }
            auto own = read_secret(tool.in, tool.io.err, "PIN/password of " + *supervisor);
            auto theirs = own ? read_secret(tool.in, tool.io.err, "new PIN/password of " + *id) : own;
            if (!theirs) {
                report_error(tool.io.err, theirs.error().message);
                return kExitUsage;
            }
            return run_users_add(config, TechnicianCredentials{*supervisor, *own}, TechnicianCredentials{*id, *theirs},
                                 *role, tool.clock, tool.io);
        });
    });
}

}  // namespace kiosk::kioskctl
