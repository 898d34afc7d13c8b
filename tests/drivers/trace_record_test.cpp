// Tests for drivers/trace/trace_record.hpp and trace_sink.hpp: a record survives its JSON line,
// a bad line is refused naming the field, digit runs are scrubbed, the file is owner-only, and
// records from several device workers at once stay whole lines with unique request ids.
#include "drivers/trace/trace_record.hpp"

#include <sys/stat.h>

#include <fstream>
#include <set>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "drivers/cash/framed_cash_dispenser.hpp"
#include "drivers/trace/trace_sink.hpp"
#include "drivers/trace/tracer.hpp"
#include "drivers/trace/tracing_drivers.hpp"
#include "sim/devices/sim_cash_dispenser.hpp"
#include "sim/virtual_clock.hpp"
#include "tests/store/temp_directory.hpp"

namespace kiosk::drivers {
namespace {

TraceRecord sample() {
    TraceRecord r;
    r.device = "printer";
    r.request_id = 42;
    r.name = "print";
    r.start_ms = 1'767'603'600'000;
    r.end_ms = 1'767'603'600'015;
    r.ok = false;
    r.error_domain = "printer";
    r.error_code = 0;
    r.error = "paper ran out after line 2 of 5";
    r.detail = nlohmann::json{{"lines", 5}, {"qr_code", false}};
    return r;
}

TEST(TraceRecord, SurvivesItsJsonLine) {
    const TraceRecord original = sample();
    const std::string line = to_json_line(original);
    EXPECT_EQ(line.find('\n'), std::string::npos);
    auto parsed = parse_trace_line(line);
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(*parsed, original);

    TraceRecord event;
    event.kind = TraceKind::event;
    event.device = "card-reader";
    event.name = "inserted";
    auto parsed_event = parse_trace_line(to_json_line(event));
    ASSERT_TRUE(parsed_event.ok());
    EXPECT_EQ(*parsed_event, event);
}

TEST(TraceRecord, ABadLineNamesTheField) {
    const auto error_of = [](std::string_view line) {
        auto parsed = parse_trace_line(line);
        EXPECT_FALSE(parsed.ok()) << line;
        return parsed.ok() ? std::string() : parsed.error().message;
    };
    EXPECT_EQ(error_of("{"), "line is not a JSON object");
    EXPECT_EQ(error_of("[]"), "line is not a JSON object");
    EXPECT_EQ(error_of(R"({"kind":"poll"})"), "field 'kind' missing or not \"command\" or \"event\"");
    nlohmann::json j = nlohmann::json::parse(to_json_line(sample()));
    j.erase("request_id");
    EXPECT_EQ(error_of(j.dump()), "field 'request_id' missing or not a non-negative integer");
    j = nlohmann::json::parse(to_json_line(sample()));
    j["detail"] = "text";
    EXPECT_EQ(error_of(j.dump()), "field 'detail' missing or not an object");
    j = nlohmann::json::parse(to_json_line(sample()));
    j["error_code"] = 70000;
    EXPECT_EQ(error_of(j.dump()), "field 'error_code' missing or not an integer 0-65535");
}

TEST(TracingCashDispenser, RecordsTheCountsSetAndWhatTheDispenserHolds) {
    sim::SimCashDispenser device{{{"CNY", 10000, 5, 0}, {"CNY", 5000, 2, 0}}};
    FramedCashDispenser driver{device.host_transport(), Millis{50}};
    sim::VirtualClock clock;
    TraceLog log;
    Tracer tracer(clock, log);
    TracingCashDispenser traced(driver, tracer);
    ASSERT_TRUE(traced.set_counts({300, 100}).ok());
    device.set_cassette_state(1, CassetteState::missing);
    EXPECT_FALSE(traced.set_counts({300, 100}).ok());
    const std::vector<TraceRecord> records = log.records();
    ASSERT_EQ(records.size(), 2U);
    EXPECT_EQ(records[0].device, "dispenser");
    EXPECT_EQ(records[0].name, "set_counts");
    EXPECT_TRUE(records[0].ok);
    EXPECT_EQ(records[0].detail["counts"], (nlohmann::json{300, 100}));
    EXPECT_EQ(records[0].detail["held"], (nlohmann::json{300, 100}));
    EXPECT_FALSE(records[1].ok);
    EXPECT_NE(records[1].error.find("not fitted"), std::string::npos) << records[1].error;
    EXPECT_FALSE(records[1].detail.contains("held"));
}

TEST(TraceRecord, ScrubsLongDigitRunsOnly) {
    EXPECT_EQ(scrub_digits("paper ran out after line 12 of 40"), "paper ran out after line 12 of 40");
    EXPECT_EQ(scrub_digits("card 4111111111111111 refused"), "card ################ refused");
    EXPECT_EQ(scrub_digits("12345 123456"), "12345 ######");
}

TEST(TraceFile, IsOwnerOnlyAndReadsBackWithLineNumbersInErrors) {
    store::test::TempDirectory directory;
    const std::filesystem::path path = directory.file("trace.jsonl");
    {
        auto writer = TraceFileWriter::create(path);
        ASSERT_TRUE(writer.ok()) << writer.error().message;
        (*writer)->record(sample());
        (*writer)->record(sample());
        EXPECT_FALSE((*writer)->failure().has_value());
    }
    struct stat info {};
    ASSERT_EQ(::stat(path.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777U, 0600U);
    auto records = read_trace_file(path);
    ASSERT_TRUE(records.ok());
    EXPECT_EQ(records->size(), 2u);

    std::ofstream(path, std::ios::app) << "{\"kind\":\"command\"}\n";
    auto broken = read_trace_file(path);
    ASSERT_FALSE(broken.ok());
    EXPECT_NE(broken.error().message.find("trace.jsonl:3: field 'device'"), std::string::npos) << broken.error().message;
    EXPECT_FALSE(read_trace_file(directory.file("none.jsonl")).ok());
    EXPECT_FALSE(TraceFileWriter::create(directory.file("no/such/dir/trace.jsonl")).ok());
}

TEST(TraceFile, RecordsFromManyWorkersAtOnceStayWholeLines) {
    constexpr int kWorkers = 4;
    constexpr int kRecordsEach = 500;
    store::test::TempDirectory directory;
    const std::filesystem::path path = directory.file("trace.jsonl");
    {
        auto writer = TraceFileWriter::create(path);
        ASSERT_TRUE(writer.ok()) << writer.error().message;
        const SystemClock clock;
        Tracer tracer(clock, **writer);
        std::vector<std::thread> workers;
        for (int w = 0; w < kWorkers; ++w) {
            workers.emplace_back([&tracer, w] {
                const std::string device = "device-" + std::to_string(w);
                // Long details: a line bigger than a stdio buffer would show any interleaving.
                const nlohmann::json detail{{"padding", std::string(6'000, static_cast<char>('a' + w))}};
                for (int i = 0; i < kRecordsEach; ++i) {
                    TraceRecord record = tracer.begin(device, "status", detail);
                    tracer.finish(record, nullptr);
                }
            });
        }
        for (auto& worker : workers) worker.join();
        EXPECT_FALSE((*writer)->failure().has_value());
    }
    auto records = read_trace_file(path);  // fails naming the line if one was torn
    ASSERT_TRUE(records.ok()) << records.error().message;
    ASSERT_EQ(records->size(), static_cast<std::size_t>(kWorkers * kRecordsEach));
    std::set<std::uint64_t> ids;
    for (const TraceRecord& r : *records) {
        ids.insert(r.request_id);
        const char fill = static_cast<char>('a' + (r.device.back() - '0'));
        EXPECT_EQ(r.detail.at("padding").get<std::string>(), std::string(6'000, fill)) << "a record mixed with another";
    }
    EXPECT_EQ(ids.size(), records->size()) << "request ids are unique across workers";
}

}  // namespace
}  // namespace kiosk::drivers
