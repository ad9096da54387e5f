package io.pulseboard.services;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The last lines of a server's log, for error messages that say why a start failed. */
final class LogTail {

    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {
    }

    static String of(Path file, int lines) {
        return of(file, lines, line -> true);
    }

    /** The last {@code lines} lines of {@code file} that {@code keep} accepts, prefixed with the file name. */
    static String of(Path file, int lines, Predicate<String> keep) {
        if (!Files.isRegularFile(file)) {
            return "(no " + file + ")";
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            int from = Math.max(0, bytes.length - MAX_BYTES);
            String text = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
            List<String> kept = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (!line.isBlank() && keep.test(line)) {
                    kept.add(line);
                }
            }
            List<String> tail = kept.subList(Math.max(0, kept.size() - lines), kept.size());
            return "last lines of " + file + ":\n  " + String.join("\n  ", tail);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
