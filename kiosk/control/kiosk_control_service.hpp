// KioskControlService: the kiosk's control socket for kioskctl (docs/kioskctl.md, "The control
// socket"), in every build — hardware and simulator. A LineServer thread (common/line_server.hpp)
// reads each request line, parses it there (a malformed request never reaches the loop), asks the
// loop for what only the loop knows through a CallMailbox — a copy of its picture, a self-test
// started, its report — and does the slow parts (database reads, the CRM upload) on its own thread. The
// loop only pump()s, once per turn; nothing it does waits on the socket.
// Run: build/clang/bin/kiosk_control_tests; wired in by kiosk/app/kiosk_control_binding.hpp.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/async/call_mailbox.hpp"
#include "common/clock.hpp"
#include "common/line_server.hpp"
#include "common/result.hpp"
#include "kiosk/control/kiosk_control_protocol.hpp"
#include "kiosk/control/loop_picture.hpp"

namespace kiosk::control {

// What the control socket acts on. The first two run on the loop thread (pump), the others on the
// control socket's thread.
class ControlledKiosk {
public:
    virtual ~ControlledKiosk() = default;
    // Loop thread: a copy of the loop's picture (with the last self-test's report).
    virtual LoopPicture picture() = 0;
    // Loop thread, with the picture idle: start kioskctl selftest's device tests (of `device`, or
    // every fitted one) in the caller's name (Runtime::start_self_test); the report's id, or why not.
    virtual Result<std::uint64_t> start_self_test(const std::optional<std::string>& device,
                                                  const std::string& actor) = 0;
    // Control thread: the whole status, from the picture and the kiosk's own database connection.
    virtual maintenance::TerminalStatus status(const LoopPicture& picture) = 0;
    // Control thread: one upload round now; the reply's fields ("sent", "acknowledged", …).
    virtual nlohmann::json upload_now(const std::string& actor) = 0;
    // Control thread: a line for the kiosk's log (who asked for what; never card data).
    virtual void note(const std::string& line) = 0;
    // Loop thread (kioskctl replenish): the dispenser's counts set on its worker, then the cash
    // ledger; `finished` runs on the loop with the words of what was done, or why not.
    virtual void replenish(const std::vector<std::uint32_t>& counts, std::uint32_t capacity, const std::string& actor,
                           std::function<void(const Result<std::string>&)> finished) {
        (void)counts;
        (void)capacity;
        (void)actor;
        finished(make_error("control", "this kiosk cannot replenish through the control socket"));
    }
};

struct KioskControlOptions {
    mode_t mode = 0660;
    std::optional<gid_t> group;
    Millis loop_timeout{3000};     // the loop must take a job within this
    Millis replenish_timeout{15000};  // the dispenser must confirm the counts (and the ledger follow) within this
    std::uint32_t default_capacity = 2500;  // a replenish request without "capacity"
    // The tests and the fitness round after them must be done within this (a test dispense may
    // take the dispenser's own deadline, 60 s); kioskctl waits a little longer.
    Millis selftest_timeout{90000};
    Millis idle_timeout{10000};
    Millis write_timeout{2000};
};

class KioskControlService {
public:
    static Result<std::unique_ptr<KioskControlService>> start(const std::filesystem::path& socket,
                                                              ControlledKiosk& kiosk, KioskControlOptions options = {});

    // On the loop thread, once per turn: runs every job the socket has queued.
    std::size_t pump() { return mailbox_.pump(); }
    [[nodiscard]] const std::filesystem::path& socket() const { return server_->path(); }

    // The reply line to one request line (what the server thread does with each; tests call it).
    std::string handle(std::string_view line);

private:
    KioskControlService(ControlledKiosk& kiosk, KioskControlOptions options) : kiosk_(kiosk), options_(options) {}
    std::string status();
    std::string selftest(const KioskRequest& request);
    std::string upload_now(const KioskRequest& request);
    std::string cassettes();
    std::string replenish(const KioskRequest& request);

    ControlledKiosk& kiosk_;
    KioskControlOptions options_;
    CallMailbox<LoopPicture> mailbox_;
    std::unique_ptr<LineServer> server_;  // last: its thread stops before the rest goes
};

// Who asked for a self-test when the request names no technician (kioskctl selftest without --as).
inline constexpr std::string_view kUnnamedCaller = "kioskctl";

// The selftest reply's fields: devices [{name, passed, result}], passed, in_service, and when the
// kiosk is out of service after the tests, out_of_service (the reason's name) and problems.
nlohmann::json selftest_reply(const SelfTestReport& report);

// The group named by service.control_group, as a gid; empty name: nullopt (the process's own).
// An Error names a group that does not exist.
Result<std::optional<gid_t>> control_group(const std::string& name);

}  // namespace kiosk::control
