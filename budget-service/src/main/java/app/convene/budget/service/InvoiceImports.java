package app.convene.budget.service;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import org.jboss.logging.Logger;

import app.convene.backbone.paging.Slice;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.problem.Rfc3339;
import app.convene.backbone.security.Caller;
import app.convene.budget.config.BudgetConfig;
import app.convene.budget.domain.InvoiceImport;
import app.convene.budget.domain.InvoiceImport.Outcome;
import app.convene.budget.domain.InvoiceKind;
import app.convene.budget.domain.InvoiceStatus;
import app.convene.budget.persistence.InvoiceImportRepository;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Imports a CSV file of invoices as a job of the caller's organisation. The header is checked first (a bad one
 * refuses the file); then every row is matched and recorded in its own transaction exactly as one invoice posted
 * alone ({@link Invoices#submit}), and its outcome is kept with the job: a bad row is that row's outcome, never the
 * file's. The vendor and invoice number identify an invoice, so a file imported again (or twice at once) records
 * each invoice once; the others' rows say ALREADY_RECORDED. An import runs while its request waits, or, asked for,
 * in the background as its requester; either way under a lease renewed with every row, so one whose service stopped
 * in the middle is marked INTERRUPTED once its lease is over.
 */
@ApplicationScoped
public class InvoiceImports {
    private static final Logger LOG = Logger.getLogger(InvoiceImports.class);
    /** The columns of the file, named as the fields of a posted invoice. */
    public static final List<String> COLUMNS = List.of("kind", "vendor", "invoiceNumber", "amount", "currency",
            "issuedOn", "poNumber", "eventId", "creditsInvoiceNumber");
    public static final List<String> REQUIRED = List.of("vendor", "invoiceNumber", "amount", "issuedOn");

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES).enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    @Inject
    Clock clock;
    @Inject
    Invoices invoices;
    @Inject
    InvoiceImportRepository repository;
    @Inject
    Caller caller;
    @Inject
    BudgetConfig config;
    @Inject
    CurrentIdentityAssociation identities;

    /** Permits of the imports that may run in the background at once. */
    private Semaphore background;
    private ExecutorService worker;
    private volatile boolean stopping;

    @PostConstruct
    void permits() {
        background = new Semaphore(Math.max(0, config.invoices().backgroundImports()));
    }

    /** An import as it was started: the job and whether it goes on in the background. */
    public record Started(InvoiceImport job, boolean inBackground) {
    }

    /** The file read and checked: its header and rows, ready to import. */
    private record Checked(String[] header, Map<String, Integer> columns, List<String[]> rows) {
    }

    /**
     * Starts the import of {@code csv}. The file is read and checked first (a bad header, an empty file or too many
     * rows is a 400, and no job is made). Asked {@code inBackground} while fewer than
     * {@code budget.invoices.background-imports} run in the background, the rows are imported on a worker thread
     * as the caller, and the job is answered RUNNING at once; otherwise they are imported now and the job is
     * answered finished.
     */
    public Started start(String csv, boolean inBackground) {
        Checked file = check(csv);
        if (inBackground && background.tryAcquire()) {
            try {
                SecurityIdentity requester = identities.getIdentity();
                UUID id = begin(file);
                InvoiceImport started = find(id);
                worker().execute(() -> importInBackground(id, file, requester));
                return new Started(started, true);
            } catch (RuntimeException e) {
                background.release();
                throw e;
            }
        }
        UUID id = begin(file);
        importRows(id, file, false);
        return new Started(find(id), false);
    }

    private Checked check(String csv) {
        List<String[]> records = parse(csv);
        String[] header = records.get(0);
        Map<String, Integer> columns = columns(header);
        List<String[]> rows = records.subList(1, records.size());
        if (rows.isEmpty()) {
            throw ProblemException.invalidField("file", "has a header but no invoice rows");
        }
        if (rows.size() > config.invoices().importMaxRows()) {
            throw ProblemException.invalidField("file", "holds " + rows.size() + " rows; at most "
                    + config.invoices().importMaxRows() + " are imported at once (split the file)");
        }
        return new Checked(header, columns, rows);
    }

    /** Makes the job, RUNNING under its first lease, and answers its id. */
    private UUID begin(Checked file) {
        UUID id = UUID.randomUUID();
        String organisation = caller.organisation();
        String requestedBy = caller.subject();
        QuarkusTransaction.requiringNew().run(() -> repository.insertRunning(id, organisation, file.rows().size(),
                requestedBy, clock.instant(), clock.instant().plus(config.invoices().importLease())));
        return id;
    }

    /**
     * Imports every row, each in its own transaction with its outcome and a renewed lease, then marks the job DONE.
     * In the background, a stop of the service ends it between two rows.
     */
    private void importRows(UUID id, Checked file, boolean inBackground) {
        Duration lease = config.invoices().importLease();
        for (int i = 0; i < file.rows().size(); i++) {
            if (inBackground && stopping) {
                LOG.infof("invoice import %s stopped with the service after %d of %d rows; it is marked INTERRUPTED "
                        + "once its lease is over", id, i, file.rows().size());
                return;
            }
            InvoiceImport.Row outcome = importRow(i + 1, file.rows().get(i), file.header().length, file.columns());
            QuarkusTransaction.requiringNew().run(() -> repository.insertRow(id, outcome,
                    clock.instant().plus(lease)));
        }
        QuarkusTransaction.requiringNew().run(() -> repository.markDone(id, clock.instant()));
    }

    /**
     * The rows imported on a worker thread, in a request context of their own where the requester is the caller, so
     * every row is matched and recorded exactly as in the request (the same organisation, access and recorder). A
     * failure leaves the job RUNNING until its lease is over, then INTERRUPTED, as a stop of the service does.
     */
    private void importInBackground(UUID id, Checked file, SecurityIdentity requester) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            identities.setIdentity(requester);
            importRows(id, file, true);
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.infof("invoice import %s stopped with the service; it is marked INTERRUPTED once its lease is "
                        + "over", id);
            } else {
                LOG.errorf(e, "invoice import %s stopped at a failure; it is marked INTERRUPTED once its lease is "
                        + "over", id);
            }
        } finally {
            requestContext.terminate();
            background.release();
        }
    }

    private synchronized ExecutorService worker() {
        if (worker == null) {
            AtomicInteger threads = new AtomicInteger();
            worker = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "invoice-import-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return worker;
    }

    /**
     * A stop ends the imports in the background between two rows, before the database goes away; their jobs are
     * marked INTERRUPTED after their lease (importing the file again records the rest).
     */
    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @PreDestroy
    synchronized void release() {
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    /**
     * Marks INTERRUPTED the imports whose service stopped before they were through: their lease, renewed with every
     * row, ran out. Their rows so far keep their outcomes.
     */
    public int markInterrupted() {
        int interrupted = QuarkusTransaction.requiringNew().call(() -> repository.markInterrupted(clock.instant()));
        if (interrupted > 0) {
            LOG.infof("%d invoice import(s) interrupted by a stop of the service marked INTERRUPTED", interrupted);
        }
        return interrupted;
    }

    @Scheduled(every = "${budget.invoices.interrupted-sweep:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepInterrupted() {
        markInterrupted();
    }

    /** One of the caller's organisation's imports; another organisation's is not found. */
    public InvoiceImport find(UUID id) {
        InvoiceImport found = QuarkusTransaction.joiningExisting()
                .call(() -> repository.find(id, caller.organisation()));
        if (found == null) {
            throw ProblemException.notFound("invoice import", id);
        }
        return found;
    }

    /** The most imports one page of the list holds. */
    public static final int MAX_PAGE = 100;

    /**
     * A page of the caller's organisation's imports, newest first, without their rows; after the import
     * {@code after} (the previous page's last) when not null.
     */
    public Slice<InvoiceImport.Summary> list(UUID after, int limit) {
        String organisation = caller.organisation();
        return QuarkusTransaction.joiningExisting().call(() -> {
            if (after != null && !repository.exists(after, organisation)) {
                throw ProblemException.invalidField("after", "must be the id of an import of your organisation "
                        + "(the previous page's next)");
            }
            return Slice.of(repository.page(organisation, after, limit + 1), limit);
        });
    }

    private InvoiceImport.Row importRow(int number, String[] cells, int width, Map<String, Integer> columns) {
        String vendor = cell(cells, columns, "vendor");
        String invoiceNumber = cell(cells, columns, "invoiceNumber");
        if (cells.length != width) {
            return new InvoiceImport.Row(number, vendor, invoiceNumber, Outcome.REFUSED,
                    "the row has " + cells.length + " cells; the header has " + width, null);
        }
        try {
            Invoices.Submission submission = submission(cells, columns);
            Invoices.Recorded recorded = QuarkusTransaction.requiringNew().call(() -> invoices.submit(submission));
            Outcome outcome = !recorded.created() ? Outcome.ALREADY_RECORDED
                    : recorded.invoice().status == InvoiceStatus.AWAITING_APPROVAL ? Outcome.AWAITING_APPROVAL
                    : Outcome.MATCHED;
            String reason = outcome == Outcome.AWAITING_APPROVAL
                    ? "over the purchase order beyond the tolerance; counts once finance approves it" : null;
            return new InvoiceImport.Row(number, vendor, invoiceNumber, outcome, reason, recorded.invoice().id);
        } catch (RuntimeException e) {
            ProblemException problem = problem(e);
            if (problem == null) {
                throw e;
            }
            Outcome outcome = Invoices.UNMATCHED.equals(problem.slug()) ? Outcome.UNMATCHED : Outcome.REFUSED;
            return new InvoiceImport.Row(number, vendor, invoiceNumber, outcome, problem.getMessage(), null);
        }
    }

    private static ProblemException problem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return problem;
            }
        }
        return null;
    }

    /** The row as a submission; a 400 problem naming the field that breaks a rule. */
    private static Invoices.Submission submission(String[] cells, Map<String, Integer> columns) {
        String kind = cell(cells, columns, "kind");
        String vendor = required(cells, columns, "vendor", 200);
        String invoiceNumber = required(cells, columns, "invoiceNumber", 100);
        String amountText = required(cells, columns, "amount", 40);
        String currency = cell(cells, columns, "currency");
        String issuedOn = required(cells, columns, "issuedOn", 10);
        String poNumber = optional(cells, columns, "poNumber", 50);
        String eventId = cell(cells, columns, "eventId");
        String credits = optional(cells, columns, "creditsInvoiceNumber", 100);
        InvoiceKind invoiceKind;
        try {
            invoiceKind = kind == null ? InvoiceKind.INVOICE : InvoiceKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("kind", "must be INVOICE or CREDIT_NOTE");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(amountText);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("amount", "must be a decimal number like 1200.00");
        }
        if (amount.signum() <= 0 || amount.scale() > 4 || (long) amount.precision() - amount.scale() > 15) {
            throw ProblemException.invalidField("amount", "must be positive, with at most 15 digits and 4 decimals");
        }
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            throw ProblemException.invalidField("currency", "must be an ISO 4217 code like EUR");
        }
        LocalDate issued;
        try {
            issued = Rfc3339.date(issuedOn);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("issuedOn", "must be a date like 2027-03-12");
        }
        UUID event;
        try {
            event = eventId == null ? null : UUID.fromString(eventId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("eventId", "must be an event id (a UUID)");
        }
        return new Invoices.Submission(invoiceKind, vendor, invoiceNumber, amount, currency, issued, poNumber, event,
                credits);
    }

    private static String required(String[] cells, Map<String, Integer> columns, String column, int max) {
        String value = cell(cells, columns, column);
        if (value == null) {
            throw ProblemException.invalidField(column, "must not be blank");
        }
        return optional(cells, columns, column, max);
    }

    private static String optional(String[] cells, Map<String, Integer> columns, String column, int max) {
        String value = cell(cells, columns, column);
        if (value != null && value.length() > max) {
            throw ProblemException.invalidField(column, "must be at most " + max + " characters");
        }
        return value;
    }

    /** The row's cell of the column, stripped; null when the file has no such column or the cell is blank. */
    private static String cell(String[] cells, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        if (index == null || index >= cells.length || cells[index] == null || cells[index].isBlank()) {
            return null;
        }
        return cells[index].strip();
    }

    /** The header's columns by name; a 400 naming what is wrong with it. */
    private static Map<String, Integer> columns(String[] header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            String name = header[i] == null ? "" : header[i].strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (!COLUMNS.contains(name)) {
                throw ProblemException.invalidField("header", "column " + (i + 1) + " '" + abbreviate(name)
                        + "' is not one of " + String.join(", ", COLUMNS));
            }
            if (columns.put(name, i) != null) {
                throw ProblemException.invalidField("header", "column " + name + " appears twice");
            }
        }
        Set<String> missing = new LinkedHashSet<>(REQUIRED);
        missing.removeAll(columns.keySet());
        if (!missing.isEmpty()) {
            throw ProblemException.invalidField("header", "lacks the column(s) " + String.join(", ", missing));
        }
        return columns;
    }

    private static List<String[]> parse(String csv) {
        if (csv == null || csv.isBlank()) {
            throw ProblemException.invalidField("file", "is empty; it needs a header and invoice rows");
        }
        List<String[]> records = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(csv)) {
            while (it.hasNextValue()) {
                records.add(it.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalidField("file", "is not readable as CSV (" + abbreviate(
                    String.valueOf(e.getMessage()).lines().findFirst().orElse("")) + ")");
        }
        if (records.isEmpty()) {
            throw ProblemException.invalidField("file", "is empty; it needs a header and invoice rows");
        }
        return records;
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
