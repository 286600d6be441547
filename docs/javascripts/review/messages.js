// What the page says when a video cannot be read (the decode stage's VideoError reasons), with
// the status the page shows (data-state) and the warning's data-reason. Every rep, phase and
// verdict sentence is Python's; these are only about the file and the browser.

import { VideoError } from "./decode.js";

const HEVC_HELP =
  "This video is in HEVC (H.265, the iPhone's “High Efficiency” format), which this browser cannot decode. " +
  "Open it in the Photos app and export or share it as H.264 (“Most Compatible”), or set " +
  "Settings › Camera › Formats › Most Compatible before filming, then choose that video.";
const CODEC_HELP =
  "This browser cannot decode this video's format. Export it again as MP4 (H.264), or try another browser.";

/**
 * @param {any} error
 * @param {number} maxSeconds
 * @returns {{state: string, text: string, reason: string | null}}
 */
export function messageFor(error, maxSeconds) {
  if (!(error instanceof VideoError)) {
    return {
      state: "failed",
      text: `The video could not be analysed: ${error?.message ?? error}. Try again, or try another video.`,
      reason: null,
    };
  }
  switch (error.reason) {
    case "empty":
      return {
        state: "failed",
        text: "This file is empty (0 bytes). Choose the video again.",
        reason: "empty",
      };
    case "not-video":
      return {
        state: "failed",
        text: "This file is not a video this page can read. Choose an MP4, MOV or WebM video.",
        reason: "not-video",
      };
    case "no-picture":
      return {
        state: "failed",
        text: "This file has no picture (sound only?). Choose a video.",
        reason: "no-picture",
      };
    case "codec":
      return {
        state: "unsupported",
        text: error.message === "hevc" ? HEVC_HELP : CODEC_HELP,
        reason: "codec",
      };
    case "long":
      return {
        state: "unsupported",
        text: `This video is ${Math.round(Number(error.message) / 60)} minutes long: the review reads videos of up to ${Math.round(maxSeconds / 60)} minutes. Trim it to the set and choose it again.`,
        reason: "long",
      };
    case "cancelled":
      return { state: "idle", text: "Cancelled. Choose a video when you are ready.", reason: null };
    default:
      return {
        state: "failed",
        text: "The video could not be read to the end. Try again, or export it again as MP4 (H.264).",
        reason: null,
      };
  }
}
