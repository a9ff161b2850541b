package dev.scaletoolkit.emulator;

import dev.scaletoolkit.emulator.auth.Accounts;
import dev.scaletoolkit.emulator.batch.BatchSettlement;
import dev.scaletoolkit.emulator.batch.Batches;
import dev.scaletoolkit.emulator.callback.CallbackDispatcher;
import dev.scaletoolkit.emulator.callback.CallbackLog;
import dev.scaletoolkit.emulator.control.ControlPlane;
import dev.scaletoolkit.emulator.file.BlobStore;
import dev.scaletoolkit.emulator.file.FileImport;
import dev.scaletoolkit.emulator.file.FileReads;
import dev.scaletoolkit.emulator.file.FileUpload;
import dev.scaletoolkit.emulator.project.Projects;
import dev.scaletoolkit.emulator.quality.QualityReads;
import dev.scaletoolkit.emulator.queue.Skips;
import dev.scaletoolkit.emulator.signin.SignIn;
import dev.scaletoolkit.emulator.studio.Activity;
import dev.scaletoolkit.emulator.studio.Consensus;
import dev.scaletoolkit.emulator.studio.Drafts;
import dev.scaletoolkit.emulator.studio.LabelerSubmissions;
import dev.scaletoolkit.emulator.studio.Problems;
import dev.scaletoolkit.emulator.studio.Reservations;
import dev.scaletoolkit.emulator.studio.Rework;
import dev.scaletoolkit.emulator.studio.Studio;
import dev.scaletoolkit.emulator.studio.WorkLog;
import dev.scaletoolkit.emulator.task.TaskCallbackStatus;
import dev.scaletoolkit.emulator.task.TaskCompletion;
import dev.scaletoolkit.emulator.task.TaskCounts;
import dev.scaletoolkit.emulator.task.TaskCreation;
import dev.scaletoolkit.emulator.task.TaskEdits;
import dev.scaletoolkit.emulator.task.TaskQuery;
import dev.scaletoolkit.emulator.task.TaskReviews;
import dev.scaletoolkit.emulator.task.TaskTypes;
import dev.scaletoolkit.emulator.team.Teammates;
import dev.scaletoolkit.emulator.workforce.SimulatedLabeler;
import dev.scaletoolkit.emulator.workforce.Workforce;

/**
 * The services and background workers of one emulator, built once at boot and handed to the routes, the control
 * plane and the browser UI (nobody builds their own or looks them up). Each service owns its transactions. The
 * workers are built stopped; {@link ScaleEmulator} starts them once the server listens.
 *
 * @param accounts accounts and their keys
 * @param projects projects, their params and ontologies
 * @param batches batches: create, read, list, finalize
 * @param settlement how a batch follows its tasks (reopening and completing it)
 * @param creation the one way to create tasks
 * @param query reading and listing tasks
 * @param edits cancel, tags, metadata and unique ids of tasks
 * @param reviews audits, callbacks sent again, response files
 * @param completion the one way to complete or fail a task
 * @param teammates the team of an account
 * @param studio Studio assignments, batch priorities and worker groups
 * @param files file uploads
 * @param fileImports file imports by URL
 * @param fileReads reading files back
 * @param quality fixless audits and training attempts
 * @param callbackLog the callback delivery log
 * @param control the control plane's counters and reset
 * @param signIn the browser UI's passwords, set-password links and sessions
 * @param reservations which labeler holds which task in the browser's queue
 * @param skips the tasks each labeler put aside in the browser's queue
 * @param problems problems labelers report on tasks (broken attachments), and the managers' answers
 * @param drafts the browser UI's unfinished answers, per task and person
 * @param rework rejected attempts sent back to a labeler, and their resubmission
 * @param consensus answers of several people to one task, their agreement and the manager's decision
 * @param submissions the browser UI's way to complete a reserved task
 * @param work the answers people submitted in the browser UI, and the per-labeler statistics
 * @param activity the fingerprint the live dashboard watches for changes
 * @param callbacks the callback dispatcher (a worker)
 * @param workforce the simulated labelers (a worker)
 */
public record EmulatorServices(
        Accounts accounts,
        Projects projects,
        Batches batches,
        BatchSettlement settlement,
        TaskCreation creation,
        TaskQuery query,
        TaskEdits edits,
        TaskReviews reviews,
        TaskCompletion completion,
        Teammates teammates,
        Studio studio,
        FileUpload files,
        FileImport fileImports,
        FileReads fileReads,
        QualityReads quality,
        CallbackLog callbackLog,
        ControlPlane control,
        SignIn signIn,
        Reservations reservations,
        Skips skips,
        Problems problems,
        Drafts drafts,
        Rework rework,
        Consensus consensus,
        LabelerSubmissions submissions,
        WorkLog work,
        Activity activity,
        CallbackDispatcher callbacks,
        Workforce workforce) {

    static EmulatorServices create(EmulatorContext context) {
        // Lower packages never import higher ones: batches and the callback outbox learn about tasks through the
        // interfaces they own (BatchTasks, TaskCallbackOutcome), implemented by the task package and handed in here.
        TaskCounts taskCounts = new TaskCounts();
        CallbackDispatcher callbacks = new CallbackDispatcher(context, new TaskCallbackStatus());
        BatchSettlement settlement = new BatchSettlement(context, taskCounts);
        TaskCompletion completion =
                new TaskCompletion(context, settlement, new SimulatedLabeler(context), callbacks::wake);
        BlobStore blobs = BlobStore.under(context.config().dataDir());
        Reservations reservations = new Reservations(context);
        TaskEdits edits = new TaskEdits(context, settlement);
        TaskReviews reviews = new TaskReviews(context);
        Drafts drafts = new Drafts(context, reservations);
        Rework rework = new Rework(context, reviews, completion);
        WorkLog work = new WorkLog(context);
        Consensus consensus = new Consensus(context, completion, reservations, drafts, callbacks::wake);
        return new EmulatorServices(
                new Accounts(context),
                new Projects(context),
                new Batches(context, settlement, taskCounts),
                settlement,
                new TaskCreation(context, TaskTypes.standard(), completion, settlement),
                new TaskQuery(context),
                edits,
                reviews,
                completion,
                new Teammates(context),
                new Studio(context),
                new FileUpload(context, blobs),
                new FileImport(context),
                new FileReads(context, blobs),
                new QualityReads(context),
                new CallbackLog(context),
                new ControlPlane(context),
                new SignIn(context),
                reservations,
                new Skips(context, reservations),
                new Problems(context, reservations, edits),
                drafts,
                rework,
                consensus,
                new LabelerSubmissions(
                        context, completion, reservations, drafts, rework, consensus, work, callbacks::wake),
                work,
                new Activity(context),
                callbacks,
                new Workforce(context, completion));
    }
}
