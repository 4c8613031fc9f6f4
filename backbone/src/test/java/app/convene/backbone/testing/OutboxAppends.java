package app.convene.backbone.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

import app.convene.backbone.event.EventType;

/**
 * What a service really writes to its outbox: every call of {@code Outbox.append(type, aggregateType, id, payload)}
 * in its compiled classes, read from the bytecode, with the event type and aggregate type constants it passes. An
 * event type that is not a constant (a parameter, a value computed at run time) cannot be told from the bytecode and
 * fails the scan, so nothing the service announces goes unlisted.
 */
public final class OutboxAppends {
    private static final String OUTBOX = "app/convene/backbone/outbox/Outbox";
    private static final String EVENT_TYPE = Type.getDescriptor(EventType.class);

    private OutboxAppends() {
    }

    /** One event type the service appends, the aggregate types it keys it by and where it does so. */
    public record Append(EventType<?> type, Set<String> aggregateTypes, Set<String> places) {
    }

    /** The event types appended by the classes under {@code classes} (a module's {@code target/classes}), by name. */
    public static Map<String, Append> in(Path classes) {
        Map<String, Append> found = new TreeMap<>();
        List<String> unreadable = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                ClassNode type = new ClassNode();
                try (InputStream in = Files.newInputStream(file)) {
                    new ClassReader(in).accept(type, ClassReader.SKIP_FRAMES);
                }
                for (MethodNode method : type.methods) {
                    scan(type, method, found, unreadable);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the compiled classes under " + classes, e);
        }
        if (!unreadable.isEmpty()) {
            throw new AssertionError("Outbox.append is called with an event type that is not a constant of an "
                    + "*Events class, so the AsyncAPI document cannot be checked against it: " + unreadable);
        }
        return found;
    }

    private static void scan(ClassNode type, MethodNode method, Map<String, Append> found, List<String> unreadable) {
        boolean appends = false;
        for (AbstractInsnNode instruction : method.instructions) {
            if (isAppend(instruction)) {
                appends = true;
                break;
            }
        }
        if (!appends) {
            return;
        }
        Frame<SourceValue>[] frames;
        try {
            frames = new Analyzer<>(new SourceInterpreter()).analyze(type.name, method);
        } catch (AnalyzerException e) {
            throw new IllegalStateException("cannot analyse " + type.name + "." + method.name, e);
        }
        String place = type.name.replace('/', '.') + "." + method.name;
        for (AbstractInsnNode instruction : method.instructions) {
            if (!isAppend(instruction)) {
                continue;
            }
            Frame<SourceValue> frame = frames[method.instructions.indexOf(instruction)];
            if (frame == null) {
                continue; // unreachable code
            }
            int top = frame.getStackSize();
            Set<AbstractInsnNode> typeSources = new LinkedHashSet<>();
            origins(method, frames, frame.getStack(top - 4), typeSources, 0);
            Set<AbstractInsnNode> aggregateSources = new LinkedHashSet<>();
            origins(method, frames, frame.getStack(top - 3), aggregateSources, 0);
            Set<String> aggregates = new TreeSet<>();
            for (AbstractInsnNode source : aggregateSources) {
                Object constant = constant(source, String.class);
                aggregates.add(constant == null ? "(computed)" : (String) constant);
            }
            if (typeSources.isEmpty()) {
                unreadable.add(place);
            }
            for (AbstractInsnNode source : typeSources) {
                Object constant = constant(source, EventType.class);
                if (constant == null) {
                    unreadable.add(place);
                    continue;
                }
                EventType<?> eventType = (EventType<?>) constant;
                Append append = found.computeIfAbsent(eventType.name(),
                        name -> new Append(eventType, new TreeSet<>(), new TreeSet<>()));
                append.aggregateTypes().addAll(aggregates);
                append.places().add(place);
            }
        }
    }

    private static boolean isAppend(AbstractInsnNode instruction) {
        return instruction instanceof MethodInsnNode call && call.owner.equals(OUTBOX) && call.name.equals("append");
    }

    /** The instructions a value comes from, followed through casts, local variables and conditional choices. */
    private static void origins(MethodNode method, Frame<SourceValue>[] frames, SourceValue value,
            Set<AbstractInsnNode> into, int depth) {
        if (depth > 20) {
            return;
        }
        for (AbstractInsnNode source : value.insns) {
            Frame<SourceValue> frame = frames[method.instructions.indexOf(source)];
            if (frame == null) {
                continue;
            }
            if (source instanceof TypeInsnNode cast && cast.getOpcode() == Opcodes.CHECKCAST) {
                origins(method, frames, frame.getStack(frame.getStackSize() - 1), into, depth + 1);
            } else if (source instanceof VarInsnNode load && load.getOpcode() == Opcodes.ALOAD) {
                SourceValue local = frame.getLocal(load.var);
                if (local.insns.isEmpty()) {
                    into.add(source); // a parameter: not a constant
                }
                for (AbstractInsnNode store : local.insns) {
                    Frame<SourceValue> before = frames[method.instructions.indexOf(store)];
                    if (store instanceof VarInsnNode && store.getOpcode() == Opcodes.ASTORE && before != null) {
                        origins(method, frames, before.getStack(before.getStackSize() - 1), into, depth + 1);
                    } else {
                        into.add(store);
                    }
                }
            } else {
                into.add(source);
            }
        }
    }

    private static Object constant(AbstractInsnNode source, Class<?> expected) {
        if (source instanceof LdcInsnNode ldc && expected.isInstance(ldc.cst)) {
            return ldc.cst;
        }
        if (source instanceof FieldInsnNode field && field.getOpcode() == Opcodes.GETSTATIC
                && (expected != EventType.class || field.desc.equals(EVENT_TYPE))) {
            try {
                Class<?> owner = Class.forName(field.owner.replace('/', '.'), true,
                        Thread.currentThread().getContextClassLoader());
                var declared = owner.getDeclaredField(field.name);
                declared.setAccessible(true);
                Object value = declared.get(null);
                return expected.isInstance(value) ? value : null;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }
}
