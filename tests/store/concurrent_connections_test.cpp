// The core and the uploader on two connections to one WAL file: while one thread commits
// business steps, the other acknowledges (deletes) what it reads. The busy timeout makes them
// wait for each other; every record is delivered exactly once and none is lost.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store/business_step.hpp"
#include "store/database.hpp"
#include "store/outbox.hpp"
#include "temp_directory.hpp"
#include "test_records.hpp"

namespace kiosk::store {
namespace {

TEST(ConcurrentConnections, UploaderDeletesWhileCoreWritesWithoutLossOrDuplicates) {
    constexpr int kSteps = 300;
    test::TempDirectory dir;
    const std::string path = dir.file("kiosk.db");
    ASSERT_TRUE(Database::open(path).ok());  // create and migrate before the threads race

    std::atomic<bool> writer_done{false};
    std::vector<std::string> writer_errors;
    std::vector<std::string> uploader_errors;
    std::vector<std::string> delivered;  // in acknowledgement order

    std::thread core([&] {
        auto database = Database::open(path);
        if (!database) {
            writer_errors.push_back(database.error().to_string());
            writer_done = true;
            return;
        }
        for (int i = 0; i < kSteps; ++i) {
            BusinessStep step;
            step.journal.push_back(test::make_line("survey"));
            step.counters.push_back(CounterDelta{"steps", 1});
            step.outbox.push_back(test::make_record("rec-" + std::to_string(i)));
            auto status = commit(*database, step);
            if (!status) writer_errors.push_back(status.error().to_string());
        }
        writer_done = true;
    });

    std::thread uploader([&] {
        auto database = Database::open(path);
        if (!database) {
            uploader_errors.push_back(database.error().to_string());
            return;
        }
        Outbox outbox(*database);
        while (true) {
            const bool was_done = writer_done.load();
            auto batch = outbox.next_batch(25);
            if (!batch) {
                uploader_errors.push_back(batch.error().to_string());
                return;
            }
            if (batch->empty()) {
                if (was_done) return;  // the writer finished before this read: nothing more comes
                std::this_thread::yield();
                continue;
            }
            std::vector<std::string> ids;
            for (const auto& record : *batch) ids.push_back(record.header.record_id);
            auto acked = outbox.acknowledge(ids);
            if (!acked) {
                uploader_errors.push_back(acked.error().to_string());
                return;
            }
            delivered.insert(delivered.end(), ids.begin(), ids.end());
        }
    });

    core.join();
    uploader.join();

    EXPECT_TRUE(writer_errors.empty()) << writer_errors.front();
    EXPECT_TRUE(uploader_errors.empty()) << uploader_errors.front();
    const std::set<std::string> unique(delivered.begin(), delivered.end());
    EXPECT_EQ(delivered.size(), static_cast<std::size_t>(kSteps)) << "duplicates or losses";
    EXPECT_EQ(unique.size(), static_cast<std::size_t>(kSteps));
    // Delivered in commit order: the outbox is oldest first.
    for (std::size_t i = 0; i < delivered.size(); ++i) {
        ASSERT_EQ(delivered[i], "rec-" + std::to_string(i));
    }

    auto reopened = Database::open(path);
    ASSERT_TRUE(reopened.ok());
    EXPECT_EQ(Outbox(*reopened).pending_count().value_or(99), 0U);
    EXPECT_EQ(Journal(*reopened).count().value_or(0), static_cast<std::size_t>(kSteps));
    EXPECT_EQ(Counters(*reopened).get("steps").value_or(0), kSteps);
}

}  // namespace
}  // namespace kiosk::store
