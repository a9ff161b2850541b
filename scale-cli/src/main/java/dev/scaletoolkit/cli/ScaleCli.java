package dev.scaletoolkit.cli;

import dev.scaletoolkit.emulator.EmulatorMain;
import java.util.Arrays;

/** Entry point of {@code ./scale}. */
public final class ScaleCli {
    private ScaleCli() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("up")) {
            EmulatorMain.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.err.println("Usage: ./scale up [--port N] [--data DIR]");
        System.exit(2);
    }
}
