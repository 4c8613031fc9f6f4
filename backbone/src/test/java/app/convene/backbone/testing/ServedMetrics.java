package app.convene.backbone.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.TreeMap;

/** What a service serves on {@code /q/metrics}, read as Prometheus text: one sample's value by name and labels. */
public final class ServedMetrics {
    private final String body;

    private ServedMetrics(String body) {
        this.body = body;
    }

    /** The metrics the service under test serves now. */
    public static ServedMetrics scrape() {
        return new ServedMetrics(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /**
     * The value of the sample {@code name} whose labels include {@code labels} (given as name, value, ...); 0 when
     * no such sample is served (a counter not yet incremented).
     */
    public double value(String name, String... labels) {
        Map<String, String> wanted = new TreeMap<>();
        for (int i = 0; i + 1 < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        double sum = 0;
        for (String line : body.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            Map<String, String> served = new TreeMap<>();
            int open = line.indexOf('{');
            int close = line.lastIndexOf('}');
            if (open > 0 && close > open) {
                for (String pair : line.substring(open + 1, close).split(",(?=[a-zA-Z_]+=\")")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        served.put(pair.substring(0, eq).trim(), pair.substring(eq + 2, pair.length() - 1));
                    }
                }
            }
            if (served.entrySet().containsAll(wanted.entrySet())) {
                String[] parts = line.substring(close > 0 ? close + 1 : name.length()).trim().split("\\s+");
                sum += Double.parseDouble(parts[0]);
            }
        }
        return sum;
    }

    public boolean serves(String name) {
        return body.lines().anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
    }
}
