import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Event hops and whole-stack throughput, against the four services running together.
 * <p>
 * 1. Steady rates: registrations are offered at a fixed rate (open loop, spread over several events) for a while;
 * every 200 ms a probe registration on an event of its own is timed from its 201 until budget-service's headcount
 * of that event ({@code GET /api/events/{id}/budget}) and notification-service's read model
 * ({@code GET /api/events/{id}/go-no-go}, the seats check) count it, and until the probe's confirmation mail is in
 * the attendee's mailbox (the local stack's mail catcher keeps each address's mail in a directory of its own, named by
 * the system property {@code hop.mail}; without it, no mail hop is timed). Percentiles per consumer and rate.
 * <p>
 * 2. Whole-stack rate: a burst of registrations from 32 clients while budget, venue and notification are stopped
 * (SIGSTOP: registration-service alone, the baseline), then the consumers go on and catch up; then the same burst with
 * everything running, timed until budget and notification both show every registration of it. The ratio of the two
 * rates is the figure.
 * <p>
 * 3. Where the machine's CPU goes at each steady rate: the CPU time each process of the stack (with its children)
 * and this benchmark used during the rate's window, per registration answered, and the cores they kept busy.
 * <p>
 * Arguments: registration, budget and notification base URLs, organizer token, seconds per rate, rates (comma
 * separated), burst size, the process ids of budget, venue and notification (comma separated), and optionally the
 * processes to account CPU to as name=pid pairs (comma separated).
 */
