// `kioskctl replenish` and `kioskctl balance`: the cash ledger (kiosk/maintenance/cash_ledger.hpp)
// from the command line. Both work with the kiosk running or not: the ledger is in the database;
// the running kiosk adds its dispenser's reading (denominations, the device's own counts).
// replenish validates everything before anyone signs in, so a bad count writes nothing at all. With
// the kiosk running, replenish goes through it (control socket "replenish"): the dispenser's own
// counts are set first and the ledger written only once it confirmed them; with the kiosk stopped,
// only the ledger is written (the dispenser keeps its counts until the next replenishment).
#include <CLI/CLI.hpp>

#include "common/currency.hpp"
#include "kiosk/kioskctl/commands.hpp"
#include "kiosk/kioskctl/display_text.hpp"
#include "kiosk/kioskctl/kiosk_link.hpp"
#include "kiosk/kioskctl/technician_sign_in.hpp"
#include "kiosk/kioskctl/tool_journal.hpp"
#include "kiosk/maintenance/cash_ledger.hpp"

namespace kiosk::kioskctl {

namespace {

using nlohmann::json;

constexpr std::size_t kMostCassettes = 8;

struct CassetteSetup {
    std::vector<std::uint32_t> denominations;  // index 0 = cassette 1
    std::vector<std::uint32_t> device_counts;  // the running kiosk's dispenser reading; empty: none
    std::string currency = "CNY";
    std::string source;  // where the cassettes came from, for the output
    bool kiosk_running = false;  // the running kiosk answered: replenish goes through it
};

// The cassettes: the running kiosk's dispenser reading; else the denominations the ledger kept
// at the last replenishment; else the simulator's [[sim.cassettes]].
CassetteSetup cassette_setup(const KioskConfig& config, store::Database& database) {
    CassetteSetup setup;
    control::KioskRequest request;
    request.command = control::KioskCommand::cassettes;
    auto answer = ask_kiosk(config.kiosk_socket_path(), request, Millis{5000});
    if (answer && answer->reached && answer->reply.value("ok", false) && answer->reply.contains("cassettes")) {
        for (const json& cassette : answer->reply["cassettes"]) {
            setup.denominations.push_back(cassette.value("denomination", 0U));
            setup.device_counts.push_back(cassette.value("count", 0U));
            if (cassette.contains("currency") && cassette["currency"].is_string()) {
                setup.currency = cassette["currency"].get<std::string>();
            }
        }
        if (!setup.denominations.empty()) {
            setup.source = "the running kiosk's dispenser";
            setup.kiosk_running = true;
            return setup;
        }
    }
    if (auto ledgers = maintenance::CashLedger(database).read(kMostCassettes)) {
        for (const maintenance::CassetteLedger& ledger : *ledgers) {
            if (ledger.denomination == 0) break;
            setup.denominations.push_back(ledger.denomination);
        }
        if (!setup.denominations.empty()) {
            setup.source = "the last replenishment (kiosk not running)";
            return setup;
        }
    }
    for (const SimCassetteConfig& cassette : config.sim.cassettes) setup.denominations.push_back(cassette.denomination_minor);
    setup.source = "the config's [[sim.cassettes]] (kiosk not running)";
    return setup;
}

// The running kiosk sets its dispenser's counts, then writes the ledger (it journals the step as
// `actor`); an Error says why not — nothing is written then.
Status replenish_through_kiosk(const KioskConfig& config, const std::vector<std::uint32_t>& counts,
                               std::uint32_t capacity, std::string_view actor) {
    control::KioskRequest request;
    request.command = control::KioskCommand::replenish;
    request.counts = counts;
    request.capacity = capacity;
    request.actor = std::string(actor);
    auto answer = ask_kiosk(config.kiosk_socket_path(), request, Millis{20000});
    if (!answer) return answer.error();
    if (!answer->reached) return make_error("kioskctl", "the kiosk stopped answering: " + answer->error);
    if (!answer->reply.value("ok", false)) {
        return make_error("kiosk", answer->reply.value("error", std::string("the kiosk refused the replenishment")));
    }
    return ok_status();
}

int exponent_of(const std::string& currency) {
    const Currency* found = find_currency(currency);
    return found != nullptr ? found->exponent : 2;
}

}  // namespace

int run_replenish(const KioskConfig& config, std::string_view counts, std::uint32_t capacity,
                  const TechnicianCredentials& technician, bool as_json, const Clock& clock, Streams io,
                  const security::AccessPolicy& policy) {
    auto database = open_existing_database(config.database_path());
    if (!database) {
        report_error(io.err, database.error().to_string());
        return kExitFailure;
    }
    const CassetteSetup setup = cassette_setup(config, *database);
    auto notes = maintenance::parse_counts(counts, setup.denominations.size());
    if (!notes) {
        report_error(io.err, notes.error().message);
        return kExitUsage;
    }
    std::vector<maintenance::CassetteLoad> loads;
    for (std::size_t i = 0; i < notes->size(); ++i) loads.push_back({(*notes)[i], setup.denominations[i], capacity});
    if (Status valid = maintenance::validate_loads(loads); !valid) {
        report_error(io.err, valid.error().message);
        return kExitUsage;
    }
    const Status done = as_technician(
        config, clock, technician.id, technician.secret, security::Permission::Service,
        [&](std::string_view actor) -> Status {
            if (setup.kiosk_running) return replenish_through_kiosk(config, *notes, capacity, actor);
            auto chain = journal_chain_of(config);
            if (!chain) return chain.error();
            store::JournalLine line{to_unix_millis(clock.now()),
                                    std::string(actor),
                                    "cash_replenished",
                                    "success",
                                    store::journal_origin(config.kiosk_id, "kioskctl"),
                                    "dispenser",
                                    "",
                                    std::nullopt};
            return maintenance::CashLedger(*database).replenish(loads, std::move(line), &*chain);
        },
        policy);
    if (!done) {
        report_error(io.err, done.error().message);
        return kExitFailure;
    }
    if (as_json) {
        json cassettes = json::array();
        for (std::size_t i = 0; i < loads.size(); ++i) {
            cassettes.push_back(json{{"cassette", i + 1}, {"notes", loads[i].notes}, {"denomination", loads[i].denomination}});
        }
        io.out << json{{"replenished", cassettes},
                       {"source", setup.source},
                       {"dispenser_counts_set", setup.kiosk_running}}
                      .dump()
               << '\n';
    } else {
        for (std::size_t i = 0; i < loads.size(); ++i) {
            io.out << "cassette " << i + 1 << ": " << loads[i].notes << " notes of " << loads[i].denomination
                   << " minor units\n";
        }
        io.out << "replenished (cassettes from " << setup.source << "), journaled as cash_replenished\n";
        io.out << (setup.kiosk_running ? "the dispenser confirmed the new counts\n"
                                       : "kiosk not running: the ledger only; the dispenser keeps its old counts until "
                                         "it is replenished with the kiosk running\n");
    }
    return kExitOk;
}

int run_balance(const KioskConfig& config, bool as_json, Streams io) {
    auto database = open_existing_database(config.database_path());
    if (!database) {
        report_error(io.err, database.error().to_string());
        return kExitFailure;
    }
    const CassetteSetup setup = cassette_setup(config, *database);
    auto ledgers = maintenance::CashLedger(*database).read(setup.denominations.size());
    if (!ledgers) {
        report_error(io.err, "reading the cash ledger: " + ledgers.error().to_string());
        return kExitFailure;
    }
    // The host's totals are not asked for here (the bank host is the kiosk's link, not the tool's).
    const maintenance::BalanceReport report = maintenance::balance(*ledgers, setup.device_counts, std::nullopt);
    if (as_json) {
        json cassettes = json::array();
        for (const maintenance::BalanceLine& line : report.cassettes) {
            const auto difference = line.device_difference();
            cassettes.push_back(json{{"cassette", line.ledger.cassette},
                                     {"denomination", line.ledger.denomination},
                                     {"loaded", line.ledger.loaded},
                                     {"dispensed", line.ledger.dispensed},
                                     {"rejected", line.ledger.rejected},
                                     {"retracted", line.ledger.retracted},
                                     {"remaining", line.ledger.remaining()},
                                     {"device_count", line.device_count ? json(*line.device_count) : json(nullptr)},
                                     {"device_difference", difference ? json(*difference) : json(nullptr)}});
        }
        io.out << json{{"currency", setup.currency},
                       {"cassettes", cassettes},
                       {"loaded_minor", report.loaded_minor},
                       {"dispensed_minor", report.dispensed_minor},
                       {"remaining_minor", report.remaining_minor},
                       {"balanced", report.balanced()},
                       {"source", setup.source}}
                      .dump()
               << '\n';
    } else {
        for (const std::string& line : maintenance::balance_lines(report, setup.currency, exponent_of(setup.currency))) {
            io.out << safe_text(line) << '\n';
        }
        io.out << "(cassettes from " << setup.source << ")\n";
    }
    return report.balanced() ? kExitOk : kExitFailure;
}

void register_cash_commands(CLI::App& app, ToolContext& tool) {
    struct Options {
        std::string counts;
        std::string technician;
        std::uint32_t capacity = kDefaultCassetteCapacity;
    };
    auto options = std::make_shared<Options>();
    CLI::App* replenish = app.add_subcommand(
        "replenish", "Record the notes loaded in each cassette (a technician's action; PIN/password on standard input)");
    replenish->add_option("counts", options->counts, "Notes per cassette: \"200,150\" or \"1=200,2=150\"")->required();
    replenish->add_option("--as", options->technician, "The technician's id")->required();
    replenish->add_option("--capacity", options->capacity, "The most notes one cassette holds")
        ->capture_default_str()
        ->check(CLI::Range(1U, 100000U));
    replenish->callback([&tool, options] {
        tool.json_native = tool.json;
        tool.exit_code = with_config(tool, [&tool, options](const KioskConfig& config) {
            auto secret = read_secret(tool.in, tool.io.err, "PIN/password of " + options->technician);
            if (!secret) {
                report_error(tool.io.err, secret.error().message);
                return kExitUsage;
            }
            return run_replenish(config, options->counts, options->capacity,
                                 TechnicianCredentials{options->technician, *secret}, tool.json, tool.clock, tool.io);
        });
    });
    app.add_subcommand("balance", "The cash ledger per cassette, beside the dispenser's counts when the kiosk runs")
        ->callback([&tool] {
            tool.json_native = tool.json;
            tool.exit_code =
                with_config(tool, [&tool](const KioskConfig& config) { return run_balance(config, tool.json, tool.io); });
        });
}

}  // namespace kiosk::kioskctl
