#include "kiosk/maintenance/maintenance_service.hpp"

#include <algorithm>

#include "kiosk/maintenance/journal_searches.hpp"
#include "kiosk/runtime/recorder.hpp"
#include "store/database.hpp"

namespace kiosk {

using namespace maintenance;  // the cash ledger's vocabulary

namespace {

using flow::ServiceAction;
using flow::ServiceOutcome;

constexpr std::string_view kNotHere = "not available in this assembly";

std::string sensor_words(const drivers::SensorReadings& r) {
    std::string words = r.safe_door_open ? "safe door open" : "safe door closed";
    words += r.tampered ? ", tamper latched" : ", no tamper";
    words += r.operator_key_maintenance ? ", key: maintenance" : ", key: normal";
    return words;
}

std::string money_words(std::int64_t minor, const Money& currency) {
    return format_money(currency.with_minor_units(minor));
}

}  // namespace

MaintenanceService::MaintenanceService(RuntimePorts ports, Workers workers, LoopMailbox& mailbox,
                                       MaintenanceConfig config, TechnicianDesk* desk, MaintenanceSources sources,
                                       std::string terminal_id, Money currency, DeviceTimeouts timeouts)
    : ports_(std::move(ports)),
      workers_(workers),
      config_(std::move(config)),
      desk_(desk),
      sources_(std::move(sources)),
      terminal_id_(std::move(terminal_id)),
      currency_(std::move(currency)),
      timeouts_(timeouts) {
    if (desk_ != nullptr) {
        desk_worker_ = std::make_unique<RequestWorker<TechnicianDesk>>("technician desk", *desk_, mailbox, ports_.clock);
    }
    if (sources_.upload_now || sources_.probe_crm || sources_.rotate_keys || sources_.search_journal) {
        jobs_worker_ = std::make_unique<RequestWorker<ServiceJobs>>("service jobs", jobs_, mailbox, ports_.clock);
    }
}

MaintenanceService::~MaintenanceService() = default;

std::string MaintenanceService::actor() const {
    return technician_.empty() ? std::string(store::kJournalSystemActor) : store::journal_actor_technician(technician_);
}

bool MaintenanceService::is_technician_card(std::string_view pan) const {
    return std::any_of(config_.technician_card_prefixes.begin(), config_.technician_card_prefixes.end(),
                       [&](const std::string& prefix) { return !prefix.empty() && pan.substr(0, prefix.size()) == prefix; });
}

void MaintenanceService::requested(std::string_view by) {
    if (!open_since_) open_since_ = ports_.clock.now();
    passed_.clear();
    result_.clear();
    journal_found_.clear();  // the last technician's search is not the next one's page
    ports_.recorder.journal("system", "service_mode_requested", "success", std::string(by));
}

void MaintenanceService::typed(flow::KeyEntry entry, std::string_view digits) {
    switch (entry) {
        case flow::KeyEntry::TechnicianId:
            typed_id_ = std::string(digits);
            ports_.post(flow::events::TechnicianIdEntered{});
            break;
        case flow::KeyEntry::TechnicianPin:
            typed_pin_ = security::SecureString(digits);
            ports_.post(flow::events::TechnicianPinEntered{});
            break;
        case flow::KeyEntry::CassetteCount: {
            std::uint32_t notes = 0;
            for (const char c : digits) notes = notes * 10U + static_cast<std::uint32_t>(c - '0');  // ≤ 19 digits typed
            if (digits.size() > 9) notes = config_.cassette_capacity + 1;  // refused below as above capacity
            counts_.push_back(notes);
            ports_.post(flow::events::ServiceCountEntered(counts_.size() < std::max<std::size_t>(1, expected_cassettes_)));
            break;
        }
        default: break;
    }
}

void MaintenanceService::begin_counts(const std::optional<DeviceHealth>& health) {
    counts_.clear();
    expected_cassettes_ = health && health->dispenser ? health->dispenser->cassettes.size() : 1;
}

void MaintenanceService::check_technician() {
    if (!desk_worker_) {
        ports_.recorder.journal("system", "technician_login", "failure: no technician registry", "maintenance");
        ports_.post(flow::events::TechnicianRefused(flow::SignInRefusal::Unavailable));
        return;
    }
    std::string id = typed_id_;
    std::string pin(typed_pin_.view());
    typed_pin_ = security::SecureString();
    desk_worker_->submit<SignInAnswer>(
        "sign in", Millis(30'000),
        [id, secret = security::SecureString(pin)](TechnicianDesk& desk) {
            return Result<SignInAnswer>(desk.sign_in(id, secret.view()));
        },
        [this, id](const Completion<SignInAnswer>& answered) {
            if (!answered.ok() || !answered.payload->role) {
                // The registry journaled the refusal or lockout itself (security/access/).
                const flow::SignInRefusal why = answered.ok() ? answered.payload->refusal : flow::SignInRefusal::Unavailable;
                ports_.note("technician sign-in refused: " +
                            (answered.ok() ? answered.payload->detail : answered.describe()));
                ports_.post(flow::events::TechnicianRefused(why));
                return;
            }
            technician_ = id;
            role_ = *answered.payload->role;
            ports_.recorder.journal(actor(), "service_mode_entered", "success", "maintenance",
                                    "role " + std::string(flow::to_string(*role_)));
            ports_.post(flow::events::TechnicianSignedIn(*role_));
        });
    for (char& c : pin) c = '\0';
}

void MaintenanceService::done(ServiceAction action, ServiceOutcome outcome, std::string result,
                              const std::vector<store::CounterDelta>& counters) {
    if (outcome == ServiceOutcome::Passed) passed_.insert(action);
    result_ = std::string(flow::to_string(action)) + ": " + result;
    const std::string outcome_text =
        outcome == ServiceOutcome::Passed ? "success" : std::string(flow::to_string(outcome)) + ": " + result;
    ports_.recorder.journal(actor(), "service_action", outcome_text, std::string(flow::to_string(action)), result,
                            counters);
    ports_.post(flow::events::ServiceActionDone(action, outcome));
}

void MaintenanceService::run(ServiceAction action, const flow::Context& context,
                             const std::optional<DeviceHealth>& health) {
    (void)context;
    if (is_remote_device_test(action)) {  // the same tests kioskctl selftest runs (device_test)
        device_test(action, health, "Technician " + technician_,
                    [this, action](ServiceOutcome outcome, std::string result, std::vector<store::CounterDelta> counters) {
                        done(action, outcome, std::move(result), counters);
                    });
        return;
    }
    switch (action) {
        case ServiceAction::ReadTestCard:
            // The tracks are read and dropped on the worker: nothing of them is kept, shown or
            // journaled. No card in: the slot opens for one, and the technician touches the test again.
            workers_.card.submit<std::pair<bool, std::string>>(
                "read test card", timeouts_.card_motion,
                [](drivers::CardReader& reader) -> Result<std::pair<bool, std::string>> {
                    const drivers::CardReaderStatus status = reader.status();
                    if (status.media != drivers::CardMediaState::present) {
                        KIOSK_TRY(reader.enable_insertion(true));
                        return std::pair<bool, std::string>{false, "no card in the reader: the slot is open, insert "
                                                                   "the test card and touch Test card again"};
                    }
                    auto tracks = reader.read_tracks();
                    if (!tracks) return tracks.error();
                    std::string words = tracks->track2.view().empty() ? "card read without track 2" : "card read (track 2 present)";
                    if (const Status ejected = reader.eject(); !ejected.ok()) {
                        // The head reads: the test passes; the stuck card is the latched fault Reset clears.
                        return std::pair<bool, std::string>{true, words + "; eject failed (" + ejected.error().message +
                                                                      "): Reset reader captures the card"};
                    }
                    return std::pair<bool, std::string>{true, words + ", card returned"};
                },
                [this](const Completion<std::pair<bool, std::string>>& finished) {
                    if (!finished.ok()) {
                        done(ServiceAction::ReadTestCard, ServiceOutcome::Failed, finished.describe());
                        return;
                    }
                    done(ServiceAction::ReadTestCard,
                         finished.payload->first ? ServiceOutcome::Passed : ServiceOutcome::Failed,
                         finished.payload->second);
                });
            return;
        case ServiceAction::PrintTestReceipt:
        case ServiceAction::TestDispense:
        case ServiceAction::PinPadKeyTest:
        case ServiceAction::ReadSensors:
        case ServiceAction::SpeechTest: return;  // device_test, above
        case ServiceAction::ResetCardReader: reset(action, ServiceAction::ReadTestCard); return;
        case ServiceAction::ResetDispenser: reset(action, ServiceAction::TestDispense); return;
        case ServiceAction::ResetTamper: reset(action, ServiceAction::ReadSensors); return;
        case ServiceAction::ReplenishCash: replenish(health); return;
        case ServiceAction::PrintBalance: balance(health); return;
        case ServiceAction::UploadNow: upload_now(); return;
        case ServiceAction::VerifyJournal: {
            if (!sources_.verify_journal) {
                done(action, ServiceOutcome::Failed, std::string(kNotHere));
                return;
            }
            auto verified = sources_.verify_journal();
            done(action, verified.ok() ? ServiceOutcome::Passed : ServiceOutcome::Failed,
                 verified.ok() ? *verified : verified.error().to_string());
            return;
        }
        case ServiceAction::RotateKeys: rotate_keys(); return;
        case ServiceAction::ProbeNetwork: probe_network(); return;
        case ServiceAction::JournalFailures:
        case ServiceAction::JournalCash:
        case ServiceAction::JournalCards:
        case ServiceAction::JournalService:
        case ServiceAction::JournalAll: search_journal(action); return;
    }
}

bool is_remote_device_test(ServiceAction action) {
    switch (action) {
        case ServiceAction::PrintTestReceipt:
        case ServiceAction::TestDispense:
        case ServiceAction::PinPadKeyTest:
        case ServiceAction::ReadSensors:
        case ServiceAction::SpeechTest: return true;
        default: return false;
    }
}

void MaintenanceService::device_test(ServiceAction test, const std::optional<DeviceHealth>& health,
                                     const std::string& asked_by, const TestFinished& finished) {
    const auto passed = [finished](std::string result) { finished(ServiceOutcome::Passed, std::move(result), {}); };
    const auto failed = [finished](std::string result) { finished(ServiceOutcome::Failed, std::move(result), {}); };
    switch (test) {
        case ServiceAction::PrintTestReceipt: {
            drivers::Receipt receipt;
            const auto add = [&](std::string text) { receipt.lines.push_back({std::move(text), {}}); };
            add("*** TEST RECEIPT ***");
            add("Terminal " + terminal_id_);
            add(asked_by);
            add("Printer test: every line above should be sharp.");
            workers_.printer.submit<Done>(
                "print test receipt", timeouts_.print,
                [receipt](drivers::ReceiptPrinter& printer) { return printer.print(receipt); },
                [passed, failed](const Completion<Done>& printed) {
                    if (printed.ok()) {
                        passed("test receipt printed");
                    } else {
                        failed(printed.describe());
                    }
                });
            return;
        }
        case ServiceAction::TestDispense: test_dispense(health, finished); return;
        case ServiceAction::PinPadKeyTest:
            workers_.pad.submit<drivers::PinPadStatus>(
                "key test", timeouts_.status,
                [](drivers::PinPad& pad) { return Result<drivers::PinPadStatus>(pad.status()); },
                [passed, failed](const Completion<drivers::PinPadStatus>& answered) {
                    if (answered.ok() && answered.payload->device.usable()) {
                        passed("the pad answers and takes entries (the sign-in keys reached it)");
                    } else {
                        failed(answered.ok() ? drivers::describe(answered.payload->device) : answered.describe());
                    }
                });
            return;
        case ServiceAction::ReadSensors:
            if (workers_.sensors == nullptr) {
                failed("no sensor board fitted");
                return;
            }
            workers_.sensors->submit<drivers::SensorReadings>(
                "read sensors", timeouts_.status, [](drivers::Sensors& sensors) { return sensors.read(); },
                [passed, failed](const Completion<drivers::SensorReadings>& read) {
                    if (read.ok()) {
                        passed(sensor_words(*read.payload));
                    } else {
                        failed(read.describe());
                    }
                });
            return;
        case ServiceAction::SpeechTest:
            if (!sources_.speak_test_phrase) {
                failed("no speech service in this assembly");
                return;
            }
            if (const std::optional<std::string> problem = sources_.speak_test_phrase()) {
                failed("speech: " + *problem);
                return;
            }
            passed("test phrase sent to the audio output: listen at the headset jack");
            return;
        default: failed("not a device test"); return;
    }
}

void MaintenanceService::card_reader_check(const TestFinished& finished) {
    // A reset and a status read; reading a card needs one in the slot, so someone at the machine.
    workers_.card.submit<drivers::CardReaderStatus>(
        "reset and status", timeouts_.card_motion,
        [](drivers::CardReader& reader) -> Result<drivers::CardReaderStatus> {
            // A card that came in just as the slot closed belongs to someone: it goes back, untouched.
            if (reader.status().media == drivers::CardMediaState::present) {
                KIOSK_TRY(reader.eject());
                return make_error("card reader", "a card was in the reader: ejected for its owner, not reset; "
                                                 "test it again once the card is taken");
            }
            KIOSK_TRY(reader.reset());
            return reader.status();
        },
        [finished](const Completion<drivers::CardReaderStatus>& answered) {
            constexpr std::string_view on_site = "; a card-read test needs a technician on site (service mode, Test card)";
            if (answered.ok() && answered.payload->device.usable()) {
                finished(ServiceOutcome::Passed, "reset, and it answers its status" + std::string(on_site), {});
            } else {
                finished(ServiceOutcome::Failed,
                         (answered.ok() ? drivers::describe(answered.payload->device) : answered.describe()) +
                             std::string(on_site),
                         {});
            }
        });
}

// One upload round on the service worker, as `kioskctl upload-now` does (KioskControlBinding).
void MaintenanceService::upload_now() {
    if (!sources_.upload_now || !jobs_worker_) {
        done(ServiceAction::UploadNow, ServiceOutcome::Failed, std::string(kNotHere));
        return;
    }
    jobs_worker_->submit<std::string>(
        "upload now", Millis(60'000), [upload = sources_.upload_now](ServiceJobs&) { return upload(); },
        [this](const Completion<std::string>& finished) {
            done(ServiceAction::UploadNow, finished.ok() ? ServiceOutcome::Passed : ServiceOutcome::Failed,
                 finished.ok() ? *finished.payload : finished.describe());
        });
}

// A supervisor's: the flow refuses it to a technician (flow_service_rows.cpp), and so does this,
// so no other path can rotate without the role the registry gave at sign-in.
void MaintenanceService::rotate_keys() {
    if (role_ != flow::ServiceRole::Supervisor) {
        done(ServiceAction::RotateKeys, ServiceOutcome::Refused, "supervisor only");
        return;
    }
    if (!sources_.rotate_keys || !jobs_worker_) {
        done(ServiceAction::RotateKeys, ServiceOutcome::Failed, std::string(kNotHere));
        return;
    }
    jobs_worker_->submit<security::DataKeyRotation>(
        "rotate keys", Millis(30'000), [rotate = sources_.rotate_keys](ServiceJobs&) { return rotate(); },
        [this](const Completion<security::DataKeyRotation>& finished) {
            if (!finished.ok()) {
                done(ServiceAction::RotateKeys, ServiceOutcome::Failed, finished.describe());
                return;
            }
            // The same `key_rotation` line as kioskctl's (audits look for it), then the action's own.
            ports_.recorder.journal(actor(), "key_rotation", "success", "key ring", finished.payload->journal_detail());
            done(ServiceAction::RotateKeys, ServiceOutcome::Passed, finished.payload->journal_detail());
        });
}

// "Test network": the host's 0800/0810 echo on the host worker and a short HTTPS request to the
// CRM on the service worker, at once; the action is done when both have answered.
void MaintenanceService::probe_network() {
    probed_host_.reset();
    probed_crm_.reset();
    const TimePoint sent = ports_.clock.now();
    workers_.host.submit<Done>(
        "echo", timeouts_.status,
        [terminal = terminal_id_, sent](host::HostLink& link) { return link.echo(0, terminal, sent); },
        [this, sent](const Completion<Done>& finished) {
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(ports_.clock.now() - sent);
            probed_host_ = finished.ok() ? std::pair{true, "host echo " + std::to_string(ms.count()) + " ms"}
                                         : std::pair{false, "host: " + finished.describe()};
            network_probed();
        });
    if (!sources_.probe_crm || !jobs_worker_) {
        probed_crm_ = std::pair{false, "CRM: " + std::string(kNotHere)};
        network_probed();
        return;
    }
    jobs_worker_->submit<Millis>(
        "probe CRM", Millis(10'000), [probe = sources_.probe_crm](ServiceJobs&) { return probe(); },
        [this](const Completion<Millis>& finished) {
            probed_crm_ = finished.ok() ? std::pair{true, "CRM " + std::to_string(finished.payload->count()) + " ms"}
                                        : std::pair{false, "CRM: " + finished.describe()};
            network_probed();
        });
}

// A quick search of the journal on the service worker (a journal of a year is a scan the loop must
// not wait for); the lines are turned into the page's facts back on the loop.
void MaintenanceService::search_journal(ServiceAction search) {
    const std::optional<store::JournalQuery> query = journal_search_query(search, ports_.clock.now());
    if (!query || !sources_.search_journal || !jobs_worker_) {
        done(search, ServiceOutcome::Failed, std::string(kNotHere));
        return;
    }
    jobs_worker_->submit<std::vector<store::JournalEntry>>(
        "search journal", Millis(10'000),
        [find = sources_.search_journal, query = *query](ServiceJobs&) { return find(query); },
        [this, search](const Completion<std::vector<store::JournalEntry>>& finished) {
            if (!finished.ok()) {
                journal_found_.clear();
                done(search, ServiceOutcome::Failed, finished.describe());
                return;
            }
            journal_found_ = journal_search_facts(search, *finished.payload);
            done(search, ServiceOutcome::Passed, std::to_string(finished.payload->size()) + " lines found");
        });
}

void MaintenanceService::network_probed() {
    if (!probed_host_ || !probed_crm_) return;
    const bool both = probed_host_->first && probed_crm_->first;
    const std::string words = probed_host_->second + "; " + probed_crm_->second;
    probed_host_.reset();
    probed_crm_.reset();
    done(ServiceAction::ProbeNetwork, both ? ServiceOutcome::Passed : ServiceOutcome::Failed, words);
}

void MaintenanceService::reset(ServiceAction action, ServiceAction test) {
    // A latched fault is cleared only once the device has shown it works again.
    if (passed_.count(test) == 0) {
        done(action, ServiceOutcome::Refused, "run " + std::string(flow::to_string(test)) + " first: it must pass");
        return;
    }
    const auto finish = [this, action](const Completion<Done>& finished) {
        done(action, finished.ok() ? ServiceOutcome::Passed : ServiceOutcome::Failed,
             finished.ok() ? "latched fault cleared" : finished.describe());
    };
    if (action == ServiceAction::ResetCardReader) {
        workers_.card.submit<Done>("reset", timeouts_.status, [](drivers::CardReader& r) { return r.reset(); }, finish);
    } else if (action == ServiceAction::ResetDispenser && workers_.dispenser != nullptr) {
        workers_.dispenser->submit<Done>("reset", timeouts_.retract, [](drivers::CashDispenser& d) { return d.reset(); },
                                         finish);
    } else if (action == ServiceAction::ResetTamper && workers_.sensors != nullptr) {
        workers_.sensors->submit<Done>("clear tamper", timeouts_.status,
                                       [](drivers::Sensors& s) { return s.clear_tamper(); }, finish);
    } else {
        done(action, ServiceOutcome::Failed, "device not fitted");
    }
}

void MaintenanceService::test_dispense(const std::optional<DeviceHealth>& health, const TestFinished& finished) {
    if (workers_.dispenser == nullptr || !health || !health->dispenser) {
        finished(ServiceOutcome::Failed, "no dispenser fitted or not read yet", {});
        return;
    }
    drivers::NotePlan plan;
    for (const drivers::CassetteInfo& cassette : health->dispenser->cassettes) {
        const std::uint32_t one = cassette.usable() ? 1U : 0U;
        plan.notes.push_back(one);
        plan.total_notes += one;
    }
    if (plan.total_notes == 0) {
        finished(ServiceOutcome::Failed, "no cassette has notes to pick", {});
        return;
    }
    // One note per cassette, stacked and retracted straight into the reject bin: nothing is presented.
    workers_.dispenser->submit<drivers::DispenseReport>(
        "test dispense", timeouts_.dispense,
        [plan](drivers::CashDispenser& dispenser) -> Result<drivers::DispenseReport> {
            auto report = dispenser.dispense(plan);
            if (!report) return report.error();
            auto retracted = dispenser.retract();
            if (!retracted) return retracted.error();
            return report;
        },
        [finished](const Completion<drivers::DispenseReport>& dispensed) {
            if (!dispensed.ok()) {
                finished(ServiceOutcome::Failed, dispensed.describe(), {});
                return;
            }
            const drivers::DispenseReport& report = *dispensed.payload;
            std::vector<std::uint32_t> to_bin = report.dispensed;
            if (report.rejected > 0 && !to_bin.empty()) to_bin[0] += report.rejected;
            const auto deltas = cash_counter_deltas({{}, to_bin, {}});
            std::uint32_t notes = 0;
            for (const std::uint32_t n : report.dispensed) notes += n;
            if (report.complete) {
                finished(ServiceOutcome::Passed, std::to_string(notes) + " notes picked and retracted to the reject bin",
                         deltas);
            } else {
                finished(ServiceOutcome::Failed, report.failure, deltas);
            }
        });
}

std::vector<CassetteLoad> MaintenanceService::loads(const std::optional<DeviceHealth>& health) const {
    std::vector<CassetteLoad> loads;
    if (!health || !health->dispenser) return loads;
    for (std::size_t i = 0; i < health->dispenser->cassettes.size() && i < counts_.size(); ++i) {
        loads.push_back({counts_[i], health->dispenser->cassettes[i].denomination, config_.cassette_capacity});
    }
    return loads;
}

void MaintenanceService::replenish(const std::optional<DeviceHealth>& health) {
    const std::vector<std::uint32_t> counts = counts_;
    std::vector<CassetteLoad> typed = loads(health);
    counts_.clear();
    if (typed.empty() || typed.size() != counts.size()) {
        done(ServiceAction::ReplenishCash, ServiceOutcome::Failed, "the dispenser's cassettes are not known yet");
        return;
    }
    store::JournalLine journal;
    journal.actor = actor();
    journal.event_type = "cash_replenish";
    journal.outcome = "success";
    journal.origin = store::journal_origin(terminal_id_, "maintenance");
    journal.resource = "dispenser";
    replenish_cassettes(std::move(typed), std::move(journal), [this](const Result<std::string>& replenished) {
        if (!replenished.ok()) {
            // Refused (a count above capacity, the dispenser said no) or not written: the page says why.
            done(ServiceAction::ReplenishCash, ServiceOutcome::Refused, replenished.error().message);
            return;
        }
        result_ = "replenish_cash: " + *replenished;
        passed_.insert(ServiceAction::ReplenishCash);
        ports_.post(flow::events::ServiceActionDone(ServiceAction::ReplenishCash, ServiceOutcome::Passed));
    });
}

void MaintenanceService::replenish_from_control(const std::vector<std::uint32_t>& counts, std::uint32_t capacity,
                                                const std::string& actor, const std::optional<DeviceHealth>& health,
                                                std::function<void(const Result<std::string>&)> finished) {
    if (!health || !health->dispenser || health->dispenser->cassettes.size() != counts.size()) {
        const std::size_t fitted = health && health->dispenser ? health->dispenser->cassettes.size() : 0;
        finished(make_error("cash", "expected one count for each of the dispenser's " + std::to_string(fitted) +
                                        " cassettes, got " + std::to_string(counts.size())));
        return;
    }
    std::vector<CassetteLoad> loads;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        loads.push_back({counts[i], health->dispenser->cassettes[i].denomination, capacity});
    }
    store::JournalLine journal;
    journal.actor = actor;
    journal.event_type = "cash_replenished";
    journal.outcome = "success";
    journal.origin = store::journal_origin(terminal_id_, "kioskctl");
    journal.resource = "dispenser";
    replenish_cassettes(std::move(loads), std::move(journal), std::move(finished));
}

void MaintenanceService::replenish_cassettes(std::vector<CassetteLoad> loads, store::JournalLine journal,
                                             std::function<void(const Result<std::string>&)> finished) {
    if (sources_.database == nullptr) {
        finished(make_error("cash", "no cash ledger in this assembly"));
        return;
    }
    if (workers_.dispenser == nullptr) {
        finished(make_error("cash", "no dispenser fitted"));
        return;
    }
    // Refused (a count above capacity): nothing goes to the dispenser, nothing is written.
    if (const Status valid = validate_loads(loads); !valid.ok()) {
        finished(valid.error());
        return;
    }
    std::vector<std::uint32_t> counts;
    for (const CassetteLoad& load : loads) counts.push_back(load.notes);
    // The dispenser takes the new counts first, on its worker (never the loop's thread); the
    // ledger follows only once it confirmed them, so a refusal leaves both as they were.
    workers_.dispenser->submit<std::vector<std::uint32_t>>(
        "set counts", timeouts_.status,
        [counts](drivers::CashDispenser& dispenser) { return dispenser.set_counts(counts); },
        [this, loads = std::move(loads), journal = std::move(journal), finished = std::move(finished)](
            const Completion<std::vector<std::uint32_t>>& set) mutable {
            if (!set.ok()) {
                finished(make_error("cash", "the dispenser refused the new counts, nothing written: " + set.describe()));
                return;
            }
            journal.time_unix_ms = to_unix_millis(ports_.clock.now());
            // The ledger's counters and its journal line: one SQLite transaction.
            const Status written = CashLedger(*sources_.database).replenish(loads, journal, sources_.chain);
            if (!written.ok()) {
                finished(make_error("cash", "the dispenser holds the new counts but the ledger was not written (" +
                                                written.error().message + "): replenish again"));
                return;
            }
            std::string words = "loaded";
            for (std::size_t i = 0; i < loads.size(); ++i) {
                words += " " + std::to_string(i + 1) + "=" + std::to_string(loads[i].notes);
            }
            finished(words + ", confirmed by the dispenser");
        });
}

std::vector<std::uint32_t> MaintenanceService::device_counts(const std::optional<DeviceHealth>& health) const {
    std::vector<std::uint32_t> counts;
    if (!health || !health->dispenser) return counts;
    for (const drivers::CassetteInfo& cassette : health->dispenser->cassettes) counts.push_back(cassette.count);
    return counts;
}

void MaintenanceService::balance(const std::optional<DeviceHealth>& health) {
    if (sources_.database == nullptr) {
        done(ServiceAction::PrintBalance, ServiceOutcome::Failed, "no cash ledger in this assembly");
        return;
    }
    const std::vector<std::uint32_t> counts = device_counts(health);
    const TimePoint now = ports_.clock.now();
    std::uint32_t stan = next_stan_;
    if (take_stan_) {
        stan = take_stan_();
    } else {
        next_stan_ = next_stan_ >= 999'999 ? 1 : next_stan_ + 1;
    }
    workers_.host.submit<host::ReconciliationTotals>(
        "totals", timeouts_.status,
        [stan, terminal = terminal_id_, now](host::HostLink& link) { return link.totals(stan, terminal, now); },
        [this, counts](const Completion<host::ReconciliationTotals>& answered) {
            std::optional<HostTotals> host;
            if (answered.ok()) {
                host_totals_ = *answered.payload;
                host = HostTotals{answered.payload->withdrawals, answered.payload->withdrawn_minor,
                                  answered.payload->reversals, answered.payload->reversed_minor};
            } else {
                ports_.note("host totals: " + answered.describe());
            }
            auto ledgers = CashLedger(*sources_.database).read(std::max<std::size_t>(counts.size(), 1));
            if (!ledgers) {
                done(ServiceAction::PrintBalance, ServiceOutcome::Failed, ledgers.error().to_string());
                return;
            }
            const BalanceReport report = maintenance::balance(*ledgers, counts, host);
            drivers::Receipt receipt;
            receipt.lines.push_back({"*** BALANCING ***", {}});
            receipt.lines.push_back({"Terminal " + terminal_id_ + ", technician " + technician_, {}});
            for (std::string& text : balance_lines(report, currency_.currency, currency_.exponent)) {
                receipt.lines.push_back({std::move(text), {}});
            }
            const bool balanced = report.balanced();
            const std::string summary = (balanced ? "balanced" : "not balanced") + std::string(", difference ") +
                                        (report.host_difference() ? money_words(*report.host_difference(), currency_)
                                                                  : "unknown (no host totals)");
            workers_.printer.submit<Done>(
                "print balancing receipt", timeouts_.print,
                [receipt](drivers::ReceiptPrinter& printer) { return printer.print(receipt); },
                [this, balanced, summary](const Completion<Done>& printed) {
                    if (!printed.ok()) {
                        done(ServiceAction::PrintBalance, ServiceOutcome::Failed,
                             summary + "; receipt not printed: " + printed.describe());
                        return;
                    }
                    done(ServiceAction::PrintBalance, balanced ? ServiceOutcome::Passed : ServiceOutcome::Failed,
                         summary + "; balancing receipt printed");
                });
        });
}

void MaintenanceService::check_fitness() { awaiting_fitness_ = true; }

void MaintenanceService::fitness_assessed(const ServiceFitness& fitness) {
    if (!awaiting_fitness_) return;
    awaiting_fitness_ = false;
    unfit_problems_ = fitness.problems;
    ports_.recorder.journal(actor(), "service_fitness_check", fitness.serving() ? "success" : "failure: not fit",
                            "maintenance", fitness.problems.empty() ? "no problem" : fitness.problems.front());
    ports_.post(flow::events::ServiceFitnessChecked(fitness.serving()));
}

void MaintenanceService::end() {
    ports_.recorder.journal(actor(), "service_mode_left", "success", "maintenance");
    if (desk_worker_ && !technician_.empty()) {
        desk_worker_->submit<Done>(
            "sign out", Millis(10'000), [](TechnicianDesk& desk) -> Status {
                desk.sign_out();
                return ok_status();
            },
            [](const Completion<Done>&) {});
    }
    technician_.clear();
    role_.reset();
    open_since_.reset();
    passed_.clear();
    counts_.clear();
    result_.clear();
}

}  // namespace kiosk