public class HopBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONFIRMED = Pattern.compile("(\\d+) confirmed");
    private static final int LOAD_EVENTS = 8;
    private static final int CLIENTS = 32;
    private static final Duration PROBE_EVERY = Duration.ofMillis(200);
    private static final Duration HOP_GIVE_UP = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(5);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(16)).build();
    private final String registration;
    private final String budget;
    private final String notification;
    private final String token;
    private final AtomicLong emails = new AtomicLong();
    /** The start of every attendee's address in this run: "hop-", the run's start in base 36, "-". */
    private final String attendeePrefix = "hop-" + Long.toString(System.currentTimeMillis(), 36) + "-";
    /** Registrations answered 201 so far: each has its attendee, and each attendee gets one mail about it. */
    private final AtomicLong registered = new AtomicLong();
    /** The mail catcher's directory: one directory per address, each message a file in it; null to time no mail. */
    private final java.nio.file.Path mailboxes = System.getProperty("hop.mail") == null ? null
            : java.nio.file.Path.of(System.getProperty("hop.mail"));
    private Processes processes;

    HopBenchmark(String registration, String budget, String notification, String token) {
        this.registration = registration;
        this.budget = budget;
        this.notification = notification;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        HopBenchmark bench = new HopBenchmark(args[0], args[1], args[2], args[3]);
        int seconds = Integer.parseInt(args[4]);
        List<Integer> rates = new ArrayList<>();
        for (String rate : args[5].split(",")) {
            rates.add(Integer.parseInt(rate.trim()));
        }
        int burst = Integer.parseInt(args[6]);
        List<String> consumerPids = List.of(args[7].split(","));
        bench.processes = args.length > 8 ? Processes.parse(args[8]) : Processes.parse("");
        bench.run(seconds, rates, burst, consumerPids);
        System.exit(0);
    }

    private void run(int seconds, List<Integer> rates, int burst, List<String> consumerPids) throws Exception {
        List<Event> load = new ArrayList<>();
        for (int i = 0; i < LOAD_EVENTS; i++) {
            load.add(createEvent("Load " + i));
        }
        Event probe = createEvent("Probe");
        awaitEverywhere(load);
        awaitEverywhere(List.of(probe));

        // Warm-up: the same paths at a moderate rate, not reported.
        steady(load, probe, 20, Math.min(seconds, 15));

        List<String> rows = new ArrayList<>();
        List<String> cpuRows = new ArrayList<>();
        List<String> answerRows = new ArrayList<>();
        for (int rate : rates) {
            Steady result = steady(load, probe, rate, seconds);
            cpuRows.add(String.format("%6d/s  %s", rate, result.cpu));
            answerRows.add(String.format("%6d/s   %8s %8s %8s", rate, ms(result.answers, 0.50),
                    ms(result.answers, 0.95), ms(result.answers, 0.99)));
            rows.add(String.format("%6d/s %9.1f/s %7d   %8s %8s %8s   %8s %8s %8s   %8s %8s %8s", rate,
                    result.achieved, result.budget.size(), ms(result.budget, 0.50), ms(result.budget, 0.95),
                    ms(result.budget, 0.99), ms(result.notification, 0.50), ms(result.notification, 0.95),
                    ms(result.notification, 0.99), ms(result.mail, 0.50), ms(result.mail, 0.95),
                    ms(result.mail, 0.99)));
        }
        System.out.println();
        System.out.println("Hop from a registration's 201 to the consumer's read model showing it, and to its "
                + "confirmation mail in the attendee's mailbox (ms), " + seconds + " s per rate");
        System.out.printf("%8s %11s %7s   %8s %8s %8s   %8s %8s %8s   %8s %8s %8s%n", "offered", "achieved", "probes",
                "budget", "p95", "p99", "notif.", "p95", "p99", "mail", "p95", "p99");
        System.out.printf("%8s %11s %7s   %8s %8s %8s   %8s %8s %8s   %8s %8s %8s%n", "", "", "", "p50", "", "", "p50",
                "", "", "p50", "", "");
        rows.forEach(System.out::println);
        System.out.println("target: at 100/s sustained, p99 < 200 ms to every consumer (the mail has no target)");
        System.out.println();
        System.out.println("Registration answer time, from sending a registration to its 201 (ms)");
        System.out.printf("%8s   %8s %8s %8s%n", "offered", "p50", "p95", "p99");
        answerRows.forEach(System.out::println);
        if (!processes.roots().isEmpty()) {
            System.out.println();
            System.out.println("CPU per registration answered during each rate's window (ms; each process with its "
                    + "children), and the machine's cores in use (" + Runtime.getRuntime().availableProcessors()
                    + " here)");
            cpuRows.forEach(System.out::println);
        }

        // Whole-stack rate against registration-service alone, same burst shape.
        List<Event> alone = new ArrayList<>();
        List<Event> whole = new ArrayList<>();
        for (int i = 0; i < LOAD_EVENTS; i++) {
            alone.add(createEvent("Alone " + i));
            whole.add(createEvent("Whole " + i));
        }
        awaitEverywhere(alone);
        awaitEverywhere(whole);
        signal("STOP", consumerPids);
        double aloneRate;
        try {
            long start = System.nanoTime();
            int done = burst(alone, burst);
            aloneRate = done / seconds(System.nanoTime() - start);
        } finally {
            signal("CONT", consumerPids);
        }
        System.out.printf("%nregistration-service alone (consumers stopped): %d registrations from %d clients, "
                + "%.0f/s%n", burst, CLIENTS, aloneRate);
        long caughtUp = System.nanoTime();
        awaitCounts(alone, Duration.ofMinutes(5));
        System.out.printf("consumers caught up with that burst %.1f s after they went on%n",
                seconds(System.nanoTime() - caughtUp));

        long start = System.nanoTime();
        int done = burst(whole, burst);
        double answered = done / seconds(System.nanoTime() - start);
        boolean all = awaitCounts(whole, Duration.ofMinutes(5));
        double wholeRate = done / seconds(System.nanoTime() - start);
        System.out.printf("whole stack: %d registrations answered at %.0f/s, all of them shown by budget and "
                + "notification at %.0f/s%s%n", done, answered, wholeRate, all ? "" : " (NOT ALL SHOWN)");
        System.out.printf("whole-stack rate / registration alone: %.2f (target >= 0.70)%n", wholeRate / aloneRate);
        if (mailboxes != null) {
            long mailed = awaitMail(Duration.ofMinutes(10));
            System.out.printf("every attendee's mail (%d of %d registrations) in their mailbox %.1f s after the burst's "
                    + "last answer%n", mailed, registered.get(), seconds(System.nanoTime() - start) - done / answered);
        }
    }

    private record Event(String id, AtomicInteger confirmed) {
    }

    /** Seconds a process and its descendants ran on a core, and waited for one, so far. */
    private record Usage(double cpu, double waiting) {
    }

    private record Steady(double achieved, List<Long> budget, List<Long> notification, List<Long> mail,
            List<Long> answers, String cpu) {
    }

    /**
     * The processes whose CPU time a steady rate reports, each by name and root process id: the root and every
     * process below it (PostgreSQL's backends under its server), read from /proc; this benchmark is one of them.
     */
    private record Processes(Map<String, Long> roots) {
        static Processes parse(String named) {
            Map<String, Long> roots = new LinkedHashMap<>();
            for (String entry : named.split(",")) {
                String[] parts = entry.split("=");
                if (parts.length == 2 && !parts[1].isBlank()) {
                    roots.put(parts[0], Long.parseLong(parts[1].trim()));
                }
            }
            if (!roots.isEmpty()) {
                roots.put("this benchmark", ProcessHandle.current().pid());
            }
            return new Processes(roots);
        }

        /**
         * Per named process and its descendants, the CPU seconds used so far and the seconds its threads spent
         * runnable but waiting for a core (the scheduler's run queue, from each thread's {@code schedstat}; threads
         * that ended are no longer counted, so it is a lower bound).
         */
        Map<String, Usage> cpuSeconds() {
            Map<Long, Long> parents = new HashMap<>();
            Map<Long, Long> ticks = new HashMap<>();
            File[] entries = new File("/proc").listFiles((dir, name) -> name.matches("\\d+"));
            for (File entry : entries == null ? new File[0] : entries) {
                try {
                    String stat = Files.readString(entry.toPath().resolve("stat"));
                    // Fields after the command name, which may hold spaces: state, ppid, ... utime (14), stime (15).
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(entry.getName());
                    parents.put(pid, Long.parseLong(fields[1]));
                    ticks.put(pid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
            Map<String, Usage> seconds = new LinkedHashMap<>();
            roots.forEach((name, root) -> {
                long total = 0;
                long waitedNanos = 0;
                for (var process : ticks.entrySet()) {
                    for (Long p = process.getKey(); p != null && p > 1; p = parents.get(p)) {
                        if (p.equals(root)) {
                            total += process.getValue();
                            waitedNanos += runQueueNanos(process.getKey());
                            break;
                        }
                    }
                }
                seconds.put(name, new Usage(total / (double) CLOCK_TICKS, waitedNanos / 1e9));
            });
            return seconds;
        }

        /** The nanoseconds the process's live threads spent waiting for a core (second field of schedstat). */
        private static long runQueueNanos(long pid) {
            File[] threads = new File("/proc/" + pid + "/task").listFiles();
            long nanos = 0;
            for (File thread : threads == null ? new File[0] : threads) {
                try {
                    nanos += Long.parseLong(Files.readString(thread.toPath().resolve("schedstat")).trim()
                            .split(" ")[1]);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile, or the kernel keeps no scheduler statistics
                }
            }
            return nanos;
        }

        /** Each process's CPU per registration between two readings, and the cores all of them kept busy. */
        String between(Map<String, Usage> before, Map<String, Usage> after, int registrations,
                double elapsedSeconds) {
            if (roots.isEmpty() || registrations == 0) {
                return "";
            }
            StringBuilder line = new StringBuilder();
            StringBuilder waiting = new StringBuilder();
            double total = 0;
            for (String name : roots.keySet()) {
                double used = after.get(name).cpu() - before.get(name).cpu();
                total += used;
                line.append(String.format("%s %.2f, ", name, 1000 * used / registrations));
                double waited = after.get(name).waiting() - before.get(name).waiting();
                waiting.append(String.format("%s %.1f, ", name, used > 0 ? waited / used : 0));
            }
            return line.append(String.format("total %.2f ms = %.2f cores", 1000 * total / registrations,
                    total / elapsedSeconds)).append(String.format("%n          seconds waiting for a core per second "
                    + "run: %s", waiting.substring(0, Math.max(0, waiting.length() - 2)))).toString();
        }
    }

    /** The kernel's clock ticks per second, in which /proc counts CPU time (100 on Linux unless built otherwise). */
    private static final long CLOCK_TICKS = clockTicks();

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            getconf.waitFor();
            return Long.parseLong(out);
        } catch (Exception e) {
            return 100;
        }
    }

    /**
     * Offers {@code rate} registrations a second over the load events for {@code seconds}, probing the hop every
     * 200 ms; waits for the probes and the consumers to finish before answering.
     */
    private Steady steady(List<Event> load, Event probe, int rate, int seconds) throws Exception {
        long startNanos = System.nanoTime();
        long endNanos = startNanos + TimeUnit.SECONDS.toNanos(seconds);
        AtomicInteger answeredInWindow = new AtomicInteger();
        Map<String, Usage> cpuBefore = processes.cpuSeconds();
        Watch budgetWatch = new Watch(() -> budgetConfirmed(probe.id));
        Watch notificationWatch = new Watch(() -> notificationConfirmed(probe.id));
        MailWatch mailWatch = new MailWatch(mailboxes);
        Thread mailPoller = new Thread(mailWatch, "mail-watch");
        mailPoller.start();
        Thread budgetPoller = new Thread(budgetWatch, "budget-watch");
        Thread notificationPoller = new Thread(notificationWatch, "notification-watch");
        budgetPoller.start();
        notificationPoller.start();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        clock.scheduleAtFixedRate(() -> {
            if (System.nanoTime() < endNanos) {
                String attendee = nextAttendee();
                register(probe, attendee).thenAccept(expected -> {
                    if (expected > 0 && System.nanoTime() <= endNanos) {
                        answeredInWindow.incrementAndGet();
                    }
                    if (expected > 0) {
                        long answered = System.nanoTime();
                        budgetWatch.expect(expected, answered);
                        notificationWatch.expect(expected, answered);
                        mailWatch.expect(attendee, answered);
                    }
                });
            }
        }, 0, PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);

        AtomicInteger answered = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        List<Long> answers = Collections.synchronizedList(new ArrayList<>());
        int skipped = 0;
        List<CompletableFuture<?>> sends = new ArrayList<>();
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        for (long i = 0;; i++) {
            long at = startNanos + i * period;
            if (at >= endNanos) {
                break;
            }
            long wait = at - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (inFlight.get() >= CLIENTS * 2) {
                skipped++;
                continue;
            }
            Event event = load.get((int) (i % load.size()));
            inFlight.incrementAndGet();
            long sent = System.nanoTime();
            sends.add(register(event).whenComplete((count, failure) -> {
                inFlight.decrementAndGet();
                if (failure == null && count > 0) {
                    answers.add(System.nanoTime() - sent);
                }
                if (failure == null && count > 0 && System.nanoTime() <= endNanos) {
                    answered.incrementAndGet();
                    answeredInWindow.incrementAndGet();
                }
            }));
        }
        double achieved = answered.get() / (double) seconds;
        long late = System.nanoTime() - endNanos;
        if (late < 0) {
            TimeUnit.NANOSECONDS.sleep(-late);
        }
        String cpu = processes.between(cpuBefore, processes.cpuSeconds(), answeredInWindow.get(),
                seconds(System.nanoTime() - startNanos));
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        clock.shutdown();
        clock.awaitTermination(10, TimeUnit.SECONDS);
        Thread.sleep(1000); // the last probe's answer
        long drain = System.nanoTime();
        boolean caughtUp = awaitCounts(load, Duration.ofMinutes(3));
        double caughtUpAfter = seconds(System.nanoTime() - drain);
        budgetWatch.finish();
        notificationWatch.finish();
        mailWatch.finish();
        budgetPoller.join();
        notificationPoller.join();
        mailPoller.join();
        System.out.printf("%d/s offered for %d s: %.1f/s answered 201 within the window%s; consumers caught up "
                + "%.1f s after the last answer%s%n", rate, seconds, achieved,
                skipped > 0 ? " (" + skipped + " not sent: " + CLIENTS * 2 + " already waiting)" : "",
                caughtUpAfter, caughtUp ? "" : " (NOT CAUGHT UP)");
        return new Steady(achieved, budgetWatch.hops(), notificationWatch.hops(), mailWatch.hops(), sorted(answers),
                cpu);
    }

    /**
     * Probes waiting to be seen somewhere, each since its 201, and the hops of those seen. Whenever a probe waits it
     * looks: every 5 ms while the oldest waiting probe is younger than 200 ms, then every 50 ms (what is far behind is
     * not also flooded with reads). A probe not seen after 30 s is given 30 s.
     */
    private abstract static class ProbeWatch<K> implements Runnable {
        final Map<K, Long> waiting;
        private final List<Long> hops = Collections.synchronizedList(new ArrayList<>());
        private volatile boolean finishing;

        ProbeWatch(Map<K, Long> waiting) {
            this.waiting = waiting;
        }

        void expect(K probe, long answeredAt) {
            waiting.put(probe, answeredAt);
        }

        void finish() {
            finishing = true;
        }

        List<Long> hops() {
            return sorted(hops);
        }

        /** The waiting probes seen now. */
        abstract List<K> seen();

        @Override
        public void run() {
            while (!(finishing && waiting.isEmpty())) {
                if (!waiting.isEmpty()) {
                    List<K> seen = seen();
                    long now = System.nanoTime();
                    for (K probe : seen) {
                        Long answeredAt = waiting.remove(probe);
                        if (answeredAt != null) {
                            hops.add(now - answeredAt);
                        }
                    }
                    for (var probe : waiting.entrySet()) {
                        if (now - probe.getValue() > HOP_GIVE_UP.toNanos()) {
                            hops.add(HOP_GIVE_UP.toNanos());
                            waiting.remove(probe.getKey());
                        }
                    }
                }
                long oldest = waiting.values().stream().mapToLong(Long::longValue).min().orElse(System.nanoTime());
                boolean young = System.nanoTime() - oldest < TimeUnit.MILLISECONDS.toNanos(200);
                try {
                    Thread.sleep(young ? POLL.toMillis() : 50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * Watches one consumer's count of the probe event: each probe (by the count it made) that the count now includes
     * is seen. One reader per consumer, however many probes wait.
     */
    private static final class Watch extends ProbeWatch<Integer> {
        private final Count count;

        Watch(Count count) {
            super(new java.util.concurrent.ConcurrentSkipListMap<>());
            this.count = count;
        }

        @Override
        List<Integer> seen() {
            int seen;
            try {
                seen = count.read();
            } catch (Exception e) {
                return List.of();
            }
            return List.copyOf(((java.util.NavigableMap<Integer, Long>) waiting).headMap(seen, true).keySet());
        }
    }

    /**
     * Watches the attendees' mailboxes: a probe (by its attendee) is seen once a message to its attendee is there (the
     * only mail a new registration gets is its confirmation). Times nothing without a mail directory.
     */
    private static final class MailWatch extends ProbeWatch<String> {
        private final java.nio.file.Path mailboxes;

        MailWatch(java.nio.file.Path mailboxes) {
            super(new java.util.concurrent.ConcurrentHashMap<>());
            this.mailboxes = mailboxes;
        }

        @Override
        void expect(String attendee, long answeredAt) {
            if (mailboxes != null) {
                super.expect(attendee, answeredAt);
            }
        }

        @Override
        List<String> seen() {
            return waiting.keySet().stream().filter(attendee -> {
                String[] messages = mailboxes.resolve(attendee).toFile().list();
                return messages != null && messages.length > 0;
            }).toList();
        }
    }

    private interface Count {
        int read() throws Exception;
    }

    /** Sends {@code count} registrations over the events from {@link #CLIENTS} clients; answers how many got 201. */
    private int burst(List<Event> events, int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(CompletableFuture.runAsync(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    if (register(events.get(i % events.size())).join() > 0) {
                        ok.incrementAndGet();
                    }
                }
            }, pool));
        }
        CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).join();
        pool.shutdown();
        return ok.get();
    }

    /** One registration; on 201 the event's expected count grows and is answered, otherwise -1. */
    private CompletableFuture<Integer> register(Event event) {
        return register(event, nextAttendee());
    }

    /** A new attendee's address, of this run only (a stack used for earlier runs holds their mail). */
    private String nextAttendee() {
        return attendeePrefix + emails.incrementAndGet() + "@example.com";
    }

    private CompletableFuture<Integer> register(Event event, String attendee) {
        String body = "{\"attendee\":{\"email\":\"" + attendee + "\",\"name\":\"" + attendee + "\"}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(registration + "/api/events/" + event.id
                + "/registrations")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            if (failure == null && response.statusCode() == 201) {
                registered.incrementAndGet();
                return event.confirmed.incrementAndGet();
            }
            System.err.println("registration failed: " + (failure != null ? failure : response.statusCode() + " "
                    + response.body()));
            return -1;
        });
    }

    /** Waits until every attendee registered so far has mail (or the limit passes); answers how many have. */
    private long awaitMail(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            String[] attendees = mailboxes.toFile().list((directory, name) -> name.startsWith(attendeePrefix));
            long mailed = attendees == null ? 0 : attendees.length;
            if (mailed >= registered.get() || System.nanoTime() > deadline) {
                return mailed;
            }
            Thread.sleep(100);
        }
    }

    /** Waits until budget and notification count every registration answered on the events. */
    private boolean awaitCounts(List<Event> events, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        for (Event event : events) {
            while (!counted(event)) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(20);
            }
        }
        return true;
    }

    private boolean counted(Event event) {
        try {
            return budgetConfirmed(event.id) >= event.confirmed.get()
                    && notificationConfirmed(event.id) >= event.confirmed.get();
        } catch (Exception e) {
            return false;
        }
    }

    /** Waits until budget and notification know the events (their budget drafted, their gate assessed). */
    private void awaitEverywhere(List<Event> events) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        for (Event event : events) {
            while (true) {
                try {
                    if (budgetConfirmed(event.id) >= 0 && notificationConfirmed(event.id) >= 0) {
                        break;
                    }
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("event " + event.id + " never reached budget and "
                                + "notification: " + e.getMessage());
                    }
                }
                Thread.sleep(50);
            }
        }
    }

    private int budgetConfirmed(String eventId) throws Exception {
        HttpResponse<String> response = http.send(get(budget + "/api/events/" + eventId + "/budget"),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("budget answered " + response.statusCode());
        }
        return JSON.readTree(response.body()).path("headcount").path("confirmed").asInt();
    }

    private int notificationConfirmed(String eventId) throws Exception {
        HttpResponse<String> response = http.send(get(notification + "/api/events/" + eventId + "/go-no-go"),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("notification answered " + response.statusCode());
        }
        for (JsonNode check : JSON.readTree(response.body()).path("checks")) {
            if ("seats".equals(check.path("name").asText())) {
                Matcher m = CONFIRMED.matcher(check.path("reason").asText());
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        throw new IllegalStateException("no seats check yet");
    }

    private Event createEvent(String title) throws Exception {
        Instant start = Instant.now().plus(Duration.ofDays(90));
        String body = "{\"title\":\"" + title + "\",\"startsAt\":\"" + start + "\",\"endsAt\":\""
                + start.plus(Duration.ofHours(8)) + "\",\"timeZone\":\"Europe/Stockholm\",\"capacity\":1000000}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(registration + "/api/events"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("could not create event: " + response.body());
        }
        return new Event(JSON.readTree(response.body()).get("id").asText(), new AtomicInteger());
    }

    private HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static void signal(String signal, List<String> pids) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        command.addAll(pids);
        new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private static List<Long> sorted(List<Long> hops) {
        List<Long> copy = new ArrayList<>(hops);
        Collections.sort(copy);
        return copy;
    }

    private static String ms(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return "-";
        }
        int index = (int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(q * sorted.size()) - 1));
        return String.format("%.0f", sorted.get(index) / 1_000_000.0);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

}
