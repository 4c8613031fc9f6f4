package app.convene.notification.briefing.service;

import java.time.Duration;
import java.util.List;

import app.convene.notification.briefing.domain.Briefing;
import app.convene.notification.digest.domain.EventDigest;

/**
 * An event's digest and its briefings as the caller may see them ({@code budgetVisible} false for facility), with
 * the offsets its briefings are planned by (its own, or the defaults).
 */
public record EventBriefings(EventDigest digest, List<Briefing> briefings, boolean budgetVisible,
        List<Duration> preEventOffsets, Duration postEventOffset) {
}
