package app.convene.registration.meeting.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.EventAccess;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.paging.Slice;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.registration.config.MeetingsConfig;
import app.convene.registration.domain.Event;
import app.convene.registration.domain.EventStatus;
import app.convene.registration.meeting.domain.MeetingSeries;
import app.convene.registration.meeting.domain.SeriesPosition;
import app.convene.registration.meeting.persistence.MeetingSeriesRepository;
import app.convene.registration.service.EventCatalog.EventTerms;
import app.convene.registration.service.EventCatalog;
import app.convene.registration.service.TimeZones;

/**
 * Recurring meetings: a series and its occurrences, which are ordinary events (registration, roll, budget, venue and
 * briefings work per occurrence). A change of the series changes its future occurrences only; an occurrence moved on
 * its own keeps its time; dates the changed rule no longer gives are called off, new ones scheduled. Every change
 * raises the series' iCalendar SEQUENCE and is announced.
 */
@ApplicationScoped
public class RecurringMeetings {
    /** A series' first date lies where an event may: between the catalogue's first and last days. */
    private static final LocalDate FIRST_DATE_FROM = LocalDate.ofInstant(EventCatalog.EARLIEST_START, ZoneOffset.UTC);
    private static final LocalDate FIRST_DATE_TO = LocalDate.ofInstant(EventCatalog.LATEST_END, ZoneOffset.UTC)
            .minusDays(1);
    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    Outbox outbox;
    @Inject
    EventCatalog events;
    @Inject
    MeetingSeriesRepository repository;
    @Inject
    MeetingsConfig config;
    @Inject
    app.convene.registration.service.EventOwnership ownership;

    /** The terms of a series; on a change, null means "leave as it is". */
    public record SeriesTerms(String title, String description, LocalDate firstDate, LocalTime startTime,
            Integer durationMinutes, String timeZone, String recurrence, Integer capacity, String language,
            Boolean confidential, String location, String venueId, String roomId, String department) {
    }

    /** A series with its occurrences. */
    public record SeriesView(MeetingSeries series, List<Event> occurrences) {
    }

    @Transactional
    public SeriesView schedule(SeriesTerms terms) {
        MeetingSeries series = new MeetingSeries();
        series.id = UUID.randomUUID();
        series.organisation = caller.organisation();
        series.owner = caller.subject();
        series.createdAt = clock.instant();
        series.changedAt = series.createdAt;
        series.confidential = Boolean.TRUE.equals(terms.confidential());
        apply(series, terms);
        Recurrence recurrence = recurrence(series);
        series.recurrence = recurrence.rule();
        series.materialisedTo = today(series).minusDays(1);
        series.persist();
        materialise(series, recurrence, today(series), horizon(series));
        announce(true, series);
        return view(series);
    }

    public SeriesView read(UUID seriesId) {
        return view(visible(seriesId));
    }

    /** Most series in one page of the list. */
    public static final int MAX_PAGE = 500;

    /** A page of series, and where the next page starts (null on the last page). */
    public record Page(List<MeetingSeries> series, SeriesPosition next) {
    }

    /**
     * A page of the organisation's series the caller may see, by first date, after the position {@code after} (the
     * previous page's {@code next}) when given. A position, not a series: a series made confidential between two pages
     * neither breaks the walk for others nor tells them where it stood.
     */
    public Page list(SeriesPosition after, int limit) {
        Slice<MeetingSeries> page = Slice.of(repository.visible(caller.organisation(), caller.subject(), after,
                limit + 1), limit);
        return new Page(page.rows(), page.next(SeriesPosition::of));
    }

    /**
     * Changes the series from now on: future occurrences that were not moved on their own take the new terms (or
     * are called off when the rule no longer gives their date), moved ones keep their time, past ones stay as they
     * were; dates the new rule adds are scheduled. {@code precondition} sees the series as it is, under its lock,
     * before anything changes.
     */
    @Transactional
    public SeriesView change(UUID seriesId, SeriesTerms changes, Consumer<SeriesView> precondition) {
        return change(seriesId, changes, Set.of(), precondition);
    }

