// Keyboard help is for keyboard users (issue 18): shown once a key is pressed, or from the start
// where the main pointer is fine (a mouse or trackpad, where a keyboard is at hand); never on a
// touch screen until someone presses a key there.

export class KeyboardHelp {
  /** @param {() => void} onChange called once, when a first key press turns the help on */
  constructor(onChange) {
    this.pressed = false;
    this.fine = matchMedia("(pointer: fine)").matches;
    /** @param {KeyboardEvent} event */
    this.onKey = (event) => {
      // A modifier key alone (a shortcut being held) is not yet keyboard use.
      if (this.pressed || ["Shift", "Control", "Alt", "Meta"].includes(event.key)) return;
      this.pressed = true;
      document.removeEventListener("keydown", this.onKey, true);
      if (!this.fine) onChange();
    };
    document.addEventListener("keydown", this.onKey, true);
  }

  /** @returns {boolean} whether to show keyboard help */
  get shown() {
    return this.fine || this.pressed;
  }

  destroy() {
    document.removeEventListener("keydown", this.onKey, true);
  }
}
