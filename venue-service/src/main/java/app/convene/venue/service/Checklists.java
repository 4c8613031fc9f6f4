package app.convene.venue.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.paging.Slice;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Roles;
import app.convene.venue.domain.ActionStatus;
import app.convene.venue.domain.Booking;
import app.convene.venue.domain.BookingStatus;
import app.convene.venue.domain.Checklist;
import app.convene.venue.domain.ChecklistCategory;
import app.convene.venue.domain.ChecklistItem;
import app.convene.venue.domain.ChecklistTemplate;
import app.convene.venue.domain.ChecklistTemplateItem;
import app.convene.venue.domain.CorrectiveAction;
import app.convene.venue.domain.Inspection;
import app.convene.venue.domain.InspectionResult;
import app.convene.venue.domain.ItemOutcome;
import app.convene.venue.persistence.BookingRepository;
import app.convene.venue.persistence.ChecklistRepository;
import app.convene.venue.persistence.CorrectiveActionRepository;

/**
 * Checklist templates, checklists for bookings, inspections and the corrective actions failed items open, and the
 * facility's sign-off. Every change that can move readiness reassesses the event in the same transaction, and an
 * inspection that finds anything failed is announced in it. Work on one checklist (inspection, action closure,
 * sign-off) runs one at a time: each locks the checklist first.
 */
@ApplicationScoped
public class Checklists {
    @Inject
    Readiness readiness;
    @Inject
    Outbox outbox;
    @Inject
    VenueAccess access;
    @Inject
    Clock clock;
    @Inject
    ChecklistRepository repository;
    @Inject
    CorrectiveActionRepository actions;
    @Inject
    BookingRepository bookings;

    public record TemplateItem(String description, boolean mandatory, int dueHoursBeforeStart) {
    }

    public record ActionTerms(String description, String owner, Instant dueAt) {
    }

    /** What changes of an open corrective action; a null keeps the action's. */
    public record ActionChanges(String description, String owner, Instant dueAt) {
    }

    public record ItemResult(UUID itemId, ItemOutcome outcome, String note, ActionTerms action) {
    }

    public record InspectionRecord(Inspection inspection, List<InspectionResult> results,
            List<CorrectiveAction> openedActions) {
    }

    @Transactional
    public ChecklistTemplate createTemplate(String name, ChecklistCategory category, List<TemplateItem> items) {
        String taken = "a checklist template named '" + name + "' exists";
        String organisation = access.organisation();
        if (repository.templateNamed(organisation, name)) {
            throw ProblemException.conflict("template-exists", taken);
        }
        ChecklistTemplate template = new ChecklistTemplate();
        template.id = UUID.randomUUID();
        template.organisation = organisation;
        template.name = name;
        template.category = category;
        template.createdAt = clock.instant();
        UniqueRows.insert(template, "template-exists", taken);
        addItems(template, items);
        return template;
    }

    /**
     * Changes a template of the caller's organisation: its name (not another template's), category and items (those
     * given replace them all, in order). Checklists made from it before keep the items they were made with; those
     * made from now on take the new ones.
     */
    @Transactional
    public TemplateWithItems changeTemplate(UUID templateId, String name, ChecklistCategory category,
            List<TemplateItem> items) {
        ChecklistTemplate template = repository.templateOf(access.organisation(), templateId);
        if (template == null) {
            throw VenueAccess.notFound("checklist template", templateId);
        }
        String taken = "a checklist template named '" + name + "' exists";
        if (name != null && !name.equals(template.name)) {
            if (repository.templateNamed(template.organisation, name)) {
                throw ProblemException.conflict("template-exists", taken);
            }
            template.name = name;
        }
        if (category != null) {
            template.category = category;
        }
        UniqueRows.flush("checklist_template_name_unique", "template-exists", taken);
        if (items != null) {
            ChecklistTemplateItem.delete("templateId", template.id);
            ChecklistTemplateItem.getEntityManager().flush();
            addItems(template, items);
        }
        return new TemplateWithItems(template, repository.templateItemsOf(List.of(template.id))
                .getOrDefault(template.id, List.of()));
    }

