package io.github.klingjava.validation;

import java.util.Map;

/**
 * What each cross-field {@code x-rule} of the spec means, in words for people. The spec states
 * these rules as {@code anyOf}/{@code not} over {@code required} lists, which a validator can check
 * but cannot explain; the texts here turn "matches none of the alternatives" into advice.
 *
 * <p>An {@code x-rule} that is missing here still validates (its message is then built from the
 * structure alone); {@code RuleExplanationsTest} fails for every rule of the spec without a text.
 */
final class RuleExplanations {

  private static final String DOWN_OR_BOTTOM =
      "send exactly one of down_expansion_ratio and bottom_expansion_ratio"
          + " (bottom_expansion_ratio is CometAPI's name for the same value)";

  private static final Map<String, String> TEXTS = Map.ofEntries(
      Map.entry("prompt-or-subjects",
          "send prompt, or subject_image_list for the multi-subject variant"),
      Map.entry("image-reference-needs-image",
          "image_reference applies to image-to-image only: send image with it"),
      Map.entry("subjects-exclude-image",
          "the multi-subject variant (subject_image_list) does not take image"),
      Map.entry("down-or-bottom-ratio", DOWN_OR_BOTTOM),
      Map.entry("down-xor-bottom-ratio", DOWN_OR_BOTTOM),
      Map.entry("tail-masks-camera-exclusive",
          "image_tail, static_mask/dynamic_masks and camera_control are mutually exclusive:"
              + " use at most one of the three"),
      Map.entry("image-or-tail",
          "send a start frame (image), an end frame (image_tail) or both"),
      Map.entry("elements-exclude-voices",
          "element_list and voice_list cannot be used together"),
      Map.entry("voices-need-sound-on", "voice_list needs sound \"on\""),
      Map.entry("multi-shot-needs-shot-type", "multi_shot true needs shot_type"),
      Map.entry("customize-needs-multi-prompt",
          "shot_type \"customize\" needs multi_prompt (the shots)"),
      Map.entry("4k-only-kling-v3-omni",
          "mode \"4k\" is documented for kling-v3-omni only (the default model is kling-video-o1)"),
      Map.entry("audio-id-xor-sound-file",
          "send exactly one of audio_id (an audio Kling made) and sound_file (your own audio)"),
      Map.entry("audio-mode-needs-audio",
          "mode \"audio2video\" needs audio_file or audio_url"),
      Map.entry("dual-scene-needs-two-images",
          "this effect_scene takes two images: send input.images (two of them), not input.image"),
      Map.entry("edit-mode-images",
          "edit_mode \"addition\" needs at least one image_list entry; \"swap\" needs exactly one"),
      Map.entry("image-or-images",
          "send exactly one of image (single-image effects) and images (two-image effects)"),
      Map.entry("legacy-video-id-or-url",
          "send exactly one of video_id (a Kling video) and video_url"),
      Map.entry("prompt-or-custom-shots",
          "send prompt, or multi_prompt for custom multi-shot videos"),
      Map.entry("reference-video-sound-off",
          "a reference video (video_list) cannot be combined with sound \"on\""),
      Map.entry("text-mode-needs-text-and-voice",
          "mode \"text2video\" needs text and voice_id"),
      // the new standard's contents[] items (issue #11 part 2), typed by `type`
      Map.entry("prompt-content-needs-text", "a contents item of type \"prompt\" needs text"),
      Map.entry("media-content-needs-url",
          "a contents item of type first_frame, last_frame, refer_image, feature_video, base_video, image or video"
              + " needs url"),
      Map.entry("element-content-needs-ids", "a contents item of type \"element\" needs element_id and id"),
      Map.entry("voice-content-needs-ids", "a contents item of type \"voice\" needs voice_id and id"),
      Map.entry("video-id-xor-url",
          "send exactly one of video_id (a Kling video, at most 30 days old) and video_url"),
      Map.entry("4k-only-kling-v3",
          "mode \"4k\" is documented for kling-v3 only (the default model is kling-v1)"),
      Map.entry("duration-per-model",
          "durations other than \"5\" and \"10\" are documented for kling-v3 only"
              + " (the default model is kling-v1)"),
      Map.entry("image-refer-needs-image-list",
          "reference_type \"image_refer\" needs element_image_list (a frontal image and 1 to 3 more)"),
      Map.entry("video-refer-needs-video-list",
          "reference_type \"video_refer\" needs element_video_list (one reference video)"),
      Map.entry("voice-url-or-video-id",
          "a custom voice needs a source: send voice_url (an audio or video clip) or video_id (a Kling video)"),
      Map.entry("period-or-cursor",
          "send start_time and end_time for the first page, or the previous answer's next_cursor as cursor"));

  private RuleExplanations() {
  }

  /**
   * @param xRule an {@code x-rule} name of the spec
   * @return the explanation, or null when this rule has none
   */
  static String explain(String xRule) {
    return xRule == null ? null : TEXTS.get(xRule);
  }
}
