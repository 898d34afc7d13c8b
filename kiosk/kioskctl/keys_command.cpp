// `kioskctl keys status`: which keys the keys file holds, whether its mode is owner-only, and the
// key ring (backend, KEK location, current and retired data key ids). `kioskctl keys rotate`: a
// new current data key in the configured key store. Only names and counts are printed; key bytes
// stay in wiped buffers (and, with PKCS#11, the KEK never leaves the token).
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <system_error>

#include <CLI/CLI.hpp>

#include "kiosk/kioskctl/commands.hpp"
#include "kiosk/kioskctl/technician_sign_in.hpp"
#include "kiosk/kioskctl/tool_journal.hpp"
#include "kiosk/kioskctl/display_text.hpp"
#include "security/data_key_rotation.hpp"
#include "security/key_file.hpp"
#include "security/key_store.hpp"
#include "security/os_random.hpp"
#include "store/statement.hpp"

namespace kiosk::kioskctl {
namespace {

std::string octal(std::filesystem::perms permissions) {
    const auto bits = static_cast<unsigned>(permissions) & 0777U;
    std::string digits = "0";
    for (int shift = 6; shift >= 0; shift -= 3) digits.push_back(static_cast<char>('0' + ((bits >> shift) & 7U)));
    return digits;
}

bool owner_only(std::filesystem::perms permissions) {
    using std::filesystem::perms;
    return (permissions & (perms::group_all | perms::others_all)) == perms::none;
}

// Records not yet uploaded (outbox and dead letters) per key id: they say which retired keys still
// guard data. Empty when there is no database yet; the count is a GROUP BY over the small queue.
std::map<std::string, std::int64_t> records_per_key(const KioskConfig& config) {
    std::map<std::string, std::int64_t> counts;
    if (!std::filesystem::exists(config.database_path())) return counts;
    auto database = open_existing_database(config.database_path());
    if (!database) return counts;
    auto statement = store::Statement::prepare(
        *database, "SELECT key_id, count(*) FROM (SELECT key_id FROM outbox UNION ALL SELECT key_id FROM dead_letter) "
                   "GROUP BY key_id");
    if (!statement) return counts;
    for (auto row = statement->step(); row && *row; row = statement->step()) {
        counts[statement->column_text(0)] = statement->column_int64(1);
    }
    return counts;
}

std::string pending_records(const std::map<std::string, std::int64_t>& counts, const std::string& key_id) {
    const auto found = counts.find(key_id);
    return "; " + std::to_string(found == counts.end() ? 0 : found->second) + " records not uploaded";
}

// The status of a store just opened or created, or the error of either step.
Result<security::KeyStoreStatus> status_of(const Result<std::unique_ptr<security::KeyRingStore>>& store) {
    if (!store) return store.error();
    return (*store)->status();
}

// The ring's status lines; the ring is optional (the kiosk makes it at its first start).
int print_key_ring_status(const KioskConfig& config, Streams io) {
    const security::KeyRingPaths paths = security::key_ring_paths(config.data_dir, config.keys_path());
    io.out << "key ring:  " << paths.ring.string();
    if (!std::filesystem::exists(paths.ring)) {
        io.out << " not found (the kiosk creates it at its first start)\n";
        return kExitOk;
    }
    io.out << '\n';
    security::OsRandom random;
    auto store = security::KeyRingStore::open(paths, random);
    auto status = status_of(store);
    if (!status) {
        report_error(io.err, status.error().message);
        return kExitFailure;
    }
    const bool have_database = std::filesystem::exists(config.database_path());
    const auto counts = records_per_key(config);
    const auto pending = [&](const std::string& id) { return have_database ? pending_records(counts, id) : ""; };
    const auto ring_permissions = static_cast<std::filesystem::perms>(status->ring_mode);
    io.out << "ring mode: " << octal(ring_permissions) << (owner_only(ring_permissions) ? " (owner only)" : "") << '\n'
           << "backend:   " << status->backend << '\n'
           << "KEK:       " << safe_text(status->kek_location) << '\n'
           << "current:   " << safe_text(status->current.id) << " (" << status->current.reserved
           << " encryptions reserved of " << security::kGcmRandomIvLimit << pending(status->current.id) << ")\n"
           << "retired:   ";
    if (status->retired.empty()) io.out << "none";
    for (std::size_t i = 0; i < status->retired.size(); ++i) {
        io.out << (i == 0 ? "" : ", ") << safe_text(status->retired[i].id) << " (" << status->retired[i].reserved
               << " reserved" << pending(status->retired[i].id) << ")";
    }
    io.out << "\nrotations: " << status->rotations << '\n';
    return kExitOk;
}

}  // namespace

int run_keys_status(const KioskConfig& config, Streams io) {
    const std::filesystem::path path = config.keys_path();
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (!std::filesystem::exists(status)) {
        report_error(io.err, "keys file " + path.string() + " not found (check kiosk.data_dir in the config)");
        return kExitFailure;
    }
    io.out << "keys file: " << path.string() << '\n'
           << "mode:      " << octal(status.permissions())
           << (owner_only(status.permissions()) ? " (owner only)" : " (group/world-accessible: the kiosk refuses it)")
           << '\n';

    // load() checks the mode and every line again, exactly as the kiosk does at start-up; its
    // messages name the file and line, never key text.
    security::KeyFile keys;
    try {
        keys = security::KeyFile::load(path);
    } catch (const std::runtime_error& failure) {
        report_error(io.err, failure.what());
        return kExitFailure;
    }
    const std::vector<std::string> names = keys.names();
    io.out << "keys:      ";
    if (names.empty()) io.out << "none";
    for (std::size_t i = 0; i < names.size(); ++i) io.out << (i == 0 ? "" : ", ") << safe_text(names[i]);
    io.out << '\n';

    std::string missing;
    for (const std::string_view required : {security::kKekKeyName, security::kPanTokenKeyName}) {
        if (!keys.key(required)) missing += (missing.empty() ? "" : ", ") + std::string(required);
    }
    if (!missing.empty()) io.out << "missing:   " << missing << " (the kiosk needs both kek and pan-token)\n";
    return print_key_ring_status(config, io);
}

int run_keys_init(const KioskConfig& config, const security::KekSpec& kek, RandomSource& random, Streams io) {
    const security::KeyRingPaths paths = security::key_ring_paths(config.data_dir, config.keys_path());
    auto store = security::KeyRingStore::create(paths, kek, random);
    auto status = status_of(store);
    if (!status) {
        report_error(io.err, status.error().message);
        return kExitFailure;
    }
    io.out << "key ring: " << paths.ring.string() << " created\n"
           << "KEK:      " << safe_text(status->kek_location) << '\n'
           << "current:  " << safe_text(status->current.id) << '\n';
    return kExitOk;
}

int run_keys_rotate(const KioskConfig& config, const TechnicianCredentials& supervisor, RandomSource& random,
                    const Clock& clock, Streams io, const security::AccessPolicy& policy) {
    const security::KeyRingPaths paths = security::key_ring_paths(config.data_dir, config.keys_path());
    auto store = security::KeyRingStore::open(paths, random);
    if (!store) {
        report_error(io.err, store.error().message);
        return kExitFailure;
    }
    // Keys are a supervisor's (security/access/technician_roles.hpp); the sign-in, the rotation and
    // the sign-out are each a chained journal line.
    const Status done = as_technician(
        config, clock, supervisor.id, supervisor.secret, security::Permission::Keys,
        [&](std::string_view actor) -> Status {
            // The running kiosk sees the ring change before its next seal and switches to the new key.
            auto rotated = security::rotate_data_key(**store);
            if (!rotated) return rotated.error();
            io.out << "new current data key: " << safe_text(rotated->current) << '\n'
                   << "retired:              " << safe_text(rotated->retired)
                   << " (still opens the records sealed under it)\n";
            const Status journaled = journal_tool_action(config, clock, actor, "key_rotation", "success", "key ring",
                                                         rotated->journal_detail());
            if (!journaled) return make_error("keys", "the key was rotated, but not journaled: " + journaled.error().to_string());
            io.out << "journaled:            key_rotation by " << actor << '\n';
            return ok_status();
        },
        policy);
    if (!done) {
        report_error(io.err, done.error().message);
        return kExitFailure;
    }
    return kExitOk;
}

void register_keys_commands(CLI::App& app, ToolContext& tool) {
    CLI::App* keys = app.add_subcommand("keys", "The keys file and the key ring");
    keys->add_subcommand("status", "Key names, modes, KEK location, current and retired data key ids (never key bytes)")
        ->callback([&tool] {
            tool.exit_code =
                with_config(tool, [&tool](const KioskConfig& config) { return run_keys_status(config, tool.io); });
        });
    // Options live in a holder owned by the parser's lifetime: CLI11 writes them before the callback.
    auto kek = std::make_shared<security::KekSpec>();
    auto module = std::make_shared<std::string>();
    CLI::App* init = keys->add_subcommand(
        "init", "Create the key ring with its first data key; KEK in the keys file, or in a PKCS#11 token");
    init->add_option("--pkcs11-module", *module, "PKCS#11 module (.so) holding the KEK, e.g. /usr/lib/softhsm/libsofthsm2.so");
    init->add_option("--token", kek->pkcs11.token_label, "Label of the PKCS#11 token");
    init->add_option("--key-label", kek->pkcs11.key_label, "Label of the KEK in the token (generated if missing)")
        ->default_val("kiosk-kek");
    init->add_option("--pin-file", kek->pin_file, "Owner-only file holding the token's user PIN");
    init->callback([&tool, kek, module] {
        tool.exit_code = with_config(tool, [&tool, kek, module](const KioskConfig& config) {
            if (!module->empty()) {
                if (kek->pkcs11.token_label.empty() || kek->pin_file.empty()) {
                    report_error(tool.io.err, "keys init --pkcs11-module needs --token and --pin-file");
                    return kExitUsage;
                }
                kek->backend = security::KekBackend::pkcs11;
                kek->pkcs11.module = *module;
            }
            security::OsRandom random;
            return run_keys_init(config, *kek, random, tool.io);
        });
    });
    auto supervisor = std::make_shared<std::string>();
    CLI::App* rotate = keys->add_subcommand(
        "rotate", "Make a new current data key (a supervisor's action; the PIN/password is read from standard input)");
    rotate->add_option("--as", *supervisor, "The supervisor's technician id")->required();
    rotate->callback([&tool, supervisor] {
        tool.exit_code = with_config(tool, [&tool, supervisor](const KioskConfig& config) {
            auto secret = read_secret(tool.in, tool.io.err, "PIN/password of " + *supervisor);
            if (!secret) {
                report_error(tool.io.err, secret.error().message);
                return kExitUsage;
            }
            security::OsRandom random;
            return run_keys_rotate(config, TechnicianCredentials{*supervisor, *secret}, random, tool.clock, tool.io);
        });
    });
}

}  // namespace kiosk::kioskctl