    private static void addItems(ChecklistTemplate template, List<TemplateItem> items) {
        for (int i = 0; i < items.size(); i++) {
            ChecklistTemplateItem item = new ChecklistTemplateItem();
            item.id = UUID.randomUUID();
            item.templateId = template.id;
            item.position = i;
            item.description = items.get(i).description();
            item.mandatory = items.get(i).mandatory();
            item.dueHoursBeforeStart = items.get(i).dueHoursBeforeStart();
            item.persist();
        }
    }

    /** Most templates in one page of the list. */
    public static final int MAX_PAGE = 500;

    /** A page of templates with their items, and the template the next page starts after (null on the last page). */
    public record TemplatePage(List<TemplateWithItems> templates, UUID next) {
    }

    /**
     * A page of the caller's organisation's templates by name, each with its items, after the template {@code after}
     * (the previous page's {@code next}) when given.
     */
    public TemplatePage templates(UUID after, int limit) {
        ChecklistTemplate cursor = null;
        if (after != null) {
            cursor = repository.templateOf(access.organisation(), after);
            if (cursor == null) {
                throw ProblemException.invalidField("after",
                        "must be the id of a template of your organisation, as the previous page's next gives it");
            }
        }
        Slice<ChecklistTemplate> page = Slice.of(repository.templatesOf(access.organisation(), cursor, limit + 1),
                limit);
        Map<UUID, List<ChecklistTemplateItem>> items = repository.templateItemsOf(page.rows().stream()
                .map(t -> t.id).toList());
        return new TemplatePage(page.rows().stream().map(t -> new TemplateWithItems(t, items.getOrDefault(t.id,
                List.of()))).toList(), page.next(t -> t.id));
    }

    /** One of the caller's organisation's templates with its items; another organisation's is a 404. */
    public TemplateWithItems template(UUID templateId) {
        ChecklistTemplate template = repository.templateOf(access.organisation(), templateId);
        if (template == null) {
            throw VenueAccess.notFound("checklist template", templateId);
        }
        return new TemplateWithItems(template, repository.templateItemsOf(List.of(template.id))
                .getOrDefault(template.id, List.of()));
    }

    /** A checklist template with its items, by position. */
    public record TemplateWithItems(ChecklistTemplate template, List<ChecklistTemplateItem> items) {
        public static TemplateWithItems of(ChecklistTemplate template) {
            return new TemplateWithItems(template, template.items());
        }
    }

    /** The template's items for the booking, each due the template's hours before the event starts. */
    @Transactional
    public Checklist instantiate(UUID bookingId, UUID templateId) {
        Booking booking = access.inCallersOrganisation(Booking.findById(bookingId), "booking", bookingId);
        access.change(booking.eventId, "booking", bookingId, Roles.FACILITY);
        // The event's lock first, then the booking's, as every writer of the event's booking takes them.
        readiness.lock(booking.eventId);
        bookings.lockForShare(booking);
        if (booking.status != BookingStatus.CONFIRMED) {
            throw ProblemException.conflict("booking-cancelled", "booking " + bookingId + " is cancelled");
        }
        ChecklistTemplate template = ChecklistTemplate.findById(templateId);
        if (template == null || !template.organisation.equals(booking.organisation)) {
            throw ProblemException.invalidField("templateId", "no checklist template " + templateId
                    + " in your organisation");
        }
        String taken = "booking " + bookingId + " already has a '" + template.name + "' checklist";
        if (repository.existsFor(bookingId, templateId)) {
            throw ProblemException.conflict("checklist-exists", taken);
        }
        Checklist checklist = new Checklist();
        checklist.id = UUID.randomUUID();
        checklist.organisation = booking.organisation;
        checklist.bookingId = bookingId;
        checklist.eventId = booking.eventId;
        checklist.templateId = templateId;
        checklist.name = template.name;
        checklist.category = template.category;
        checklist.createdAt = clock.instant();
        UniqueRows.insert(checklist, "checklist-exists", taken);
        for (ChecklistTemplateItem templateItem : template.items()) {
            ChecklistItem item = new ChecklistItem();
            item.id = UUID.randomUUID();
            item.checklistId = checklist.id;
            item.position = templateItem.position;
            item.description = templateItem.description;
            item.mandatory = templateItem.mandatory;
            item.dueAt = booking.startsAt.minus(Duration.ofHours(templateItem.dueHoursBeforeStart));
            item.persist();
        }
        readiness.reassess(booking.eventId);
        return checklist;
    }

