package app.convene.registration.meeting.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Digests;
import app.convene.registration.meeting.domain.MeetingSeries;
import app.convene.registration.meeting.persistence.MeetingSeriesRepository;

/**
 * Private feed links for calendar applications, which cannot send a bearer token: the random token in the link is the
 * credential. Only its SHA-256 is kept, so the link is shown once; revoking it makes it answer 404.
 */
@ApplicationScoped
public class CalendarFeeds {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    RecurringMeetings meetings;
    @Inject
    MeetingSeriesRepository repository;
    @Inject
    SeriesCalendar calendar;

    /** A new link, with its token (shown only now). */
    public record FeedLink(UUID feedId, String token) {
    }

    @Transactional
    public FeedLink create(UUID seriesId) {
        MeetingSeries series = meetings.visible(seriesId);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID feedId = UUID.randomUUID();
        repository.addFeed(feedId, series.id, Digests.sha256Hex(token), caller.subject(), clock.instant());
        return new FeedLink(feedId, token);
    }

    @Transactional
    public void revoke(UUID seriesId, UUID feedId) {
        MeetingSeries series = meetings.visible(seriesId);
        if (!repository.revokeFeed(series.id, feedId, clock.instant())) {
            throw ProblemException.notFound("calendar feed", feedId);
        }
    }

    /** The series' calendar for whoever holds a live link. */
    public String byToken(String token) {
        if (token.length() > 100) {
            throw ProblemException.notFound("calendar feed", "(this link)");
        }
        UUID seriesId = repository.seriesOfFeed(Digests.sha256Hex(token))
                .orElseThrow(() -> ProblemException.notFound("calendar feed", "(this link)"));
        MeetingSeries series = repository.find(seriesId);
        return calendar.feed(series, repository.occurrences(seriesId));
    }

    /** The series' calendar for a caller who may see the series. */
    public String byCaller(UUID seriesId) {
        MeetingSeries series = meetings.visible(seriesId);
        return calendar.feed(series, repository.occurrences(seriesId));
    }
}
