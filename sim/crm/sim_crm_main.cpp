// kiosk-sim-crm: the simulated CRM as its own process, so the kiosk talks to it as to the bank's
// CRM — another process, over the network, with a database that outlives it.
//   kiosk-sim-crm serve --dir DIR [--port N] [--ready-file FILE] [--control]
// makes the test PKI in DIR on first start (reused later), opens DIR/crm.db, serves
// https://127.0.0.1:<port>/v1/records and /v1/profiles/<token> (and /v1/sim/… with --control),
// writes FILE (sim/crm/ready_file.hpp) once it accepts connections, and stops cleanly, exit 0, on
// SIGTERM or SIGINT. Start-up errors end in one line on stderr and exit 1. docs/crm.md § The
// simulated CRM; tests: tests/crm/sim_crm_process_test.cpp.
#include <pthread.h>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <system_error>

#include "common/clock.hpp"
#include "security/crm_record_key.hpp"
#include "security/os_random.hpp"
#include "sim/crm/crm_report.hpp"
#include "sim/crm/crm_store.hpp"
#include "sim/crm/ready_file.hpp"
#include "sim/crm/sim_crm_pki.hpp"
#include "sim/crm/sim_crm_server.hpp"

namespace {

using kiosk::sim::SimCrmServer;

struct ServeArguments {
    std::string directory;
    int port = 0;
    std::string ready_file;
    bool control = false;
    int answer_delay_ms = 0;
    bool store_unopened = false;
};

// SIGTERM and SIGINT blocked in every thread (the server's threads inherit the mask from here), so
// they stay pending until the main thread takes them with sigwait() and stops the server in order.
sigset_t block_stop_signals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    if (pthread_sigmask(SIG_BLOCK, &signals, nullptr) != 0) throw std::runtime_error("cannot block SIGTERM/SIGINT");
    return signals;
}

int serve(const ServeArguments& arguments) {
    const sigset_t stop_signals = block_stop_signals();
    const std::filesystem::path directory = arguments.directory;
    std::error_code error;
    std::filesystem::create_directories(directory, error);
    if (error) throw std::runtime_error("cannot create " + directory.string() + ": " + error.message());

    kiosk::security::OsRandom serials;
    // OpenSSL judges certificates by the real time.
    auto pki = kiosk::sim::ensure_test_pki(directory, kiosk::SystemClock().now(), serials);
    if (!pki) throw std::runtime_error("test PKI in " + directory.string() + ": " + pki.error().to_string());

    kiosk::sim::SimCrmOptions options;
    options.certificate_file = pki->server.certificate;
    options.private_key_file = pki->server.private_key;
    options.client_ca_file = pki->ca.certificate;  // mutual TLS, as the real CRM requires
    options.database_path = directory / "crm.db";
    options.port = arguments.port;
    options.enable_control = arguments.control;
    // The CRM's record key pair, made once per directory: every record is opened with it, and
    // the ready file hands the public key to the kiosk (crm.record_public_keys).
    const std::filesystem::path record_key_file = directory / "crm-record.key";
    auto record_key = std::filesystem::exists(record_key_file)
                          ? kiosk::security::CrmPrivateKey::load("sim-crm-record", record_key_file)
                          : kiosk::security::CrmPrivateKey::generate("sim-crm-record", serials);
    if (!record_key) throw std::runtime_error("CRM record key: " + record_key.error().to_string());
    if (!std::filesystem::exists(record_key_file)) {
        if (auto stored = record_key->store(record_key_file, serials); !stored) {
            throw std::runtime_error("CRM record key: " + stored.error().to_string());
        }
    }
    if (!arguments.store_unopened) options.record_keys = {*record_key};
    auto server = SimCrmServer::start(options);
    if (!server) throw std::runtime_error(server.error().to_string());
    (*server)->set_answer_delay(kiosk::Millis(arguments.answer_delay_ms));

    const std::filesystem::path ready_path = arguments.ready_file;
    if (!ready_path.empty()) {
        kiosk::sim::SimCrmReadyFile ready;
        ready.url = (*server)->url();
        ready.profiles_url = (*server)->profiles_url();
        ready.control_url = arguments.control ? (*server)->control_url() : "";
        ready.port = (*server)->port();
        ready.pid = static_cast<long>(::getpid());
        ready.ca_file = std::filesystem::absolute(pki->ca.certificate);
        ready.client_cert_file = std::filesystem::absolute(pki->client.certificate);
        ready.client_key_file = std::filesystem::absolute(pki->client.private_key);
        ready.server_pin = pki->server_pin;
        ready.database = std::filesystem::absolute(options.database_path);
        ready.record_public_key = record_key->public_key().to_config_text();
        const auto written = kiosk::sim::write_ready_file(ready_path, ready);
        if (!written) throw std::runtime_error(written.error().to_string());
    }
    std::cout << "kiosk-sim-crm: serving " << (*server)->url() << " (database " << options.database_path.string()
              << ")" << std::endl;

    int signal = 0;
    sigwait(&stop_signals, &signal);
    server->reset();  // stops serving, ends stalls and delays, joins: the database is closed after this
    if (!ready_path.empty()) std::filesystem::remove(ready_path, error);  // a stale file would mislead
    std::cout << "kiosk-sim-crm: stopped by " << (signal == SIGINT ? "SIGINT" : "SIGTERM") << std::endl;
    return 0;
}