    /**
     * Records what the inspector found. A failed item opens a corrective action (owner and due date required) unless
     * it already has an open one; a mandatory item cannot be "not applicable". An inspection with a failed item is
     * announced ({@code venue.inspection-failed.v1}) before readiness is reassessed, so the fact precedes what it
     * causes on the event's record key.
     */
    @Transactional
    public InspectionRecord inspect(UUID checklistId, String inspector, List<ItemResult> results) {
        Checklist checklist = changeable(lockedChecklist(checklistId));
        if (checklist.signedOff()) {
            throw ProblemException.conflict("checklist-signed-off", "checklist " + checklistId
                    + " was signed off by " + checklist.signedOffBy + " at " + checklist.signedOffAt);
        }
        Map<UUID, ChecklistItem> items = checklist.items().stream()
                .collect(Collectors.toMap(i -> i.id, Function.identity()));
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            ItemResult result = results.get(i);
            String field = "results[" + i + "]";
            ChecklistItem item = items.get(result.itemId());
            if (item == null) {
                throw ProblemException.invalidField(field + ".itemId", "is not an item of checklist " + checklistId);
            }
            if (!seen.add(item.id)) {
                throw ProblemException.invalidField(field + ".itemId", "appears twice in this inspection");
            }
            if (item.mandatory && result.outcome() == ItemOutcome.NOT_APPLICABLE) {
                throw ProblemException.invalidField(field + ".outcome", "a mandatory item cannot be NOT_APPLICABLE");
            }
            if (result.outcome() == ItemOutcome.FAILED && result.action() == null
                    && actions.openFor(item.id).isEmpty()) {
                throw ProblemException.invalidField(field + ".action",
                        "a failed item needs an action with owner and due date");
            }
        }

