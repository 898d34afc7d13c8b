// Where `kiosk --config` logs. Run by systemd with its output in the journal (JOURNAL_STREAM names
// this process's stderr): straight to the journal, with each message's priority, under the
// identifier "kiosk" (`journalctl -u kiosk`). Otherwise (a bench, a test, a supervisor other than
// systemd): the console as before, plus JSON lines in size-rotated files in [log] dir
// (<data_dir>/log/kiosk.jsonl by default). Either way every message passes the card-data scrubber
// first (card_data_scrubbing_sink.hpp).
#pragma once

#include <filesystem>
#include <string>

#include "kiosk/config/kiosk_config.hpp"

namespace kiosk::service {

// The JSON-lines file the kiosk writes off systemd; rotated copies are kiosk.1.jsonl, kiosk.2.jsonl, …
inline constexpr const char* kLogFileName = "kiosk.jsonl";

// True when stderr is the journal stream systemd connected (systemd.exec(5), $JOURNAL_STREAM: the
// device and inode of that stream, compared with stderr's so that a child whose output was
// redirected elsewhere does not count).
bool stderr_is_journal();

// Makes the default spdlog logger the kiosk's and returns what it chose, for the start-up log
// line ("journal", "console and /var/lib/kiosk/log/kiosk.jsonl (10 MiB x 5)"). Throws
// std::runtime_error naming the directory when the log directory cannot be made or written.
std::string install_service_logging(const KioskConfig& config);

}  // namespace kiosk::service