    /**
     * As {@link #change(UUID, SeriesTerms, Consumer)}, and the terms named in {@code cleared} (of {@link #CLEARABLE})
     * are taken away, from the series and from its occurrences still to come.
     */
    @Transactional
    public SeriesView change(UUID seriesId, SeriesTerms changes, Set<String> cleared, Consumer<SeriesView> precondition) {
        MeetingSeries series = lockOwned(seriesId);
        precondition.accept(view(series));
        ZoneId zoneBefore = zone(series);
        LocalTime timeBefore = series.startTime;
        int durationBefore = series.durationMinutes;
        clear(series, cleared);
        Set<String> clearedOnOccurrences = cleared.stream().filter(EventCatalog.CLEARABLE::contains)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        apply(series, changes);
        if (changes.confidential() != null) {
            series.confidential = changes.confidential();
        }
        Recurrence recurrence = recurrence(series);
        series.recurrence = recurrence.rule();
        series.changedAt = clock.instant();
        Instant now = clock.instant();
        LocalDate today = today(series);
        Set<LocalDate> wanted = new HashSet<>(recurrence.dates(series.firstDate, series.startTime, zone(series),
                today, series.materialisedTo, config.maxOccurrencesAhead()));
        for (Event occurrence : repository.occurrences(series.id)) {
            if (!occurrence.startsAt.isAfter(now) || occurrence.status == EventStatus.CANCELLED) {
                continue;
            }
            boolean movedOnItsOwn = !occurrence.startsAt.equals(
                    occurrence.occurrenceDate.atTime(timeBefore).atZone(zoneBefore).toInstant())
                    || !occurrence.endsAt.equals(occurrence.startsAt.plusSeconds(durationBefore * 60L));
            if (movedOnItsOwn) {
                events.change(occurrence.id, terms(series, null, null), clearedOnOccurrences, unchecked -> {
                });
            } else if (wanted.contains(occurrence.occurrenceDate)) {
                Instant start = occurrence.occurrenceDate.atTime(series.startTime).atZone(zone(series)).toInstant();
                events.change(occurrence.id, terms(series, start, start.plusSeconds(series.durationMinutes * 60L)),
                        clearedOnOccurrences, unchecked -> {
                        });
            } else {
                events.cancel(occurrence.id);
            }
        }
        series.materialisedTo = today.minusDays(1);
        materialise(series, recurrence, today, horizon(series));
        repository.bumpSequence(series);
        announce(false, series);
        return view(series);
    }

    /**
     * Moves one occurrence on its own: it keeps this time whatever later changes of the series. {@code precondition}
     * sees the series as it is, under its lock, before anything changes.
     */
    @Transactional
    public SeriesView moveOccurrence(UUID seriesId, LocalDate date, Instant startsAt, Instant endsAt,
            Consumer<SeriesView> precondition) {
        MeetingSeries series = lockOwned(seriesId);
        precondition.accept(view(series));
        Event occurrence = occurrence(series, date);
        events.change(occurrence.id, new EventTerms(null, null, startsAt, endsAt, null, null, null, null, null,
                null, null, null, null, null, null));
        repository.bumpSequence(series);
        announce(false, series);
        return view(series);
    }

    /**
     * The owner hands the series to {@code subject}: the series and every occurrence not yet over that the former
     * owner still owns; occurrences scheduled later are the new owner's. The former owner stays on the handed-over
     * occurrences as a co-organizer unless {@code keepFormerOwner} is false. Announced as a series change.
     */
    @Transactional
    public SeriesView transferOwnership(UUID seriesId, String subject, boolean keepFormerOwner) {
        String who = app.convene.backbone.event.EventAccess.normalise(subject);
        MeetingSeries series = lockVisible(seriesId);
        if (series.owner.equals(who)) {
            return view(series);
        }
        if (!series.owner.equals(caller.subject())) {
            throw new ProblemException(403, "not-series-owner", "Not the series' owner",
                    "only the series' owner (" + series.owner + ") hands it over");
        }
        handOver(series, who, keepFormerOwner);
        return view(series);
    }

