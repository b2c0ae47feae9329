package io.github.klingjava.client;

import io.github.klingjava.generated.model.ImageExpansionRequest;
import io.github.klingjava.generated.model.ImageGenerationRequest;
import io.github.klingjava.generated.model.ImageToVideoRequest;
import io.github.klingjava.generated.model.MultiImageRequest;

/** Reads and writes the {@code external_task_id} (and reads the {@code callback_url}) of the request models. */
final class ExternalIds {

  private ExternalIds() {
  }

  static String get(Object request) {
    if (request instanceof ImageGenerationRequest) {
      return ((ImageGenerationRequest) request).getExternalTaskId();
    }
    if (request instanceof MultiImageRequest) {
      return ((MultiImageRequest) request).getExternalTaskId();
    }
    if (request instanceof ImageExpansionRequest) {
      return ((ImageExpansionRequest) request).getExternalTaskId();
    }
    if (request instanceof ImageToVideoRequest) {
      return ((ImageToVideoRequest) request).getExternalTaskId();
    }
    return null;
  }

  static String callbackUrl(Object request) {
    if (request instanceof ImageGenerationRequest) {
      return ((ImageGenerationRequest) request).getCallbackUrl();
    }
    if (request instanceof MultiImageRequest) {
      return ((MultiImageRequest) request).getCallbackUrl();
    }
    if (request instanceof ImageExpansionRequest) {
      return ((ImageExpansionRequest) request).getCallbackUrl();
    }
    if (request instanceof ImageToVideoRequest) {
      return ((ImageToVideoRequest) request).getCallbackUrl();
    }
    return null;
  }

  /** @return false for a model without the field */
  static boolean set(Object request, String id) {
    if (request instanceof ImageGenerationRequest) {
      ((ImageGenerationRequest) request).setExternalTaskId(id);
    } else if (request instanceof MultiImageRequest) {
      ((MultiImageRequest) request).setExternalTaskId(id);
    } else if (request instanceof ImageExpansionRequest) {
      ((ImageExpansionRequest) request).setExternalTaskId(id);
    } else if (request instanceof ImageToVideoRequest) {
      ((ImageToVideoRequest) request).setExternalTaskId(id);
    } else {
      return false;
    }
    return true;
  }
}
