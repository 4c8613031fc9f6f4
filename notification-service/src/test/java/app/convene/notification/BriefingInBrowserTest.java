package app.convene.notification;

import static app.convene.notification.Stories.addRecipient;
import static app.convene.notification.Stories.announce;
import static app.convene.notification.Stories.briefings;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import app.convene.backbone.event.BudgetEvents;
import app.convene.backbone.event.RegistrationEvents;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The post-event briefing and the acknowledgement page as a real browser renders them, in every language: headless
 * Chromium loads them from the running service (the briefing through a small local gateway that adds the reader's
 * token, as a portal would), the rendered DOM must hold the translated headings and the charts' SVG, and a
 * screenshot of each page and language is kept under {@code target/screenshots/}. Skipped where there is no
 * Chromium at {@code /usr/bin/chromium}.
 */
@QuarkusTest
class BriefingInBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Map<String, String> POST_EVENT_HEADING = Map.of("en", "Post-event briefing", "sv",
            "Genomgång efter evenemanget", "nl", "Briefing achteraf", "ro", "Informare după eveniment");
    private static final Map<String, String> CHART_HEADCOUNT = Map.of("en", "Registrations and waiting list over time",
            "sv", "Anmälningar och väntelista över tid", "nl", "Inschrijvingen en wachtlijst in de tijd", "ro",
            "Înscrieri și listă de așteptare în timp");
    private static final Map<String, String> ACK_HEADING = Map.of("en", "Acknowledge the briefing", "sv",
            "Bekräfta genomgången", "nl", "Bevestig de briefing", "ro", "Confirmați informarea");

    @TestHTTPResource("/")
    URL service;

    @BeforeAll
    static void chromiumIsInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Skipped: no Chromium at " + CHROMIUM
                + " (install the chromium package to render the briefing in a real browser)");
    }

    @Test
    void thePostEventBriefingAndTheAcknowledgementPageRenderInEveryLanguage() throws Exception {
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().plus(Duration.ofDays(80)).truncatedTo(ChronoUnit.HOURS);
        Stories.schedule(eventId, "Browser review <&>", start, start.plus(Duration.ofHours(6)), "Europe/Bucharest",
                40, Stories.ownedByOlivia());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> briefings(eventId).statusCode(200));
        String organizer = "olivia-browser-" + eventId + "@example.com";
        addRecipient(eventId, Map.of("audience", "ORGANIZERS", "name", "Olivia", "channel", "EMAIL",
                "address", organizer)).statusCode(201);
        announce(RegistrationEvents.HEADCOUNT_CHANGED, eventId,
                new RegistrationEvents.HeadcountChanged(eventId, 1, 40, 12, 0, 0, 0));
        announce(RegistrationEvents.HEADCOUNT_CHANGED, eventId,
                new RegistrationEvents.HeadcountChanged(eventId, 2, 40, 40, 5, 0, 0));
        announce(RegistrationEvents.HEADCOUNT_CHANGED, eventId,
                new RegistrationEvents.HeadcountChanged(eventId, 3, 40, 38, 5, 35, 3));
        announce(BudgetEvents.FORECAST_CHANGED_V2, eventId, new BudgetEvents.ForecastChangedV2(eventId, 1,
                BigDecimal.ZERO, new BigDecimal("4200.00"), new BigDecimal("4000.00"), new BigDecimal("4200.00"),
                new BigDecimal("3900.00"), new BigDecimal("38"), new BigDecimal("110.53"), "EUR", List.of(
                        new BudgetEvents.CategoryFigures("VENUE", new BigDecimal("2500.00"),
                                new BigDecimal("2700.00"), new BigDecimal("2700.00"), new BigDecimal("2700.00")),
                        new BudgetEvents.CategoryFigures("CATERING", new BigDecimal("1500.00"),
                                new BigDecimal("1500.00"), new BigDecimal("1500.00"), new BigDecimal("1200.00")))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> briefings(eventId)
                .body("headcount.checkedIn", org.hamcrest.Matchers.equalTo(35))
                .body("budget.forecastTotal", org.hamcrest.Matchers.equalTo(4200.0f)));

        String briefingId = given().header("Authorization", Stories.ORGANIZER).contentType(ContentType.JSON)
                .body(Map.of("kind", "POST_EVENT")).post("/api/events/{e}/briefings", eventId).then()
                .statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(SmtpServer.messagesTo(organizer))
                .isNotEmpty());
        Matcher link = Pattern.compile("/api/acknowledgements/([A-Za-z0-9_-]+)")
                .matcher(Stories.text(SmtpServer.messagesTo(organizer).get(0)));
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        Files.createDirectories(SCREENSHOTS);
        URI app = service.toURI();
        List<String> failures = new ArrayList<>();
        try (Gateway gateway = new Gateway(app, Stories.ORGANIZER)) {
            for (String lang : List.of("en", "sv", "nl", "ro")) {
                String briefing = gateway.url("/api/events/" + eventId + "/briefings/" + briefingId + "?lang=" + lang);
                String dom = dumpDom(briefing);
                assertThat(dom).as("briefing in " + lang).contains("<h1>" + POST_EVENT_HEADING.get(lang) + ": ")
                        .contains("Browser review &lt;&amp;&gt;").contains("<svg")
                        .contains(CHART_HEADCOUNT.get(lang)).contains("id=\"chart-budget-title\"")
                        .contains("id=\"chart-readiness-title\"").contains("<polyline");
                screenshot(briefing, SCREENSHOTS.resolve("post-event-briefing-" + lang + ".png"), failures);

                String page = app.resolve("/api/acknowledgements/" + token + "?lang=" + lang).toString();
                assertThat(dumpDom(page)).as("acknowledgement page in " + lang)
                        .contains("<h1>" + ACK_HEADING.get(lang) + "</h1>").contains("<button type=\"submit\">");
                screenshot(page, SCREENSHOTS.resolve("acknowledgement-page-" + lang + ".png"), failures);
            }
        }
        assertThat(failures).isEmpty();
    }

    /** The DOM as Chromium rendered it. */
    private static String dumpDom(String url) throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile");
        Process chromium = chromium(profile, "--dump-dom", url);
        String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        finish(chromium);
        return dom;
    }

    private static void screenshot(String url, Path file, List<String> failures) throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile");
        Files.deleteIfExists(file);
        Process chromium = chromium(profile, "--window-size=1024,2200", "--hide-scrollbars",
                "--screenshot=" + file.toAbsolutePath(), url);
        chromium.getInputStream().readAllBytes();
        finish(chromium);
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            failures.add("no screenshot of " + url);
        }
    }

    private static Process chromium(Path profile, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void finish(Process chromium) throws InterruptedException {
        if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 90 s");
        }
    }

    /** A local gateway to the service that adds the reader's token and asks for HTML, as a portal would. */
    static final class Gateway implements AutoCloseable {
        private final HttpServer server;
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Gateway(URI service, String authorization) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                try {
                    HttpResponse<InputStream> answer = client.send(HttpRequest.newBuilder(
                            service.resolve(exchange.getRequestURI().toString())).header("Authorization", authorization)
                            .header("Accept", "text/html").timeout(Duration.ofSeconds(30)).GET().build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    byte[] body = answer.body().readAllBytes();
                    exchange.getResponseHeaders().add("Content-Type",
                            answer.headers().firstValue("Content-Type").orElse("text/html;charset=UTF-8"));
                    exchange.sendResponseHeaders(answer.statusCode(), body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    exchange.close();
                }
            });
            server.start();
        }

        String url(String pathAndQuery) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