    /**
     * Hands a series and its occurrences still to come from its owner to {@code to} (the right checked by the
     * caller); answers how many occurrences changed hands.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int handOver(MeetingSeries series, String to, boolean keepFormerOwner) {
        String former = series.owner;
        Instant now = clock.instant();
        int handedOver = 0;
        for (Event occurrence : repository.occurrences(series.id)) {
            if (occurrence.endsAt.isAfter(now) && ownership.handOver(occurrence.id, former, to, keepFormerOwner)) {
                handedOver++;
            }
        }
        series.owner = to;
        series.changedAt = now;
        repository.bumpSequence(series);
        announce(false, series);
        return handedOver;
    }

    /** Calls one occurrence off (an EXDATE in the feed); its registrations are kept for the record. */
    @Transactional
    public SeriesView cancelOccurrence(UUID seriesId, LocalDate date) {
        MeetingSeries series = lockOwned(seriesId);
        Event occurrence = occurrence(series, date);
        if (occurrence.status != EventStatus.CANCELLED) {
            events.cancel(occurrence.id);
        }
        repository.bumpSequence(series);
        announce(false, series);
        return view(series);
    }

    /** Moves the series' horizon on: schedules the occurrences that came within it. */
    @Transactional
    public void extend(UUID seriesId) {
        MeetingSeries series = repository.lock(seriesId);
        if (series == null || !series.materialisedTo.isBefore(horizon(series))) {
            return;
        }
        LocalDate horizon = horizon(series);
        if (materialise(series, recurrence(series), series.materialisedTo.plusDays(1), horizon) > 0) {
            repository.bumpSequence(series);
            announce(false, series);
        }
    }

    public List<UUID> dueForExtension() {
        return repository.materialisedBefore(LocalDate.now(clock).plus(config.horizon()).minusDays(1), 500);
    }

    /** The series, when the caller's organisation holds it and the caller may see it (confidential: its owner). */
    public MeetingSeries visible(UUID seriesId) {
        return visible(seriesId, repository.find(seriesId));
    }

    /**
     * The series locked for a change, read under the lock, when the caller may see it. Locked before anything else
     * of it is read in the transaction: a series read before its lock would keep the state from before a change that
     * committed while waiting for it.
     */
    private MeetingSeries lockVisible(UUID seriesId) {
        return visible(seriesId, repository.lock(seriesId));
    }

    private MeetingSeries visible(UUID seriesId, MeetingSeries series) {
        if (series == null || !series.organisation.equals(caller.organisation())
                || series.confidential && !series.owner.equals(caller.subject())) {
            throw ProblemException.notFound("meeting series", seriesId);
        }
        return series;
    }

    public SeriesView view(MeetingSeries series) {
        return new SeriesView(series, repository.occurrences(series.id));
    }

    private MeetingSeries lockOwned(UUID seriesId) {
        MeetingSeries series = lockVisible(seriesId);
        if (!series.owner.equals(caller.subject())) {
            throw new ProblemException(403, "not-series-owner", "Not the series' owner",
                    "only the series' owner (" + series.owner + ") changes it");
        }
        return series;
    }

    private Event occurrence(MeetingSeries series, LocalDate date) {
        return repository.occurrences(series.id).stream().filter(e -> e.occurrenceDate.equals(date)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("occurrence", series.id + "/" + date));
    }

    /** Schedules the dates the rule gives in from..to that have no occurrence yet and start after now. */
    private int materialise(MeetingSeries series, Recurrence recurrence, LocalDate from, LocalDate to) {
        Map<LocalDate, Event> existing = new HashMap<>();
        for (Event occurrence : repository.occurrences(series.id)) {
            existing.put(occurrence.occurrenceDate, occurrence);
        }
        Instant now = clock.instant();
        long ahead = existing.values().stream().filter(e -> e.startsAt.isAfter(now)).count();
        int scheduled = 0;
        EventAccess access = new EventAccess(series.organisation, series.owner, series.confidential, List.of(),
                List.of());
        LocalDate reached = series.materialisedTo;
        for (LocalDate date : recurrence.dates(series.firstDate, series.startTime, zone(series), from, to,
                config.maxOccurrencesAhead())) {
            if (ahead >= config.maxOccurrencesAhead()) {
                break;
            }
            reached = date;
            Instant start = date.atTime(series.startTime).atZone(zone(series)).toInstant();
            if (existing.containsKey(date) || !start.isAfter(now)) {
                continue;
            }
            events.scheduleOccurrence(terms(series, start, start.plusSeconds(series.durationMinutes * 60L)), access,
                    series.id, date);
            ahead++;
            scheduled++;
        }
        series.materialisedTo = ahead >= config.maxOccurrencesAhead() ? reached : to;
        return scheduled;
    }

