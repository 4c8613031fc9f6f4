package app.convene.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Process checks that also work where exited processes stay zombies for a while (containers, slow init). */
final class Processes {
    private Processes() {
    }

    /** True while the process exists and has not exited; a zombie (exited, not yet reaped) counts as gone. */
    static boolean isRunning(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.isReadable(stat)) {
            return true; // not Linux, or gone in the meantime; isAlive() is what we know
        }
        try {
            String content = Files.readString(stat);
            // "pid (command) S ...": the state follows the last ')'
            int end = content.lastIndexOf(')');
            return end < 0 || end + 2 >= content.length() || content.charAt(end + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}
