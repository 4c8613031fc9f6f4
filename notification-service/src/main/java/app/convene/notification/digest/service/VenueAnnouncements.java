package app.convene.notification.digest.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.PoisonEventException;
import app.convene.backbone.event.VenueEvents;
import app.convene.notification.alert.domain.Alert;
import app.convene.notification.alert.service.Alerts;
import app.convene.notification.briefing.domain.BriefingFacts;
import app.convene.notification.digest.domain.EventDigest;
import app.convene.notification.digest.domain.FailedInspectionItem;
import app.convene.notification.digest.persistence.FailedInspectionRepository;
import app.convene.notification.digest.persistence.ReadinessIssueRepository;

/**
 * What venue-service announces about an event, kept in its digest: readiness (and every distinct issue met),
 * the booked room, safety against safe occupancy, expiring insurance and failed inspections. Venue announcements of
 * one event share a record key, so they arrive in the order they were made. Lost readiness, safety at risk,
 * expiring insurance and failed inspections are alerted at once.
 */
@ApplicationScoped
public class VenueAnnouncements {
    @Inject
    EventDigests digests;
    @Inject
    Alerts alerts;
    @Inject
    ReadinessIssueRepository readinessIssues;
    @Inject
    FailedInspectionRepository failedInspections;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onReadinessChanged(VenueEvents.ReadinessChanged readiness) {
        EventDigest digest = digests.findOrCreate(readiness.eventId());
        boolean wasReady = !Boolean.FALSE.equals(digest.venueReady);
        digest.venueReady = readiness.ready();
        digest.venueReadinessReason = readiness.reason();
        digests.touch(digest);
        if (!readiness.ready() && readiness.reason() != null) {
            readinessIssues.keep(digest.eventId, readiness.reason(), clock.instant());
            if (wasReady && digest.venueReady != null && digest.scheduled()) {
                alerts.raise(digest, new Alert.ReadinessLost(readiness.reason()));
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onBookingConfirmed(VenueEvents.BookingConfirmed booking) {
        EventDigest digest = digests.findOrCreate(booking.eventId());
        digest.bookingId = booking.bookingId();
        digest.venueName = booking.venueName();
        digest.roomName = booking.roomName();
        digest.safeOccupancy = booking.safeOccupancy();
        digests.touch(digest);
    }

    /** The booked room's (and venue's) new name and safe occupancy, when it is the booking the digest holds. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onBookedRoomChanged(VenueEvents.BookedRoomChanged changed) {
        EventDigest digest = digests.findOrCreate(changed.eventId());
        if (changed.bookingId().equals(digest.bookingId)) {
            if (changed.venueName() != null) {
                digest.venueName = changed.venueName();
            }
            digest.roomName = changed.roomName();
            digest.safeOccupancy = changed.safeOccupancy();
            digests.touch(digest);
        }
    }

    /** Clears the booking only when it is the one the digest holds. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onBookingCancelled(VenueEvents.BookingCancelled cancelled) {
        EventDigest digest = digests.findOrCreate(cancelled.eventId());
        if (cancelled.bookingId().equals(digest.bookingId)) {
            digest.bookingId = null;
            digest.venueName = null;
            digest.roomName = null;
            digest.safeOccupancy = null;
            digests.touch(digest);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onSafetyAtRisk(VenueEvents.SafetyAtRisk risk) {
        EventDigest digest = digests.findOrCreate(risk.eventId());
        digest.safetyAtRisk = true;
        digest.expectedHeadcount = risk.expectedHeadcount();
        digest.safeOccupancy = risk.safeOccupancy();
        digests.touch(digest);
        alerts.raise(digest, new Alert.SafetyAtRisk(risk.bookingId(), risk.expectedHeadcount(),
                risk.safeOccupancy()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onSafetyRestored(VenueEvents.SafetyRestored restored) {
        EventDigest digest = digests.findOrCreate(restored.eventId());
        digest.safetyAtRisk = false;
        digest.expectedHeadcount = restored.expectedHeadcount();
        if (restored.safeOccupancy() != null) {
            digest.safeOccupancy = restored.safeOccupancy();
        }
        digests.touch(digest);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onInsuranceExpiring(VenueEvents.InsuranceCertificateExpiring expiring) {
        EventDigest digest = digests.findOrCreate(expiring.eventId());
        alerts.raise(digest, new Alert.InsuranceExpiring(expiring.certificateId(), expiring.insurer(),
                expiring.policyNumber(), expiring.validTo()));
    }

    /**
     * Kept for the next briefings (item by item; a repeat of the same inspection changes nothing) and raised at once
     * to the facility and the organizers.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onInspectionFailed(VenueEvents.InspectionFailed failed) {
        if (failed.inspectionId() == null || failed.inspectedAt() == null || failed.failedItems() == null
                || failed.failedItems().isEmpty()) {
            throw new PoisonEventException("inspection-failed needs inspectionId, inspectedAt and failed items");
        }
        EventDigest digest = digests.findOrCreate(failed.eventId());
        if (!failedInspections.isKept(failed.inspectionId())) {
            for (int i = 0; i < failed.failedItems().size(); i++) {
                FailedInspectionItem.of(failed, i).persist();
            }
            digests.touch(digest);
        }
        alerts.raise(digest, new Alert.InspectionFailed(inspection(failed)));
    }

    private static BriefingFacts.FailedInspection inspection(VenueEvents.InspectionFailed failed) {
        return new BriefingFacts.FailedInspection(failed.inspectionId(), failed.checklistName(), failed.category(),
                failed.inspector(), failed.inspectedAt(), failed.failedItems().stream()
                        .map(i -> new BriefingFacts.FailedItem(i.description(), i.mandatory(), i.note(),
                                i.action() == null ? null : i.action().owner(),
                                i.action() == null ? null : i.action().dueAt()))
                        .toList());
    }
}