// Reads what the CRM opened (the server may be running: SQLite's WAL lets this reader in).
int report(const std::filesystem::path& directory, const std::filesystem::path& out) {
    auto store = kiosk::sim::CrmStore::open(directory / "crm.db");
    if (!store) throw std::runtime_error(store.error().to_string());
    auto records = store->opened_records();
    if (!records) throw std::runtime_error(records.error().to_string());
    kiosk::sim::ReportOptions options;
    options.generated_unix_ms = kiosk::to_unix_millis(kiosk::SystemClock().now());
    std::ofstream file(out);
    file << kiosk::sim::render_crm_report(*records, options);
    if (!file) throw std::runtime_error("cannot write " + out.string());
    std::cout << "kiosk-sim-crm: " << records->size() << " opened records reported in " << out.string() << std::endl;
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"kiosk-sim-crm: the simulated CRM (records ingest, customer profiles) as its own process"};
    cli.require_subcommand(1);

    ServeArguments serve_arguments;
    CLI::App* serve_command = cli.add_subcommand("serve", "Serve the simulated CRM until SIGTERM or SIGINT");
    serve_command->add_option("--dir", serve_arguments.directory, "Directory of the test PKI and crm.db (made if absent)")
        ->required();
    serve_command->add_option("--port", serve_arguments.port, "Port on 127.0.0.1 (default: chosen by the OS)")
        ->check(CLI::Range(0, 65535));
    serve_command->add_option("--ready-file", serve_arguments.ready_file,
                              "Write this JSON file (url, profiles_url, CA, client certificate, pin) once serving");
    serve_command->add_flag("--control", serve_arguments.control, "Serve the control endpoints under /v1/sim/");
    serve_command->add_option("--answer-delay-ms", serve_arguments.answer_delay_ms,
                              "Wait this long before every answer (after storing): a slow CRM")
        ->check(CLI::Range(0, 60'000));
    serve_command->add_flag("--store-unopened", serve_arguments.store_unopened,
                            "Keep records as they arrive without opening them (transport tests with made-up seals)");

    std::string report_directory;
    std::string report_file;
    CLI::App* report_command =
        cli.add_subcommand("report", "Write the CRM's view (one HTML page, docs/crm.md § Report) of what it opened");
    report_command->add_option("--dir", report_directory, "Directory of crm.db (as given to serve)")
        ->required()
        ->check(CLI::ExistingDirectory);
    report_command->add_option("--out", report_file, "HTML file to write")->required();

    CLI11_PARSE(cli, argc, argv);
    try {
        if (serve_command->parsed()) return serve(serve_arguments);
        if (report_command->parsed()) return report(report_directory, report_file);
    } catch (const std::exception& failure) {
        std::cerr << "kiosk-sim-crm: " << failure.what() << std::endl;
        return 1;
    }
    return 1;
}
