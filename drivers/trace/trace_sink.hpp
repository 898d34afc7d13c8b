// Where trace records go: a JSON-lines file (TraceFileWriter), or memory (TraceLog) for tests and
// for comparing a replay with its original. Sinks are thread-safe: every device's decorator may
// write to the same sink, from its own worker thread; each record is written whole, one line.
#pragma once

#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "common/result.hpp"
#include "drivers/trace/trace_record.hpp"

namespace kiosk::drivers {

class TraceSink {
public:
    virtual ~TraceSink() = default;
    virtual void record(const TraceRecord& record) = 0;
};

class TraceLog final : public TraceSink {
public:
    void record(const TraceRecord& record) override;
    [[nodiscard]] std::vector<TraceRecord> records() const;

private:
    mutable std::mutex mutex_;
    std::vector<TraceRecord> records_;
};

// Appends one line per record and flushes it, so a crash loses at most the record being written.
// The line is formatted outside the lock and written and flushed under it: never interleaved.
// The file is created with mode 0600 (it describes a customer's session, if not their data).
class TraceFileWriter final : public TraceSink {
public:
    static Result<std::unique_ptr<TraceFileWriter>> create(const std::filesystem::path& path);
    void record(const TraceRecord& record) override;
    // The first write error, if any (recording never interrupts the kiosk).
    [[nodiscard]] std::optional<Error> failure() const;

private:
    struct FileCloser {
        void operator()(std::FILE* file) const { std::fclose(file); }
    };
    TraceFileWriter(std::filesystem::path path, std::unique_ptr<std::FILE, FileCloser> file)
        : path_(std::move(path)), file_(std::move(file)) {}

    std::filesystem::path path_;
    mutable std::mutex mutex_;
    std::unique_ptr<std::FILE, FileCloser> file_;
    std::optional<Error> failure_;
};

// Reads a whole trace file; the error names the file and the line number of a bad line.
Result<std::vector<TraceRecord>> read_trace_file(const std::filesystem::path& path);

}  // namespace kiosk::drivers
