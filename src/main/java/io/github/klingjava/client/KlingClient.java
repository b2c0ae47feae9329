package io.github.klingjava.client;

import com.squareup.moshi.Moshi;
import io.github.klingjava.auth.Credentials;
import io.github.klingjava.callback.CallbackReceiver;
import io.github.klingjava.download.ResultDownloader;
import io.github.klingjava.generated.model.ImageExpansionRequest;
import io.github.klingjava.generated.model.ImageGenerationRequest;
import io.github.klingjava.generated.model.ImageToVideoRequest;
import io.github.klingjava.generated.model.MultiImageRequest;
import io.github.klingjava.json.KlingMoshi;
import io.github.klingjava.task.TaskPoller;
import io.github.klingjava.task.TaskWaiter;
import io.github.klingjava.validation.RequestValidator;
import io.github.klingjava.vendor.TaskFamily;
import io.github.klingjava.vendor.VendorProfile;
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
 * <p>Requests are validated against the spec before they are sent; answers are parsed with the spec's models;
 * errors arrive as subclasses of {@link io.github.klingjava.error.KlingApiException} (see the README's table).
 */
public final class KlingClient implements AutoCloseable {
  private final VendorProfile vendor;
  private final Moshi moshi;
  private final OkHttpClient downloadHttp;
  private final io.github.klingjava.download.AddressPolicy downloadPolicy;
  private final boolean ownsHttp;
  private final TaskWaiter sharedWaiter;
  private final TaskFamilyService<ImageGenerationRequest> imageGeneration;
  private final TaskFamilyService<MultiImageRequest> multiImage;
  private final TaskFamilyService<ImageExpansionRequest> imageExpansion;
  private final TaskFamilyService<ImageToVideoRequest> imageToVideo;

  KlingClient(KlingClientBuilder.Parts parts) {
    this.vendor = parts.vendor();
    this.moshi = KlingMoshi.create();
    this.downloadHttp = parts.downloadHttp();
    this.downloadPolicy = parts.downloadPolicy();
    this.ownsHttp = parts.ownsHttp();
    this.sharedWaiter = parts.waiter().build();
    Retrofit retrofit = new Retrofit.Builder()
        .baseUrl(vendor.baseUrl())
        .client(parts.apiHttp())
        .addConverterFactory(new CheckedBodyConverter(moshi,
            parts.validate() ? RequestValidator.create() : null, vendor.id()))
        .addConverterFactory(MoshiConverterFactory.create(moshi))
        .build();
    CallExecutor executor = new CallExecutor(parts.apiHttp(), moshi, parts.errorHandler());
    CallExecutor pollExecutor = new CallExecutor(parts.pollHttp(), moshi, parts.errorHandler());
    boolean ids = parts.externalTaskIds();
    RequestGate gate = RequestGate.create();
    this.imageGeneration = new TaskFamilyService<>(TaskFamily.IMAGE_GENERATION,
        FamilyCalls.imageGeneration(retrofit), gate, executor, pollExecutor, sharedWaiter, ids);
    this.multiImage = new TaskFamilyService<>(TaskFamily.MULTI_IMAGE,
        FamilyCalls.multiImage(retrofit), gate, executor, pollExecutor, sharedWaiter, ids);
    this.imageExpansion = new TaskFamilyService<>(TaskFamily.IMAGE_EXPANSION,
        FamilyCalls.imageExpansion(retrofit), gate, executor, pollExecutor, sharedWaiter, ids);
    this.imageToVideo = new TaskFamilyService<>(TaskFamily.IMAGE_TO_VIDEO,
        FamilyCalls.imageToVideo(retrofit), gate, executor, pollExecutor, sharedWaiter, ids);
  }

  /** Starts a client configuration; {@code vendor} and {@code credentials} are required. */
  public static KlingClientBuilder builder() {
    return new KlingClientBuilder();
  }

  /** Text-to-image, image-to-image and CometAPI's multi-subject variant ({@code /v1/images/generations}). */
  public TaskFamilyService<ImageGenerationRequest> imageGeneration() {
    return imageGeneration;
  }

  /** Multi-image-to-image ({@code /v1/images/multi-image2image}). */
  public TaskFamilyService<MultiImageRequest> multiImage() {
    return multiImage;
  }

  /** Image expansion / outpainting ({@code /v1/images/editing/expand}). */
  public TaskFamilyService<ImageExpansionRequest> imageExpansion() {
    return imageExpansion;
  }

  /** Image-to-video ({@code /v1/videos/image2video}). */
  public TaskFamilyService<ImageToVideoRequest> imageToVideo() {
    return imageToVideo;
  }

  /**
   * The service of one family, for code that walks {@link TaskFamily#values()} (the {@code kling} CLI
   * builds its family commands this way, so a family added to the spec needs no CLI change).
   *
   * <pre>{@code
   * for (TaskFamily family : TaskFamily.values()) {
   *   TaskListResponse page = client.family(family).list(1, 10);
   * }
   * }</pre>
   */
  public TaskFamilyService<?> family(TaskFamily family) {
    switch (family) {
      case IMAGE_GENERATION:
        return imageGeneration;
      case MULTI_IMAGE:
        return multiImage;
      case IMAGE_EXPANSION:
        return imageExpansion;
      case IMAGE_TO_VIDEO:
        return imageToVideo;
      default:
        throw new IllegalArgumentException("family: no service for " + family);
    }
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
