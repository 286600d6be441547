// docs/javascripts/vendor/mp4box/mp4box.all.mjs is copied from the pinned npm package at build
// time (overrides/hooks/video_demuxer.py): its types are the package's own.
export * from "mp4box";
