package dev.scaletoolkit.model.task;

import dev.scaletoolkit.model.common.KnownValues;
import dev.scaletoolkit.model.json.WireValue;
import java.util.Objects;

/** A task type, as in the {@code POST /task/{type}} path. Open: new types are kept as is. */
public record TaskType(String value) {
    /** {@code "imageannotation"}. */
    public static final TaskType IMAGEANNOTATION = new TaskType("imageannotation");
    /** {@code "textcollection"}. */
    public static final TaskType TEXTCOLLECTION = new TaskType("textcollection");
    /** {@code "namedentityrecognition"}. */
    public static final TaskType NAMEDENTITYRECOGNITION = new TaskType("namedentityrecognition");
    /** {@code "documenttranscription"}. */
    public static final TaskType DOCUMENTTRANSCRIPTION = new TaskType("documenttranscription");
    /** {@code "lidarannotation"}. */
    public static final TaskType LIDARANNOTATION = new TaskType("lidarannotation");
    /** {@code "lidarsegmentation"}. */
    public static final TaskType LIDARSEGMENTATION = new TaskType("lidarsegmentation");
    /** {@code "segmentannotation"}. */
    public static final TaskType SEGMENTANNOTATION = new TaskType("segmentannotation");
    /** {@code "videoannotation"}. */
    public static final TaskType VIDEOANNOTATION = new TaskType("videoannotation");
    /** {@code "videoplaybackannotation"}. */
    public static final TaskType VIDEOPLAYBACKANNOTATION = new TaskType("videoplaybackannotation");
    /** {@code "categorization"}. */
    public static final TaskType CATEGORIZATION = new TaskType("categorization");
    /** {@code "comparison"}. */
    public static final TaskType COMPARISON = new TaskType("comparison");
    /** {@code "audiotranscription"}. */
    public static final TaskType AUDIOTRANSCRIPTION = new TaskType("audiotranscription");
    /** {@code "pointannotation"}. */
    public static final TaskType POINTANNOTATION = new TaskType("pointannotation");
    /** {@code "polygonannotation"}. */
    public static final TaskType POLYGONANNOTATION = new TaskType("polygonannotation");
    /** {@code "lineannotation"}. */
    public static final TaskType LINEANNOTATION = new TaskType("lineannotation");
    /** {@code "cuboidannotation"}. */
    public static final TaskType CUBOIDANNOTATION = new TaskType("cuboidannotation");
    /** {@code "annotation"}. */
    public static final TaskType ANNOTATION = new TaskType("annotation");
    /** {@code "transcription"}. */
    public static final TaskType TRANSCRIPTION = new TaskType("transcription");
    /** {@code "datacollection"}. */
    public static final TaskType DATACOLLECTION = new TaskType("datacollection");
    /** {@code "documentmodel"}. */
    public static final TaskType DOCUMENTMODEL = new TaskType("documentmodel");
    /** {@code "chat"}. */
    public static final TaskType CHAT = new TaskType("chat");

    /** The values this version knows, for {@code switch} statements. */
    public enum Known {
        /** {@code "imageannotation"}. */
        IMAGEANNOTATION,
        /** {@code "textcollection"}. */
        TEXTCOLLECTION,
        /** {@code "namedentityrecognition"}. */
        NAMEDENTITYRECOGNITION,
        /** {@code "documenttranscription"}. */
        DOCUMENTTRANSCRIPTION,
        /** {@code "lidarannotation"}. */
        LIDARANNOTATION,
        /** {@code "lidarsegmentation"}. */
        LIDARSEGMENTATION,
        /** {@code "segmentannotation"}. */
        SEGMENTANNOTATION,
        /** {@code "videoannotation"}. */
        VIDEOANNOTATION,
        /** {@code "videoplaybackannotation"}. */
        VIDEOPLAYBACKANNOTATION,
        /** {@code "categorization"}. */
        CATEGORIZATION,
        /** {@code "comparison"}. */
        COMPARISON,
        /** {@code "audiotranscription"}. */
        AUDIOTRANSCRIPTION,
        /** {@code "pointannotation"}. */
        POINTANNOTATION,
        /** {@code "polygonannotation"}. */
        POLYGONANNOTATION,
        /** {@code "lineannotation"}. */
        LINEANNOTATION,
        /** {@code "cuboidannotation"}. */
        CUBOIDANNOTATION,
        /** {@code "annotation"}. */
        ANNOTATION,
        /** {@code "transcription"}. */
        TRANSCRIPTION,
        /** {@code "datacollection"}. */
        DATACOLLECTION,
        /** {@code "documentmodel"}. */
        DOCUMENTMODEL,
        /** {@code "chat"}. */
        CHAT
    }

    /**
     * Checks the required keys and copies the collections, so the record stays immutable.
     *
     * @param value the {@code value} key
     */
    public TaskType {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The value as sent by Scale, known to this version or not.
     *
     * @param value the wire value
     * @return the open enum value
     */
    public static TaskType of(String value) {
        return new TaskType(value);
    }

    /**
     * The value as Scale sends it.
     *
     * @return the wire value
     */
    @WireValue
    @Override
    public String value() {
        return value;
    }

    /**
     * Whether this version of the SDK knows the value.
     *
     * @return false for a value Scale added later
     */
    public boolean isKnown() {
        return KnownValues.find(Known.class, value) != null;
    }

    /**
     * The known constant; throws {@link IllegalStateException} for a value this version does not know.
     *
     * @return the known constant; throws {@link IllegalStateException} for a value this version does not know
     */
    public Known known() {
        return KnownValues.require(Known.class, value, "TaskType");
    }

    @Override
    public String toString() {
        return value;
    }
}
