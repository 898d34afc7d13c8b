// The cx_stats and service_availability tables (see cx_stats.hpp; schema 7 in migrations.cpp).
#include "store/cx_stats.hpp"

#include "store/database.hpp"
#include "store/statement.hpp"

namespace kiosk::store {

Status CxStats::add(const CxStat& stat) {
    auto insert = Statement::prepare(database_, "INSERT INTO cx_stats (day, kind, summary_json) VALUES (?, ?, ?)");
    if (!insert) return insert.error();
    KIOSK_TRY(insert->bind_text(1, stat.day));
    KIOSK_TRY(insert->bind_text(2, stat.kind));
    KIOSK_TRY(insert->bind_text(3, stat.summary_json));
    return insert->run();
}

Status CxStats::add_availability(const AvailabilityDelta& delta) {
    auto upsert = Statement::prepare(
        database_,
        "INSERT INTO service_availability (day, in_service_ms, out_of_service_ms) VALUES (?, ?, ?) "
        "ON CONFLICT (day) DO UPDATE SET in_service_ms = in_service_ms + excluded.in_service_ms, "
        "out_of_service_ms = out_of_service_ms + excluded.out_of_service_ms");
    if (!upsert) return upsert.error();
    KIOSK_TRY(upsert->bind_text(1, delta.day));
    KIOSK_TRY(upsert->bind_int64(2, delta.in_service_ms));
    KIOSK_TRY(upsert->bind_int64(3, delta.out_of_service_ms));
    return upsert->run();
}

Result<std::vector<CxStat>> CxStats::of_day(std::string_view day) {
    auto select = Statement::prepare(database_, "SELECT day, kind, summary_json FROM cx_stats WHERE day = ? ORDER BY id");
    if (!select) return select.error();
    KIOSK_TRY(select->bind_text(1, day));
    std::vector<CxStat> rows;
    for (;;) {
        auto row = select->step();
        if (!row) return row.error();
        if (!*row) break;
        rows.push_back(CxStat{select->column_text(0), select->column_text(1), select->column_text(2)});
    }
    return rows;
}

Result<std::optional<DayAvailability>> CxStats::availability_of(std::string_view day) {
    auto select = Statement::prepare(
        database_, "SELECT in_service_ms, out_of_service_ms FROM service_availability WHERE day = ?");
    if (!select) return select.error();
    KIOSK_TRY(select->bind_text(1, day));
    auto row = select->step();
    if (!row) return row.error();
    if (!*row) return std::optional<DayAvailability>{};
    return std::optional<DayAvailability>{DayAvailability{select->column_int64(0), select->column_int64(1)}};
}

}  // namespace kiosk::store
