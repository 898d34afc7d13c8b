// The survey's side of the runtime: asks the SurveyGate (kiosk/cx/survey_gate.hpp) before every
// step whether this visit may end with the survey — reading the card's "last asked" from the store
// and drawing the NPS sample once per visit, only when every cheaper rule already says yes — and
// records a shown survey (the `survey` record, the journey's survey events). Loop thread only.
#pragma once

#include <optional>

#include "kiosk/cx/survey_gate.hpp"
#include "kiosk/flow/flow_types.hpp"
#include "kiosk/runtime/runtime_ports.hpp"
#include "kiosk/runtime/session.hpp"

namespace kiosk {

class SurveyService {
public:
    SurveyService(RuntimePorts ports, SurveyGate& gate) : ports_(std::move(ports)), gate_(gate) {}

    // A host answer of this visit (RecordTransaction): an approval makes a completed visit askable.
    void transaction_answered(bool approved);
    // Context::survey_offer for the next step: set when the gate says yes now.
    [[nodiscard]] std::optional<flow::SurveyOffer> offer(const Session& session, const flow::Context& context);
    // The first survey screen is on display: the journey says so and the record's time starts.
    void shown(Session& session);
    // The flow's RecordSurvey: the journey's survey event and the record (recorder: one transaction).
    void record(Session& session, const flow::SurveyAnswers& answers, ui::Language language);
    // The visit is over: nothing of it is kept for the next.
    void end_visit() { visit_ = Visit{}; }

private:
    struct Visit {
        bool approved = false;
        bool last_asked_read = false;
        std::optional<TimePoint> last_asked;
        std::optional<bool> nps_sampled;
        std::optional<TimePoint> shown;
    };

    RuntimePorts ports_;
    SurveyGate& gate_;
    Visit visit_;
};

}  // namespace kiosk
