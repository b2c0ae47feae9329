package io.github.klingjava.vendor;

/**
 * The four task families of the spec: each has a submit route, a query route ({@code route/{id}}) and a list
 * route, all relative to a vendor's base URL.
 */
public enum TaskFamily {
  IMAGE_GENERATION("v1/images/generations", "ImageGenerationRequest"),
  MULTI_IMAGE("v1/images/multi-image2image", "MultiImageRequest"),
  IMAGE_EXPANSION("v1/images/editing/expand", "ImageExpansionRequest"),
  IMAGE_TO_VIDEO("v1/videos/image2video", "ImageToVideoRequest");

  private final String route;
  private final String requestSchema;

  TaskFamily(String route, String requestSchema) {
    this.route = route;
    this.requestSchema = requestSchema;
  }

  /** The route relative to the base URL, without a leading slash, e.g. {@code v1/images/editing/expand}. */
  public String route() {
    return route;
  }

  /** The name of the request schema in the spec's {@code components/schemas}. */
  public String requestSchema() {
    return requestSchema;
  }

  /** The family whose submit, query or list route {@code relativePath} is, or null. */
  public static TaskFamily ofPath(String relativePath) {
    for (TaskFamily family : values()) {
      if (relativePath.equals(family.route) || relativePath.startsWith(family.route + "/")) {
        return family;
      }
    }
    return null;
  }
}
