package io.github.klingjava.client;

import com.squareup.moshi.Moshi;
import io.github.klingjava.auth.Credentials;
import io.github.klingjava.callback.CallbackReceiver;
import io.github.klingjava.download.ResultDownloader;
import io.github.klingjava.family.FamilyKind;
import io.github.klingjava.family.SpecFamily;
import io.github.klingjava.generated.FamilyAccessors;
import io.github.klingjava.json.KlingMoshi;
import io.github.klingjava.task.TaskPoller;
import io.github.klingjava.task.TaskWaiter;
import io.github.klingjava.validation.RequestValidator;
import io.github.klingjava.vendor.TaskFamily;
import io.github.klingjava.vendor.VendorProfile;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The entry point: one client per vendor and credential, thread-safe, meant to be shared.
 *
 * <pre>{@code
 * try (KlingClient client = KlingClient.builder()
 *     .vendor(VendorProfile.cometApi())
 *     .credentials(Credentials.apiKey(System.getenv("COMETAPI_API_KEY")))
 *     .build()) {
 *   TaskResponse submitted = client.imageGeneration().submit(new ImageGenerationRequest()
 *       .prompt("A red fox in fresh snow").aspectRatio(AspectRatio.RATIO_16_9));
 *   Task done = client.imageGeneration().waitFor(submitted.getData().getTaskId(), WaitOptions.defaults());
 *   List<Path> files = client.downloader().download(done, Path.of("out"));
 * }
 * }</pre>
 *
 * <p>Bounds of the blocking calls, retries and waits included ({@code T} = the builder's {@code callTimeout}): a
 * query or list, or {@code raw().submit}, within {@code T}; {@code submit}/{@code submitWithOutcome} within
 * {@code T} unless a POST fails ambiguously, then at most 3 POSTs and 3 lookups by {@code external_task_id}, each
 * within {@code T}; {@code waitFor} within its {@code WaitOptions.timeout()} + 250 ms; a download within {@code T}
 * per redirect hop (at most 5). The README's "Reliability" section has the same table.
 *
 * <p>Each family of the spec (a tag with {@code x-kling-family}) has a typed accessor generated into
 * {@link FamilyAccessors} ({@code imageGeneration()}, {@code imageToVideo()}, ...), and
 * {@link #family(SpecFamily)} / {@link #family(String)} serve code driven by data.
 *
 * <p>Requests are validated against the spec before they are sent; answers are parsed with the spec's models;
 * errors arrive as subclasses of {@link io.github.klingjava.error.KlingApiException} (see the README's table).
 */
public final class KlingClient extends FamilyAccessors implements AutoCloseable {
  private final VendorProfile vendor;
  private final Moshi moshi;
  private final OkHttpClient downloadHttp;
  private final io.github.klingjava.download.AddressPolicy downloadPolicy;
  private final boolean ownsHttp;
  private final TaskWaiter sharedWaiter;
  private final Retrofit retrofit;
  private final RequestGate gate;
  private final boolean externalTaskIds;
  private final CallExecutor executor;
  private final CallExecutor pollExecutor;
  private final Map<SpecFamily, TaskFamilyService<?>> tasks = new ConcurrentHashMap<>();
  private final Map<SpecFamily, SyncFamilyService> syncs = new ConcurrentHashMap<>();
  private final io.github.klingjava.error.ErrorHandler errors;
  private final java.time.Clock clock;
  private volatile NewStandardService newStandard;
  private final boolean signsJwt;

  KlingClient(KlingClientBuilder.Parts parts) {
    this.vendor = parts.vendor();
    this.moshi = KlingMoshi.create();
    this.downloadHttp = parts.downloadHttp();
    this.downloadPolicy = parts.downloadPolicy();
    this.ownsHttp = parts.ownsHttp();
    this.sharedWaiter = parts.waiter().build();
    RequestValidator validator = parts.validate() ? RequestValidator.create() : null;
    this.retrofit = new Retrofit.Builder()
        .baseUrl(vendor.baseUrl())
        .callFactory(RequestOnlyCall.FACTORY) // Retrofit builds requests only; CallExecutor sends them
        .addConverterFactory(new CheckedBodyConverter(moshi, validator, vendor.id()))
        .addConverterFactory(MoshiConverterFactory.create(moshi))
        .build();
    this.executor = new CallExecutor(parts.apiHttp(), moshi, parts.errorHandler());
    this.pollExecutor = new CallExecutor(parts.pollHttp(), moshi, parts.errorHandler());
    this.gate = RequestGate.create(validator, vendor.id());
    this.externalTaskIds = parts.externalTaskIds();
    this.errors = parts.errorHandler();
    this.clock = parts.clock();
    this.signsJwt = parts.signsJwt();
  }

  /**
   * Kling's new standard: create routes with the model in the path, and {@code /tasks} (batch query,
   * cursor list) for all of them; its tasks read as the same {@link io.github.klingjava.task.TaskView}.
   *
   * <pre>{@code
   * TaskView done = client.newStandard().textToVideo("kling-3.0")
   *     .submitAndWait(new NewStandardTextToVideoRequest().prompt("A fox in the snow"), WaitOptions.defaults());
   * }</pre>
   */
  public NewStandardService newStandard() {
    NewStandardService service = newStandard;
    if (service == null) {
      NewStandardSpec.embedded().requireCredentials(signsJwt);
      synchronized (this) { // built on first use: a client of the legacy standard never reads its spec part
        service = newStandard;
        if (service == null) {
          service = new NewStandardService(retrofit, gate, executor, pollExecutor, sharedWaiter, errors, clock,
              externalTaskIds, lists());
          newStandard = service;
        }
      }
    }
    return service;
  }

  /** Starts a client configuration; {@code vendor} and {@code credentials} are required. */
  public static KlingClientBuilder builder() {
    return new KlingClientBuilder();
  }

  /**
   * The task service of a family: the generated {@link TaskFamily} constants, or any other
   * {@link SpecFamily}. For code that walks {@link TaskFamily#tasks()} (the {@code kling} CLI builds its
   * family commands this way, so a family added to the spec needs no CLI change).
   *
   * <pre>{@code
   * for (TaskFamily family : TaskFamily.tasks()) {
   *   TaskListResponse page = client.family(family).list(1, 10);
   * }
   * }</pre>
   */
  @Override
  public TaskFamilyService<?> family(SpecFamily family) {
    if (family.kind() != FamilyKind.TASK) {
      throw new IllegalArgumentException("family: " + family.tag() + " is synchronous; use syncFamily(...)");
    }
    return tasks.computeIfAbsent(family, f -> new TaskFamilyService<>(f, f.bind(retrofit), gate, executor,
        pollExecutor, sharedWaiter, externalTaskIds, lists()));
  }

  /**
   * The task service of the family with this tag ({@code image-to-video}) or accessor name
   * ({@code imageToVideo}), for code driven by names, e.g. a configuration file.
   */
  public TaskFamilyService<?> family(String name) {
    return family(named(name));
  }

  /**
   * The synchronous calls ({@code x-kling-operation: call}) of a family: every operation of a sync family
   * ({@code x-kling-family.kind: sync}), or the session steps of a task family that has some; and the
   * pagers of its operations with {@code x-kling-paging} ({@link SyncFamilyService#pages}).
   */
  @Override
  public SyncFamilyService syncFamily(SpecFamily family) {
    // Mirrors families.groovy: a paged operation other than a task family's list (that one is listAll()).
    boolean pages = family.operations().stream().anyMatch(o -> o.paging().isPresent()
        && (family.kind() == FamilyKind.SYNC || !o.role().equals("list")));
    if (family.operation("call").isEmpty() && !pages) {
      throw new IllegalArgumentException("syncFamily: " + family.tag() + " has no call operation; use family(...)");
    }
    return syncs.computeIfAbsent(family, f -> new SyncFamilyService(f, f.bind(retrofit), gate, executor, lists()));
  }

  private PagedLists lists() {
    return new PagedLists(gate, executor, moshi);
  }

  private static TaskFamily named(String name) {
    TaskFamily family = TaskFamily.named(name);
    if (family == null) {
      throw new IllegalArgumentException("family: no family named \"" + name + "\" in the spec; known: "
          + java.util.Arrays.stream(TaskFamily.values()).map(TaskFamily::tag).toList());
    }
    return family;
  }

  /** The vendor this client talks to. */
  public VendorProfile vendor() {
    return vendor;
  }

  /** The Moshi instance the client parses with (open enums, lenient numbers). */
  public Moshi moshi() {
    return moshi;
  }

  /** The waiter every family shares: its threads and its registry, which callbacks complete early. */
  public TaskWaiter waiter() {
    return sharedWaiter;
  }

  /**
   * An OkHttp client for fetching result files: the configured timeouts and User-Agent, but never the
   * vendor's credentials, because result URLs point at CDN hosts.
   */
  public OkHttpClient downloadHttpClient() {
    return downloadHttp;
  }

  /**
   * Saves a succeeded task's images or videos to a directory (streaming, safe names, size cap, type check).
   * Uses {@link #downloadHttpClient()}, so credentials never go to the CDN.
   */
  public ResultDownloader downloader() {
    return ResultDownloader.builder(downloadHttp).addressPolicy(downloadPolicy).build();
  }

  /**
   * A callback receiver wired to this client's waits: a callback for a task you are waiting on completes
   * the wait early. Add {@code requireToken(secret)} when you put a token into your {@code callback_url}.
   *
   * <pre>{@code
   * CallbackReceiver receiver = client.callbackReceiver().requireToken(secret).build();
   * CallbackResult result = receiver.receive(body, requestUrl, headers); // in your web handler
   * return result.httpStatus();
   * }</pre>
   */
  public CallbackReceiver.Builder callbackReceiver() {
    return CallbackReceiver.builder().waiter(sharedWaiter).moshi(moshi);
  }

  /**
   * Cancels outstanding waits (a blocked {@code waitFor} throws CancellationException), stops the polling
   * threads the client created, and releases the connections of the HTTP client it created. An injected
   * OkHttpClient or PollScheduler is left running.
   */
  @Override
  public void close() {
    sharedWaiter.cancelAll();
    sharedWaiter.close();
    if (ownsHttp) {
      downloadHttp.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "KlingClient{" + vendor + "}";
  }

  /** The shared waiter needs a poller; only the per-family views poll. */
  static TaskPoller noFamilyPoller() {
    return taskId -> {
      throw new IllegalStateException("poll through a family's service, e.g. client.imageToVideo().waitFor(id, options)");
    };
  }

  static Credentials requireCredentials(Credentials credentials) {
    if (credentials == null) {
      throw new IllegalStateException("credentials: required (Credentials.apiKey(...) or Credentials.accessKey(...))");
    }
    return credentials;
  }
}
