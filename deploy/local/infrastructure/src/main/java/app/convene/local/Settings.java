package app.convene.local;

import java.nio.file.Path;

/** Reads the launcher settings: a system property wins over an environment variable, which wins over the default. */
final class Settings {
    private Settings() {
    }

    static String text(String property, String environmentVariable, String defaultValue) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    static int number(String property, String environmentVariable, int defaultValue) {
        String value = text(property, environmentVariable, Integer.toString(defaultValue));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(environmentVariable + " must be a number, got '" + value + "'", e);
        }
    }

    static Path path(String property, String environmentVariable, String defaultValue) {
        return Path.of(text(property, environmentVariable, defaultValue)).toAbsolutePath().normalize();
    }
}
