package dev.scaletoolkit.emulator.project;

import java.util.Set;
import java.util.TreeSet;

/**
 * The task types a project can be bound to: those of Scale's Python SDK plus the legacy types older clients still
 * send. A project of another type would never accept a task, so it is refused when the project is made.
 */
public final class ProjectTypes {
    public static final Set<String> KNOWN = Set.of(
            "annotation",
            "audiotranscription",
            "categorization",
            "chat",
            "chatexperimental",
            "chatlite",
            "comparison",
            "cuboidannotation",
            "datacollection",
            "documentmodel",
            "documenttranscription",
            "federal2dvideoannotation",
            "imageannotation",
            "laneannotation",
            "lidarannotation",
            "lidarlinking",
            "lidarsegmentation",
            "lidartopdown",
            "lineannotation",
            "multichat",
            "multistage",
            "namedentityrecognition",
            "pointannotation",
            "polygonannotation",
            "segmentannotation",
            "sensorfusion",
            "textcollection",
            "transcription",
            "videoannotation",
            "videoboxannotation",
            "videocuboidannotation",
            "videoplaybackannotation");

    /** Types whose projects have a task template ({@code GET /projects/{name}/taskTemplates}). */
    public static final Set<String> WITH_TEMPLATES =
            Set.of("textcollection", "chat", "chatexperimental", "chatlite", "multichat");

    private ProjectTypes() {}

    public static boolean isKnown(String type) {
        return KNOWN.contains(type);
    }

    /** The known types in alphabetical order, for error messages. */
    public static String listed() {
        return String.join(", ", new TreeSet<>(KNOWN));
    }
}
