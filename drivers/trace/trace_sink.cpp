// Trace sinks and the trace file reader (see trace_sink.hpp).
#include "drivers/trace/trace_sink.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

#include <fcntl.h>
#include <unistd.h>

namespace kiosk::drivers {

void TraceLog::record(const TraceRecord& record) {
    std::lock_guard lock(mutex_);
    records_.push_back(record);
}

std::vector<TraceRecord> TraceLog::records() const {
    std::lock_guard lock(mutex_);
    return records_;
}

Result<std::unique_ptr<TraceFileWriter>> TraceFileWriter::create(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        const int code = errno;
        return make_error("trace", path.string() + ": cannot create: " + std::strerror(code), code);
    }
    std::unique_ptr<std::FILE, FileCloser> file(::fdopen(fd, "w"));
    if (!file) {
        const int code = errno;
        ::close(fd);
        return make_error("trace", path.string() + ": cannot open: " + std::strerror(code), code);
    }
    return std::unique_ptr<TraceFileWriter>(new TraceFileWriter(path, std::move(file)));
}

void TraceFileWriter::record(const TraceRecord& record) {
    const std::string line = to_json_line(record) + "\n";
    std::lock_guard lock(mutex_);
    if (failure_) return;
    if (std::fwrite(line.data(), 1, line.size(), file_.get()) != line.size() || std::fflush(file_.get()) != 0) {
        const int code = errno;
        failure_ = make_error("trace", path_.string() + ": write failed: " + std::strerror(code), code);
    }
}

std::optional<Error> TraceFileWriter::failure() const {
    std::lock_guard lock(mutex_);
    return failure_;
}

Result<std::vector<TraceRecord>> read_trace_file(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) return make_error("trace", path.string() + ": cannot open");
    std::vector<TraceRecord> records;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty()) continue;
        auto record = parse_trace_line(line);
        if (!record) {
            return make_error("trace", path.string() + ":" + std::to_string(number) + ": " + record.error().message);
        }
        records.push_back(std::move(*record));
    }
    return records;
}

}  // namespace kiosk::drivers
