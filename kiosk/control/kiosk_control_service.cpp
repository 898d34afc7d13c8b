// KioskControlService (see kiosk_control_service.hpp).
#include "kiosk/control/kiosk_control_service.hpp"

#include <grp.h>

#include <chrono>
#include <future>
#include <optional>
#include <thread>

#include "kiosk/flow/flow_service_rows.hpp"

namespace kiosk::control {

namespace {

using nlohmann::json;

std::string reply_line(json reply) {
    reply["ok"] = true;
    return reply.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

Result<std::unique_ptr<KioskControlService>> KioskControlService::start(const std::filesystem::path& socket,
                                                                        ControlledKiosk& kiosk,
                                                                        KioskControlOptions options) {
    std::unique_ptr<KioskControlService> service(new KioskControlService(kiosk, options));
    KioskControlService* self = service.get();
    LineServerOptions server;
    server.mode = options.mode;
    server.group = options.group;
    server.max_line = max_kiosk_control_line;
    server.idle_timeout = options.idle_timeout;
    server.write_timeout = options.write_timeout;
    server.error_line = [](std::string_view problem) { return kiosk_error_reply(problem); };
    server.in_use_hint = "is another kiosk running with this service.control_socket?";
    auto started = LineServer::start(socket, [self](std::string_view line) { return self->handle(line); }, server);
    if (!started) return started.error();
    service->server_ = std::move(*started);
    return service;
}

std::string KioskControlService::handle(std::string_view line) {
    auto request = parse_kiosk_request(line);
    if (!request) return kiosk_error_reply(request.error().message);
    switch (request->command) {
        case KioskCommand::status: return status();
        case KioskCommand::selftest: return selftest(*request);
        case KioskCommand::uploadNow: return upload_now(*request);
        case KioskCommand::cassettes: return cassettes();
        case KioskCommand::replenish: return replenish(*request);
    }
    return kiosk_error_reply("unknown command");
}

std::string KioskControlService::status() {
    auto picture = mailbox_.call([this] { return kiosk_.picture(); }, options_.loop_timeout);
    if (!picture) return kiosk_error_reply(picture.error().message);
    return reply_line(json{{"status", maintenance::to_json(kiosk_.status(*picture))}});
}

std::string KioskControlService::selftest(const KioskRequest& request) {
    const std::string actor = request.actor.value_or(std::string(kUnnamedCaller));
    // On the loop, in one step: refuse while a customer is at the machine, else start the tests
    // (the flow goes out of service at once: no card is taken in between).
    std::optional<std::string> refused;
    std::uint64_t id = 0;
    auto before = mailbox_.call(
        [this, &refused, &id, &request, &actor] {
            LoopPicture picture = kiosk_.picture();
            if (!picture.idle()) {
                const std::string state = std::string(flow::to_string(picture.state));
                refused = flow::is_service_state(picture.state)
                              ? "the service mode is open on the machine (flow state " + state +
                                    "): a technician there runs the tests from its Device tests page"
                              : "a customer is in session (flow state " + state +
                                    "): self-tests run only while the kiosk is idle; try again when it shows Attract";
                return picture;
            }
            auto started = kiosk_.start_self_test(request.device, actor);
            if (started) {
                id = *started;
            } else {
                refused = started.error().message;
            }
            return picture;
        },
        options_.loop_timeout);
    if (!before) return kiosk_error_reply(before.error().message);
    if (refused) return kiosk_error_reply(*refused);
    kiosk_.note("selftest" + (request.device ? " " + *request.device : std::string()) + " requested by " + actor);
    // The tests complete on the devices' workers; their report is read here, on the control
    // thread, in short loop steps, until it is finished or the bound is reached.
    const auto deadline = std::chrono::steady_clock::now() + options_.selftest_timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        auto now = mailbox_.call([this] { return kiosk_.picture(); }, options_.loop_timeout);
        if (!now) return kiosk_error_reply(now.error().message);
        if (!now->self_test || now->self_test->id != id || !now->self_test->finished) continue;
        return reply_line(selftest_reply(*now->self_test));
    }
    return kiosk_error_reply("the self-test did not finish within " +
                             std::to_string(options_.selftest_timeout.count() / 1000) +
                             " s; the kiosk stays out of service until it does");
}

nlohmann::json selftest_reply(const SelfTestReport& report) {
    json devices = json::array();
    bool passed = true;
    for (const SelfTestLine& line : report.lines) {
        passed = passed && line.passed;
        devices.push_back(json{{"name", line.device}, {"passed", line.passed}, {"result", line.result}});
    }
    json reply{{"devices", devices}, {"passed", passed}, {"in_service", !report.out_of_service.has_value()}};
    if (report.out_of_service) {
        reply["out_of_service"] = std::string(out_of_service_name(*report.out_of_service));
        reply["problems"] = report.problems;
    }
    return reply;
}

std::string KioskControlService::upload_now(const KioskRequest& request) {
    kiosk_.note("upload-now requested by " + request.actor.value_or("an unnamed caller"));
    return reply_line(kiosk_.upload_now(request.actor.value_or("")));
}

std::string KioskControlService::cassettes() {
    auto picture = mailbox_.call([this] { return kiosk_.picture(); }, options_.loop_timeout);
    if (!picture) return kiosk_error_reply(picture.error().message);
    if (!picture->health || !picture->health->dispenser) {
        return kiosk_error_reply("no dispenser reading: none fitted, or the first device round has not finished");
    }
    json cassettes = json::array();
    for (std::size_t i = 0; i < picture->health->dispenser->cassettes.size(); ++i) {
        const drivers::CassetteInfo& cassette = picture->health->dispenser->cassettes[i];
        cassettes.push_back(json{{"cassette", i + 1},
                                 {"currency", cassette.currency},
                                 {"denomination", cassette.denomination},
                                 {"count", cassette.count},
                                 {"state", std::string(drivers::to_string(cassette.state))}});
    }
    return reply_line(json{{"cassettes", cassettes}});
}

std::string KioskControlService::replenish(const KioskRequest& request) {
    // The answer comes from the loop once the dispenser and the ledger have the counts; a late one
    // (after the wait below gave up) still lands in the promise and is dropped with it.
    auto outcome = std::make_shared<std::promise<Result<std::string>>>();
    std::future<Result<std::string>> answer = outcome->get_future();
    const std::string actor = request.actor.value_or("");
    const std::uint32_t capacity = request.capacity.value_or(options_.default_capacity);
    bool refused = false;
    auto before = mailbox_.call(
        [this, &refused, counts = request.counts, capacity, actor, outcome] {
            LoopPicture picture = kiosk_.picture();
            if (!picture.idle()) {
                refused = true;
            } else {
                kiosk_.replenish(counts, capacity, actor,
                                 [outcome](const Result<std::string>& done) { outcome->set_value(done); });
            }
            return picture;
        },
        options_.loop_timeout);
    if (!before) return kiosk_error_reply(before.error().message);
    if (refused) {
        return kiosk_error_reply("the kiosk is busy (flow state " + std::string(flow::to_string(before->state)) +
                                 "): replenish with kioskctl only while it shows Attract or is out of service, "
                                 "or on the service mode's Cash page");
    }
    kiosk_.note("replenish requested by " + actor);
    if (answer.wait_for(options_.replenish_timeout) != std::future_status::ready) {
        return kiosk_error_reply("the dispenser did not confirm the counts within " +
                                 std::to_string(options_.replenish_timeout.count()) +
                                 " ms; the ledger is written only once it does: check `kioskctl balance`");
    }
    const Result<std::string> done = answer.get();
    if (!done) return kiosk_error_reply(done.error().message);
    return reply_line(json{{"replenished", *done}, {"counts", request.counts}});
}

Result<std::optional<gid_t>> control_group(const std::string& name) {
    if (name.empty()) return std::optional<gid_t>();
    // getgrnam_r: the control thread and others may look groups up at once.
    group entry{};
    group* found = nullptr;
    std::string buffer(16 * 1024, '\0');
    const int failed = ::getgrnam_r(name.c_str(), &entry, buffer.data(), buffer.size(), &found);
    if (failed != 0 || found == nullptr) {
        return make_error("service.control_group", "no group '" + name + "' on this system");
    }
    return std::optional<gid_t>(found->gr_gid);
}

}  // namespace kiosk::control
