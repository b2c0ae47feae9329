package io.github.klingjava.contract.prism;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import io.github.klingjava.contract.config.ContractConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * Runs Prism in a container with Testcontainers, on the host network (Prism binds 127.0.0.1 on a
 * free port, so the tests never talk to a bridge address). The image is
 * {@code kling.prism.image} (default: the official {@code stoplight/prism} at the pinned tag);
 * where that image is absent and cannot be pulled, the registry-free stand-in
 * {@code kling.prism.localImage} is used when it exists.
 */
public final class DockerPrismBackend implements PrismBackend {

  static final String ENGINE_FIX = "start one with `bash .ci/docker-engine.sh`, or use"
      + " -Dkling.prism.backend=process";
  static final String IMAGE_FIX = "build the registry-free image with"
      + " `bash contract-tests/docker/build-local-prism-image.sh` (used automatically as"
      + " kling.prism.localImage), or set -Dkling.prism.image=<an image you have>";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final String image;
  private final String localImage;
  private String resolvedImage;
  private String imageNote = "";

  /** A backend over the configured images. */
  public DockerPrismBackend() {
    this(ContractConfig.image(), ContractConfig.localImage());
  }

  DockerPrismBackend(String image, String localImage) {
    this.image = image;
    this.localImage = localImage;
  }

  @Override
  public String name() {
    return "docker";
  }

  /** @return whether a Docker engine answers (Testcontainers' own discovery) */
  public static boolean engineAnswers() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  @Override
  public synchronized void checkPrerequisites() {
    if (!engineAnswers()) {
      throw new PrerequisiteMissingException("docker backend: no Docker engine answers: " + ENGINE_FIX);
    }
    if (resolvedImage == null) {
      resolvedImage = resolveImage();
    }
  }

  /** @return why the image in use was chosen ("" when it is the configured one) */
  public synchronized String imageNote() {
    return imageNote;
  }

  private String resolveImage() {
    DockerClient docker = DockerClientFactory.instance().client();
    if (present(docker, image)) {
      return image;
    }
    String pullError = pull(docker, image);
    if (pullError == null) {
      return image;
    }
    if (localImage != null && !localImage.isBlank() && !localImage.equals(image)
        && present(docker, localImage)) {
      imageNote = "local stand-in; " + image + " cannot be pulled: "
          + (pullError.length() > 70 ? pullError.substring(0, 70) + "..." : pullError);
      return localImage;
    }
    throw new PrerequisiteMissingException("docker backend: Prism image " + image
        + " is not available locally and cannot be pulled (" + pullError + "): " + IMAGE_FIX);
  }

  private static boolean present(DockerClient docker, String name) {
    try {
      docker.inspectImageCmd(name).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  private static String pull(DockerClient docker, String name) {
    long seconds = Long.parseLong(ContractConfig.get("kling.prism.pullTimeoutSeconds",
        "KLING_PRISM_PULL_TIMEOUT_SECONDS", "300"));
    try {
      DockerImageName parsed = DockerImageName.parse(name);
      boolean done = docker.pullImageCmd(parsed.getUnversionedPart())
          .withTag(parsed.getVersionPart())
          .exec(new PullImageResultCallback())
          .awaitCompletion(seconds, TimeUnit.SECONDS);
      return done ? null : "pull timed out after " + seconds + "s";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (RuntimeException e) {
      String message = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim();
      java.util.regex.Matcher daemon = java.util.regex.Pattern.compile("\"message\":\"(.*?)\"}").matcher(message);
      if (daemon.find()) {
        message = daemon.group(1).replace("\\\"", "");
      }
      return message.length() > 120 ? message.substring(0, 120) + "..." : message;
    }
  }

  @Override
  public PrismInstance start(Path spec, PrismCommand command, String logName) {
    checkPrerequisites();
    int port = FreePorts.next();
    PrismLog log = new PrismLog(logName);
    String image = resolvedImage;
    @SuppressWarnings("resource")
    GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
        .withNetworkMode("host")
        .withCopyFileToContainer(MountableFile.forHostPath(spec.toAbsolutePath()), "/tmp/spec.yaml")
        .withCommand(command.arguments(port, "/tmp/spec.yaml").toArray(String[]::new))
        .withLogConsumer((OutputFrame frame) -> {
          if (frame.getType() != OutputFrame.OutputType.END) {
            log.line(frame.getUtf8StringWithoutLineEnding());
          }
        })
        .waitingFor(Wait.forLogMessage(".*Prism is listening.*", 1).withStartupTimeout(START_TIMEOUT));
    try {
      container.start();
    } catch (RuntimeException e) {
      container.stop();
      log.close();
      throw new IllegalStateException("docker backend: Prism (" + image + ") did not start: "
          + e.getMessage() + "; last output:\n" + log.tail() + "\n(full log: " + log.file() + ")", e);
    }
    String description = "image " + image + (imageNote.isEmpty() ? "" : " (" + imageNote + ")");
    return new ContainerInstance(container, log, "http://127.0.0.1:" + port, description);
  }

  private record ContainerInstance(GenericContainer<?> container, PrismLog log, String baseUrl,
      String description) implements PrismInstance {

    @Override
    public String backend() {
      return "docker";
    }

    @Override
    public void close() {
      try {
        container.stop();
      } finally {
        log.close();
      }
    }
  }
}
