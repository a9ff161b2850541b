package dev.scaletoolkit.emulator.project;

import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.json.Fields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A project's consensus settings, kept in its default params (so {@code POST /v1/projects} and
 * {@code setParams} set them like any other param): {@code labelers_per_task}, how many different people answer
 * each task in the browser UI (default 1), and {@code consensus_threshold}, the agreement score (0 to 1) at or above
 * which a task completes without a manager (default 0.8). A Studio project made with {@code pipeline:
 * consensus_task} and {@code consensus_attempts} uses those attempts when its params do not say otherwise.
 *
 * @param labelersPerTask how many different people answer each task
 * @param threshold agreement at or above which the task completes on its own
 */
public record ConsensusSettings(int labelersPerTask, double threshold) {
    /** The param naming how many people answer each task. */
    public static final String LABELERS = "labelers_per_task";
    /** The param naming the agreement a task needs to complete without a manager. */
    public static final String THRESHOLD = "consensus_threshold";
    /** The most people one task can go to. */
    public static final int MAX_LABELERS = 20;
    /** The threshold when the project sets none. */
    public static final double DEFAULT_THRESHOLD = 0.8;
    /** One labeler, no consensus. */
    public static final ConsensusSettings NONE = new ConsensusSettings(1, DEFAULT_THRESHOLD);

    /** Whether tasks go to more than one person. */
    public boolean consensus() {
        return labelersPerTask > 1;
    }

    /** The settings in force: the project's latest params version. */
    public static ConsensusSettings of(ObjectNode project) {
        ObjectNode latest = Projects.latestEntry(project);
        JsonNode params = latest == null ? project.missingNode() : latest;
        int labelers = 1;
        if (params.path(LABELERS).isIntegralNumber()) {
            labelers = params.path(LABELERS).asInt();
        } else if ("consensus_task".equals(project.path("pipeline").asString(""))
                && project.path("consensus_attempts").isIntegralNumber()) {
            labelers = Math.min(MAX_LABELERS, project.path("consensus_attempts").asInt());
        }
        double threshold =
                params.path(THRESHOLD).isNumber() ? params.path(THRESHOLD).asDouble() : DEFAULT_THRESHOLD;
        return new ConsensusSettings(Math.max(1, labelers), threshold);
    }

    /** Refuses settings a project cannot have, naming the field ({@code prefix} is {@code params.} on create). */
    static void check(JsonNode params, String prefix) {
        JsonNode labelers = params.get(LABELERS);
        if (labelers != null && !labelers.isNull()) {
            if (!labelers.isIntegralNumber()
                    || !labelers.canConvertToInt()
                    || labelers.asInt() < 1
                    || labelers.asInt() > MAX_LABELERS) {
                throw ApiError.invalidParam(
                        prefix + LABELERS,
                        "must be a whole number of people from 1 to " + MAX_LABELERS + ", got " + describe(labelers));
            }
        }
        JsonNode threshold = params.get(THRESHOLD);
        if (threshold != null && !threshold.isNull()) {
            if (!threshold.isNumber() || threshold.asDouble() < 0 || threshold.asDouble() > 1) {
                throw ApiError.invalidParam(
                        prefix + THRESHOLD,
                        "must be a number from 0 to 1 (the share of agreement, e.g. 0.8), got " + describe(threshold));
            }
        }
    }

    private static String describe(JsonNode v) {
        return v.isNumber() ? v.asString() : "a " + Fields.kind(v);
    }
}
