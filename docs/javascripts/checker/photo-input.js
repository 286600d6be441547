// Where a photo comes in: the file picker (which on a phone also offers the camera) and, on a
// computer, a photo dropped onto the tool. Calls onFile(file) and returns a function that
// detaches the listeners. The camera self-timer hands its frame to the same onFile.

export function listenForPhotos({ input, dropZone, onFile, onError }) {
  const cleanups = [];
  const on = (target, type, handler) => {
    target.addEventListener(type, handler);
    cleanups.push(() => target.removeEventListener(type, handler));
  };
  const open = (file) => {
    Promise.resolve()
      .then(() => onFile(file))
      .catch((error) => onError(`The photo could not be opened: ${error?.message ?? error}`));
  };
  on(input, "change", () => {
    const file = input.files?.[0];
    input.value = ""; // choosing the same file again still fires "change"
    if (file) open(file);
  });
  on(dropZone, "dragover", (event) => {
    if (!event.dataTransfer?.types?.includes("Files")) return;
    event.preventDefault();
    dropZone.classList.add("is-dropping");
  });
  on(dropZone, "dragleave", () => dropZone.classList.remove("is-dropping"));
  on(dropZone, "drop", (event) => {
    if (!event.dataTransfer?.files?.length) return;
    event.preventDefault();
    dropZone.classList.remove("is-dropping");
    open(event.dataTransfer.files[0]);
  });
  return () => {
    for (const cleanup of cleanups) cleanup();
  };
}
