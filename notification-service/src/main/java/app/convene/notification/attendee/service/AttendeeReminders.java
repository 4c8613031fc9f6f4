package app.convene.notification.attendee.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.notification.attendee.persistence.AttendeeMailRepository;
import io.quarkus.scheduler.Scheduled;

/**
 * The clockwork of attendee mail: reminders before the start (the event's reminder interval, 24 hours unless its
 * organizer set another) and feedback requests after the end, to confirmed attendees. Each pass writes the due
 * mails in one transaction; the delivery machinery sends them.
 */
@ApplicationScoped
public class AttendeeReminders {
    private static final int BATCH = 200;

    @Inject
    AttendeeMailRepository repository;
    @Inject
    AttendeeMail mail;
    @Inject
    Clock clock;

    @Scheduled(every = "${delivery.poll-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        while (writeDue() >= BATCH) {
            // keep going while a backlog remains
        }
    }

    /** Writes the reminders and feedback requests due now; returns how many attendees were due. */
    @Transactional
    public int writeDue() {
        var reminders = repository.dueReminders(clock.instant(), BATCH);
        reminders.forEach(mail::remind);
        var feedback = repository.dueFeedbackRequests(clock.instant(), BATCH);
        feedback.forEach(mail::askForFeedback);
        return Math.max(reminders.size(), feedback.size());
    }
}
