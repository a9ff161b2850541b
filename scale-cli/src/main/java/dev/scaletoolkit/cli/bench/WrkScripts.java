package dev.scaletoolkit.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Lua scripts that let wrk send what the benchmark's own generator sends: a random path from a list (gets,
 * filtered listings), or creates whose unique_id differs per thread and request. Written into the run's temp
 * directory; the values they embed are the run's own (its key, its project names), quoted for Lua.
 */
final class WrkScripts {
    private final Path dir;
    private final String authorization;
    private int written;

    WrkScripts(Path dir, String authorization) {
        this.dir = dir;
        this.authorization = authorization;
    }

    /** GETs a path picked at random from {@code paths} for every request. */
    Path randomGets(List<String> paths) throws IOException {
        Path list = Files.write(dir.resolve("wrk-paths-" + (++written) + ".txt"), paths, StandardCharsets.UTF_8);
        return script("local paths = {}\n"
                + "for line in io.lines(" + lua(list.toString()) + ") do paths[#paths + 1] = line end\n"
                + seeding()
                + "local headers = {[\"Authorization\"] = " + lua(authorization) + "}\n"
                + "request = function()\n"
                + "  return wrk.format(\"GET\", paths[math.random(#paths)], headers)\n"
                + "end\n");
    }

    /** POSTs {@code before + <thread>-<n> + after} to {@code path}: a body whose unique part never repeats. */
    Path uniquePosts(String path, String before, String after) throws IOException {
        return script(seeding()
                + "local counter = 0\n"
                + "local headers = {[\"Authorization\"] = " + lua(authorization)
                + ", [\"Content-Type\"] = \"application/json\"}\n"
                + "request = function()\n"
                + "  counter = counter + 1\n"
                + "  return wrk.format(\"POST\", " + lua(path) + ", headers, " + lua(before)
                + " .. tid .. \"-\" .. counter .. " + lua(after) + ")\n"
                + "end\n");
    }

    /** Numbers wrk's threads (each runs its own Lua state) and seeds each one's random numbers differently. */
    private static String seeding() {
        return "local threads = 0\n"
                + "function setup(thread) threads = threads + 1; thread:set(\"tid\", threads .. \"-\" .. os.time()) end\n"
                + "function init(args) math.randomseed(os.time() * 10 + tonumber(string.match(tid, \"^%d+\"))) end\n";
    }

    private Path script(String text) throws IOException {
        return Files.writeString(dir.resolve("wrk-" + (++written) + ".lua"), text, StandardCharsets.UTF_8);
    }

    /** A Lua string literal. */
    private static String lua(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