        Instant now = clock.instant();
        Inspection inspection = new Inspection();
        inspection.id = UUID.randomUUID();
        inspection.checklistId = checklistId;
        inspection.inspector = inspector;
        inspection.inspectedAt = now;
        inspection.persist();
        List<InspectionResult> recorded = new ArrayList<>();
        List<CorrectiveAction> opened = new ArrayList<>();
        for (ItemResult result : results) {
            ChecklistItem item = items.get(result.itemId());
            item.outcome = result.outcome();
            item.note = result.note();
            item.inspectedAt = now;
            InspectionResult row = new InspectionResult();
            row.inspectionId = inspection.id;
            row.itemId = item.id;
            row.outcome = result.outcome();
            row.note = result.note();
            row.persist();
            recorded.add(row);
            if (result.outcome() == ItemOutcome.FAILED && actions.openFor(item.id).isEmpty()) {
                CorrectiveAction action = new CorrectiveAction();
                action.id = UUID.randomUUID();
                action.itemId = item.id;
                action.inspectionId = inspection.id;
                action.eventId = checklist.eventId;
                action.description = result.action().description() != null ? result.action().description()
                        : "fix: " + item.description;
                action.owner = result.action().owner();
                action.dueAt = result.action().dueAt();
                action.status = ActionStatus.OPEN;
                action.openedAt = now;
                action.persist();
                opened.add(action);
            }
        }
        announceOutcome(checklist, inspection, recorded);
        announceFailures(checklist, inspection, recorded, items);
        readiness.reassess(checklist.eventId);
        return new InspectionRecord(inspection, recorded, opened);
    }

    /** How many of the inspection's items passed, failed and did not apply; announced for every inspection. */
    private void announceOutcome(Checklist checklist, Inspection inspection, List<InspectionResult> results) {
        Map<ItemOutcome, Long> counts = results.stream()
                .collect(Collectors.groupingBy(r -> r.outcome, Collectors.counting()));
        outbox.append(VenueEvents.INSPECTION_RECORDED, VenueEvents.INSPECTION_AGGREGATE, checklist.eventId,
                new VenueEvents.InspectionRecorded(checklist.eventId, inspection.id, checklist.id, checklist.name,
                        checklist.category.name(), inspection.inspectedAt,
                        counts.getOrDefault(ItemOutcome.PASSED, 0L).intValue(),
                        counts.getOrDefault(ItemOutcome.FAILED, 0L).intValue(),
                        counts.getOrDefault(ItemOutcome.NOT_APPLICABLE, 0L).intValue()));
    }

    /** The inspection's failed items, in checklist order, each with the action open to fix it. */
    private void announceFailures(Checklist checklist, Inspection inspection, List<InspectionResult> results,
            Map<UUID, ChecklistItem> items) {
        List<VenueEvents.FailedItem> failed = results.stream().filter(r -> r.outcome == ItemOutcome.FAILED)
                .map(r -> items.get(r.itemId)).sorted(Comparator.comparingInt(item -> item.position))
                .map(item -> new VenueEvents.FailedItem(item.id, item.description, item.mandatory, item.note,
                        actions.openFor(item.id).map(a -> new VenueEvents.CorrectiveAction(a.id, a.description, a.owner,
                                a.dueAt)).orElse(null)))
                .toList();
        if (failed.isEmpty()) {
            return;
        }
        outbox.append(VenueEvents.INSPECTION_FAILED, VenueEvents.INSPECTION_AGGREGATE, checklist.eventId,
                new VenueEvents.InspectionFailed(checklist.eventId, inspection.id, checklist.id, checklist.name,
                        checklist.category.name(), inspection.inspector, inspection.inspectedAt, failed));
    }

    /**
     * Facility only (the resource checks the role), for an event it may see. The action is read only once its
     * checklist and its own row are locked: a closure that waited for another one sees it closed.
     */
    @Transactional
    public CorrectiveAction closeAction(UUID actionId, String closedBy, String resolution) {
        CorrectiveAction action = lockedOpenAction(actionId);
        action.status = ActionStatus.CLOSED;
        action.closedBy = closedBy;
        action.closedAt = clock.instant();
        action.resolution = resolution;
        outbox.append(VenueEvents.CORRECTIVE_ACTION_CLOSED, VenueEvents.INSPECTION_AGGREGATE, action.eventId,
                new VenueEvents.CorrectiveActionClosed(action.eventId, action.id, action.itemId, action.inspectionId,
                        action.closedAt));
        readiness.reassess(action.eventId);
        return action;
    }

    /**
     * Hands an open action to someone else, gives it more (or less) time, or describes it better. Facility only (the
     * resource checks the role), for an event it may see; locked as a closure locks it, so a change and a closure run
     * one after the other and a closed action no longer changes. The event's readiness is reassessed (its reasons
     * name open actions' owners and due times).
     */
    @Transactional
    public CorrectiveAction changeAction(UUID actionId, ActionChanges changes) {
        CorrectiveAction action = lockedOpenAction(actionId);
        if (changes.description() != null) {
            action.description = changes.description();
        }
        if (changes.owner() != null) {
            action.owner = changes.owner();
        }
        if (changes.dueAt() != null) {
            action.dueAt = changes.dueAt();
        }
        readiness.reassess(action.eventId);
        return action;
    }

    /**
     * An open action the caller may work on, its checklist and its own row locked; a closed one is a 409. Where the
     * action is is read without loading it: an action loaded before its lock is the one the lock returns, with the
     * status it had before a concurrent closure committed.
     */
    private CorrectiveAction lockedOpenAction(UUID actionId) {
        CorrectiveActionRepository.Place place = actions.placeOf(actionId)
                .orElseThrow(() -> VenueAccess.notFound("action", actionId));
        access.change(place.eventId(), "action", actionId, Roles.FACILITY);
        lockedChecklist(place.checklistId());
        CorrectiveAction action = actions.lockForUpdate(actionId);
        if (action.status == ActionStatus.CLOSED) {
            throw ProblemException.conflict("action-closed", "action " + actionId + " was closed by "
                    + action.closedBy + " at " + action.closedAt + " and no longer changes");
        }
        return action;
    }

    /**
     * Facility only (the resource checks the role), for an event it may see: every mandatory item passed or its
     * action closed.
     */
    @Transactional
    public Checklist signOff(UUID checklistId, String signedOffBy) {
        Checklist checklist = changeable(lockedChecklist(checklistId));
        if (checklist.signedOff()) {
            throw ProblemException.conflict("checklist-signed-off", "checklist " + checklistId
                    + " was signed off by " + checklist.signedOffBy + " at " + checklist.signedOffAt);
        }
        List<String> blocking = details(checklist).blocking();
        if (!blocking.isEmpty()) {
            throw ProblemException.conflict("checklist-incomplete", "checklist '" + checklist.name
                    + "' cannot be signed off: " + String.join("; ", blocking));
        }
        checklist.signedOffBy = signedOffBy;
        checklist.signedOffAt = clock.instant();
        readiness.reassess(checklist.eventId);
        return checklist;
    }

    /** A checklist of the caller's organisation whose event the caller may see. */
    public Checklist checklist(UUID checklistId) {
        Checklist checklist = access.inCallersOrganisation(Checklist.findById(checklistId), "checklist", checklistId);
        access.read(checklist.eventId, "checklist", checklistId);
        return checklist;
    }

    public List<ChecklistDetails> checklistsOfEvent(UUID eventId) {
        access.read(eventId, "event", eventId);
        return ChecklistDetails.read(repository, repository.ofEvent(eventId));
    }

    /** One checklist with its items and each item's latest action. */
    public ChecklistDetails details(Checklist checklist) {
        return ChecklistDetails.read(repository, List.of(checklist)).get(0);
    }

    public List<CorrectiveAction> actionsOfEvent(UUID eventId) {
        access.read(eventId, "event", eventId);
        return actions.ofEvent(eventId);
    }

    /** A checklist the caller may work on: the event's members, or facility for the whole organisation. */
    private Checklist changeable(Checklist checklist) {
        access.inCallersOrganisation(checklist, "checklist", checklist.id);
        access.change(checklist.eventId, "checklist", checklist.id, Roles.FACILITY);
        return checklist;
    }

    /**
     * The checklist, locked after its event's row: the order a move of its booking takes them in (the event, the
     * booking, its checklists), so the two wait for each other instead of deadlocking.
     */
    private Checklist lockedChecklist(UUID checklistId) {
        Checklist checklist = Checklist.findById(checklistId);
        if (checklist == null) {
            throw VenueAccess.notFound("checklist", checklistId);
        }
        access.inCallersOrganisation(checklist, "checklist", checklistId);
        readiness.lock(checklist.eventId);
        repository.lock(checklist);
        return checklist;
    }

    /**
     * The booking moved by {@code shift} (its start's): each of its checklists' items falls due as much earlier or
     * later. In another room every item is to be inspected again: outcomes, notes and sign-off are cleared (the
     * inspections recorded stay). The caller holds the event's lock and the booking's.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bookingMoved(Booking booking, Duration shift, boolean roomChanged) {
        for (Checklist checklist : repository.ofBooking(booking.id)) {
            repository.lock(checklist);
            for (ChecklistItem item : checklist.items()) {
                item.dueAt = item.dueAt.plus(shift);
                if (roomChanged) {
                    item.outcome = null;
                    item.note = null;
                    item.inspectedAt = null;
                }
            }
            if (roomChanged) {
                checklist.signedOffAt = null;
                checklist.signedOffBy = null;
            }
        }
    }
}
