// KioskControlBinding (see kiosk_control_binding.hpp).
#include "kiosk/app/kiosk_control_binding.hpp"

#include <spdlog/spdlog.h>

#include <stdexcept>

#include "security/data_key_derivation.hpp"
#include "security/journal_chain.hpp"
#include "security/key_file.hpp"
#include "store/journal_verifier.hpp"

#ifndef KIOSK_VERSION
#define KIOSK_VERSION "unknown"
#endif

namespace kiosk {

namespace {

// The journal's chain check, with the chain key derived from the keys file's KEK as the kiosk
// does at start (kiosk_app.cpp).
maintenance::JournalCheck check_journal(store::Database& database, const KioskConfig& config) {
    maintenance::JournalCheck check;
    try {
        const security::KeyFile keys = security::KeyFile::load(config.keys_path());
        auto kek = keys.key(security::kKekKeyName);
        if (!kek) throw std::runtime_error(kek.error().message);
        auto journal_key = security::derive_journal_key(kek->view());
        if (!journal_key) throw std::runtime_error(journal_key.error().to_string());
        auto chain = security::JournalChain::create(journal_key->view());
        if (!chain) throw std::runtime_error(chain.error().to_string());
        auto verdict = store::verify_journal(database, *chain);
        if (!verdict) throw std::runtime_error(verdict.error().to_string());
        check.intact = verdict->intact();
        check.entries = verdict->entries;
        check.summary = store::describe(*verdict);
    } catch (const std::exception& failure) {
        check.summary = std::string("not checked: ") + failure.what();
    }
    return check;
}

std::string seconds_ago(TimePoint then, TimePoint now) {
    return std::to_string(std::chrono::duration_cast<std::chrono::seconds>(now - then).count()) + " s ago";
}

}  // namespace

KioskControlBinding::KioskControlBinding(KioskApp& app, const KioskConfig& config, const Clock& clock)
    : app_(app),
      config_(config),
      clock_(clock),
      database_(store::Database::open_or_throw(config.database_path().string(), {})) {
    auto group = control::control_group(config_.service.control_group);
    if (!group) throw std::runtime_error(group.error().to_string());
    control::KioskControlOptions options;
    options.group = *group;
    options.default_capacity = config_.maintenance.cassette_capacity;
    auto service = control::KioskControlService::start(config_.kiosk_socket_path(), *this, options);
    if (!service) {
        // A socket the bank configured must work; the default one (<data_dir>/kiosk.sock) may not
        // (a data_dir path too long for a socket address): then the kiosk serves customers without
        // it rather than not at all, and says so.
        if (!config_.service.control_socket.empty()) {
            throw std::runtime_error("service.control_socket: " + service.error().to_string());
        }
        description_ = "none (" + service.error().to_string() + "; set service.control_socket)";
        spdlog::error("control socket: {}", description_);
        return;
    }
    service_ = std::move(*service);
    description_ = service_->socket().string();
    Runtime& runtime = app_.runtime();
    runtime.on_turn = [previous = std::move(runtime.on_turn), this] {
        if (previous) previous();
        service_->pump();
    };
}

KioskControlBinding::~KioskControlBinding() {
    service_.reset();  // its thread stops before the pump it feeds goes
}

control::LoopPicture KioskControlBinding::picture() {
    const Runtime& runtime = app_.runtime();
    control::LoopPicture picture;
    picture.fitness = runtime.fitness();
    picture.health = runtime.device_health();
    picture.state = runtime.context().state;
    picture.full_rounds_started = runtime.full_rounds_started();
    picture.full_rounds_assessed = runtime.full_rounds_assessed();
    picture.self_test = runtime.self_test_report();
    return picture;
}

Result<std::uint64_t> KioskControlBinding::start_self_test(const std::optional<std::string>& device,
                                                           const std::string& actor) {
    return app_.runtime().start_self_test(device, actor);
}

maintenance::TerminalStatus KioskControlBinding::status(const control::LoopPicture& picture) {
    maintenance::TerminalStatus status;
    status.kiosk_id = config_.kiosk_id;
    status.version = KIOSK_VERSION;
    status.time_unix_ms = to_unix_millis(clock_.now());
    status.uptime_s =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started_).count();
    control::describe_service(picture, status);
    if (auto outbox = maintenance::read_outbox_stats(database_, clock_.now())) {
        status.outbox = *outbox;
    } else {
        status.problems.push_back("outbox: " + outbox.error().to_string());
    }
    // The last round trips as the workers recorded them (the service mode's Network page too).
    if (const auto host = app_.host_round_trip(); host && host->answered) status.host.latency_ms = host->took.count();
    const crm::UploaderStatus uploader = app_.uploader().status();
    if (uploader.last_round_trip && uploader.last_round_trip->answered) {
        status.crm.latency_ms = uploader.last_round_trip->took.count();
    }
    if (uploader.last_success) status.outbox.last_success_unix_ms = to_unix_millis(*uploader.last_success);
    if (uploader.last_error) status.outbox.last_error = uploader.last_error->to_string();
    if (uploader.last_error_time) status.outbox.last_error_unix_ms = to_unix_millis(*uploader.last_error_time);
    status.outbox.consecutive_failures = static_cast<std::int64_t>(uploader.consecutive_failures);
    // The CRM is reachable when the last round it was sent was answered in full.
    if (uploader.last_error && (!uploader.last_success || uploader.last_error_time > uploader.last_success)) {
        status.crm.reachable = false;
        status.crm.detail = uploader.last_error->to_string();
    } else if (uploader.last_success) {
        status.crm.reachable = true;
        status.crm.detail = "last answered " + seconds_ago(*uploader.last_success, clock_.now());
    } else {
        status.crm.detail = uploader.running ? "no upload round answered yet" : "uploader not running";
    }
    status.journal = check_journal(database_, config_);
    if (auto sqi = maintenance::read_sqi_summary(database_, clock_.now())) status.sqi = *sqi;
    status.certificate_notices = app_.host_certificate_notices();
    for (const std::string& notice : uploader.tls_notices) status.certificate_notices.push_back("CRM: " + notice);
    return status;
}

nlohmann::json KioskControlBinding::upload_now(const std::string& actor) {
    (void)actor;  // noted by the service; the round is the same whoever asked
    const crm::UploadSummary round = app_.uploader().upload_once();
    nlohmann::json reply{{"sent", round.sent},
                         {"acknowledged", round.acknowledged},
                         {"dead_lettered", round.dead_lettered},
                         {"unanswered", round.unanswered},
                         {"rejections", round.rejections},
                         {"pending", app_.uploader().status().pending}};
    if (round.error) reply["error"] = round.error->to_string();
    return reply;
}

void KioskControlBinding::replenish(const std::vector<std::uint32_t>& counts, std::uint32_t capacity,
                                    const std::string& actor,
                                    std::function<void(const Result<std::string>&)> finished) {
    app_.runtime().replenish_cash(counts, capacity, actor, std::move(finished));
}

void KioskControlBinding::note(const std::string& line) { spdlog::info("control socket: {}", line); }

}  // namespace kiosk
