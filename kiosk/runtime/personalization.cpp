#include "kiosk/runtime/personalization.hpp"

namespace kiosk {

PersonalizationResult personalize(const CustomerProfile& profile, const CustomerChoices& choices, Session& session,
                                  flow::Context& context) {
    PersonalizationResult result;
    session.personalized = true;
    session.usual_amount = profile.favourite_withdrawal;
    session.prefers_small_notes = profile.prefers_small_notes;
    session.segment = profile.segment;
    session.offer = profile.offer;
    session.complaints = profile.complaints;
    if (choices.menu_shown) return result;
    if (profile.language && !choices.language_chosen && context.language != *profile.language) {
        context.language = *profile.language;
        result.language_changed = true;
    }
    if (profile.accessibility && !choices.options_chosen) {
        ui::Accessibility& options = context.accessibility;
        const ui::Accessibility before = options;
        options.large_text = options.large_text || profile.accessibility->large_text;
        options.high_contrast = options.high_contrast || profile.accessibility->high_contrast;
        options.speech = options.speech || profile.accessibility->speech;
        result.accessibility_changed = before.large_text != options.large_text ||
                                       before.high_contrast != options.high_contrast || before.speech != options.speech;
    }
    return result;
}

std::string offer_line(const Session& session, ui::Language language) {
    if (!session.offer) return {};
    const std::string& preferred =
        language == ui::Language::SimplifiedChinese ? session.offer->text_zh : session.offer->text_en;
    if (!preferred.empty()) return preferred;
    return language == ui::Language::SimplifiedChinese ? session.offer->text_en : session.offer->text_zh;
}

}  // namespace kiosk
