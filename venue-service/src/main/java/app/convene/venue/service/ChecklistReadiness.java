package app.convene.venue.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.convene.venue.domain.Booking;
import app.convene.venue.domain.CheckStatus;
import app.convene.venue.domain.Checklist;
import app.convene.venue.domain.EventReadiness;
import app.convene.venue.persistence.ChecklistRepository;
import app.convene.venue.service.Readiness.Check;

/** "checklists complete" and "inspection signed off", over the checklists of the event's booking. */
@ApplicationScoped
public class ChecklistReadiness implements Readiness.ReadinessCheck {
    public static final String CHECKLISTS_COMPLETE = "checklists complete";
    public static final String INSPECTION_SIGNED_OFF = "inspection signed off";

    @Inject
    ChecklistRepository repository;

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<Check> assess(EventReadiness event, Optional<Booking> booking) {
        if (booking.isEmpty()) {
            return List.of(new Check(CHECKLISTS_COMPLETE, CheckStatus.UNKNOWN, "no room is booked, so no checklist"),
                    new Check(INSPECTION_SIGNED_OFF, CheckStatus.UNKNOWN, "no room is booked, so no inspection"));
        }
        List<Checklist> checklists = repository.ofBooking(booking.get().id);
        if (checklists.isEmpty()) {
            return List.of(new Check(CHECKLISTS_COMPLETE, CheckStatus.NOT_MET,
                    "no readiness checklist exists for booking " + booking.get().id),
                    new Check(INSPECTION_SIGNED_OFF, CheckStatus.NOT_MET, "nothing has been inspected"));
        }
        List<String> blocking = new ArrayList<>();
        List<String> unsigned = new ArrayList<>();
        for (ChecklistDetails details : ChecklistDetails.read(repository, checklists)) {
            Checklist checklist = details.checklist();
            details.blocking().forEach(reason -> blocking.add(checklist.name + ": " + reason));
            if (!checklist.signedOff()) {
                unsigned.add("'" + checklist.name + "'");
            }
        }
        Check complete = blocking.isEmpty()
                ? new Check(CHECKLISTS_COMPLETE, CheckStatus.MET,
                        "every mandatory item of " + checklists.size() + " checklist(s) passed or its action is closed")
                : new Check(CHECKLISTS_COMPLETE, CheckStatus.NOT_MET, String.join("; ", blocking));
        Check signedOff = unsigned.isEmpty()
                ? new Check(INSPECTION_SIGNED_OFF, CheckStatus.MET, "every checklist is signed off")
                : new Check(INSPECTION_SIGNED_OFF, CheckStatus.NOT_MET,
                        "not signed off by the facility coordinator: " + String.join(", ", unsigned));
        return List.of(complete, signedOff);
    }
}
