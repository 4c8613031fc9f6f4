import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the database does for one registration through the service: registers a few attendees one after the other
 * (after a warm-up, so that connections and prepared statements are in place) with PostgreSQL logging every
 * statement, then prints each statement executed, how many times per registration, and the total per registration.
 * Arguments: base URL, JDBC URL, organizer token, the PostgreSQL server's log file, registrations to log.
 */
public class StatementCount {
    private static final String BEGIN = "statement-count-begin";
    private static final String END = "statement-count-end";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbc = args[1];
        String token = args[2];
        Path log = Path.of(args[3]);
        int count = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String eventId = createEvent(http, base, token);
        for (int i = 0; i < 200; i++) {
            register(http, base, token, eventId, "warm" + i);
        }
        Thread.sleep(1500); // the relay's and the audit's work of the warm-up is done
        logStatements(jdbc, true);
        for (int i = 0; i < count; i++) {
            register(http, base, token, eventId, "logged" + i);
        }
        Thread.sleep(1500); // the relay publishes the logged registrations' events
        logStatements(jdbc, false);

        // A logged statement's text runs on over the following lines (those not starting with a timestamp).
        List<String> entries = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.matches("^\\d{4}-\\d{2}-\\d{2} .*") || entries.isEmpty()) {
                entries.add(line);
            } else {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line);
            }
        }
        Map<String, Integer> executed = new TreeMap<>();
        boolean inside = false;
        int total = 0;
        for (String line : entries) {
            if (line.contains(BEGIN)) {
                inside = true;
                continue;
            }
            if (line.contains(END)) {
                break;
            }
            int at = line.indexOf("  execute ");
            int simple = line.indexOf("  statement: ");
            if (!inside || (at < 0 && simple < 0)) {
                continue;
            }
            String statement = at >= 0 ? line.substring(line.indexOf(':', at + 10) + 2)
                    : line.substring(simple + 13);
            statement = statement.replaceAll("\\s+", " ").trim();
            executed.merge(statement.length() > 150 ? statement.substring(0, 150) + "..." : statement, 1,
                    Integer::sum);
            total++;
        }
        System.out.printf("Statements PostgreSQL executed for %d registrations (one at a time, organizer token, no "
                + "Idempotency-Key), per registration:%n", count);
        executed.forEach((statement, n) -> System.out.printf("  %5.2f  %s%n", n / (double) count, statement));
        System.out.printf("Total: %.2f statements per registration (the relay's included)%n", total / (double) count);
    }

    /** Logs every statement from now on (or no longer), with a marker line around what is counted. */
    private static void logStatements(String jdbc, boolean on) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
                Statement s = c.createStatement()) {
            if (on) {
                s.execute("alter system set log_min_duration_statement = 0");
                s.execute("select pg_reload_conf()");
                Thread.sleep(500);
                s.execute("select '" + BEGIN + "'");
            } else {
                s.execute("select '" + END + "'");
                s.execute("alter system reset log_min_duration_statement");
                s.execute("select pg_reload_conf()");
            }
        }
    }

    private static void register(HttpClient http, String base, String token, String eventId, String who)
            throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/events/" + eventId
                + "/registrations")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"attendee\":{\"email\":\"" + who + "@example.com\",\"name\":\"Logged\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("registration failed: " + answer.statusCode() + " " + answer.body());
        }
    }

    private static String createEvent(HttpClient http, String base, String token) throws Exception {
        Instant start = Instant.now().plus(Duration.ofDays(90));
        String body = "{\"title\":\"Statement count\",\"startsAt\":\"" + start + "\",\"endsAt\":\""
                + start.plus(Duration.ofHours(8)) + "\",\"timeZone\":\"Europe/Stockholm\",\"capacity\":100}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/events"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("could not create event: " + response.body());
        }
        String json = response.body();
        int at = json.indexOf("\"id\":\"") + 6;
        return json.substring(at, json.indexOf('"', at));
    }
}
