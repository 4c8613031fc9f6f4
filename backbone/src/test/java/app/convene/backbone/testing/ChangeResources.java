package app.convene.backbone.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import app.convene.backbone.audit.AuditedChanges;

/**
 * The resource classes of a service (the classes compiled beside a given one) that serve a change through the API
 * (POST, PUT, PATCH or DELETE), and those of them that do not record it with the change ({@code AuditedChanges}).
 */
public record ChangeResources(List<String> serving, List<String> withoutAuditedChanges) {
    private static final List<Class<? extends Annotation>> CHANGES = List.of(POST.class, PUT.class, PATCH.class,
            DELETE.class);

    public static ChangeResources besides(Class<?> anyClassOfTheService) {
        Path root;
        try {
            root = Path.of(anyClassOfTheService.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(root)) {
            List<Class<?>> serving = files.map(root::relativize).map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .<Class<?>>map(name -> load(name.substring(0, name.length() - ".class".length())
                            .replace('/', '.'), anyClassOfTheService.getClassLoader()))
                    .filter(ChangeResources::servesAChange).toList();
            return new ChangeResources(serving.stream().map(Class::getName).sorted().toList(),
                    serving.stream().filter(type -> !type.isAnnotationPresent(AuditedChanges.class))
                            .map(Class::getName).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails unless the service (the classes compiled beside the given one, which serves a change) records every change
     * it serves with the change: each resource class serving one carries {@code AuditedChanges}.
     */
    public static void requireAuditedChanges(Class<?> resourceOfTheService) {
        ChangeResources resources = besides(resourceOfTheService);
        if (!resources.serving().contains(resourceOfTheService.getName())) {
            throw new AssertionError(resourceOfTheService.getName() + " serves no change; found " + resources.serving());
        }
        if (!resources.withoutAuditedChanges().isEmpty()) {
            throw new AssertionError("resources serving a change without @AuditedChanges: "
                    + resources.withoutAuditedChanges());
        }
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean servesAChange(Class<?> type) {
        for (Method method : type.getDeclaredMethods()) {
            if (CHANGES.stream().anyMatch(method::isAnnotationPresent)) {
                return true;
            }
        }
        return false;
    }
}