    private EventTerms terms(MeetingSeries series, Instant startsAt, Instant endsAt) {
        return new EventTerms(series.title, series.description, startsAt, endsAt, startsAt == null ? null
                : series.timeZone, series.capacity, null, null, null, null, series.venueId, series.roomId,
                series.confidential, series.language, series.department);
    }

    private void announce(boolean scheduled, MeetingSeries series) {
        List<RegistrationEvents.SeriesOccurrence> occurrences = repository.occurrences(series.id).stream()
                .map(e -> new RegistrationEvents.SeriesOccurrence(e.occurrenceDate, e.id, e.startsAt, e.endsAt,
                        e.status == EventStatus.CANCELLED)).toList();
        RegistrationEvents.MeetingSeriesAnnounced announced = new RegistrationEvents.MeetingSeriesAnnounced(series.id,
                series.organisation, series.owner, series.title, series.timeZone, series.recurrence,
                series.firstDate, series.startTime.toString(), series.durationMinutes, series.sequence,
                series.confidential, occurrences);
        if (scheduled) {
            outbox.append(RegistrationEvents.MEETING_SERIES_SCHEDULED, RegistrationEvents.SERIES_AGGREGATE, series.id,
                    announced);
        } else {
            outbox.append(RegistrationEvents.MEETING_SERIES_CHANGED, RegistrationEvents.SERIES_AGGREGATE, series.id,
                    announced);
        }
    }

    private LocalDate horizon(MeetingSeries series) {
        return today(series).plus(config.horizon());
    }

    private LocalDate today(MeetingSeries series) {
        return LocalDate.ofInstant(clock.instant(), zone(series));
    }

    private static Recurrence recurrence(MeetingSeries series) {
        return Recurrence.read("recurrence", series.recurrence, series.firstDate, series.startTime, zone(series));
    }

    private static ZoneId zone(MeetingSeries series) {
        return ZoneId.of(series.timeZone);
    }

    /** The terms a series may be without, by their names in {@link SeriesTerms}. */
    public static final Set<String> CLEARABLE = Set.of("description", "location", "department");

    private static void clear(MeetingSeries series, Set<String> cleared) {
        for (String term : cleared) {
            switch (term) {
                case "description" -> series.description = null;
                case "location" -> series.location = null;
                case "department" -> series.department = null;
                default -> throw new IllegalArgumentException("a series is never without its " + term);
            }
        }
    }

    private static void apply(MeetingSeries series, SeriesTerms terms) {
        series.title = pick(terms.title(), series.title);
        series.description = pick(terms.description(), series.description);
        series.firstDate = pick(terms.firstDate(), series.firstDate);
        series.startTime = pick(terms.startTime(), series.startTime);
        series.durationMinutes = pick(terms.durationMinutes(), series.durationMinutes);
        if (terms.timeZone() != null && !terms.timeZone().equals(series.timeZone)) {
            // A new zone: one stored before this rule (a fixed offset) stays until a change names another.
            TimeZones.require("timeZone", terms.timeZone());
        }
        series.timeZone = pick(terms.timeZone(), series.timeZone);
        series.recurrence = pick(terms.recurrence(), series.recurrence);
        series.capacity = pick(terms.capacity(), series.capacity);
        series.language = pick(terms.language(), series.language);
        series.location = pick(terms.location(), series.location);
        series.venueId = pick(terms.venueId(), series.venueId);
        series.roomId = pick(terms.roomId(), series.roomId);
        series.department = pick(terms.department(), series.department);
        if (terms.firstDate() != null
                && (terms.firstDate().isBefore(FIRST_DATE_FROM) || terms.firstDate().isAfter(FIRST_DATE_TO))) {
            throw ProblemException.invalidField("firstDate", "must be from " + FIRST_DATE_FROM + " to "
                    + FIRST_DATE_TO);
        }
    }

    private static <T> T pick(T change, T current) {
        return change != null ? change : current;
    }
}
